"""Fill msgstr entries of a .po file from a Python dict {msgid: msgstr} (a translator's aid).

    python translations/tools/fill_po.py translations/<code>/LC_MESSAGES/trialfinder.po NEW.py

Only empty or changed entries are written; entries not in the dict are left as they are.
A plural message takes one string (for every plural form) or a tuple, one per form.
"""

from __future__ import annotations

import io
import runpy
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po


def main(po: str, table: str) -> int:
    strings = runpy.run_path(table)["ZH"]
    path = Path(po)
    with path.open("rb") as handle:
        catalog = read_po(handle, locale=path.parents[1].name)  # <code>/LC_MESSAGES/x.po
    for message in catalog:
        key = message.id[0] if isinstance(message.id, tuple) else message.id
        if key and key in strings:
            text = strings[key]
            if isinstance(message.id, tuple) and not isinstance(text, tuple):
                text = (text,) * catalog.num_plurals  # e.g. Chinese has one form
            message.string = text
            message.flags.discard("fuzzy")
    buffer = io.BytesIO()
    write_po(buffer, catalog, sort_output=True, no_location=True, width=0)
    path.write_bytes(buffer.getvalue())
    missing = [m.id for m in catalog if m.id and not any(
        m.string if isinstance(m.string, tuple) else [m.string])]
    print(f"{len(missing)} untranslated")
    for item in missing:
        print("  ", item)
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:3]))
