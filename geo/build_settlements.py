"""Data-build step for the named settlements (called by ``geo.build_data``).

Reads the research tables (``settlements.csv``, ``statements.csv``, ``counts.csv``),
keeps every row, turns the stated totals into numbers with what they count, and
optionally places more settlements from a fuller gazetteer: a GeoNames country dump
(``RU.txt`` or ``RU.zip``, tab-separated, no header) or a CSV with ``name,lat,lon``.
A settlement is placed only when exactly one populated place of that name lies in
the Kursk border area; its source is recorded per row.
"""

from __future__ import annotations

import io
import math
import re
import zipfile
from pathlib import Path

import pandas as pd

from geo.settlements import (
    BOX,
    COUNT_COLUMNS,
    COUNTS_FILE,
    SETTLEMENT_COLUMNS,
    SETTLEMENTS_FILE,
    STATEMENT_COLUMNS,
    STATEMENTS_FILE,
    fold,
    validate_settlements,
    validate_statements,
)

#: GeoNames dump columns (https://download.geonames.org/export/dump/readme.txt).
GEONAMES_COLUMNS = ("geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude",
                    "feature_class", "feature_code", "country_code", "cc2", "admin1_code",
                    "admin2_code", "admin3_code", "admin4_code", "population", "elevation",
                    "dem", "timezone", "modification_date")  # fmt: skip

#: Registry text for the three files (sha256 and row counts are added by the build).
REGISTRY: dict[str, dict[str, str]] = {
    SETTLEMENTS_FILE: {
        "title": "Named settlements: names, district, coordinates where a source gave them",
        "source": "Project research notes (research/settlements/settlements.csv): Wikipedia pages "
        "and mirrors; GeoNames; optionally a GeoNames country file given to the build",
        "upstream": "coord_source names the page or gazetteer row of every coordinate",
        "licence": "Names and district: facts. Coordinates: Wikipedia-derived (CC BY-SA, credited "
        "to Wikipedia) or GeoNames (CC BY 4.0), per row in coord_licence",
        "attribution": "Wikipedia contributors; GeoNames (geonames.org), CC BY 4.0",
        "url": "https://www.geonames.org/",
        "how_built": "research rows copied; Dutch names added for towns with a Dutch media "
        "spelling; missing coordinates filled only from a gazetteer given with --gazetteer "
        "(exactly one populated place of that name in lat 50.9–51.8, lon 34.4–36.0; "
        "names two settlements share are never placed)",
    },
    STATEMENTS_FILE: {
        "title": "Dated statements naming a settlement: side, claimant, action, source",
        "source": "Public news reports, ministries' statements as relayed, tracker and analyst "
        "updates; research/settlements/statements.csv, one source_url per row",
        "upstream": "evidence: V = read at the outlet that carried the claim, S = read in a relay",
        "licence": "Facts attributed to their sources; short paraphrases by the project",
        "attribution": "the outlet and claimant named in each row",
        "url": "",
        "how_built": "research rows copied unchanged apart from column names "
        "(quote_or_paraphrase → summary_en) and evidence tags without brackets; "
        "validated by geo.settlements (known settlement id, action, side, source)",
    },
    COUNTS_FILE: {
        "title": "Dated cumulative settlement counts stated by each side and by trackers",
        "source": "research/settlements/counts.csv (public reports, one source_url per row)",
        "upstream": "count_text keeps the statement's own words",
        "licence": "Facts attributed to their sources",
        "attribution": "the outlet and claimant named in each row",
        "url": "",
        "how_built": "count and count_kind parsed from count_text by geo.build_settlements."
        "parse_count (held_by_ukraine, retaken, retaken_in_period, other); "
        "rows without a number kept with an empty count",
    },
}


