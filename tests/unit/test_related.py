"""Other studies without the network: ages, ranking, caps, the bundled list, the cache, the
words in both languages and the PDF section."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from tests.net.search_server import JDM_CHILDREN, MARKUP, NO_AGES, study
from trialfinder.i18n.content import gettext_for, set_language
from trialfinder.report.related_section import related_html
from trialfinder.screening.screener import load_screener
from trialfinder.trial import related_source
from trialfinder.trial.parser import RecordError, parse_study
from trialfinder.trial.related import (
    MAX_CONDITIONS,
    MAX_CONTACTS,
    MAX_PLACES,
    MAX_TEXT,
    RelatedStudy,
    age_in_years,
    parse_search_page,
    search_params,
    study_from_record,
)
from trialfinder.trial.related_source import (
    RelatedList,
    bundled_related,
    load_cache,
    save_cache,
    stored_related,
)
from trialfinder.trial.related_text import age_number, section, study_lines

QUERY = load_screener().trial.related  # the bundled trial's search, from its screener file
ADULT_IDS = {"NCT07059169", "NCT06154252", "NCT06665256", "NCT06056921"}


def ages(low: str = "", high: str = "") -> RelatedStudy:
    return RelatedStudy("NCT09999999", "CAR-T in dermatomyositis", "RECRUITING", min_age=low,
                        max_age=high, conditions=("Dermatomyositis",))


@pytest.mark.parametrize(("low", "high", "age", "takes"), [
    ("5 Years", "", 5, True), ("5 Years", "", 4.99, False),
    ("", "17 Years", 17.99, True), ("", "17 Years", 18, False),  # completed years
    ("6 Months", "4 Years", 0.4, False), ("6 Months", "4 Years", 0.5, True),
    ("6 Months", "4 Years", 4.9, True), ("6 Months", "4 Years", 5, False),
    ("", "", 90, True), ("", "", 0, True),  # no limit given: every age
    ("N/A", "N/A", 40, True),  # an unreadable limit never counts as no
    ("18 Years", "", None, True),  # no age known: every study
])
def test_ages_are_checked_on_the_study_own_limits(low, high, age, takes):
    assert ages(low, high).takes_age(age) is takes


def test_age_in_years_reads_registry_units():
    assert age_in_years("18 Years") == 18
    assert age_in_years("6 Months") == 0.5
    assert age_in_years("2 Weeks") == pytest.approx(14 / 365.25)
    assert age_in_years("") is None and age_in_years("adults") is None


@pytest.mark.parametrize(("raw", "expected"), [
    (4, 4.0), ("25", 25.0), (" 9.5 ", 9.5), (None, None), ("unsure", None), (True, None),
    (-1, None), ("1e400", None), ("nan", None)])
def test_age_number_takes_only_real_ages(raw, expected):
    assert age_number(raw) == expected


def test_the_bundled_list_gives_each_age_the_studies_that_take_it_with_dates_and_sources():
    bundled = bundled_related(QUERY)
    assert bundled.source == "bundled" and bundled.listed == "2026-11"
    assert {s.nct_id for s in bundled.studies} == {
        "NCT06569472", "NCT07059169", "NCT07674147", "NCT07283315", "NCT06154252",
        "NCT06665256", "NCT06056921"}
    for item in bundled.studies:
        assert item.last_update and item.source and item.source != "ClinicalTrials.gov"
        assert item.plain_title("en") and item.plain_title("zh_CN")
    assert {s.nct_id for s in bundled.for_age(25)} == ADULT_IDS
    assert {s.nct_id for s in bundled.for_age(4)} == {"NCT07283315"}
    assert {s.nct_id for s in bundled.for_age(9)} == {
        "NCT06569472", "NCT07674147", "NCT07283315", "NCT06154252"}


def test_the_bundled_file_has_the_same_shape_as_the_live_result():
    data = json.loads(related_source.bundled_path("NCT06686524").read_text("utf-8"))
    live_keys = set(study_from_record(parse_study(JDM_CHILDREN)).as_dict())
    for item in data["studies"]:
        assert live_keys <= set(item) | {"url", "site_open"}
        assert RelatedStudy.from_dict(item).as_dict()["nct_id"] == item["nct_id"]


def test_remote_strings_and_lists_are_capped():
    long = study("NCT09000100", "CAR-T " + "x" * 5000, ["Myositis"] * 500,
                 sites=[(f"City {n}", f"Country {n}", "RECRUITING") for n in range(3000)],
                 contact={"name": "N" * 2300, "phone": "1"})
    long["protocolSection"]["contactsLocationsModule"]["centralContacts"] *= 50
    page = parse_search_page({"studies": [long]}, QUERY)
    [item] = page.studies
    assert len(item.title) == MAX_TEXT and item.title.endswith("…")
    assert len(item.cities) == MAX_PLACES and len(item.countries) == MAX_PLACES
    assert len(item.contacts) == MAX_CONTACTS and len(item.contacts[0].name) == 120
    assert len(item.conditions) == MAX_CONDITIONS


def test_a_lone_surrogate_does_not_break_the_list():
    text = "CAR-T \ud800 dermatomyositis"
    page = parse_search_page({"studies": [study("NCT09000101", text, ["Dermatomyositis"])]},
                             QUERY)
    assert page.studies[0].title.encode("utf-8")


@pytest.mark.parametrize("data", [
    [], {"studies": {}}, {"studies": [], "nextPageToken": 5}, {"protocolSection": {}}, "text",
    # not one study readable: refused, not an empty list that replaced the kept one
    {"studies": [{"protocolSection": {"identificationModule": {"nctId": "NCT09000001"}}},
                 {"unexpected": 1}, None, 5]},
])
def test_an_answer_that_is_no_search_reply_is_refused(data):
    from trialfinder.trial.related import NotASearchReply

    with pytest.raises(NotASearchReply):
        parse_search_page(data, QUERY)


def test_a_page_with_some_unreadable_studies_keeps_the_readable_ones():
    text = "CAR-T cells for dermatomyositis"
    page = parse_search_page({"studies": [None, study("NCT09000101", text, ["Dermatomyositis"])]},
                             QUERY)
    assert [s.nct_id for s in page.studies] == ["NCT09000101"] and page.skipped == 1
    assert parse_search_page({"studies": []}, QUERY).studies == ()  # truly none: fine


def test_the_query_asks_for_open_studies_and_sends_no_age():
    first = search_params(QUERY)
    assert first["filter.overallStatus"] == "RECRUITING,NOT_YET_RECRUITING"
    assert "filter.advanced" not in first and first["countTotal"] == "true"
    assert search_params(QUERY, "abc")["pageToken"] == "abc"
    assert "countTotal" not in search_params(QUERY, "a")


def test_the_query_is_the_trial_file_one_word_for_word():
    """The same words the app always sent, now read from the screener file."""
    first = search_params(QUERY)
    assert first["query.cond"] == ('dermatomyositis OR myositis OR "inflammatory myopathy" OR '
                                   '"autoimmune disease"')
    assert first["query.intr"] == ('"CAR-T" OR "CAR T" OR "chimeric antigen receptor" OR '
                                   '"CAR-NK" OR "CAR NK"')
    assert QUERY.search_url == ("https://clinicaltrials.gov/search?cond=dermatomyositis%20OR"
                                "%20myositis&intr=CAR-T%20OR%20CAR-NK&aggFilters=status:rec%20not")


def test_another_trial_search_ranks_and_leaves_out_by_its_own_file():
    """A made-up trial's words: its own id is left out, its own closeness ranks."""
    other = QUERY._replace(screened_id="NCT09999999", closeness=(("lupus",), ("myositis",)))
    lupus = RelatedStudy("NCT09000001", "CAR-T in lupus", "RECRUITING", conditions=("SLE",))
    myositis = RelatedStudy("NCT09000002", "CAR-T", "RECRUITING", conditions=("Myositis",))
    own = RelatedStudy("NCT09999999", "CAR-T in myositis", "RECRUITING")
    found = RelatedList((myositis, lupus, own), "live", dt.datetime.now(dt.UTC), query=other)
    assert [s.nct_id for s in found.for_age(None)] == ["NCT09000001", "NCT09000002"]
    jdm = RelatedList((myositis, lupus, own), "live", dt.datetime.now(dt.UTC), query=QUERY)
    assert [s.nct_id for s in jdm.for_age(None)] == ["NCT09000002", "NCT09999999"]


