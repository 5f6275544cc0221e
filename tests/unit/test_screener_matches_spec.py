"""The screener definition matches the criteria spec's tables one for one.

The spec (tests/data/criteria-NCT06686524.md, a copy of the shared spec) is read as text, so a
change to either side that the other does not follow fails here.
"""

import re

import pytest

from tests.conftest import DATA
from trialfinder.screening.rules import names_in
from trialfinder.screening.screener import load_screener

SPEC = (DATA / "criteria-NCT06686524.md").read_text(encoding="utf-8")
WHO = {"family": "family", "medical records": "records", "screening test": "screening_test",
       "study team": "study_team"}


# A fact row; rev 2 marks new or changed rows with "*(rev 2)*" after the name or the source.
REV2_FACT_ROW = r"^\| `(\w+)`(?: \*\(rev 2\)\*)? \| (.+?) \| ([a-z ]+?)(?: \*\(rev 2\)\*)? \|$"


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def spec_facts() -> dict[str, tuple[str, float | None, float | None, str]]:
    facts = {}
    for line in SPEC.splitlines():
        match = re.match(REV2_FACT_ROW, line)
        if not match:
            continue
        name, kind, who = match.groups()
        if kind.startswith("number"):
            low, high = re.search(r"(\d+(?:\.\d+)?)-(\d+(?:\.\d+)?)$", kind).groups()
            facts[name] = ("number", float(low), float(high), WHO[who])
        elif kind.startswith("yn"):
            facts[name] = ("yn", None, None, WHO[who])
        else:
            facts[name] = ("choice", None, None, WHO[who])
    return facts


def spec_rules() -> dict[str, str]:
    rules = {}
    for line in SPEC.splitlines():
        row = re.match(r"^\| ([IE]\d+) \| `(.+?)`[^`]*\|$", line)
        if row:
            rules[row.group(1)] = row.group(2)
        bullet = re.match(r"^- (\w+) = `(.+?)`(?: \*\(rev 2\)\*:?)?$", line)
        if bullet:
            rules[bullet.group(1)] = bullet.group(2)
    path = re.search(r"`diagnosis_path = (.+?)`", SPEC)
    rules["diagnosis_path"] = path.group(1)
    return rules


def test_spec_was_read():
    assert len(spec_facts()) == 66
    assert len(spec_rules()) == 9 + 7 + 11 + 1


def test_every_spec_fact_is_in_the_screener_with_its_type_range_and_source():
    screener = load_screener()
    for name, (kind, low, high, who) in spec_facts().items():
        spec = screener.facts[name]
        assert spec.type == kind, name
        assert spec.source == who, name
        if kind == "number":
            assert (spec.minimum, spec.maximum) == (low, high), name
    assert set(spec_facts()) == {n for n, f in screener.facts.items() if f.role == "fact"}


def test_sex_takes_female_or_male():
    assert load_screener().facts["sex"].choices == ("female", "male")


def test_every_spec_rule_is_the_screeners_rule():
    screener = load_screener()
    spec = spec_rules()
    assert set(spec) == set(screener.rule_texts)
    for name, text in spec.items():
        assert _squash(screener.rule_texts[name]) == _squash(text), name


def test_e12_is_left_to_the_investigator():
    criterion = load_screener().criterion("E12")
    assert criterion.kind == "judgment"
    assert "investigator" in criterion.registry


def test_normal_values_of_screening_tests():
    section = SPEC.split("Each has a normal value:")[1].split("The verdict looks")[0]
    normals: dict[str, object] = {}
    for name, value in re.findall(r"`(\w+)` (\d+|no|yes)\b", section):
        normals[name] = {"no": False, "yes": True}.get(value, value)
    for name in re.findall(r"`(\w+)`", section.split("`no` for")[1]):
        normals[name] = False
    screener = load_screener()
    tests = {n: f for n, f in screener.facts.items() if f.is_screening_test}
    assert set(normals) == set(tests)
    for name, value in normals.items():
        expected = value if isinstance(value, bool) else float(value)
        assert tests[name].normal == expected, name


