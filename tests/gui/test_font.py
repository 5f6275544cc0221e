"""Each bundled font subset covers every string of its language (one subset per language of the
languages table with a font family), and Chinese renders without system CJK fonts, in the
language's own subset (Traditional glyph shapes for Traditional Chinese)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import xml.etree.ElementTree as ET

import pytest
from babel.messages.pofile import read_po
from PySide6.QtGui import QFont, QRawFont

from tests.conftest import ROOT
from trialfinder.i18n.languages import BY_CODE, LANGUAGES_TABLE

FONTS = ROOT / "resources" / "fonts"
WITH_FONT = [row.code for row in LANGUAGES_TABLE if row.font_family]


def font_file(code: str, style: str):
    return FONTS / f"{BY_CODE[code].font_family.replace(' ', '')}-{style}.otf"


def strings_of(code: str) -> list[str]:
    with (ROOT / "translations" / code / "LC_MESSAGES" / "trialfinder.po").open("rb") as f:
        strings = []
        for message in read_po(f):
            if message.id:
                value = message.string
                strings += list(value) if isinstance(value, tuple) else [value]
    tree = ET.parse(ROOT / "translations" / "qt" / f"trialfinder_{code}.ts")
    strings += [t.text or "" for t in tree.getroot().iter("translation")]
    # the language buttons name every language in its own script
    strings += [row.native_name + row.accessible_name for row in LANGUAGES_TABLE]
    return strings


def test_every_cjk_language_has_its_own_subset():
    assert len(WITH_FONT) >= 2  # Simplified and Traditional Chinese
    assert len({BY_CODE[code].font_family for code in WITH_FONT}) == len(WITH_FONT)


@pytest.mark.parametrize("code", WITH_FONT)
@pytest.mark.parametrize("style", ["Regular", "Bold"])
def test_every_character_of_every_string_is_in_the_languages_font(qapp, code, style):
    font = QRawFont(str(font_file(code, style)), 16, QFont.HintingPreference.PreferNoHinting)
    assert font.isValid()
    assert font.familyName() == BY_CODE[code].font_family
    missing = {ch for text in strings_of(code) for ch in text
               if not ch.isspace() and not font.supportsCharacter(ord(ch))}
    assert missing == set(), "run translations/tools/make_font_subset.py"


def test_the_font_is_small_and_licensed():
    sizes = [p.stat().st_size for p in FONTS.glob("*.otf")]
    assert len(sizes) == 2 * len(WITH_FONT) and all(size < 400 * 1024 for size in sizes)
    assert "SIL OPEN FONT LICENSE Version 1.1" in (FONTS / "OFL.txt").read_text("utf-8")


CHECK = textwrap.dedent('''
    import sys
    from PySide6.QtGui import QFontDatabase, QTextLayout
    from PySide6.QtWidgets import QLabel
    from trialfinder.ui.launch import build_window
    from trialfinder.ui.screenshots import SHOW_ALL

    lang, family = sys.argv[1], sys.argv[2]
    app, window = build_window(lang)
    window.show()
    assert not [f for f in QFontDatabase.families() if "CJK" in f], "system CJK font present"
    checked = missing = 0
    window.answers.update(SHOW_ALL)
    for name in ["welcome", "about", "child", "kidney_tests", "review", "result"]:
        window.show_screen(name)
        app.processEvents()
        for label in window.findChildren(QLabel):
            text = label.text()
            if not label.isVisibleTo(window) or not any("\\u4e00" <= c <= "\\u9fff" for c in text):
                continue
            layout = QTextLayout(text, label.font())
            layout.beginLayout()
            layout.createLine()
            layout.endLayout()
            for run in layout.glyphRuns():
                checked += 1
                if 0 in run.glyphIndexes():
                    missing += 1
                    print("missing glyph in:", text[:40], run.rawFont().familyName())
                elif any("\u4e00" <= c <= "\u9fff" for c in text) and (
                        run.rawFont().familyName() not in (family, "DejaVu Sans")):
                    missing += 1  # Chinese in another language's glyph shapes
                    print("other font for:", text[:40], run.rawFont().familyName())
    print(f"checked {checked} glyph runs, {missing} with missing glyphs")
    sys.exit(1 if missing or not checked else 0)
''')


@pytest.mark.parametrize("code", WITH_FONT)
def test_chinese_renders_on_a_computer_without_cjk_fonts(tmp_path, code):
    """Fontconfig limited to DejaVu (no CJK font at all): every Chinese glyph still shows, in
    the language's own subset."""
    dejavu = "/usr/share/fonts/truetype/dejavu"
    conf = tmp_path / "fonts.conf"
    conf.write_text(f"""<?xml version="1.0"?>
<fontconfig><dir>{dejavu}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>
""", encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", CHECK, code, BY_CODE[code].font_family],
                            env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 with missing glyphs" in result.stdout


def test_the_bundled_fonts_are_registered_once_per_process(qapp):
    """Each window and each summary PDF asks for the fonts; Qt would add a copy each time."""
    from PySide6.QtGui import QFontDatabase

    from trialfinder.i18n.fonts import register_fonts

    first = register_fonts()
    assert first == register_fonts() == register_fonts()
    files = sorted(FONTS.glob("*.[ot]tf"))
    assert len(first) == len(files)
    # the next font added gets the next free id: one per bundled file, none for repeats
    probe = QFontDatabase.addApplicationFont(str(files[0]))
    try:
        assert probe == len(files)
    finally:
        QFontDatabase.removeApplicationFont(probe)
