"""Build the bundled CJK fonts: for each language of the languages table with a font family
(trialfinder/i18n/languages.py), a subset of its Noto Sans CJK face with every character shown.

    apt-get install fonts-noto-cjk && pip install fonttools
    python translations/tools/make_font_subset.py

For each such language, reads its translations (gettext .po and Qt .ts), every text of the
bundled trial record and the screener, every language's own name, plus ASCII and common
punctuation, and writes a Regular and a Bold subset to resources/fonts/ under the table's
family name, e.g. "TrialFinder Noto Sans TC" (so it never clashes with a full Noto Sans CJK
installed on the system). Noto Sans CJK is under the SIL Open Font License 1.1; the licence
travels with the subsets (resources/fonts/OFL.txt).
Run it again whenever a translation adds a character: tests/gui/test_font.py fails until then.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from trialfinder.i18n.languages import LANGUAGES_TABLE, Language  # noqa: E402

FONTS = ROOT / "resources" / "fonts"
SOURCES = {
    "Regular": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    "Bold": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
}
EXTRA = "，。：；（）“”‘’？！、·—…《》【】～×≥≤±°µ²³⁷①②③④⑤•％"


def file_name(row: Language, style: str) -> str:
    """"TrialFinder Noto Sans TC" -> TrialFinderNotoSansTC-Bold.otf"""
    return f"{row.font_family.replace(' ', '')}-{style}.otf"


def shown_text(row: Language) -> str:
    """Every character the app can show in one language."""
    from babel.messages.pofile import read_po

    parts = []
    with (ROOT / "translations" / row.code / "LC_MESSAGES" / "trialfinder.po").open("rb") as f:
        for message in read_po(f):
            value = message.string
            parts += list(value) if isinstance(value, tuple) else [value]
    tree = ET.parse(ROOT / "translations" / "qt" / f"trialfinder_{row.code}.ts")
    parts += [t.text or "" for t in tree.getroot().iter("translation")]
    parts += [other.native_name + other.accessible_name for other in LANGUAGES_TABLE]
    parts.append((ROOT / "resources" / "screeners" / "NCT06686524.toml").read_text("utf-8"))
    record = json.loads((ROOT / "resources" / "records" / "NCT06686524.json").read_text("utf-8"))
    parts.append(json.dumps(record, ensure_ascii=False))
    for listed in sorted((ROOT / "resources" / "related").glob("*.json")):  # other studies
        parts.append(listed.read_text("utf-8"))
    parts.append(EXTRA + "".join(chr(c) for c in range(0x20, 0x7F)))
    return "".join(parts)


def face(style: str, name: str):
    """The face of the collection whose family is ``name`` (e.g. "Noto Sans CJK TC")."""
    from fontTools.ttLib import TTCollection

    for font in TTCollection(str(SOURCES[style])).fonts:
        if font["name"].getDebugName(1) == name:
            return font
    raise SystemExit(f"{name} not in {SOURCES[style]}")


def subset(row: Language, style: str, text: str) -> Path:
    from fontTools import subset as ft_subset

    font = face(style, row.font_source_face)
    family = row.font_family
    options = ft_subset.Options()
    options.hinting = False
    options.desubroutinize = True
    # No substitution features: a glyph reached only through GSUB has no text behind it
    # in a PDF (Qt maps glyphs back to text through the cmap), so copying and searching fail.
    options.layout_features = ["kern"]
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6, 13, 14]
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    names = font["name"]
    for record in names.names:
        if record.nameID in (1, 16):
            record.string = family
        elif record.nameID == 4:
            record.string = f"{family} {style}"
        elif record.nameID == 6:
            record.string = file_name(row, style).removesuffix(".otf")
    names.removeNames(nameID=16)
    names.removeNames(nameID=17)
    out = FONTS / file_name(row, style)
    font.save(str(out))
    return out


def main() -> int:
    FONTS.mkdir(parents=True, exist_ok=True)
    for row in LANGUAGES_TABLE:
        if not row.font_family:
            continue
        text = shown_text(row)
        for style in SOURCES:
            path = subset(row, style, text)
            print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KiB, "
                  f"{len(set(text))} characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