def test_verdict_terms():
    screener = load_screener()
    assert screener.required == ("I1", "diagnosis_path", "I5", "I6", "I7")
    assert screener.excluding == tuple(f"E{i}" for i in range(1, 12))


@pytest.mark.parametrize("criterion_id", [f"I{i}" for i in range(1, 8)]
                         + [f"E{i}" for i in range(1, 13)])
def test_each_criterion_carries_registry_words_and_three_sentences(criterion_id):
    record = (DATA.parent.parent / "resources" / "records" / "NCT06686524.json").read_text(
        encoding="utf-8")
    criterion = load_screener().criterion(criterion_id)
    assert criterion.title and criterion.fits and criterion.does_not_fit and criterion.unknown
    number = re.match(r"\((\d+)\)", criterion.registry).group(1)
    assert number == criterion_id[1:]
    first_line = criterion.registry.splitlines()[0]
    # The registry's words are the record's own (the record escapes < and > as \< and \>).
    words = first_line.split(")", 1)[1].strip()[:40]
    assert words in record.replace("\\\\<", "<").replace("\\\\>", ">")


def _verdict_section() -> str:
    return SPEC.split("## Verdict")[1].split("## `evaluate`")[0]


def test_held_back_tests_are_the_specs():
    """(rev 2) Step 2 keeps a test unknown when another answer already points to it."""
    section = " ".join(_verdict_section().split("keeps its unknown in step 2:")[1]
                       .split("3. Otherwise")[0].split())
    phrases = {
        "`hbv_dna_above_normal` when `hbsag_positive` or `hbcab_positive` is yes":
            {"hbv_dna_above_normal": {"hbsag_positive", "hbcab_positive"}},
        "and both of those when `hbv_dna_above_normal` is yes":
            {"hbsag_positive": {"hbv_dna_above_normal"},
             "hbcab_positive": {"hbv_dna_above_normal"}},
        "`hcv_rna_above_normal` when `hcv_antibody_positive` is yes, and the reverse":
            {"hcv_rna_above_normal": {"hcv_antibody_positive"},
             "hcv_antibody_positive": {"hcv_rna_above_normal"}},
        "`lvef_percent` and `ecg_significant_abnormality` when `heart_involvement` is yes":
            {"lvef_percent": {"heart_involvement"},
             "ecg_significant_abnormality": {"heart_involvement"}},
        "`spo2_percent` when `lung_involvement` is yes":
            {"spo2_percent": {"lung_involvement"}},
    }
    expected: dict[str, set[str]] = {}
    for phrase, tests in phrases.items():
        assert phrase in section, phrase
        expected.update(tests)
    assert section.count("- ") == 4  # no other bullet than these
    screener = load_screener()
    assert set(screener.holdback) == set(expected)
    for test, pointers in expected.items():
        assert set(names_in(screener.holdback[test])) == pointers, test


def test_the_three_groups_are_the_specs():
    section = _verdict_section()
    for_you = section.split("`for_you`:")[1].split(";")[0]
    assert set(load_screener().for_you) == set(re.findall(r"`(\w+)`", for_you))
    assert "`study_team_decides`: facts marked `study team`" in section


def test_time_limits_are_the_specs():
    section = _verdict_section()
    assert "E7, E9 and E11 count from the screening visit, and I1 is an age" in section
    limits = {(t.criterion, t.fact) for t in load_screener().time_limits}
    assert {c for c, _f in limits} == {"I1", "E7", "E9", "E11"}
    rules = spec_rules()
    for criterion, fact in limits:
        assert fact in rules[criterion]


def test_every_fact_has_a_question_wording():
    """(rev 2) The result shows unknown facts as questions, never as bare labels."""
    for name, spec in load_screener().facts.items():
        if spec.role == "fact":
            assert spec.ask.endswith("?"), name
            assert spec.ask != spec.label, name
