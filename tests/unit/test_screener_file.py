"""The screener file is parsed and checked once, when it loads, pages and trial included: each
kind of mistake is an error naming the file and the key path."""

from __future__ import annotations

import os
import shutil
import tomllib
from pathlib import Path

import pytest

from tests.conftest import DATA, ROOT
from trialfinder.screening.questionnaire import Questionnaire
from trialfinder.screening.screener import (
    ScreenerError,
    load_screener,
    load_screener_file,
    parse_screener,
)
from trialfinder.screening.screener_file import bundled_screeners, screener_path

BUNDLED = ROOT / "resources" / "screeners" / "NCT06686524.toml"
MADE_UP = DATA / "trials" / "NCT00000000.toml"


def bundled_copy(tmp_path: Path, old: str, new: str) -> Path:
    """The bundled screener file with one change, laid out as in resources (its record in
    ../records)."""
    text = BUNDLED.read_text("utf-8")
    assert old in text, old
    folder = tmp_path / "screeners"
    folder.mkdir()
    (tmp_path / "records").mkdir()
    shutil.copy(ROOT / "resources" / "records" / "NCT06686524.json", tmp_path / "records")
    path = folder / "NCT06686524.toml"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


def made_up_copy(tmp_path: Path, old: str, new: str) -> Path:
    text = MADE_UP.read_text("utf-8")
    assert old in text, old
    shutil.copy(MADE_UP.with_suffix(".json"), tmp_path)
    path = tmp_path / "NCT00000000.toml"
    path.write_text(text.replace(old, new, 1), "utf-8")
    return path


def error_of(path: Path) -> str:
    with pytest.raises(ScreenerError) as caught:
        load_screener_file(path)
    return str(caught.value)


@pytest.mark.parametrize(("old", "new", "message"), [
    # an unknown key, anywhere: at the top, in the trial section, a fact, a criterion
    ("[screener]\n", "[extra]\nx = 1\n\n[screener]\n",
     "NCT06686524.toml: extra: unknown key 'extra'"),
    ("[trial]\n", "[trial]\ncolour = \"red\"\n", "NCT06686524.toml: trial.colour: unknown key"),
    ("[facts.sex]\n", "[facts.sex]\nlable = \"Sex\"\n",
     "NCT06686524.toml: facts.sex.lable: unknown key 'lable'"),
    ('kind = "path"\n', 'kind = "path"\nshown = "I2"\n',
     "NCT06686524.toml: criteria[4].shown: unknown key 'shown'"),
    ('heading = "Known risks"\n', 'heading = "Known risks"\ntext = "x"\n',
     "NCT06686524.toml: trial.about[5].text: unknown key 'text'"),
    # an unknown formula
    ('formula = "bedside_schwartz"', 'formula = "cockcroft_gault"',
     "NCT06686524.toml: derived.egfr.formula: unknown formula 'cockcroft_gault'"),
    # a rule naming an unknown fact
    ('R3 = "calcinosis"', 'R3 = "calcinosiss"',
     "NCT06686524.toml: rules.R3: unknown fact 'calcinosiss'"),
    # a page naming an unknown fact
    ('show_if = "imnm_diagnosis"', 'show_if = "imnm_diagnosiss"',
     "NCT06686524.toml: pages[2].show_if: unknown fact 'imnm_diagnosiss'"),
    # the sample answers naming an unknown fact
    ("[trial.samples.show_all]\n", "[trial.samples.show_all]\nheight = 150\n",
     "NCT06686524.toml: trial.samples.show_all.height: unknown fact 'height'"),
    # the search for other studies: an unknown key, a key missing, a value of the wrong kind
    ("[trial.related]\n", "[trial.related]\nstatus = \"open\"\n",
     "NCT06686524.toml: trial.related.status: unknown key 'status'"),
    ("search_url = \"https://clinicaltrials.gov/search?", "search = \"https://clinicaltrials.gov/search?",
     "NCT06686524.toml: trial.related.search: unknown key 'search'"),
    ("conditions = 'dermatomyositis OR", "cond = 'dermatomyositis OR",
     "NCT06686524.toml: trial.related.cond: unknown key 'cond'"),
    ("interventions = '\"CAR-T\" OR \"CAR T\"", "interventions = 5\nx = '",
     "NCT06686524.toml: trial.related.x: unknown key 'x'"),
    ("interventions = '\"CAR-T\"", "intr = '\"CAR-T\"",
     "NCT06686524.toml: trial.related.intr: unknown key 'intr'"),
    ('therapy_words = ["car-t",', 'therapy_words = [5, "car-t",',
     "NCT06686524.toml: trial.related.therapy_words: must be an array of words"),
    ('therapy_words = ["car-t",', 'therapy_words = ["CAR-T",',
     "NCT06686524.toml: trial.related.therapy_words: words must be in lower case"),
    ('    ["dermatomyositis"],', '    "dermatomyositis",',
     "NCT06686524.toml: trial.related.closeness[0]: must be an array"),
    ('    ["myositis", "myopathy", "myopathies"],', '    [],',
     "NCT06686524.toml: trial.related.closeness[1]: must be an array of words"),
    ("search_url = \"https://clinicaltrials.gov/", "search_url = \"https://example.org/",
     "NCT06686524.toml: trial.related.search_url: must be a https://clinicaltrials.gov/ link"),
    ("[trial.related]\n", "[trial.related_old]\n",
     "NCT06686524.toml: trial.related_old: unknown key 'related_old'"),
    # the record the file names is not there
    ('record = "../records/NCT06686524.json"', 'record = "../records/NCT00000001.json"',
     "NCT06686524.toml: trial.record: no such file 'NCT00000001.json'"),
])
def test_a_mistake_in_the_bundled_file_names_the_file_and_key(tmp_path, old, new, message):
    assert error_of(bundled_copy(tmp_path, old, new)).startswith(message)


