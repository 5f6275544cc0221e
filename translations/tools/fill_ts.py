"""Fill a Qt .ts file from a Python dict {(context, source): translation} (a translator's aid).

    python translations/tools/fill_ts.py translations/qt/trialfinder_<code>.ts NEW.py

A key may also be a plain source string, for every context that has it.
"""

from __future__ import annotations

import runpy
import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def main(ts: str, table: str) -> int:
    strings = runpy.run_path(table)["ZH"]
    path = Path(ts)
    tree = ET.parse(path)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            source = message.findtext("source")
            translation = message.find("translation")
            text = strings.get((name, source), strings.get(source))
            if text is not None:
                translation.text = text
                translation.attrib.pop("type", None)
            elif translation.get("type") == "unfinished":
                missing.append((name, source))
    body = ET.tostring(tree.getroot(), encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n",
                    encoding="utf-8")
    print(f"{len(missing)} unfinished")
    for item in missing:
        print("  ", item)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
