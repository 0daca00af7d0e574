"""Named settlements: the embedded tables, ledger validation, status by date, gazetteer."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

import geo
from geo.build_settlements import place_settlements, read_gazetteer, read_research, region_of
from geo.paths import DATA_DIR
from geo.settlements import (
    STATEMENTS_FILE,
    SettlementsError,
    load_settlement_statements,
    place_statuses,
    said_as_of,
    settlement_status,
    statements_as_of,
)


def test_all_125_settlements_load_and_86_are_placed_each_with_source_and_licence(settlements):
    assert len(settlements) == 125
    assert settlements.crs.to_epsg() == 4326
    assert settlements["placement"].value_counts().to_dict() == {
        "gazetteer_name": 57,
        "region_not_covered": 26,
        "source": 19,
        "gazetteer_district": 10,
        "not_in_gazetteer": 9,
        "ambiguous": 4,
    }
    placed = settlements[settlements["located"]]
    assert len(placed) == 86
    assert (placed["coord_source"] != "").all()
    assert (placed["coord_licence"] != "").all()
    assert settlements.loc[~settlements["located"]].geometry.is_empty.all()
    assert not placed.geometry.is_empty.any()
    sudzha = settlements.set_index("id").loc["sudzha"]
    assert (sudzha["name_ru"], sudzha["name_nl"]) == ("Суджа", "Soedzja")
    assert sudzha.geometry.y == pytest.approx(51.19, abs=0.01)


def test_the_86_kursk_names_of_2024_are_placed_as_the_gazetteer_allows(settlements):
    kursk = settlements[settlements["region"] == "RU-KRS"].set_index("id")
    first = kursk.drop(index="tyotkino")  # added with the 2025 research
    assert len(first) == 86
    assert first["located"].sum() == 75
    # Ambiguous names stay off the map: never a guess.
    ambiguous = set(first.index[first["placement"] == "ambiguous"])
    assert ambiguous == {"krupets", "mikhailovka_korenevo", "nikolsky", "pokrovsky"}
    # Shared names resolved by the district: each Viktorovka in its own district.
    both = first.loc[["viktorovka_sudzha", "viktorovka_korenevo"]]
    assert both["placement"].tolist() == ["gazetteer_district"] * 2
    assert both.geometry.iloc[0].distance(both.geometry.iloc[1]) > 0.1
    assert "Суджанский" in both["coord_source"].iloc[0]


def test_gazetteer_points_name_their_row_source_and_licence(settlements):
    demidovka = settlements.set_index("id").loc["demidovka"]
    assert demidovka["region"] == "RU-BEL"
    assert demidovka["coord_source"].startswith("gazetteer-kursk-sumy.csv row ")
    assert "INID/RDI dataset 160" in demidovka["coord_source"]
    assert "CC BY-SA" in demidovka["coord_licence"]
    assert "GPL-3.0" in demidovka["coord_licence"]
    assert demidovka["coord_evidence"] == "G"
    shared = settlements.set_index("id").loc["knyazhy_2", "coord_source"]
    assert "approximate" in shared  # the source gives that point to two villages


def test_no_ukrainian_village_takes_a_russian_gazetteer_point(settlements):
    sumy = settlements[settlements["region"] == "UA-59"]
    assert len(sumy) == 29
    assert set(sumy.loc[sumy["located"], "placement"]) == {"source"}
    assert set(sumy.loc[~sumy["located"], "placement"]) == {"region_not_covered"}


def test_every_placed_settlement_lies_in_its_own_region(settlements, regions):
    placed = settlements[settlements["located"]]
    inside = [
        regions.loc[row.region].geometry.contains(row.geometry) for row in placed.itertuples()
    ]
    outside = placed.loc[[not ok for ok in inside], "id"].tolist()
    assert outside == []


def test_statements_as_of_a_date_leave_out_later_ones():
    every = geo.settlement_statements()
    before = geo.settlement_statements(as_of="2025-03-13")
    assert len(every) == 291
    assert 0 < len(before) < len(every)
    assert before["date"].max() <= pd.Timestamp("2025-03-13")
    sudzha = before[before["settlement_id"] == "sudzha"]
    assert {"2024-08-15", "2025-03-13"} <= set(sudzha["date"].dt.strftime("%Y-%m-%d"))


@pytest.mark.parametrize(
    ("column", "value", "message"),
    [
        ("settlement_id", "atlantis", "unknown settlement id 'atlantis'"),
        ("action", "annexed", "action 'annexed' is not one of"),
        ("source_url", "", "missing source"),
        ("source_url", "javascript:alert(1)", "missing source"),
        ("side", "nato", "side 'nato' is not one of"),
        ("date", "13 March", "date '13 March' is not YYYY-MM-DD"),
    ],
)
def test_a_bad_statement_row_is_named_in_the_error(tmp_path, settlements, column, value, message):
    frame = pd.read_csv(DATA_DIR / STATEMENTS_FILE, dtype=str, keep_default_na=False)
    frame.loc[41, column] = value
    path = tmp_path / STATEMENTS_FILE
    frame.to_csv(path, index=False)
    with pytest.raises(SettlementsError, match=f"line 43 .*{message}") as err:
        load_settlement_statements(path, settlements)
    assert STATEMENTS_FILE in str(err.value)
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("bad", ["13 Marchember", "", object()])
def test_a_bad_as_of_date_is_a_one_line_error(bad):
    with pytest.raises(ValueError, match="is not a date"):
        geo.settlement_statements(as_of=bad)


def test_a_settlement_outside_the_area_or_without_source_is_rejected(tmp_path):
    frame = pd.read_csv(DATA_DIR / "settlements.csv", dtype=str, keep_default_na=False)
    row = frame.index[frame["id"] == "sudzha"][0]
    frame.loc[row, "lat"] = "55.75"
    frame.to_csv(tmp_path / "settlements.csv", index=False)
    with pytest.raises(SettlementsError, match=r"line \d+ \(sudzha\): .* outside"):
        geo.load_settlements(tmp_path / "settlements.csv")
    frame.loc[row, ["lat", "coord_source"]] = ["51.19", ""]
    frame.to_csv(tmp_path / "settlements.csv", index=False)
    with pytest.raises(SettlementsError, match=r"\(sudzha\): coordinates without coord_source"):
        geo.load_settlements(tmp_path / "settlements.csv")


@pytest.mark.parametrize(
    ("day", "status"),
    [
        ("2024-08-20", "ukraine"),  # Syrskyi: Sudzha taken, commandant's office
        ("2025-03-13", "contested"),  # MoD "liberated"; Ukraine has not conceded
        ("2025-03-16", "russia"),  # Ukraine's General Staff map shows the withdrawal
    ],
)
def test_sudzha_status_follows_each_sides_latest_claim(statements, day, status):
    rows = settlement_status(statements, day).set_index("settlement_id")
    assert rows.loc["sudzha", "status"] == status


def test_gornal_on_26_april_2025_is_contested_and_trackers_do_not_decide(statements):
    rows = settlement_status(statements, "2025-04-26").set_index("settlement_id")
    assert rows.loc["gornal", "status"] == "contested"
    # Oleshnya: only DeepState said who took it in Aug 2024, so no side's claim yet.
    early = settlement_status(statements, "2024-08-10").set_index("settlement_id")
    assert early.loc["oleshnya", "status"] == "reported"


@pytest.mark.parametrize("day", ["2024-08-10", "2025-03-13", "2025-04-26", "2026-03-08"])
def test_statuses_of_the_records_are_those_of_the_table(statements, place_claims, day):
    """The page and the files read records, tests and notebooks the table: one answer."""
    table = settlement_status(statements, day).set_index("settlement_id")
    shown = statements_as_of(statements, day)
    typed = place_statuses(place_claims, day)
    assert list(typed) == table.index.tolist()
    for sid, place in typed.items():
        row = table.loc[sid]
        assert (place.status, place.n_statements, place.last_date) == (
            row["status"], row["n_statements"], row["last_date"]
        )  # fmt: skip
        labels = {s: row[f"latest_{s}"] for s in ("russia", "ukraine", "independent")}
        said = {s: tuple(shown.loc[label, ["date", "action", "source_url"]])
                for s, label in labels.items() if pd.notna(label)}  # fmt: skip
        assert {s: (c.date, c.action, c.source_url) for s, c in place.latest.items()} == said
    assert len(said_as_of(place_claims, day)) == len(shown)


def dump_row(gid: str, name: str, alt: str, lat: str, lon: str, admin1: str = "41") -> str:
    """One line of a GeoNames country dump (19 tab-separated columns)."""
    cols = [gid, name, name, alt, lat, lon, "P", "PPL", "RU", "", admin1, "", "", "", "0",
            "", "150", "Europe/Moscow", "2024-01-01"]  # fmt: skip
    return "\t".join(cols)


def research(rows: list[tuple[str, str, str, str]]) -> pd.DataFrame:
    """Research rows (id, name_en, name_ru, district), unplaced, with their region."""
    table = pd.DataFrame(rows, columns=["id", "name_en", "name_ru", "district"])
    table["region"] = table["district"].map(region_of)
    for col in ("lat", "lon", "coord_source", "coord_licence", "coord_evidence"):
        table[col] = ""
    return table


def test_a_geonames_dump_places_unique_names_inside_the_area_only(tmp_path):
    (tmp_path / "RU.txt").write_text("\n".join([
        dump_row("1", "Agronom", "Агроном", "51.21", "35.31"),
        dump_row("2", "Mirnyy", "Мирный", "51.20", "35.29"),
        dump_row("3", "Mirnyy", "Мирный", "51.40", "35.10"),
        dump_row("4", "Bogdanovka", "Богдановка", "55.00", "37.00"),
        dump_row("5", "Glotovo", "Глотово", "50.45", "35.60", admin1="09"),
    ]) + "\n")  # fmt: skip
    table = research([
        ("agronom", "Agronom", "Агроном", "Sudzhansky"), ("mirny", "Mirny", "Мирный", ""),
        ("bogdanovka", "Bogdanovka", "Богдановка", "Sudzhansky"),
        ("glotovo", "Glotovo", "", "Grayvoronsky (Belgorod oblast)"),
        ("sudzha", "Sudzha", "Суджа", "Sudzhansky"),
    ])  # fmt: skip
    table.loc[4, ["lat", "lon", "coord_source"]] = ["51.19139", "35.27056", "Wikipedia"]
    placed, notes = place_settlements(table, read_gazetteer(tmp_path / "RU.txt"))
    placed = placed.set_index("id")
    assert placed.loc["agronom", ["lat", "lon"]].tolist() == ["51.21000", "35.31000"]
    assert placed.loc["agronom", "coord_source"] == "RU.txt geonameid 1 (Agronom): GeoNames"
    assert placed.loc["agronom", "coord_licence"] == "GeoNames CC BY 4.0"
    assert point(placed, "mirny") == ["", "ambiguous"]
    assert "mirny: ambiguous, not placed" in notes
    assert placed.loc["bogdanovka", "placement"] == "not_in_gazetteer"  # only one near Moscow
    assert placed.loc["glotovo", "placement"] == "gazetteer_name"  # Latin name, its region
    assert placed.loc["sudzha", ["coord_source", "placement"]].tolist() == ["Wikipedia", "source"]


GAZETTEER_HEAD = "name,name_ru,lat,lon,source,licence,region_ru,district_ru,type,oktmo,coord_flag"


def gazetteer_csv(tmp_path, lines: list[str]) -> pd.DataFrame:
    """A gazetteer in the shared file's format, read back as the build reads it."""
    path = tmp_path / "gaz.csv"
    path.write_text("\n".join([GAZETTEER_HEAD, *lines]) + "\n", encoding="utf-8")
    return read_gazetteer(path)