@pytest.mark.parametrize(("old", "new", "message"), [
    # a question naming an unknown fact
    ('fact = "had_surgery_this_year"\nkind = "yn"',
     'fact = "had_surgery_this_yr"\nkind = "yn"',
     "NCT00000000.toml: pages[0].questions[2].fact: unknown fact 'had_surgery_this_yr'"),
    # a question without a fact
    ('fact = "has_sunflower_allergy"\nkind = "yn"', 'kind = "yn"',
     "NCT00000000.toml: pages[0].questions[1].fact: missing"),
    # an unknown key in a question, and in a page
    ('why = "The made-up study is about this allergy."',
     'why = "The made-up study is about this allergy."\nwhy_not = "x"',
     "NCT00000000.toml: pages[0].questions[1].why_not: unknown key 'why_not'"),
    ('id = "sunflower"', 'id = "sunflower"\ntitle = "x"',
     "NCT00000000.toml: pages[0].title: unknown key 'title'"),
    # a question's show_if naming an unknown fact
    ('why = "The made-up study takes children from 6 years old."',
     'why = "The made-up study takes children from 6 years old."\nshow_if = "age >= 1"',
     "NCT00000000.toml: pages[0].questions[0].show_if: unknown fact 'age'"),
    # a question's criterion that does not exist
    ('criterion = "E1"\nask', 'criterion = "E2"\nask',
     "NCT00000000.toml: pages[0].questions[2].criterion: unknown criterion 'E2'"),
])
def test_a_mistake_in_a_page_names_the_file_and_key(tmp_path, old, new, message):
    assert error_of(made_up_copy(tmp_path, old, new)).startswith(message)


def test_a_file_that_is_not_toml_names_the_file(tmp_path):
    path = tmp_path / "broken.toml"
    path.write_text("[trial\n", "utf-8")
    assert error_of(path).startswith("broken.toml: ")
    assert error_of(tmp_path / "absent.toml").startswith("absent.toml: cannot read")


def test_parsed_once_pages_included():
    """One file is parsed once per process, however it is named; the questionnaire uses the
    pages checked at load."""
    screener = load_screener()
    assert load_screener("NCT06686524") is screener
    assert load_screener_file(BUNDLED) is screener
    assert load_screener(str(BUNDLED)) is screener
    assert Questionnaire(screener).pages is screener.pages
    assert [p.id for p in screener.pages][:2] == ["child", "diagnosis"]


def test_trial_picks_a_bundled_screener_or_a_file():
    assert bundled_screeners()[0] == BUNDLED
    assert screener_path(None) == BUNDLED
    assert screener_path("NCT06686524") == BUNDLED
    assert screener_path(str(MADE_UP)) == MADE_UP
    with pytest.raises(ScreenerError, match="NCT12345678: not a bundled trial"):
        screener_path("NCT12345678")


def test_the_trial_section_holds_the_trial():
    trial = load_screener().trial
    assert trial.nct_id == "NCT06686524" and trial.code == "PBC081"
    assert trial.record == ROOT / "resources" / "records" / "NCT06686524.json"
    assert trial.window_title == "TrialFinder: the CAR-T study for refractory JDM"
    assert len(trial.about) == 10 and sum(s.sites for s in trial.about) == 1
    assert trial.site_names["Hangzhou"] == "Hangzhou"
    assert trial.enrolment == 18 and trial.enrolment_least == 9


def test_the_trial_section_holds_the_search_for_other_studies():
    """The search's words are the file's (and the Python holds none of them)."""
    related = load_screener().trial.related
    assert related is not None and load_screener().trial.related_studies
    assert related.screened_id == "NCT06686524"
    assert related.closeness[0] == ("dermatomyositis",)
    assert related.rank("Juvenile Dermatomyositis") == 3
    assert related.rank("Anti-SRP myopathy") == 2
    assert related.rank("Autoimmune Diseases") == 1 and related.rank("Lupus") == 0
    assert related.names_therapy("Anti-CD19 CAR-T cells") and not related.names_therapy("IVIG")
    made_up = load_screener_file(MADE_UP).trial
    assert made_up.related is None and not made_up.related_studies


