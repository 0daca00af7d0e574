"""Typed records at the geo → present boundary: what a reader is told is built from these.

Frozen dataclasses with the language-neutral facts of one thing each:

- :class:`Claim`: one record of the claims ledger (``data/claims.yaml``): who said what,
  when, with which figure and source;
- :class:`AreaFigure`: an area a side stated or we derived from its words
  (``geo.currency.area_bearing``), with where it is and how it would be drawn;
- :class:`ClaimZone`: an area figure on a date (``geo.dataset.zones_on``): current or
  stale and why, its age, and its drawn, area-true shape;
- :class:`Settlement`: a place of ``data/settlements.csv``, and
  :class:`SettlementClaim`: one side's statement about one settlement
  (``data/settlement_statements.csv``).

A name in several languages is data, not code: ``names`` maps a field to its text per
language code (``names["claimant"]["nl"]``), read from the columns ``<field>_<lang>``
(the bare ``<field>`` is English), so a third language adds columns to ``data/``, not
branches here. The page language picks the words in ``components/present`` only
(``wording.localized``). Missing values are ``None`` (never NaN), lists are tuples.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Protocol, TypeVar

import pandas as pd
from shapely.geometry.base import BaseGeometry

#: The language of a name column without a language suffix (``claimant``, ``anchor``).
BASE_LANG = "en"
#: A field's text per language code: {"en": "Kursk region", "nl": "regio Koersk"}.
Names = Mapping[str, Mapping[str, str]]

R = TypeVar("R", bound="_Record")


class Named(Protocol):
    """Anything with names in several languages (every record here)."""

    @property
    def names(self) -> Names: ...


def _clean(value: object) -> Any:
    """A table cell as a plain Python value: None for NaN/NaT/None, tuples for lists,
    Python scalars for numpy ones (their text and arithmetic are the same)."""
    if value is None:
        return None
    if isinstance(value, (list, tuple)):
        return tuple(value)
    if isinstance(value, (dict, BaseGeometry, pd.Timestamp)):
        return None if value is pd.NaT else value
    if isinstance(value, float) and math.isnan(value):
        return None
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        return value
    return value.item() if hasattr(value, "item") else value


def by_language(
    row: Mapping[str, object], stem: str, taken: Collection[str] = ()
) -> dict[str, object]:
    """{language: value} of every ``<stem>_<xx>`` column of a row (``anchor_name_nl``,
    ``claimant_nl``): the languages are whatever the data has, not a list in code.
    ``taken``: columns that only look like one (``anchor_id``, ``anchor_to``).

    >>> row = {"name_en": "Sudzha", "name_nl": "Soedzja", "name_id": "sudzha"}
    >>> by_language(row, "name", taken={"name_id"})
    {'en': 'Sudzha', 'nl': 'Soedzja'}
    """
    cut = len(stem) + 1
    return {
        str(key)[cut:]: row[key]
        for key in row.keys()  # noqa: SIM118 (a Series iterates its values, not its keys)
        if str(key).startswith(f"{stem}_")
        and len(str(key)) == cut + 2
        and str(key)[cut:].isalpha()
        and str(key)[cut:].islower()
        and key not in taken
    }


def _text(value: object) -> str:
    value = _clean(value)
    return "" if value is None else str(value)


@dataclass(frozen=True)
class _Record:
    """Common reading of a table row into a record (see the subclasses)."""

    #: Fields whose text differs by language, read into ``names``.
    NAME_FIELDS: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def from_row(cls: type[R], row: Mapping[str, object]) -> R:
        """The record of one row (a dict or Series of the geo table it comes from)."""
        fields = [f.name for f in dataclasses.fields(cls) if f.name != "names"]
        values = {name: _clean(row.get(name)) for name in fields}
        return cls(**values, names=cls._names(row, fields))  # type: ignore[call-arg]

    @classmethod
    def from_frame(cls: type[R], frame: pd.DataFrame) -> tuple[R, ...]:
        """One record per row of a geo table, in its order."""
        return tuple(cls.from_row(row) for row in frame.to_dict("records"))

    @classmethod
    def _names(cls, row: Mapping[str, object], fields: list[str]) -> dict[str, dict[str, str]]:
        """{field: {lang: text}} from ``<field>_<lang>`` columns; a bare ``<field>``
        that is not itself a record field is the English text."""
        taken = {*cls.NAME_FIELDS, *fields}  # anchor_id, anchor_to: not languages
        out: dict[str, dict[str, str]] = {}
        for name in cls.NAME_FIELDS:
            texts: dict[str, str] = {}
            if name not in fields and _text(row.get(name)):
                texts[BASE_LANG] = _text(row.get(name))
            for lang, value in by_language(row, name, taken).items():
                if _text(value):
                    texts[lang] = _text(value)
            out[name] = texts
        return out


@dataclass(frozen=True)
class Claim(_Record):
    """One ledger record: a statement, event or figure, with its source.

    ``names``: ``claimant``, ``summary``, ``caveat``, ``note``, ``words`` (the exact
    words a figure was read from, 'fully liberated'), ``quote`` (translations of
    ``quote``, which is in ``quote_lang``).
    """

    NAME_FIELDS: ClassVar[tuple[str, ...]] = ("claimant", "summary", "caveat", "note", "words",
                                              "quote")  # fmt: skip

    id: str
    date: pd.Timestamp
    date_approx: bool | None
    date_precision: str | None
    side: str
    source_kind: str | None
    region: str | None
    metric: str
    value: float | None
    value_high: float | None
    qualifier: str | None
    unit: str | None
    period: str | None
    group: str | None
    quote: str | None
    quote_lang: str | None
    source_title: str | None
    source_outlet: str | None
    source_date: str | None
    source_url: str | None
    source_also: tuple[str, ...] | None
    source_seed: str | None
    source_note: str | None
    confidence: str | None
    evidence: str | None
    disputed_by: tuple[str, ...] | None
    derived: bool | None
    derived_from: str | None
    supersedes_area: bool | None
    anchor: str | None  # the id of the place a zone is built around
    anchor_basis: str | None
    depth_ref: str | None
    territory: str | None
    holder: str | None
    people: str | None
    partial: bool | None
    anchor_to: str | None
    names: Names


@dataclass(frozen=True)
class AreaFigure(_Record):
    """An area-bearing figure: stated by a side, or derived by us from its words.

    ``names``: ``claimant``, ``anchor`` and ``anchor_to`` (the places it is drawn
    around), ``words``. ``derivation_numbers``: the figures our arithmetic used (empty
    when stated; words and formula: components/present/zone_text).
    """

    NAME_FIELDS: ClassVar[tuple[str, ...]] = ("claimant", "anchor", "anchor_to", "words")

    side: str
    date: pd.Timestamp
    claim_id: str
    claim_ids: tuple[str, ...]
    source_kind: str | None
    kind: str  # 'area', 'box', 'remaining', …
    qualifier: str | None
    area_km2: float
    derived: bool
    derivation_numbers: Mapping[str, Any] | None
    width_km: float | None
    depth_km: float | None
    depth_high_km: float | None
    anchor_id: str | None
    anchor_to_id: str | None
    anchor_basis: str | None
    confidence: str | None
    date_approx: bool | None
    date_precision: str | None
    territory: str | None
    holder: str | None
    partial: bool | None
    theatre: str | None
    names: Names
    #: The day the figure's line ends: replaced, or the last day of its age limit
    #: (geo.currency.stands_until); None where it was not worked out (a zone: its
    #: ``current`` says it for its date).
    until: pd.Timestamp | None = None


@dataclass(frozen=True)
class ClaimZone(AreaFigure):
    """An area figure on a date: whether it still stands, and the shape drawn for it."""

    stated_on: pd.Timestamp | None = None
    age_days: int | None = None
    current: bool | None = None
    stale_reason: str | None = None  # 'aged' | 'superseded' | None
    superseded_on: pd.Timestamp | None = None
    superseded_by: str | None = None
    stated_area_km2: float | None = None
    derived_area_km2: float | None = None
    shape: str | None = None  # 'capsule', 'box', 'strip', 'unplaced', 'none', …
    drawn_area_km2: float | None = None
    drawn_width_km: float | None = None
    drawn_depth_km: float | None = None
    geometry: BaseGeometry | None = None

    @property
    def drawn(self) -> bool:
        """Whether the zone has a shape on the map."""
        return self.geometry is not None and not self.geometry.is_empty


@dataclass(frozen=True)
class Settlement(_Record):
    """A settlement of the record: where it is (or why it is not placed) and its names.

    ``names``: ``name`` in each language the table has (``name_en``, ``name_nl``,
    ``name_ru``, ``name_uk``).
    """

    NAME_FIELDS: ClassVar[tuple[str, ...]] = ("name",)

    id: str
    region: str | None
    district: str | None
    placement: str | None
    coord_source: str | None
    coord_licence: str | None
    coord_evidence: str | None
    notes: str | None
    located: bool
    geometry: BaseGeometry | None
    names: Names

    @property
    def point(self) -> BaseGeometry | None:
        """Where the settlement is drawn, or None when it is not placed."""
        return self.geometry if self.located and self.geometry is not None else None


@dataclass(frozen=True)
class SettlementClaim(_Record):
    """One side's statement about one settlement on a date, with its source."""

    NAME_FIELDS: ClassVar[tuple[str, ...]] = ("summary",)

    settlement_id: str
    date: pd.Timestamp
    side: str
    claimant: str | None
    action: str
    source_title: str | None
    source_outlet: str | None
    source_url: str | None
    evidence: str | None
    acting_force: str | None
    names: Names


__all__ = [
    "BASE_LANG",
    "AreaFigure",
    "Claim",
    "ClaimZone",
    "Named",
    "Names",
    "Settlement",
    "SettlementClaim",
    "by_language",
]