def placed_by(gaz: pd.DataFrame, rows: list[tuple]) -> tuple[pd.DataFrame, str]:
    """Research rows placed against a gazetteer: the table by id, and the build's notes."""
    placed, notes = place_settlements(research(rows), gaz)
    return placed.set_index("id"), notes


def point(placed: pd.DataFrame, sid: str) -> list[str]:
    """A placed row's latitude (empty when unplaced) and how it was placed."""
    return placed.loc[sid, ["lat", "placement"]].tolist()


def test_a_shared_name_is_placed_by_district_and_never_guessed(tmp_path):
    kursk = "Курская область"
    gaz = gazetteer_csv(tmp_path, [
        f"Viktorovka,Викторовка,51.10,35.20,src A,CC BY-SA,{kursk},Суджанский,д,1,",
        f"Viktorovka,Викторовка,51.40,35.00,src A,CC BY-SA,{kursk},Кореневский,д,2,",
        f"Viktorovka,Викторовка,51.60,35.30,src A,CC BY-SA,{kursk},Рыльский,д,3,",
        f"Mikhaylovka,Михайловка,51.20,35.30,src A,CC BY-SA,{kursk},Суджанский,д,4,",
        f"Mikhaylovka,Михайловка,51.50,35.40,src A,CC BY-SA,{kursk},Рыльский,с,5,",
        f"Pokrovsky,Покровский,51.25,35.30,src A,CC BY-SA,{kursk},Суджанский,х,6,",
        f"Pokrovsky,Покровский,51.55,35.60,src A,CC BY-SA,{kursk},Медвенский,х,7,",
    ])  # fmt: skip
    placed, notes = placed_by(gaz, [
        ("viktorovka_sudzha", "Viktorovka (Sudzhansky)", "Викторовка", "Sudzhansky"),
        ("viktorovka_korenevo", "Viktorovka (Korenevsky)", "Викторовка", "Korenevsky"),
        ("mikhailovka_korenevo", "Mikhailovka (Korenevsky)", "Михайловка", "Korenevsky"),
        ("pokrovsky", "Pokrovsky", "Покровский", ""),
    ])  # fmt: skip
    assert point(placed, "viktorovka_sudzha") == ["51.10000", "gazetteer_district"]
    assert placed.loc["viktorovka_korenevo", "lat"] == "51.40000"
    assert "(Викторовка, Кореневский): src A" in placed.loc["viktorovka_korenevo", "coord_source"]
    # Two namesakes, none in its district: left out, not given the nearest one.
    assert point(placed, "mikhailovka_korenevo") == ["", "ambiguous"]
    # No district recorded: a shared name stays unplaced.
    assert point(placed, "pokrovsky") == ["", "ambiguous"]
    assert "pokrovsky: ambiguous, not placed" in notes


