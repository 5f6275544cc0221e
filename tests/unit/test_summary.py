"""The summary command: PDFs in English, Chinese and both, with their text and fonts inside."""

from __future__ import annotations

import datetime as dt
import json
import re

import pytest
from pypdf import PdfReader

from tests.unit.screening_cases import BASELINE, with_changes
from tests.unit.test_cli import run
from trialfinder.answers_file import save_answers
from trialfinder.screening.screener import load_screener

NOT_ELIGIBLE = with_changes(age_years=4, live_vaccine_within_4_weeks="yes")


def pdf_text(path) -> str:
    reader = PdfReader(str(path))
    return re.sub(r"\s+", "", "".join(page.extract_text() or "" for page in reader.pages))


def embedded_fonts(path) -> set[str]:
    found = set()
    for page in PdfReader(str(path)).pages:
        fonts = page["/Resources"].get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            for item in ([d.get_object() for d in descendants] if descendants else [font]):
                descriptor = item.get("/FontDescriptor")
                if descriptor is not None:
                    descriptor = descriptor.get_object()
                    if any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                        found.add(str(item["/BaseFont"]))
    return found


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def summary(tmp_path, answers: dict, lang: str):
    source = tmp_path / "facts.json"
    source.write_text(json.dumps(answers), encoding="utf-8")
    out = tmp_path / f"summary-{lang}.pdf"
    result = run("summary", str(source), "--out", str(out), "--lang", lang)
    assert result.returncode == 0, result.stderr
    return out


def test_english_summary(tmp_path):
    text = pdf_text(summary(tmp_path, NOT_ELIGIBLE, "en"))
    for expected in ("Likely not eligible", "The study takes children who are 5 years old or "
                     "older.", "your child can be checked again after turning 5",
                     "Only the study team decides who can take part.",
                     "Lu Mei ping, M.D", "+86 13685773988", "NCT06686524", "PBC081",
                     "November 13, 2024", "What the study team will check at the screening visit",
                     "Your child's age", "4 years", "Your answers",
                     dt.date.today().strftime("%Y")):
        assert squash(expected) in text, expected


def test_chinese_summary(tmp_path):
    text = pdf_text(summary(tmp_path, NOT_ELIGIBLE, "zh_CN"))
    for expected in ("很可能不符合条件", "这项研究只接收年满5岁的孩子。",
                     "浙江大学医学院附属儿童医院",
                     "谁能参加，只由研究团队决定。", "2024年11月13日", "孩子的年龄", "4岁",
                     "+86 13685773988", "Lu Mei ping"):
        assert squash(expected) in text, expected
    assert "Likely not eligible" not in text


def test_both_languages_side_by_side(tmp_path):
    text = pdf_text(summary(tmp_path, BASELINE, "both"))
    assert "Likelyeligible" in text and "很可能符合条件" in text


@pytest.mark.parametrize("lang", ["en", "zh_CN", "both"])
def test_fonts_are_embedded(tmp_path, lang):
    fonts = embedded_fonts(summary(tmp_path, NOT_ELIGIBLE, lang))
    assert fonts
    if lang != "en":
        assert any("TrialFinderNotoSansSC" in f for f in fonts)


def test_summary_from_a_saved_answers_file(tmp_path):
    source = tmp_path / "answers.json"
    save_answers(source, load_screener(), {"age_years": 3, "sex": "male", "cmas_score": "unsure"})
    out = tmp_path / "out.pdf"
    assert run("summary", str(source), "--out", str(out)).returncode == 0
    assert "Likelynoteligible" in pdf_text(out)


@pytest.mark.parametrize("stdin", ['{"age_years": 500}', "[]", "{"])
def test_bad_input_exits_2(tmp_path, stdin):
    result = run("summary", "-", "--out", str(tmp_path / "x.pdf"), stdin=stdin)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert not (tmp_path / "x.pdf").exists()


def test_unwritable_output_exits_2(tmp_path):
    result = run("summary", "-", "--out", str(tmp_path / "missing" / "x.pdf"), stdin="{}")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


def page_count(path) -> int:
    return len(PdfReader(str(path)).pages)


@pytest.mark.parametrize(("lang", "most"), [("en", 3), ("zh_CN", 3), ("both", 5)])
def test_one_screening_fits_on_a_few_pages(tmp_path, lang, most):
    # every answer given: the longest summary of a screening (7 and 12 pages before)
    assert page_count(summary(tmp_path, NOT_ELIGIBLE, lang)) <= most


def test_the_contact_and_qr_code_are_on_page_one(tmp_path):
    out = summary(tmp_path, NOT_ELIGIBLE, "en")
    first = PdfReader(str(out)).pages[0]
    assert squash("+86 13685773988") in squash(first.extract_text() or "")
    assert len(first.images) == 1  # the QR code


def test_counted_units_take_the_right_plural(tmp_path):
    one = with_changes(age_years=1, steroid_months=1, immunosuppressants_failed=1, das_score=1,
                       muscle_weakness_persistent="yes")
    text = pdf_text(summary(tmp_path, one, "en"))
    for expected in ("1 year", "1 month", "1 medicine", "1 point"):
        assert squash(expected) in text, expected
    for wrong in ("1years", "1months", "1medicines", "1points"):
        assert not re.search(rf"(?<![\d.]){wrong}", text), wrong


def test_side_by_side_languages_stay_aligned_row_by_row():
    from html import escape

    from trialfinder.i18n.content import gettext_for
    from trialfinder.report.summary import Summary
    from trialfinder.screening.facts import check_answers
    from trialfinder.screening.questionnaire import Questionnaire
    from trialfinder.screening.verdict import screen
    from trialfinder.trial.source import current_record

    screener = load_screener()
    outcome = screen(screener, check_answers(screener, NOT_ELIGIBLE))
    current = current_record(screener.nct_id, screener.criteria_sha256)
    html = Summary(Questionnaire(screener), NOT_ELIGIBLE, outcome, current).html("both")
    rows = re.findall(r"<tr><td (colspan|width)[^>]*>(.*?)</td>(?:<td[^>]*>(.*?)</td>)?</tr>",
                      html.split('<table width="100%" cellspacing="0"', 1)[1])
    zh = gettext_for("zh_CN")
    titled = 0
    for kind, left, right in rows:
        if kind == "colspan":
            continue
        for criterion in screener.criteria:
            if f"<b>{escape(criterion.title)}</b>" in left:
                assert f"<b>{escape(zh(criterion.title))}</b>" in right, criterion.id
                titled += 1
    assert titled >= 2  # what stands in the way and what is not known, row by row