@pytest.mark.parametrize("item", [
    {"nct_id": "NCT1", "status": "RECRUITING"}, {"nct_id": "NCT00000001"},
    {"nct_id": "NCT00000001", "status": 5}, {"nct_id": "NCT00000001", "status": "R",
                                             "phases": "PHASE1"},
    {"nct_id": "NCT00000001", "status": "R", "plain_title": ["x"]}, [],
])
def test_a_damaged_list_entry_is_refused(item):
    with pytest.raises(RecordError):
        RelatedStudy.from_dict(item)


def test_the_cache_keeps_the_last_live_answer_and_moves_damage_aside():
    assert stored_related(QUERY).source == "bundled"
    found = RelatedList((study_from_record(parse_study(NO_AGES)),), "live",
                        dt.datetime.now(dt.UTC), query=QUERY)
    save_cache(found)
    kept = stored_related(QUERY)
    assert kept.source == "cache" and kept.studies == found.studies
    path = related_source.cache_path("NCT06686524")
    path.write_text('{"fetched_at": "2999-01-01T00:00:00+00:00", "studies": []}', "utf-8")
    assert load_cache(QUERY) is None and path.with_name(path.name + ".broken").exists()
    path.write_text("{not json", "utf-8")
    assert stored_related(QUERY).source == "bundled"


