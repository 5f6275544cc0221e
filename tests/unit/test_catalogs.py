"""The gettext catalog of content strings: complete, consistent, up to date."""

import re
import string

import pytest
from babel.messages.pofile import read_po

from trialfinder.i18n import catalogs

FIELDS = re.compile(r"\{(\w*)\}")


def zh_messages():
    with catalogs.po_path("zh_CN").open("rb") as handle:
        catalog = read_po(handle, locale="zh_CN")
    return [m for m in catalog if m.id]


def test_catalogs_match_the_code():
    """extract + update + compile would change nothing (run `... catalogs update`/`compile`)."""
    assert catalogs.stale() == []


def _fields(text: str) -> list[str]:
    return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f is not None)


def _texts(value) -> list[str]:
    return list(value) if isinstance(value, tuple | list) else [value]


@pytest.mark.parametrize("message", zh_messages(), ids=lambda m: _texts(m.id)[0][:40])
def test_every_message_is_translated_with_the_same_placeholders(message):
    assert all(_texts(message.string)), "untranslated"
    assert "fuzzy" not in message.flags
    sources = {tuple(_fields(text)) for text in _texts(message.id)}
    for text in _texts(message.string):
        assert tuple(_fields(text)) in sources


def test_no_english_words_left_in_chinese_sentences():
    allowed = {"CAR", "T", "JDM", "CMAS", "PhGA", "PtGA", "DAS", "C", "HAQ", "LVEF", "eGFR",
               "AST", "ALT", "SpO2", "SRP", "HMGCR", "MRI", "HIV", "HBsAg", "HBcAb", "DNA",
               "RNA", "ClinicalTrials", "gov", "JSON", "U", "L", "mg", "dL", "mL", "min", "m",
               "yes", "no", "unsure", "trialfinder", "µmol",
               "TrialFinder", "ECG", "IMNM", "CK", "LDH", "IVIG",
               "Schwartz", "UCAR", "CD19", "NCT",
               # glossary terms kept in Latin letters (criteria revision 2)
               "CT", "JAK", "PPD", "SPOT", "CRS", "ICANS", "I"}
    for message in zh_messages():
        text = FIELDS.sub("", " ".join(_texts(message.string)))
        words = set(re.findall(r"[A-Za-zµ]+\d*", text)) - allowed
        assert not words, (message.id, words)


def test_plural_forms_english_two_chinese_one():
    from trialfinder.i18n.content import set_language
    from trialfinder.screening.wording import unanswered_sentence

    set_language("en")
    assert unanswered_sentence(1).startswith("1 question is not answered yet")
    assert unanswered_sentence(3).startswith("3 questions are not answered yet")
    set_language("zh_CN")
    assert unanswered_sentence(1) == "还有1个问题没有回答。这没关系：会当作暂不清楚。"
    assert unanswered_sentence(5) == "还有5个问题没有回答。这没关系：会当作暂不清楚。"
    with catalogs.po_path("zh_CN").open("rb") as handle:
        assert read_po(handle, locale="zh_CN").num_plurals == 1
