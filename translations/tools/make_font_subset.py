"""Build the bundled Chinese font: a subset of Noto Sans CJK SC with every character we show.

    apt-get install fonts-noto-cjk && pip install fonttools
    python translations/tools/make_font_subset.py

Reads every zh_CN translation (gettext .po and Qt .ts), every text of the bundled trial record
and the screener, plus ASCII and common punctuation, and writes a Regular and a Bold subset
to resources/fonts/ under the family name "TrialFinder Noto Sans SC" (so it never clashes with
a full Noto Sans CJK installed on the system). Noto Sans CJK is under the SIL Open Font
License 1.1; the licence travels with the subset (resources/fonts/OFL.txt).
Run it again whenever a translation adds a character: tests/unit/test_font.py fails until then.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "resources" / "fonts"
SOURCES = {
    "Regular": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    "Bold": Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc"),
}
SC_INDEX = 2  # Noto Sans CJK SC inside the collections
FAMILY = "TrialFinder Noto Sans SC"
EXTRA = "，。：；（）“”‘’？！、·—…《》【】～×≥≤±°µ²³⁷①②③④⑤•％"


def shown_text() -> str:
    """Every character the app can show in Chinese."""
    from babel.messages.pofile import read_po

    parts = []
    with (ROOT / "translations" / "zh_CN" / "LC_MESSAGES" / "trialfinder.po").open("rb") as f:
        for message in read_po(f):
            value = message.string
            parts += list(value) if isinstance(value, tuple) else [value]
    tree = ET.parse(ROOT / "translations" / "qt" / "trialfinder_zh_CN.ts")
    parts += [t.text or "" for t in tree.getroot().iter("translation")]
    parts.append((ROOT / "resources" / "screeners" / "NCT06686524.toml").read_text("utf-8"))
    record = json.loads((ROOT / "resources" / "records" / "NCT06686524.json").read_text("utf-8"))
    parts.append(json.dumps(record, ensure_ascii=False))
    for listed in sorted((ROOT / "resources" / "related").glob("*.json")):  # other studies
        parts.append(listed.read_text("utf-8"))
    parts.append("中文（简体）" + EXTRA + "".join(chr(c) for c in range(0x20, 0x7F)))
    return "".join(parts)


def subset(style: str, text: str) -> Path:
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTCollection

    font = TTCollection(str(SOURCES[style])).fonts[SC_INDEX]
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
            record.string = FAMILY
        elif record.nameID == 4:
            record.string = f"{FAMILY} {style}"
        elif record.nameID == 6:
            record.string = f"TrialFinderNotoSansSC-{style}"
    names.removeNames(nameID=16)
    names.removeNames(nameID=17)
    out = FONTS / f"TrialFinderNotoSansSC-{style}.otf"
    font.save(str(out))
    return out


def main() -> int:
    text = shown_text()
    FONTS.mkdir(parents=True, exist_ok=True)
    for style in SOURCES:
        path = subset(style, text)
        print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size // 1024} KiB, "
              f"{len(set(text))} characters)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
