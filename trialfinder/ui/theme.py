"""Colours, sizes and the style sheet: calm, high contrast, large targets, scalable text."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from trialfinder.i18n.fonts import fallback_families
from trialfinder.paths import resources_dir

# Text and control colours, each at least 4.5:1 against its background (tests check it).
TEXT = "#1b1b1b"
MUTED = "#4a4a4a"
BACKGROUND = "#ffffff"
PANEL = "#f3f6f9"
PRIMARY = "#0b4f8a"
PRIMARY_TEXT = "#ffffff"
ERROR = "#a4161a"
ERROR_BACKGROUND = "#fdecea"
GOOD = "#1e6b34"
WARN = "#7a4a00"
BORDER = "#5c6b7a"
FOCUS = "#c25e00"

CONTRAST_PAIRS = {
    "text": (TEXT, BACKGROUND),
    "muted": (MUTED, BACKGROUND),
    "muted on panel": (MUTED, PANEL),
    "text on panel": (TEXT, PANEL),
    "primary button": (PRIMARY_TEXT, PRIMARY),
    "link": (PRIMARY, BACKGROUND),
    "error": (ERROR, ERROR_BACKGROUND),
    "text in a wrong field with the focus": (TEXT, ERROR_BACKGROUND),
    "good": (GOOD, PANEL),
    "warning": (WARN, PANEL),
    "good heading": (GOOD, BACKGROUND),
    "warning heading": (WARN, BACKGROUND),
}

MIN_TARGET_PX = 48
KIOSK_SCROLL_BAR_PX = 48  # a finger-wide scroll bar on a touch screen
MIN_SCALE, MAX_SCALE = 0.75, 2.5


def _check_mark() -> str:
    return (resources_dir() / "ui" / "check.svg").as_posix()


def relative_luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG contrast ratio of two #rrggbb colours."""
    high, low = sorted((relative_luminance(foreground), relative_luminance(background)),
                       reverse=True)
    return (high + 0.05) / (low + 0.05)