def test_a_sumy_village_is_never_placed_at_a_russian_namesake(tmp_path):
    gaz = gazetteer_csv(tmp_path, [
        "Andreyevka,Андреевка,51.30,35.10,src A,CC BY-SA,Курская область,Суджанский,с,1,",
        "Demidovka,Демидовка,50.95,35.39,src B,CC BY-SA (B),Белгородская область,"
        "Краснояружский район,с,2,shared_point",
    ])  # fmt: skip
    placed, _ = placed_by(gaz, [
        ("andriivka_sumy", "Andriivka", "Андреевка", "Sumy Raion, Khotin hromada (Sumy oblast)"),
        ("demidovka", "Demidovka", "Демидовка", "Krasnoyaruzhsky (Belgorod oblast)"),
    ])  # fmt: skip
    assert point(placed, "andriivka_sumy") == ["", "region_not_covered"]
    demidovka = placed.loc["demidovka"]
    assert demidovka["coord_licence"] == "CC BY-SA (B)"  # the row's own licence
    assert demidovka["coord_source"].endswith("approximate: the source gives this point to "
                                              "several places")  # fmt: skip


def test_a_gazetteer_without_regions_is_refused(tmp_path):
    path = tmp_path / "plain.csv"
    path.write_text("name,lat,lon\nAgronom,51.2,35.3\n")
    with pytest.raises(ValueError, match="needs a region column"):
        read_gazetteer(path)


