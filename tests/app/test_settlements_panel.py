"""The Settlements panel in the running script: date-aware, searchable, all 125 reachable."""

from __future__ import annotations

import datetime as dt
import shutil

import geo.settlements
from geo.paths import DATA_DIR
from tests.app.test_app import run


def open_panel(**params: str):
    at = run(**params)
    at.button_group(key="panel").set_value("settlements").run()
    assert not at.exception
    return at


def test_panel_follows_the_date_and_the_search():
    at = open_panel(date="2025-03-13")
    table = at.dataframe[0].value
    assert "Sudzha (Суджа)" in table["name"].tolist()
    assert "no: several places share this name (not guessed)" in table["on_map"].tolist()
    assert any(f"{len(table)} of 125 settlements" in c.value for c in at.caption)

    at.text_input(key="stl_query").input("суджа").run()
    assert not at.exception
    found = at.dataframe[0].value
    assert found["name"].iloc[0] == "Sudzha (Суджа)"
    assert found["russia"].iloc[0].startswith("“liberated”, 13 Mar 2025")

    at.slider(key="date").set_value(dt.date(2024, 8, 20)).run()
    assert not at.exception
    early = at.dataframe[0].value
    sudzha = early[early["name"] == "Sudzha (Суджа)"].iloc[0]
    assert sudzha["russia"] == ""  # Russia's claims came in March 2025
    assert sudzha["status"] == "Taken by Ukraine (as claimed)"

    totals = at.dataframe[1].value  # stated totals up to the date, newest first
    assert totals["stated"].iloc[0].startswith("93 under Ukrainian control")
    assert "100 under Ukrainian control" not in totals["stated"].tolist()  # said 27 Aug

    at.text_input(key="stl_query").input("no such village").run()
    assert not at.exception
    assert len(at.dataframe) == 1  # only the totals remain
    assert "matches the search" in at.info[0].value


def test_panel_says_how_many_are_on_the_map_and_why_the_others_are_not():
    at = open_panel(date="2025-04-13")
    table = at.dataframe[0].value
    line = next(c.value for c in at.caption if "settlements had been named" in c.value)
    placed = (table["on_map"] == "yes").sum()
    assert f"{placed} of them are on the map." in line
    assert "whose name several places share (never guessed)" in line
    assert "in Sumy region, for which no gazetteer is embedded yet" in line
    zhuravka = table[table["name"] == "Zhuravka (Журавка)"].iloc[0]
    assert zhuravka["region"] == "Sumy (Ukraine)"
    assert zhuravka["russia"].startswith("“liberated”, 10 Apr 2025")
    footer = " ".join(c.value for c in at.caption)
    assert "INID / Research Data Infrastructure, dataset 160" in footer


def test_panel_in_dutch_uses_dutch_labels():
    at = open_panel(date="2025-03-16", lang="nl")
    table = at.dataframe[0].value
    sudzha = table[table["name"] == "Soedzja (Суджа)"].iloc[0]
    assert sudzha["status"] == "„Bevrijd” door Rusland (volgens de bewering)"


def test_a_broken_statement_row_stops_the_app_with_a_message_naming_it(tmp_path, monkeypatch):
    for path in DATA_DIR.glob("settlement*.csv"):
        shutil.copy(path, tmp_path / path.name)
    said = tmp_path / "settlement_statements.csv"
    lines = said.read_text(encoding="utf-8").splitlines()
    lines[5] = lines[5].replace(",https://", ",ftp://", 1)
    said.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(geo.settlements, "DATA_DIR", tmp_path)
    at = run()
    assert not at.exception
    assert "settlement_statements.csv line 6" in at.error[0].value
    assert "missing source" in at.error[0].value
