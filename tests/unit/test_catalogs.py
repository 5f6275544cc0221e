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


@pytest.mark.parametrize("message", zh_messages(), ids=lambda m: m.id[:40])
def test_every_message_is_translated_with_the_same_placeholders(message):
    assert message.string, "untranslated"
    assert "fuzzy" not in message.flags
    source = sorted(f for _, f, _, _ in string.Formatter().parse(message.id) if f is not None)
    target = sorted(f for _, f, _, _ in string.Formatter().parse(message.string) if f is not None)
    assert source == target


def test_no_english_words_left_in_chinese_sentences():
    allowed = {"CAR", "T", "JDM", "CMAS", "PhGA", "PtGA", "DAS", "C", "HAQ", "LVEF", "eGFR",
               "AST", "ALT", "SpO2", "SRP", "HMGCR", "MRI", "HIV", "HBsAg", "HBcAb", "DNA",
               "RNA", "ClinicalTrials", "gov", "JSON", "U", "L", "mg", "dL", "mL", "min", "m",
               "yes", "no", "unsure", "trialfinder", "µmol", "ECG", "IMNM", "CK", "LDH", "IVIG",
               "Schwartz", "UCAR", "CD19", "NCT"}
    for message in zh_messages():
        text = FIELDS.sub("", message.string)
        words = set(re.findall(r"[A-Za-zµ]+\d*", text)) - allowed
        assert not words, (message.id, words)