def test_later_research_rows_need_the_projects_own_words(tmp_path):
    head = "settlement_id,date,claimant,quote_or_paraphrase"
    (tmp_path / "statements.csv").write_text(f"{head}\nsudzha,2024-08-15,A,first words\n")
    (tmp_path / "statements-2025.csv").write_text(
        f"{head}\nsudzha,2025-03-13,B,their words\nsudzha,2025-03-14,C,more of theirs\n"
    )
    words = tmp_path / "own.csv"
    words.write_text(f"{head}\nsudzha,2025-03-13,B,our words\n")
    keys = ("settlement_id", "date", "claimant")
    with pytest.raises(ValueError, match=r"statements-2025\.csv: no own words for research row 3"):
        read_research(tmp_path, "statements", words, keys, "quote_or_paraphrase")
    words.write_text(f"{head}\nsudzha,2025-03-13,B,our words\nsudzha,2025-03-14,C,ours too\n")
    rows = read_research(tmp_path, "statements", words, keys, "quote_or_paraphrase")
    assert rows["quote_or_paraphrase"].tolist() == ["first words", "our words", "ours too"]


def test_settlement_counts_keep_cumulative_and_weekly_totals_apart():
    counts = geo.load_settlement_counts()
    held = counts[counts["count_kind"] == "held_by_ukraine"]
    assert held["count"].tolist() == [28, 44, 74, 82, 93, 100]
    mod = counts[(counts["count_kind"] == "retaken") & counts["claimant"].str.contains("Min")]
    assert mod["count"].dropna().tolist() == [10, 14]
    assert 29 in counts.loc[counts["count_kind"] == "retaken_in_period", "count"].tolist()


def test_missing_statements_file_names_the_file(tmp_path, settlements):
    shutil.copy(DATA_DIR / "settlements.csv", tmp_path)
    with pytest.raises(SettlementsError, match=r"settlement_statements\.csv: file is missing"):
        load_settlement_statements(tmp_path / STATEMENTS_FILE, settlements)
