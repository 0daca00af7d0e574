"""Named settlements: the embedded tables, ledger validation, status by date, gazetteer."""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

import geo
from geo.build_settlements import place_settlements, read_gazetteer
from geo.paths import DATA_DIR
from geo.settlements import (
    STATEMENTS_FILE,
    SettlementsError,
    load_settlement_statements,
    settlement_status,
)


def test_all_86_settlements_load_and_15_are_placed_with_their_source(settlements):
    assert len(settlements) == 86
    assert settlements.crs.to_epsg() == 4326
    placed = settlements[settlements["located"]]
    assert len(placed) == 15
    assert (placed["coord_source"] != "").all()
    assert settlements.loc[~settlements["located"]].geometry.is_empty.all()
    assert not placed.geometry.is_empty.any()
    sudzha = settlements.set_index("id").loc["sudzha"]
    assert (sudzha["name_ru"], sudzha["name_nl"]) == ("Суджа", "Soedzja")
    assert sudzha.geometry.y == pytest.approx(51.19, abs=0.01)


def test_statements_as_of_a_date_leave_out_later_ones():
    every = geo.settlement_statements()
    before = geo.settlement_statements(as_of="2025-03-13")
    assert len(every) == 183
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


def test_a_fuller_gazetteer_places_unique_names_inside_the_area_only(tmp_path):
    def dump_row(gid, name, alt, lat, lon):
        cols = [gid, name, name, alt, lat, lon, "P", "PPL", "RU", "", "41", "", "", "", "0",
                "", "150", "Europe/Moscow", "2024-01-01"]  # fmt: skip
        return "\t".join(cols)

    (tmp_path / "RU.txt").write_text("\n".join([
        dump_row("1", "Agronom", "Агроном", "51.21", "35.31"),
        dump_row("2", "Mirnyy", "Мирный", "51.20", "35.29"),
        dump_row("3", "Mirnyy", "Мирный", "51.40", "35.10"),
        dump_row("4", "Bogdanovka", "Богдановка", "55.00", "37.00"),
        dump_row("5", "Viktorovka", "Викторовка", "51.30", "35.00"),
    ]) + "\n")  # fmt: skip
    table = pd.DataFrame({
        "id": ["agronom", "mirny", "bogdanovka", "sudzha", "viktorovka_a", "viktorovka_b"],
        "name_en": ["Agronom", "Mirny", "Bogdanovka", "Sudzha", "Viktorovka", "Viktorovka"],
        "name_ru": ["Агроном", "Мирный", "Богдановка", "Суджа", "Викторовка", "Викторовка"],
        "lat": ["", "", "", "51.19139", "", ""], "lon": ["", "", "", "35.27056", "", ""],
        "coord_source": ["", "", "", "Wikipedia", "", ""], "coord_licence": "",
        "coord_evidence": "",
    })  # fmt: skip
    placed, notes = place_settlements(table, read_gazetteer(tmp_path / "RU.txt"), "RU.txt")
    placed = placed.set_index("id")
    assert placed.loc["agronom", ["lat", "lon"]].tolist() == ["51.21000", "35.31000"]
    assert placed.loc["agronom", "coord_source"] == "RU.txt (geonameid 1, Agronom)"
    assert placed.loc["mirny", "lat"] == ""  # two places of that name: not guessed
    assert "mirny: 2 places of that name, not placed" in notes
    # Two settlements of one name in different districts: one place cannot be both.
    assert placed.loc[["viktorovka_a", "viktorovka_b"], "lat"].tolist() == ["", ""]
    assert "viktorovka_a: name shared with viktorovka_b, not placed" in notes
    assert placed.loc["bogdanovka", "lat"] == ""  # the only match lies near Moscow
    assert placed.loc["sudzha", "coord_source"] == "Wikipedia"  # sourced points stay


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
