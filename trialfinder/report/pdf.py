"""Turning the summary into a PDF or a print-out with Qt (QTextDocument); fonts embedded.

Needs a QGuiApplication (offscreen is enough: the summary command has no display).
"""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtCore import QBuffer, QIODevice, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import (
    QFont,
    QGuiApplication,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPdfWriter,
    QTextDocument,
)

from trialfinder.i18n.fonts import fallback_families, register_fonts
from trialfinder.report.qr import contact_qr_png
from trialfinder.report.summary import LANGS, QR_RESOURCE, Summary
from trialfinder.storage import write_atomic


def document(summary: Summary, lang: str, device: QPagedPaintDevice | None = None
             ) -> QTextDocument:
    """The summary laid out for A4 paper, with the QR code and the bundled Chinese font.
    Laid out on the device's own page (no extra margin of Qt's), when one is given."""
    register_fonts()
    doc = QTextDocument()
    if device is not None:
        doc.documentLayout().setPaintDevice(device)
        rect = device.pageLayout().paintRectPixels(device.logicalDpiX())
        doc.setPageSize(QSizeF(rect.width(), rect.height()))
        doc.setDocumentMargin(0)
    font = QFont(QGuiApplication.font())
    font.setFamilies([font.family(), *fallback_families(LANGS.get(lang, ()))])
    font.setPointSizeF(10.5)
    doc.setDefaultFont(font)
    image = QImage.fromData(contact_qr_png(summary.current.record), "PNG")
    doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(QR_RESOURCE), image)
    # about 2.5 cm wide on paper: large enough for any phone camera
    qr_px = round(device.logicalDpiX() * 0.8) if device is not None else 110
    doc.setHtml(summary.html(lang, qr_px))
    return doc


def _layout(device: QPagedPaintDevice) -> None:
    device.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                     QPageLayout.Orientation.Portrait,
                                     QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))


def pdf_bytes(summary: Summary, lang: str) -> bytes:
    """The summary as PDF bytes, made in memory."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setTitle("TrialFinder summary")
    writer.setCreator("TrialFinder")
    writer.setResolution(300)
    _layout(writer)
    document(summary, lang, writer).print_(writer)
    del writer  # ends the PDF
    buffer.close()
    return bytes(buffer.data())


def write_pdf(summary: Summary, lang: str, path: Path) -> None:
    """Write the summary as a PDF (only when the person asked for it), atomically: made in
    memory, then written beside the target and renamed over it. Raises OSError when it
    could not be written (a missing folder, a read-only place, a full disk); a file already
    there is then left as it was."""
    data = pdf_bytes(summary, lang)
    if not data.startswith(b"%PDF"):
        raise OSError(errno.EIO, "the PDF could not be made", str(path))
    write_atomic(path, data, make_dirs=False)


def print_summary(summary: Summary, lang: str, printer) -> None:
    """Send the summary to a printer (QtPrintSupport's QPrinter)."""
    _layout(printer)
    document(summary, lang, printer).print_(printer)
