"""The bundled screener files, decoded ahead of time: start-up reads JSON, not TOML.

Decoding the TOML takes about ten times as long as checking what it says, and the app needs
the trial's words for its first screen. So each bundled ``NAME.toml`` has a ``NAME.decoded.json``
beside it: the TOML's decoded tables, with the size and CRC-32 of the TOML it came from. It
is used only when both match the TOML read now; otherwise the TOML is decoded (an edited
file is never read stale). The checks run on the tables either way. The TOML stays the one
source: ``python -m trialfinder.screening.compiled`` writes the JSON again after an edit,
and a test fails while it is out of date. Files given with ``--trial`` have no JSON.
"""

from __future__ import annotations

import json
import sys
import zlib
from pathlib import Path
from typing import Any

SUFFIX = ".decoded.json"
MAX_BYTES = 8 * 1024 * 1024


def decoded_path(toml_path: Path) -> Path:
    return toml_path.with_name(toml_path.stem + SUFFIX)


def fingerprint(raw: bytes) -> dict[str, int]:
    return {"size": len(raw), "crc32": zlib.crc32(raw)}


def stored_tables(toml_path: Path, raw: bytes) -> dict[str, Any] | None:
    """The tables decoded ahead of time for exactly these bytes of ``toml_path``, or None."""
    try:
        with decoded_path(toml_path).open("rb") as stream:
            stored = json.loads(stream.read(MAX_BYTES))
    except (OSError, ValueError):
        return None
    if not isinstance(stored, dict) or stored.get("toml") != fingerprint(raw):
        return None
    tables = stored.get("tables")
    return tables if isinstance(tables, dict) else None


class DecodeError(ValueError):
    """The file is not TOML (tomllib's message)."""


def decode(raw: bytes) -> dict[str, Any]:
    """The TOML's tables (DecodeError, UnicodeDecodeError on a bad file)."""
    import tomllib

    try:
        return tomllib.loads(raw.decode("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise DecodeError(str(exc)) from exc


def write(toml_path: Path) -> Path:
    """Decode ``toml_path`` and write its JSON beside it."""
    raw = toml_path.read_bytes()
    out = decoded_path(toml_path)
    text = json.dumps({"toml": fingerprint(raw), "tables": decode(raw)}, ensure_ascii=False,
                      separators=(",", ":"))
    out.write_text(text + "\n", "utf-8")
    return out


def main() -> int:
    """Write the JSON of every bundled screener file (resources/screeners/*.toml)."""
    from trialfinder.paths import resources_dir

    for path in sorted((resources_dir() / "screeners").glob("*.toml")):
        print(f"wrote {write(path)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