def style_sheet(base_pt: float, scale: float = 1.0) -> str:
    """The application's style sheet for a body text size in points. Targets, padding and
    the check boxes' and radio buttons' marks grow with the text (``scale``: 2 at 200%)."""
    title = base_pt * 1.7
    heading = base_pt * 1.3
    grow = max(1.0, scale)

    def px(value: float) -> int:
        return round(value * grow)

    target = px(MIN_TARGET_PX)
    CHECK_MARK = f'"{_check_mark()}"'
    mark = px(22)
    # The focus outline is a border: as wide as the normal border plus one, with one pixel
    # less padding, so the text never moves or clips when the focus arrives.
    return f"""
QWidget {{ color: {TEXT}; background: {BACKGROUND}; font-size: {base_pt:.1f}pt; }}
QLabel[role="title"] {{ font-size: {title:.1f}pt; font-weight: 600; }}
QLabel[role="heading"] {{ font-size: {heading:.1f}pt; font-weight: 600; }}
QLabel[role="muted"] {{ color: {MUTED}; }}
QLabel[role="error"] {{ color: {ERROR}; background: {ERROR_BACKGROUND};
    border-left: 4px solid {ERROR}; padding: 6px; }}
QLabel[role="verdict"] {{ font-size: {title:.1f}pt; font-weight: 700; color: {PRIMARY}; }}
QLabel[role="note"] {{ background: {PANEL}; padding: 8px; }}
QLabel[role="registry"] {{ background: {PANEL}; color: {TEXT}; padding: 8px;
    font-family: serif; }}
QLabel[role="good"] {{ color: {GOOD}; background: {PANEL}; font-weight: 600; }}
QLabel[role="warn"] {{ color: {WARN}; background: {PANEL}; font-weight: 600; }}
QFrame[role="card"] {{ background: {PANEL}; border: 1px solid #c9d3dd; border-radius: 8px; }}
QFrame[role="card"] QLabel, QFrame[role="card"] QRadioButton,
QFrame[role="card"] QCheckBox {{ background: {PANEL}; }}
QPushButton {{ min-height: {target}px; padding: {px(6)}px {px(18)}px;
    border: 2px solid {BORDER}; border-radius: 6px; background: {BACKGROUND}; outline: none; }}
QPushButton[role="primary"] {{ background: {PRIMARY}; color: {PRIMARY_TEXT};
    border-color: {PRIMARY}; font-weight: 600; }}
QPushButton[role="link"] {{ border: none; color: {PRIMARY}; text-decoration: underline;
    background: transparent; padding: {px(4)}px {px(6)}px; text-align: left;
    border: 2px solid transparent; }}
QPushButton:checked {{ background: {PRIMARY}; color: {PRIMARY_TEXT}; }}
QPushButton[role="link"]:checked {{ background: transparent; color: {PRIMARY}; }}
QPushButton:focus {{ border: 3px solid {FOCUS}; padding: {px(6) - 1}px {px(18) - 1}px; }}
QPushButton[role="link"]:focus {{ padding: {px(4) - 1}px {px(6) - 1}px; }}
QRadioButton, QCheckBox {{ min-height: {target}px; padding: {px(2)}px {px(10)}px;
    border: 2px solid transparent; border-radius: 6px; spacing: {px(10)}px; outline: none; }}
QRadioButton:focus, QCheckBox:focus {{ border: 3px solid {FOCUS};
    padding: {px(2) - 1}px {px(10) - 1}px; }}
QRadioButton::indicator, QCheckBox::indicator {{ width: {mark}px; height: {mark}px;
    border: 2px solid {BORDER}; background: {BACKGROUND}; }}
QRadioButton::indicator {{ border-radius: {mark // 2 + 2}px; }}
QCheckBox::indicator {{ border-radius: 4px; }}
QRadioButton::indicator:checked {{ background: qradialgradient(cx: 0.5, cy: 0.5, radius: 0.5,
    fx: 0.5, fy: 0.5, stop: 0 {PRIMARY}, stop: 0.55 {PRIMARY}, stop: 0.62 {BACKGROUND},
    stop: 1 {BACKGROUND}); border-color: {PRIMARY}; }}
QCheckBox::indicator:checked {{ background: {PRIMARY}; border-color: {PRIMARY};
    image: url({CHECK_MARK}); }}
QRadioButton::indicator:disabled, QCheckBox::indicator:disabled {{ border-color: #9aa5b1; }}
QLineEdit, QComboBox {{ min-height: {target - 4}px; padding: {px(2)}px {px(8)}px;
    border: 2px solid {BORDER}; border-radius: 4px; background: {BACKGROUND}; }}
QLineEdit:focus, QComboBox:focus {{ border: 3px solid {FOCUS};
    padding: {px(2) - 1}px {px(8) - 1}px; }}
QWidget#keypad QPushButton {{ min-height: {target}px; padding: 0; }}
QLineEdit[invalid="true"] {{ border: 3px solid {ERROR}; }}
QLineEdit[invalid="true"]:focus {{ border: 3px solid {FOCUS}; background: {ERROR_BACKGROUND}; }}
QProgressBar {{ border: 1px solid {BORDER}; border-radius: 4px; background: {PANEL};
    max-height: 12px; }}
QProgressBar::chunk {{ background: {PRIMARY}; }}
QScrollArea {{ border: 3px solid transparent; }}
QScrollArea:focus {{ border-color: {FOCUS}; }}
QFrame[role^="lead-"] {{ background: {PANEL}; border: 1px solid #c9d3dd;
    border-left: 8px solid {PRIMARY}; border-radius: 8px; }}
QFrame[role="lead-likely_eligible"] {{ border-left-color: {GOOD}; }}
QFrame[role="lead-likely_not_eligible"] {{ border-left-color: {WARN}; }}
QFrame[role^="lead-"] QLabel {{ background: {PANEL}; }}
QLabel[role^="verdict-"] {{ font-size: {title:.1f}pt; font-weight: 700; color: {PRIMARY}; }}
QLabel[role="verdict-likely_eligible"] {{ color: {GOOD}; }}
QLabel[role="verdict-likely_not_eligible"] {{ color: {WARN}; }}
QLabel[role="neutral"] {{ color: {TEXT}; background: {PANEL}; font-weight: 600; }}
QLabel[role^="group-"] {{ font-size: {heading:.1f}pt; font-weight: 700; }}
QLabel[role="group-fits"] {{ color: {GOOD}; }}
QLabel[role="group-against"] {{ color: {WARN}; }}
QFrame[role^="card-"] {{ background: {PANEL}; border: 1px solid #c9d3dd; border-radius: 8px;
    border-left: 6px solid {PRIMARY}; }}
QFrame[role="card-fits"] {{ border-left-color: {GOOD}; }}
QFrame[role="card-against"] {{ border-left-color: {WARN}; }}
QFrame[role^="card-"] QLabel {{ background: {PANEL}; }}
"""


