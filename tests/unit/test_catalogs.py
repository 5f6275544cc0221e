"""The gettext catalog of content strings: complete, consistent, up to date."""

import re
import string

import pytest
from babel.messages.pofile import read_po

from trialfinder.i18n import catalogs
from trialfinder.i18n.languages import BY_CODE, TRANSLATED

FIELDS = re.compile(r"\{(\w*)\}")


def messages_of(code: str):
    with catalogs.po_path(code).open("rb") as handle:
        catalog = read_po(handle, locale=code)
    return [m for m in catalog if m.id]


def all_messages():
    return [(code, m) for code in TRANSLATED for m in messages_of(code)]


def test_catalogs_match_the_code():
    """extract + update + compile would change nothing (run `... catalogs update`/`compile`)."""
    assert catalogs.stale() == []


def _fields(text: str) -> list[str]:
    return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f is not None)


def _texts(value) -> list[str]:
    return list(value) if isinstance(value, tuple | list) else [value]


def test_every_translated_language_of_the_table_has_catalogs():
    assert catalogs.LOCALES == TRANSLATED and len(TRANSLATED) >= 2
    for code in TRANSLATED:
        assert catalogs.po_path(code).exists() and catalogs.mo_path(code).exists()


@pytest.mark.parametrize(("code", "message"), all_messages(),
                         ids=lambda v: v if isinstance(v, str) else _texts(v.id)[0][:40])
def test_every_message_is_translated_with_the_same_placeholders(code, message):
    assert all(_texts(message.string)), "untranslated"
    assert "fuzzy" not in message.flags
    sources = {tuple(_fields(text)) for text in _texts(message.id)}
    for text in _texts(message.string):
        assert tuple(_fields(text)) in sources


@pytest.mark.parametrize("code", TRANSLATED)
def test_no_english_words_left_in_chinese_sentences(code):
    allowed = {"CAR", "T", "JDM", "CMAS", "PhGA", "PtGA", "DAS", "C", "HAQ", "LVEF", "eGFR",
               "AST", "ALT", "SpO2", "SRP", "HMGCR", "MRI", "HIV", "HBsAg", "HBcAb", "DNA",
               "RNA", "ClinicalTrials", "gov", "JSON", "U", "L", "mg", "dL", "mL", "min", "m",
               "yes", "no", "unsure", "trialfinder", "µmol",
               "TrialFinder", "ECG", "IMNM", "CK", "LDH", "IVIG",
               "Schwartz", "UCAR", "CD19", "NCT",
               # glossary terms kept in Latin letters (criteria revision 2)
               "CT", "JAK", "PPD", "SPOT", "CRS", "ICANS", "I",
               # the about texts moved from the Qt catalog (B细胞), and --trial's file type
               "B", "toml",
               }
    # Taiwan usage (the glossary's zh_TW column): drug names in English with a plain gloss,
    # B型/A型肝炎, abbreviations after the Chinese name, GOT/GPT as Taiwan lab reports print
    # them, and a few computer words
    allowed |= {"zh_TW": {"GVHD", "GOT", "GPT", "B", "A", "BCG", "TB", "MMR", "prednisone",
                          "methylprednisolone", "methotrexate", "cyclosporine", "tacrolimus",
                          "mycophenolate", "cyclophosphamide", "azathioprine", "tofacitinib",
                          "ruxolitinib", "rituximab", "hydroxychloroquine", "Wi", "Fi", "API",
                          "v2", "PNG", "PDF", "UTF"}}.get(code, set())
    for message in messages_of(code):
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


@pytest.mark.parametrize("code", TRANSLATED)
def test_plural_rule_of_the_table_is_cldrs(code):
    from babel.messages.plurals import get_plural

    row = BY_CODE[code]
    assert row.plural_forms == get_plural(row.babel_locale).plural_forms
    with catalogs.po_path(code).open("rb") as handle:
        assert read_po(handle, locale=code).plural_forms == row.plural_forms


def traditional_texts() -> list[str]:
    """Every zh_TW string, content and widget."""
    import xml.etree.ElementTree as ET

    from tests.conftest import ROOT

    texts = [t for m in messages_of("zh_TW") for t in _texts(m.string)]
    tree = ET.parse(ROOT / "translations" / "qt" / "trialfinder_zh_TW.ts")
    return texts + [t.text or "" for t in tree.getroot().iter("translation")]


# Everyday Taiwan forms that OpenCC's s2tw spells in the official variant (臺)
TAIWAN_EVERYDAY = {"台"}


def test_traditional_chinese_has_no_simplified_only_character():
    """OpenCC's s2tw (Simplified to Taiwan standard) leaves every character alone: no
    Simplified form (这, 们, 剂...) slipped into the Traditional catalogs."""
    import opencc

    to_taiwan = opencc.OpenCC("s2tw.json")
    found = {ch: to_taiwan.convert(ch) for text in traditional_texts() for ch in set(text)
             if "\u4e00" <= ch <= "\u9fff" and ch not in TAIWAN_EVERYDAY
             and to_taiwan.convert(ch) != ch}
    assert found == {}
    assert to_taiwan.convert("这个剂量") == "這個劑量"  # the check can fail


def test_traditional_chinese_uses_taiwan_medical_terms():
    """The glossary's Taiwan terms, not Mainland ones written in Traditional characters."""
    text = "".join(traditional_texts())
    for taiwan in ("類固醇", "B型肝炎", "細胞激素釋放症候群", "輸注"):
        assert taiwan in text
    for mainland in ("激素治療", "乙肝", "乙型肝炎", "細胞因子", "回輸", "“", "”"):
        assert mainland not in text, mainland
