"""The verdict's icon, drawn (no font or image file needed): a tick in a circle for "likely",
a question mark for "possibly", a bar for "likely not". Shape and words carry the meaning;
colour only adds to it."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPen, QPixmap

from trialfinder.screening.verdict import LIKELY_ELIGIBLE, LIKELY_NOT_ELIGIBLE
from trialfinder.ui.theme import GOOD, PRIMARY, WARN

COLOUR = {LIKELY_ELIGIBLE: GOOD, LIKELY_NOT_ELIGIBLE: WARN}


def verdict_colour(verdict: str) -> str:
    return COLOUR.get(verdict, PRIMARY)


def verdict_icon(verdict: str, size: int) -> QPixmap:
    """A round icon of ``size`` pixels for a verdict."""
    size = max(24, size)
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(verdict_colour(verdict)))
    painter.drawEllipse(QRectF(1, 1, size - 2, size - 2))
    pen = QPen(QColor("#ffffff"), size * 0.11, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap,
               Qt.PenJoinStyle.RoundJoin)
    painter.setPen(pen)
    s = size
    if verdict == LIKELY_ELIGIBLE:
        painter.drawPolyline([QPointF(s * 0.28, s * 0.52), QPointF(s * 0.44, s * 0.68),
                              QPointF(s * 0.72, s * 0.34)])
    elif verdict == LIKELY_NOT_ELIGIBLE:
        painter.drawLine(QPointF(s * 0.28, s * 0.5), QPointF(s * 0.72, s * 0.5))
    else:
        font = QFont()
        font.setBold(True)
        font.setPixelSize(int(s * 0.62))
        painter.setFont(font)
        painter.drawText(QRectF(0, 0, s, s), Qt.AlignmentFlag.AlignCenter, "?")
    painter.end()
    return pixmap
