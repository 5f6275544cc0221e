"""Make the application icons for each platform from one SVG (packaging/icons/trialfinder.svg).

    python packaging/make_icons.py

Writes PNGs (16 to 512 px) for Linux, trialfinder.ico (Windows: PNG-compressed entries) and
trialfinder.icns (macOS: PNG-compressed entries), using Qt's SVG renderer. No other tool.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICNS_TYPES = {16: b"icp4", 32: b"icp5", 64: b"icp6", 128: b"ic07", 256: b"ic08", 512: b"ic09"}


def render(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(pngs: dict[int, bytes]) -> bytes:
    sizes = [s for s in sorted(pngs) if s <= 256]
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = 6 + 16 * len(sizes)
    entries, blobs = b"", b""
    for size in sizes:
        blob = pngs[size]
        entries += struct.pack("<BBBBHHII", size % 256, size % 256, 0, 0, 1, 32, len(blob),
                               offset + len(blobs))
        blobs += blob
    return header + entries + blobs


def icns(pngs: dict[int, bytes]) -> bytes:
    body = b"".join(kind + struct.pack(">I", 8 + len(pngs[size])) + pngs[size]
                    for size, kind in ICNS_TYPES.items())
    return b"icns" + struct.pack(">I", 8 + len(body)) + body


def main() -> int:
    app = QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(HERE / "trialfinder.svg"))
    if not renderer.isValid():
        print("the SVG did not load")
        return 1
    pngs = {size: render(renderer, size) for size in SIZES}
    for size, data in pngs.items():
        (HERE / f"trialfinder-{size}.png").write_bytes(data)
    (HERE / "trialfinder.ico").write_bytes(ico(pngs))
    (HERE / "trialfinder.icns").write_bytes(icns(pngs))
    print(f"wrote {len(pngs)} PNGs, trialfinder.ico and trialfinder.icns to {HERE}")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