def touch_scroll_bars(width: int = KIOSK_SCROLL_BAR_PX) -> str:
    """Style for finger-sized scroll bars (a kiosk's touch screen)."""
    return f"""
QScrollBar:vertical {{ width: {width}px; background: {PANEL}; margin: 0; border: none; }}
QScrollBar::handle:vertical {{ min-height: {width * 2}px; background: {BORDER};
    border: 6px solid {PANEL}; border-radius: 12px; }}
QScrollBar:horizontal {{ height: {width}px; background: {PANEL}; margin: 0; border: none; }}
QScrollBar::handle:horizontal {{ min-width: {width * 2}px; background: {BORDER};
    border: 6px solid {PANEL}; border-radius: 12px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0; height: 0; border: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
"""


class TextScale:
    """Text that follows the system size, made larger or smaller with Ctrl+Plus / Ctrl+Minus."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        # The system's size, read once per application: a second window (or a test) must
        # not take an already scaled font for the system's.
        size = app.property("system_point_size")
        if not size:
            size = app.font().pointSizeF()
            app.setProperty("system_point_size", size)
        self.system_pt = size if size > 0 else 10.0
        self.scale = 1.0
        self.on_change: Callable[[float], None] | None = None  # remember the choice
        self.followers: list[Callable[[float], None]] = []  # layouts that follow the size
        self.apply()

    @property
    def base_pt(self) -> float:
        return max(self.system_pt, 10.0) * 1.15 * self.scale

    def set_scale(self, scale: float) -> None:
        self.scale = min(MAX_SCALE, max(MIN_SCALE, scale))
        self.apply()
        for follow in self.followers:
            follow(self.scale)
        if self.on_change is not None:
            self.on_change(self.scale)

    def bigger(self) -> None:
        self.set_scale(round(self.scale + 0.25, 2))

    def smaller(self) -> None:
        self.set_scale(round(self.scale - 0.25, 2))

    def reset(self) -> None:
        self.set_scale(1.0)

    def apply(self) -> None:
        font = QFont(self.app.font())
        font.setPointSizeF(self.base_pt)
        # The system's own font first; for any character it lacks (Chinese on a computer
        # without CJK fonts) the bundled subsets, the current language's first.
        family = self.app.property("system_family") or font.family()
        self.app.setProperty("system_family", family)
        font.setFamilies([family, *fallback_families()])
        self.app.setFont(font)
        sheet = style_sheet(self.base_pt, self.scale)
        if self.app.styleSheet() != sheet:  # a new sheet re-polishes every widget: only if needed
            self.app.setStyleSheet(sheet)


def set_role(widget, role: str) -> None:
    """Give a widget a style role (see style_sheet); re-polish it if it is already shown
    (a widget not shown yet is polished when it is first shown)."""
    widget.setProperty("role", role)
    if widget.isVisible():
        widget.style().unpolish(widget)
        widget.style().polish(widget)