def parse_count(text: str, side: str) -> tuple[float, str, str]:
    """Number, qualifier and kind of a stated total.

    >>> parse_count("12 (Sept) + 2 (Novaya Sorochina, Pokrovsky)", "russia")
    (14.0, '', 'retaken')
    >>> parse_count("about 10 recaptured", "russia"), parse_count("n/a", "independent")
    ((10.0, 'about', 'retaken'), (nan, '', 'other'))
    >>> parse_count("24 liberated in the last five days", "russia")
    (24.0, '', 'retaken_in_period')
    """
    low = text.lower()
    if "under ukrainian control" in low:
        kind = "held_by_ukraine"
    elif any(w in low for w in ("in the last", "in one week", "in a week")):
        kind = "retaken_in_period"
    elif side == "russia":
        kind = "retaken"
    else:
        kind = "other"
    core = re.sub(r"\([^)]*\)", "", low)
    match = re.match(r"\s*(about\s+)?(\d+)((?:\s*\+\s*\d+)*)", core)
    if not match:
        return math.nan, "", "other" if kind == "other" else kind
    total = int(match[2]) + sum(int(x) for x in re.findall(r"\d+", match[3]))
    return float(total), "about" if match[1] else "", kind


def read_gazetteer(path: Path) -> pd.DataFrame:
    """A gazetteer as ``name, names (set of folded names), lat, lon, ref`` rows.

    Accepts a GeoNames dump (``.txt``/``.tsv`` or ``.zip``) or a CSV with ``name,lat,lon``.
    """
    if path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            inner = [n for n in archive.namelist() if n.endswith(".txt") and "readme" not in n]
            if not inner:
                raise ValueError(f"{path}: no GeoNames .txt file inside")
            raw = io.StringIO(archive.read(inner[0]).decode("utf-8"))
    else:
        raw = io.StringIO(path.read_text(encoding="utf-8"))
    first = raw.getvalue().split("\n", 1)[0]
    if first.count("\t") >= len(GEONAMES_COLUMNS) - 1:
        dump = pd.read_csv(raw, sep="\t", header=None, names=GEONAMES_COLUMNS, dtype=str,
                           keep_default_na=False, quoting=3)  # fmt: skip
        lat_all = pd.to_numeric(dump["latitude"], errors="coerce")
        lon_all = pd.to_numeric(dump["longitude"], errors="coerce")
        near = lat_all.between(*BOX["lat"]) & lon_all.between(*BOX["lon"])
        dump = dump[(dump["feature_class"] == "P") & near]  # a country file has ~400k rows
        names = [
            {fold(n) for n in [r.name, r.asciiname, *r.alternatenames.split(",")] if n}
            for r in dump.itertuples()
        ]
        refs = [f"geonameid {g}" for g in dump["geonameid"]]
        lat, lon, shown = dump["latitude"], dump["longitude"], dump["name"]
    else:
        table = pd.read_csv(raw, dtype=str, keep_default_na=False)
        if not {"name", "lat", "lon"} <= set(table.columns):
            raise ValueError(f"{path}: expected a GeoNames dump or a CSV with name,lat,lon")
        names = [{fold(n)} for n in table["name"]]
        refs = [f"row {i + 2}" for i in range(len(table))]
        lat, lon, shown = table["lat"], table["lon"], table["name"]
    out = pd.DataFrame({"name": shown.to_numpy(), "names": names, "ref": refs,
                        "lat": pd.to_numeric(lat).to_numpy(),
                        "lon": pd.to_numeric(lon).to_numpy()})  # fmt: skip
    inside = out["lat"].between(*BOX["lat"]) & out["lon"].between(*BOX["lon"])
    return out[inside].reset_index(drop=True)


def _names(row: pd.Series) -> set[str]:
    """Folded English spellings (``Darino (Daryino)`` gives two) and the Russian name."""
    names = {fold(n) for n in re.split(r"[()]", row["name_en"]) if n.strip()}
    return names | ({fold(row["name_ru"])} if row["name_ru"] else set())