@pytest.mark.parametrize("key", ["conditions", "interventions", "therapy_words", "closeness",
                                 "search_url"])
def test_the_search_for_other_studies_needs_every_key(key):
    data = tomllib.loads(BUNDLED.read_text("utf-8"))
    del data["trial"]["related"][key]
    with pytest.raises(ScreenerError, match=rf"^trial\.related\.{key}: missing"):
        parse_screener(data)


def test_other_studies_without_their_search_is_an_error_and_a_search_alone_is_not():
    data = tomllib.loads(BUNDLED.read_text("utf-8"))
    related = data["trial"].pop("related")
    with pytest.raises(ScreenerError, match=r"^trial\.related: missing"):
        parse_screener(data)
    data["trial"]["related_studies"] = False
    assert parse_screener(data).trial.related is None
    data["trial"]["related"] = related  # read and checked, though not used
    assert parse_screener(data).trial.related.screened_id == "NCT06686524"


def test_any_value_of_the_wrong_kind_in_the_search_is_a_screener_error():
    base = tomllib.loads(BUNDLED.read_text("utf-8"))
    for path in [("related",), *(("related", *p) for p in _paths(base["trial"]["related"]))]:
        for value in (5, "x", [], {}, True, 1.5, ["x"], [["x"]], {"a": 1}, "", [""], None):
            data = _replaced(base, ("trial", *path), value)
            try:
                parse_screener(data)
            except ScreenerError as exc:
                assert str(exc).startswith("trial.related"), exc


def test_the_file_parses_without_a_folder_as_bundled():
    data = tomllib.loads(BUNDLED.read_text("utf-8"))
    assert parse_screener(data).trial.record.name == "NCT06686524.json"


def _replaced(base: dict, path: tuple, value: object) -> dict:
    """A deep copy of ``base`` with the key at ``path`` set to ``value`` (None: left out)."""
    import copy

    data = copy.deepcopy(base)
    node = data
    for key in path[:-1]:
        node = node[key]
    if value is None:
        del node[path[-1]]
    else:
        node[path[-1]] = value
    return data


def _paths(node, path=()):
    if isinstance(node, dict):
        for key, value in node.items():
            yield (*path, key)
            yield from _paths(value, (*path, key))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield (*path, index)
            yield from _paths(value, (*path, index))


def test_any_value_of_the_wrong_kind_is_a_screener_error_never_a_crash():
    """Every key of the made-up trial file replaced by a value of each other kind, or left
    out: the file loads, or its error is a ScreenerError (a clear line, never a traceback)."""
    import contextlib

    base = tomllib.loads(MADE_UP.read_text("utf-8"))
    tried = 0
    for path in _paths(base):
        for value in (5, "x", [], {}, True, 1.5, ["x"], {"a": 1}, None):
            data = _replaced(base, path, value)
            with contextlib.suppress(ScreenerError):
                parse_screener(data, MADE_UP.parent)
            tried += 1
    assert tried > 900


def test_a_rule_nested_too_deeply_a_folder_or_a_fifo_is_a_screener_error(tmp_path):
    deep = made_up_copy(tmp_path, 'rule = "had_surgery_this_year"',
                        'rule = "' + "all(" * 3000 + "had_surgery_this_year" + ")" * 3000 + '"')
    assert error_of(deep) == "NCT00000000.toml: nested too deeply"
    assert error_of(tmp_path) == f"{tmp_path.name}: cannot read (not a regular file)"
    fifo = tmp_path / "fifo.toml"
    os.mkfifo(fifo)  # opening it must not wait for a writer
    assert error_of(fifo) == "fifo.toml: cannot read (not a regular file)"


def test_the_trials_words_alone_are_checked_and_name_the_file(tmp_path):
    """screener_file.trial_info reads only the [trial] table (the first screen's words), but
    checks it as strictly as a whole load, and names the file."""
    from trialfinder.screening import screener_file

    bad = tmp_path / "words.toml"
    text = BUNDLED.read_text("utf-8")
    bad.write_text(text.replace("\n[trial]\n", "\n[trial]\nsurprise = 1\n", 1), "utf-8")
    with pytest.raises(ScreenerError, match=r"^words\.toml: trial\.surprise: unknown key"):
        screener_file._trial_info(bad.absolute())
    missing = tmp_path / "nothing.toml"
    with pytest.raises(ScreenerError, match=r"^nothing\.toml: cannot read"):
        screener_file._trial_info(missing.absolute())
    assert screener_file.trial_info() == load_screener().trial
