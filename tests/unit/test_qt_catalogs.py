"""The Qt catalogs of widget strings: complete, consistent, up to date with the code."""

import runpy
import string
import xml.etree.ElementTree as ET

import pytest

from tests.conftest import ROOT
from trialfinder.i18n.languages import TRANSLATED

TOOL = runpy.run_path(str(ROOT / "translations" / "tools" / "qt_catalogs.py"))


def messages():
    for code in TRANSLATED:  # every translated language of the languages table
        tree = ET.parse(TOOL["ts_path"](code))
        assert tree.getroot().get("language") == code
        for context in tree.getroot().iter("context"):
            for message in context.iter("message"):
                yield f"{code}:{context.findtext('name')}", message


def fields(text: str) -> list[str]:
    return sorted(f for _, f, _, _ in string.Formatter().parse(text) if f is not None)


def test_catalogs_match_the_code():
    """lupdate and lrelease would change nothing (run qt_catalogs.py update / compile)."""
    assert tuple(TOOL["LOCALES"]) == TRANSLATED
    assert TOOL["stale"]() == []


@pytest.mark.parametrize(("context", "message"), list(messages()),
                         ids=lambda v: v if isinstance(v, str) else "")
def test_every_widget_string_is_translated(context, message):
    translation = message.find("translation")
    assert translation.get("type") is None, "unfinished or obsolete"
    assert translation.text
    assert fields(message.findtext("source")) == fields(translation.text)
