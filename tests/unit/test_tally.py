"""The tally file: one row per screening, forgiving of damage, exported as CSV."""

import pytest

from trialfinder import tally


def row(verdict="possibly_eligible", unknown=("I7",)):
    return {"date": "2026-11-27", "verdict": verdict, "not_met": [], "unknown": list(unknown)}


def test_record_replace_and_count():
    first = tally.record(row())
    tally.record(row("likely_eligible", ()), replace=first)
    tally.record(row())
    rows = tally.load_rows()
    assert [r["verdict"] for r in rows] == ["likely_eligible", "possibly_eligible"]
    assert tally.verdict_counts(rows) == {"likely_eligible": 1, "possibly_eligible": 1,
                                          "likely_not_eligible": 0}
    assert tally.common_unknowns(rows) == [("I7", 1)]


@pytest.mark.parametrize("content", ["{oops", '{"rows": 3}', '{"rows": [{"name": "Li"}]}'])
def test_damaged_or_odd_content_is_ignored(content):
    path = tally.tally_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    assert tally.load_rows() == []


def test_csv_has_one_row_per_screening_and_no_identifying_column():
    text = tally.csv_text([row(), row("likely_not_eligible", ("E3", "I5"))])
    lines = text.strip().splitlines()
    assert lines[0] == "date,verdict,not_met,unknown,trial"
    assert len(lines) == 3
    assert lines[2] == "2026-11-27,likely_not_eligible,,E3 I5,"  # a row from before: no trial


def test_the_row_records_the_trial_and_old_rows_still_load():
    from trialfinder.screening.screener import load_screener

    screener = load_screener()
    outcome = screener_outcome(screener)
    new = tally.row_for(screener, outcome)
    assert new["trial"] == "NCT06686524"
    tally.record(row())  # a row as written before the trial was recorded
    tally.record(new)
    rows = tally.load_rows()
    assert len(rows) == 2 and "trial" not in rows[0] and rows[1]["trial"] == "NCT06686524"
    lines = tally.csv_text(rows).strip().splitlines()
    assert lines[1].endswith(",I7,") and lines[2].endswith(",NCT06686524")


@pytest.mark.parametrize("trial", ["=1+1", 5, "NCT1", "nct06686524 "])
def test_a_row_with_a_bad_trial_is_ignored(trial):
    tally.record({**row(), "trial": "NCT06686524"})
    rows = tally.load_rows()
    rows.append({**row(), "trial": trial})
    tally.tally_path().write_text(__import__("json").dumps({"rows": rows}), encoding="utf-8")
    assert [r["trial"] for r in tally.load_rows()] == ["NCT06686524"]


def screener_outcome(screener):
    from trialfinder.screening.verdict import screen

    return screen(screener, {"age_years": 4})