def place_settlements(
    settlements: pd.DataFrame,
    gazetteer: pd.DataFrame,
    label: str,
    licence: str = "GeoNames CC BY 4.0",
) -> tuple[pd.DataFrame, list[str]]:
    """Fill missing coordinates from a gazetteer; returns the table and what was not placed.

    Never guesses: a name with several places in the area, a name two settlements share
    (the two Viktorovkas), or a place two settlements would both take stays unplaced.
    """
    out = settlements.copy()
    names = {idx: _names(row) for idx, row in out.iterrows()}
    notes, hits = [], {}
    for idx in out.index[out["lat"] == ""]:
        twins = [i for i, ns in names.items() if i != idx and ns & names[idx]]
        if twins:
            notes.append(
                f"{out.at[idx, 'id']}: name shared with {out.at[twins[0], 'id']}, not placed"
            )
            continue
        found = gazetteer[gazetteer["names"].map(lambda ns, w=names[idx]: bool(ns & w))]
        if len(found) > 1:
            notes.append(f"{out.at[idx, 'id']}: {len(found)} places of that name, not placed")
        elif len(found) == 1:
            hits[idx] = found.iloc[0]
    taken = pd.Series([hit["ref"] for hit in hits.values()]).value_counts()
    for idx, hit in hits.items():
        if taken[hit["ref"]] > 1:
            notes.append(f"{out.at[idx, 'id']}: {hit['ref']} matches another settlement too")
            continue
        out.loc[idx, ["lat", "lon"]] = [f"{hit['lat']:.5f}", f"{hit['lon']:.5f}"]
        out.loc[idx, "coord_source"] = f"{label} ({hit['ref']}, {hit['name']})"
        out.loc[idx, "coord_licence"] = licence
        out.loc[idx, "coord_evidence"] = "G"
    return out, notes


def build_settlements(
    research_dir: Path,
    dutch: dict[str, str],
    gazetteer: Path | None = None,
    gazetteer_licence: str = "GeoNames CC BY 4.0",
) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """The three settlement tables, validated, ready to write; plus build notes."""
    read = {"dtype": str, "keep_default_na": False, "encoding": "utf-8"}
    places = pd.read_csv(research_dir / "settlements.csv", **read)
    places["name_nl"] = places["name_en"].map(dutch).fillna("")
    places["coord_evidence"] = places["coord_evidence"].str.strip("[]")
    notes: list[str] = []
    if gazetteer is not None:
        gaz = read_gazetteer(gazetteer)
        places, notes = place_settlements(places, gaz, gazetteer.name, gazetteer_licence)
    places = places[list(SETTLEMENT_COLUMNS)]
    validate_settlements(places, f"{research_dir}/settlements.csv")

    said = pd.read_csv(research_dir / "statements.csv", **read)
    said = said.rename(columns={"quote_or_paraphrase": "summary_en"})
    said["evidence"] = said["evidence"].str.strip("[]")
    said = said[list(STATEMENT_COLUMNS)].sort_values(["date", "settlement_id"], kind="stable")
    validate_statements(said, set(places["id"]), f"{research_dir}/statements.csv")

    counts = pd.read_csv(research_dir / "counts.csv", **read)
    parsed = [parse_count(r.count_settlements, r.side) for r in counts.itertuples()]
    counts["count"] = [("" if math.isnan(n) else str(int(n))) for n, _, _ in parsed]
    counts["count_qualifier"] = [q for _, q, _ in parsed]
    counts["count_kind"] = [k for _, _, k in parsed]
    counts["evidence"] = counts["evidence"].str.strip("[]")
    counts = counts.rename(columns={"count_settlements": "count_text", "area_km2": "area_text"})
    tables = {
        SETTLEMENTS_FILE: places.sort_values("id").reset_index(drop=True),
        STATEMENTS_FILE: said.reset_index(drop=True),
        COUNTS_FILE: counts[list(COUNT_COLUMNS)],
    }
    return tables, notes


def write_csv(frame: pd.DataFrame, path: Path) -> None:
    """UTF-8 CSV with Unix line ends, so rebuilds are byte-identical."""
    frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