def test_a_cached_live_study_keeps_the_bundled_plain_title():
    known = study("NCT06569472", "Registry title of the CD19 CAR-T study",
                  ["Juvenile Dermatomyositis"], min_age="5 Years", max_age="16 Years")
    item = study_from_record(parse_study(known))
    save_cache(RelatedList((item,), "live", dt.datetime.now(dt.UTC), query=QUERY))
    [cached] = stored_related(QUERY).studies
    assert cached.plain_title("zh_CN").startswith("用孩子自身细胞制备的CD19 CAR-T细胞")
    lines = [line.text for line in study_lines(cached, lang="en")]
    assert lines[1] == "Registry title: Registry title of the CD19 CAR-T study"


def test_the_words_in_chinese():
    set_language("zh_CN")
    words = section(bundled_related(QUERY), 4)
    texts = [line.text for line in words.intro]
    assert texts[0] == "可以问问孩子的医生的其他研究"
    assert texts[2] == "只列出接收您孩子这个年龄（4岁）的研究。"
    assert texts[3].startswith("来自应用自带的公开试验信息，最后确认于2026年11月")
    [(group, [lines])] = words.groups
    assert group == "正在招募"
    assert [line.text for line in lines][:5] == [
        "CD19/BCMA CAR-NK细胞治疗儿童自身免疫病",
        "英文：CD19/BCMA CAR-NK cells for autoimmune disease in children",
        "正在招募。早期Ⅰ期。", "年龄：17岁及以下。", "地点：中国。"]


def test_a_bundled_title_from_the_registry_is_named_so():
    bundled = {s.nct_id: s for s in bundled_related(QUERY).studies}
    lines = [line.text for line in study_lines(bundled["NCT07059169"], lang="en")]
    assert lines[:2] == ["CAR-T cells for refractory lupus, Sjögren's, systemic sclerosis, "
                         "dermatomyositis or ANCA vasculitis",
                         "Registry title: CAR-T Therapy for Refractory Autoimmune Diseases"]
    lines = [line.text for line in study_lines(bundled["NCT06056921"], lang="en")]
    assert lines[1] == "Recruiting. Phase 1."  # the plain title is the only one


def test_the_pdf_section_escapes_every_remote_text_in_both_languages():
    item = study_from_record(parse_study(MARKUP))
    found = RelatedList((item,), "live", dt.datetime.now(dt.UTC), query=QUERY)
    for lang in ("en", "zh_CN"):
        html = related_html(9, gettext_for(lang), lang, found)
        assert "<b>Bold</b>" not in html and "&lt;b&gt;Bold&lt;/b&gt;" in html
        assert "<img" not in html and "&lt;img src=x&gt;" in html
    assert "Other studies you could ask your child&#x27;s doctor about" in related_html(
        9, gettext_for("en"), "en", found)
    assert "可以问问孩子的医生的其他研究" in related_html(9, gettext_for("zh_CN"), "zh_CN", found)


def test_the_summary_lists_the_bundled_studies_for_the_child_age():
    from trialfinder.report.summary import Summary
    from trialfinder.screening.questionnaire import Questionnaire
    from trialfinder.screening.screener import load_screener
    from trialfinder.trial.source import stored_record
    from trialfinder.ui.screenshots import VERDICT_ANSWERS

    screener = load_screener()
    questionnaire = Questionnaire(screener)
    answers = VERDICT_ANSWERS["likely_not_eligible"]  # age 4
    summary = Summary(questionnaire, answers, questionnaire.outcome(answers),
                      stored_record(screener.nct_id, screener.criteria_sha256))
    html = summary.html("both")
    assert "NCT07283315" in html and "NCT06569472" not in html
    assert "Last known November 2026, from meddatax.com." in html
    assert "最后确认于2026年11月，来源：meddatax.com。" in html
    assert JDM_CHILDREN  # the live scenario's studies are not in a stored list


def test_a_missing_or_damaged_bundled_list_gives_an_empty_list_not_a_crash(monkeypatch, tmp_path):
    for content in (None, "{not json", '{"studies": [{"nct_id": "NCT1"}]}', "[]"):
        path = tmp_path / "NCT06686524.json"
        if content is None:
            path.unlink(missing_ok=True)
        else:
            path.write_text(content, "utf-8")
        monkeypatch.setattr(related_source, "bundled_path", lambda _nct_id, p=path: p)
        found = stored_related(QUERY)
        assert (found.source, found.studies) == ("bundled", ())
        assert [line.text for line in section(found, 4).outro] == [
            "None of the studies in this list takes your child's age (4 years)."]
