"""The main window: a header with the language switch, the screens, and Back / Next."""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from trialfinder.i18n.content import _, language
from trialfinder.i18n.languages import BY_CODE, LANGUAGES_TABLE
from trialfinder.i18n.qt import apply_language
from trialfinder.ui.common import Screen, ask, button, confirm, label
from trialfinder.ui.tap_guard import TapGuard
from trialfinder.ui.welcome_page import WelcomePage

if TYPE_CHECKING:  # the engine and the record load after the first paint, not at import
    from trialfinder.composition import AppParts
    from trialfinder.screening.questionnaire import Questionnaire
    from trialfinder.screening.trial_section import TrialInfo
    from trialfinder.screening.verdict import Outcome
    from trialfinder.trial.source import CurrentRecord
    from trialfinder.ui.question_page import QuestionPage
    from trialfinder.ui.review_page import Rows
    from trialfinder.ui.theme import TextScale

WELCOME, ABOUT, REVIEW, RESULT = "welcome", "about", "review", "result"
TWO_ROWS_FROM = 1.5  # the text size from which the language buttons get a row of their own
# One button per row of the languages table, each language named in its own script (the
# table's native names, checked against Babel's by a test; not looked up at start-up).
LANGUAGE_BUTTONS = tuple((row.code, row.native_name) for row in LANGUAGES_TABLE)


class MainWindow(QMainWindow):
    """Holds the answers (in memory only) and moves between the screens. What it is made of
    (the screener, the record source, the mode) comes built from the composition root
    (trialfinder.composition.AppParts); what it offers is read from the mode's fields."""

    language_chosen = Signal(str)  # the person picked a language (a preference to remember)
    page_changed = Signal(str)  # the name of the screen now shown

    def __init__(self, parts: AppParts, text_scale: TextScale | None = None) -> None:
        super().__init__()
        self.setObjectName("main-window")
        self.parts = parts
        mode = self.mode = parts.mode  # what this way of running offers (trialfinder.modes)
        # The trial record and the questionnaire load when first needed: the first screen
        # needs only the trial's words (parts.trial), so it paints sooner.
        self._current: CurrentRecord | None = None
        self._painted = False
        self._set_up = False  # after_first_paint has run
        self._shortcuts_installed = False
        self.text_scale = text_scale
        self.after_paint: list[Callable[[], None]] = []  # e.g. start the live record check
        self.tally_row: int | None = None  # this family's row in the volunteer's tally
        self.answers: dict[str, Any] = {}
        self.saved_answers: dict[str, Any] = {}  # as last saved to (or opened from) a file
        self.reached_review = False
        self.may_close = mode.may_close  # a kiosk closes only through the staff exit
        self.tap_guard = TapGuard(self)  # a fast double tap never skips a page (once painted)

        central = QWidget(self)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        header = QHBoxLayout()
        header.setContentsMargins(24, 10, 24, 10)
        self.app_title = label("heading", name="app-title", plain=False)
        header.addWidget(self.app_title, 1)
        # "Start again" / "Next family" sit up here, far from "Next", and ask first.
        # Made inside the window: a widget with no parent that is made visible (setVisible)
        # is shown as a window of its own, a flash on the desktop before the app's window.
        self.restart_button = button(parent=central, name="restart")
        self.restart_button.clicked.connect(self.ask_restart)
        header.addWidget(self.restart_button)
        # At home: stop and carry on later (shown on every screen but the first: _update_nav)
        self.save_button = button(parent=central, name="save-answers")
        self.save_button.clicked.connect(self.save_answers)
        header.addWidget(self.save_button)
        self.tally_button = button(parent=central, name="tally")
        self.tally_button.setVisible(mode.keeps_tally)
        self.tally_button.clicked.connect(lambda: self.show_screen("tally"))
        header.addWidget(self.tally_button)
        self.lang_buttons: dict[str, QPushButton] = {}  # made in reading order (tab order)
        for code, own_name in LANGUAGE_BUTTONS:
            item = self.lang_buttons[code] = button(parent=central, name=f"lang-{code}")
            item.setText(own_name)  # each language named in its own script
            item.setCheckable(True)
            item.clicked.connect(lambda _c=False, c=code: self.choose_language(c))
            header.addWidget(item)
        outer.addLayout(header)
        # From 150% text the language buttons have a row of their own: in one row the top
        # bar was wider than a laptop's screen and pushed the window past its edge.
        self.header = header
        self.language_row = QHBoxLayout()
        self.language_row.setContentsMargins(0, 0, 0, 0)  # takes no room while empty
        self.language_row.addStretch(1)
        outer.addLayout(self.language_row)
        if text_scale is not None:
            text_scale.followers.append(self._place_language_buttons)
            self._place_language_buttons(text_scale.scale)
        self.notice = label("note", name="notice", plain=False)  # plain text set in notify
        self.notice_words: Callable[[], str] | None = None
        self.notice.hide()
        notice_row = QHBoxLayout()
        notice_row.setContentsMargins(24, 0, 24, 0)
        notice_row.addWidget(self.notice)
        outer.addLayout(notice_row)

        self.stack = QStackedWidget(self)
        outer.addWidget(self.stack, 1)
        self.screens: dict[str, Screen] = {}
        welcome = WelcomePage(self.trial, self, kiosk=mode.writes_nothing)
        if mode.can_save_answers:
            welcome.open_saved.show()
            welcome.open_saved.clicked.connect(self._ask_open_answers)
        self._add(welcome)
        # Made after the top bar and before the bottom bar, so Qt's focus chain already goes
        # top bar, page, bottom bar: its tab order needs no fixing (see _order_focus).
        self._in_reading_order: Screen | None = welcome

        nav = QHBoxLayout()
        nav.setContentsMargins(24, 10, 24, 14)
        self.back_button = button(name="back")
        self.review_button = button(name="to-review")
        self.next_button = button("primary", name="next")
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.review_button.clicked.connect(lambda: self._leave_and_show(REVIEW))
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.review_button)
        nav.addWidget(self.next_button)
        outer.addLayout(nav)
        self.bottom = QVBoxLayout()  # for a kiosk's number pad
        self.bottom.setContentsMargins(24, 0, 24, 14)
        outer.addLayout(self.bottom)
        self.setCentralWidget(central)

        self.resize(960, 760)  # run_gui fits it to the screen (fit_screen) before showing it
        self.show_screen(WELCOME)
        self.retranslate()

    @property
    def trial(self) -> TrialInfo:
        """The trial's words (title, welcome, about), from its screener file."""
        return self.parts.trial

    @property
    def questionnaire(self) -> Questionnaire:
        return self.parts.questionnaire  # parsed once, when first needed

    @property
    def current(self) -> CurrentRecord:
        if self._current is None:
            self._current = self.parts.stored_record()
        return self._current

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self._painted:
            self._painted = True
            QTimer.singleShot(0, self.after_first_paint)
        return super().event(event)

    def after_first_paint(self) -> None:
        """Set-up that the first paint does not need: shortcuts, the tap guard, the first
        screen's tab order (unless it is already in reading order), the live record check."""
        self._set_up = True
        self.install_shortcuts()
        self.tap_guard.install()
        screen = self.stack.currentWidget()
        if isinstance(screen, Screen) and screen is not self._in_reading_order:
            self._order_focus(screen)
        for action in self.after_paint:
            action()

    def set_record(self, current: CurrentRecord) -> None:
        """A newer record arrived (or a live check failed): every screen that shows the
        record shows the new one."""
        self._current = current
        for name in (ABOUT, RESULT):
            screen = self.screens.get(name)
            if screen is not None:
                screen.set_record(current)  # type: ignore[attr-defined]

    def install_shortcuts(self) -> None:
        """Text size, Back, Next (and Save at home) from the keyboard, anywhere in this window
        (Qt's default context: not while a dialog has the focus)."""
        from PySide6.QtGui import QKeySequence, QShortcut

        if self._shortcuts_installed:
            return  # (a kiosk's staff exit, made before, is not one of these)
        self._shortcuts_installed = True
        for keys, action in (
            (QKeySequence.StandardKey.ZoomIn, self._bigger),
            ("Ctrl+=", self._bigger),
            (QKeySequence.StandardKey.ZoomOut, self._smaller),
            ("Ctrl+0", self._reset_size),
            ("Alt+Left", self.go_back),
            ("Alt+Right", self.go_next),
            *(((QKeySequence.StandardKey.Save, self.save_answers),)
              if self.mode.can_save_answers else ()),
        ):
            QShortcut(QKeySequence(keys), self).activated.connect(action)

    # -- screens ---------------------------------------------------------------------------

    def _add(self, screen: Screen) -> Screen:
        self.screens[screen.name] = screen
        self.stack.addWidget(screen)
        return screen

    def screen(self, name: str) -> Screen:
        """A screen by name, built the first time it is needed (start-up stays quick)."""
        # The other screens' modules load when first needed, not at start-up.
        if name not in self.screens:
            if name == ABOUT:
                from trialfinder.ui.about_page import AboutPage

                self._add(AboutPage(self.current, self.trial, self))
            elif name == REVIEW:
                from trialfinder.ui.review_page import ReviewPage

                review = ReviewPage(self.review_rows,
                                    lambda: self.questionnaire.unanswered(self.answers), self)
                review.change_requested.connect(self.change_answer)
                self._add(review)
            elif name == RESULT:
                from trialfinder.ui import takeaway
                from trialfinder.ui.result_page import ResultPage

                page = ResultPage(self.questionnaire.screener, self.outcome,
                                  lambda: self.current, self, self.result_actions(),
                                  calls=self.mode.can_call)
                page.save_pdf_requested.connect(
                    lambda lang: takeaway.ask_and_save_summary(self, lang))
                page.print_requested.connect(
                    lambda lang: takeaway.print_summary_now(self, lang, self.mode.print_dialog))
                page.save_answers_requested.connect(self.save_answers)
                self._add(page)
            elif name == "tally":
                from trialfinder.ui.tally_page import TallyPage

                self._add(TallyPage(self.questionnaire.screener, self))
            else:
                from trialfinder.ui.question_page import QuestionPage

                page = next(p for p in self.questionnaire.pages if p.id == name)
                question_page = QuestionPage(page, self.questionnaire, self.answers, self)
                # volunteers read the registry's own words beside each plain question
                question_page.show_registry_words(self.mode.shows_registry_words)
                # a child too young for the study: the result (and other studies) at once
                question_page.stop_requested.connect(lambda: self._leave_and_show(RESULT))
                self._add(question_page)
        return self.screens[name]

    def question_page(self, page_id: str) -> QuestionPage:
        from trialfinder.ui.question_page import QuestionPage

        page = self.screen(page_id)
        assert isinstance(page, QuestionPage)
        return page

    def sequence(self) -> list[str]:
        """The screens in order, with only the question pages that are shown."""
        pages = [page.id for page, _qs in self.questionnaire.visible(self.answers)]
        return [WELCOME, ABOUT, *pages, REVIEW, RESULT]

    def current_name(self) -> str:
        widget = self.stack.currentWidget()
        return widget.name if isinstance(widget, Screen) else WELCOME

    def show_screen(self, name: str) -> None:
        screen = self.screen(name)
        changing = self.stack.currentWidget() is not screen
        if name == "tally" and self.current_name() != "tally":
            self._before_tally = self.current_name()
        screen.on_show()
        if hasattr(screen, "set_step"):
            pages = self.sequence()[2:-2]
            number = pages.index(name) + 1 if name in pages else 1
            screen.set_step(number, len(pages))  # type: ignore[attr-defined]
        self.reached_review = self.reached_review or name == REVIEW
        if name == RESULT and self.mode.keeps_tally:
            self._tally()
        self.stack.setCurrentWidget(screen)
        if changing and not self.notice.isHidden():
            self.notice.hide()  # a message is about what was just done, on the page it was done
            self.notice_words = None
        if self._set_up:  # the first screen: new (at the top), its order set once painted
            screen.scroll.verticalScrollBar().setValue(0)
            self._order_focus(screen)
        self._update_nav()
        target = screen.first_focus() or self.next_button
        target.setFocus()
        self._into_view(screen, target)
        if changing:
            self.tap_guard.page_changed()
        self.page_changed.emit(name)

    @staticmethod
    def _into_view(screen: Screen, target: QWidget) -> None:
        """On a question page, scroll so the control that has the focus shows, with its
        whole question if it fits (at 200% text the first question's choices were below the
        visible part). Other pages stay at their top: the result's verdict comes first."""
        card = screen.card_of(target) if hasattr(screen, "card_of") else None
        if card is not None:
            screen.reveal(card, target)  # type: ignore[attr-defined]

    def change_answer(self, page_id: str, fact: str) -> None:
        """From the review: that question's page, scrolled to it, its answer focused."""
        self.show_screen(page_id)
        page = self.question_page(page_id)
        card = next((c for c in page.visible_cards() if c.question.fact == fact), None)
        if card is None:
            return
        card.answer.focus_target().setFocus()
        page.reveal(card)

    def _order_focus(self, screen: Screen) -> None:
        """Tab in reading order: the top bar, the page, the bottom bar. Screens made (or
        rebuilt) after the bottom bar would otherwise come after it. (Walking the chain is
        slow the first time: Qt's own widgets in it, such as a scroll area's viewport, make
        PySide load its widget types.)"""
        inside, widget = [], screen.scroll.nextInFocusChain()
        while widget is not screen.scroll and len(inside) < 2000:
            if screen.scroll.isAncestorOf(widget):
                inside.append(widget)
            widget = widget.nextInFocusChain()
        chain = [self.restart_button, self.save_button, self.tally_button,
                 *self.lang_buttons.values(), screen.scroll, *inside, self.back_button,
                 self.review_button, self.next_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _leave(self) -> bool:
        """Store the current page's answers; False if one of them is not right yet."""
        screen = self.stack.currentWidget()
        return screen.store() if hasattr(screen, "store") else True

    def _leave_and_show(self, name: str) -> None:
        if self._leave():
            self.show_screen(name)

    def go_next(self) -> None:
        if not self._leave():
            return
        order = self.sequence()
        name = self.current_name()
        if name in order and order.index(name) + 1 < len(order):
            self.show_screen(order[order.index(name) + 1])

    def go_back(self) -> None:
        # Going back never loses an entry: a number not right yet stays in its field.
        screen = self.stack.currentWidget()
        if self.current_name() == "tally":
            self.show_screen(getattr(self, "_before_tally", WELCOME))
            return
        if hasattr(screen, "store"):
            screen.store()
        order = self.sequence()
        name = self.current_name()
        if name in order and order.index(name) > 0:
            self.show_screen(order[order.index(name) - 1])

    def ask_restart(self) -> None:
        """The "Start again" / "Next family" button: forget every answer, once confirmed."""
        if self.mode.next_family:
            question = self.tr("Start with the next family? Every answer on screen will be "
                               "forgotten.")
            yes = self.tr("Yes, next family")
        else:
            question = self.tr("Start again? Every answer will be forgotten.")
            yes = self.tr("Yes, start again")
        if confirm(self, self.restart_button.text(), question, yes,
                   self.tr("No, keep my answers")):
            self.restart()

    def restart(self) -> None:
        """Forget every answer and start again at the welcome screen."""
        self.answers.clear()
        self.saved_answers = {}
        self.notice.hide()
        self.notice.clear()
        for name in [n for n in self.screens if n != WELCOME]:
            screen = self.screens.pop(name)
            self.stack.removeWidget(screen)
            screen.deleteLater()
        self.reached_review = False
        self.tally_row: int | None = None
        self.show_screen(WELCOME)

    def add_bottom_widget(self, widget: QWidget) -> None:
        from PySide6.QtCore import Qt

        self.bottom.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)

    def _ask_open_answers(self) -> None:
        """Open saved answers; answers on screen that are not saved are replaced only once
        the person says so (the safe answer keeps them)."""
        from trialfinder.ui.takeaway import ask_and_open_answers

        if self.has_unsaved() and not confirm(
                self, self.tr("Open saved answers?"),
                self.tr("The answers on screen are not saved. The answers in the file will "
                        "replace them."),
                self.tr("Yes, open a file"), self.tr("No, keep my answers")):
            return
        ask_and_open_answers(self)

    def _tally(self) -> None:
        """One anonymous row per family (seeing the result again updates the same row)."""
        from trialfinder import tally

        row = tally.row_for(self.questionnaire.screener, self.outcome())
        try:
            self.tally_row = tally.record(row, self.tally_row)
        except OSError:
            self.notify(lambda: self.tr("The tally could not be saved."))

    def result_actions(self) -> tuple[str, ...]:
        """What the result screen offers in this mode: a kiosk writes no file, ever."""
        from trialfinder.ui.takeaway import printers_available

        can_print = ("print",) if printers_available() else ()
        return (*(("pdf",) if self.mode.can_save_pdf else ()), *can_print,
                *(("answers",) if self.mode.can_save_answers else ()))

    def notify(self, message: str | Callable[[], str], good: bool = False) -> None:
        """A short, plain message at the top of the window (kind, never blocking). Given as
        a function, it is worded again when the language changes, like the rest."""
        from PySide6.QtCore import Qt

        self.notice_words = message if callable(message) else None
        self.notice.setTextFormat(Qt.TextFormat.PlainText)  # paths and reasons stay text
        self.notice.setText(message() if callable(message) else message)
        self.notice.setProperty("role", "good" if good else "warn")
        self.notice.style().unpolish(self.notice)
        self.notice.style().polish(self.notice)
        self.notice.show()

    def load_answers(self, answers: dict[str, Any]) -> None:
        """Carry on from saved answers: every page shows them, then the review."""
        self.restart()
        self.answers.update(answers)
        self.mark_saved()
        self.show_screen(REVIEW)

    # -- never lose work ---------------------------------------------------------------------

    def mark_saved(self) -> None:
        """The answers as they are now are in a file (just saved, or just opened)."""
        self.saved_answers = dict(self.answers)

    def has_unsaved(self) -> bool:
        """Whether closing now would lose something: the answers differ from the saved
        ones, or the page shows an entry not yet stored (or not right yet)."""
        screen = self.stack.currentWidget()
        if hasattr(screen, "store") and not screen.store():
            return True
        return self.answers != self.saved_answers

    def save_answers(self) -> None:
        """Save the answers so far, from any page (at home only: a kiosk keeps nothing)."""
        if not self.mode.can_save_answers:
            return
        if not self._leave():
            return  # an entry is not right yet: its message is at the field
        from trialfinder.ui.takeaway import ask_and_save_answers

        ask_and_save_answers(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.may_close:
            event.ignore()  # a kiosk: only the staff exit ends it (not Alt+F4, not the WM)
            return
        if not self.mode.asks_before_closing or not self.has_unsaved():
            event.accept()
            return
        if self._ask_before_closing():
            event.accept()
        else:
            event.ignore()

    def _ask_before_closing(self) -> bool:
        """True if the window may close: the person saved, or chose not to."""
        if self.mode.can_save_answers:
            question = self.tr("Your answers are not saved. Save them before closing, so you "
                               "can carry on later?")
            choices = [("unsaved-save", self.tr("Save my answers")),
                       ("unsaved-close", self.tr("Close without saving")),
                       ("unsaved-cancel", self.tr("Cancel"))]
        else:
            question = self.tr("Close and forget the answers on screen?")
            choices = [("unsaved-cancel", self.tr("Cancel")),
                       ("unsaved-close", self.tr("Close"))]
        chosen = ask(self, self.tr("Close TrialFinder?"), question, choices,
                     safe="unsaved-save" if self.mode.can_save_answers else "unsaved-cancel",
                     escape="unsaved-cancel")
        if chosen == "unsaved-close":
            return True
        if chosen == "unsaved-save":
            self.save_answers()
            return not self.has_unsaved()
        return False

    def fit_screen(self) -> None:
        """Never larger than the screen's free area (a 1366x768 laptop: the frame included)."""
        from PySide6.QtGui import QGuiApplication

        display = QGuiApplication.primaryScreen()
        if display is None:
            return
        free = display.availableGeometry()
        frame = 48  # room for a title bar and borders the window system adds
        self.resize(min(self.width(), free.width() - 16),
                    min(self.height(), free.height() - frame))
        # placed at the top, centred: the title bar and the bottom buttons both on screen
        self.move(free.x() + max(0, (free.width() - self.width()) // 2), free.y())

    def outcome(self) -> Outcome:
        return self.questionnaire.outcome(self.answers)

    def review_rows(self) -> Rows:
        rows = []
        for page, _questions in self.questionnaire.visible(self.answers):
            rows.append((page.id, page.section,
                         self.question_page(page.id).describe(self.answers)))
        return rows

    # -- language, text size, navigation bar --------------------------------------------------

    def _place_language_buttons(self, scale: float) -> None:
        """The language buttons in the top bar, or (from TWO_ROWS_FROM) in a row below it;
        their tab order stays the same (it follows the order they were made in)."""
        target = self.language_row if scale >= TWO_ROWS_FROM else self.header
        buttons = list(self.lang_buttons.values())
        if target.indexOf(buttons[0]) >= 0:
            return  # already there
        for item in buttons:
            (self.header if target is self.language_row else self.language_row).removeWidget(item)
            target.addWidget(item)
        if target is self.language_row:
            self.language_row.setContentsMargins(24, 0, 24, 10)
        else:
            self.language_row.setContentsMargins(0, 0, 0, 0)

    def set_language(self, lang: str) -> None:
        apply_language(lang)
        self._update_nav()

    def choose_language(self, lang: str) -> None:
        """The language switch: change the language and remember the choice."""
        self.set_language(lang)
        self.language_chosen.emit(lang)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self._update_title()
        if self.notice_words is not None and not self.notice.isHidden():
            self.notice.setText(self.notice_words())
        self.app_title.setText(self.tr("TrialFinder"))
        for code, item in self.lang_buttons.items():
            item.setAccessibleName(BY_CODE[code].accessible_name)
            item.setChecked(language() == code)
        self.back_button.setText(self.tr("Back"))
        self.back_button.setAccessibleName(self.tr("Back"))
        self.review_button.setText(self.tr("Check your answers"))
        self.review_button.setAccessibleName(self.tr("Check your answers"))
        if self.mode.next_family:
            self.restart_button.setText(self.tr("Next family"))
            self.restart_button.setAccessibleName(
                self.tr("Next family: forget every answer and start again"))
        else:
            self.restart_button.setText(self.tr("Start again"))
            self.restart_button.setAccessibleName(
                self.tr("Start again, forgetting every answer"))
        self.save_button.setText(self.tr("Save answers"))
        self.save_button.setAccessibleName(self.tr("Save your answers so far, to carry on "
                                                   "later"))
        self.save_button.setToolTip(self.tr("Save your answers so far (Ctrl+S)"))
        self.tally_button.setText(self.tr("Tally"))
        self.tally_button.setAccessibleName(self.tr("Tally of screenings"))
        self._update_nav()

    def _update_nav(self) -> None:
        name = self.current_name()
        texts = {WELCOME: self.tr("Start"), ABOUT: self.tr("Next"),
                 REVIEW: self.tr("See the result")}
        self._update_title()
        self.next_button.setText(texts.get(name, self.tr("Next")))
        self.next_button.setAccessibleName(self.next_button.text())
        screen = self.stack.currentWidget()
        if isinstance(screen, Screen):  # the scrolling page takes the focus to scroll by keys
            screen.scroll.setAccessibleName(self.tr("Page content"))
            screen.scroll.setAccessibleDescription(self.tr("Scroll with the arrow keys"))
        self.next_button.setVisible(name not in (RESULT, "tally"))
        self.back_button.setVisible(name != WELCOME)
        self.save_button.setVisible(self.mode.can_save_answers and name not in (WELCOME, "tally"))
        self.restart_button.setVisible(name == RESULT or (
            self.mode.next_family and name != WELCOME))
        self.review_button.setVisible(self.reached_review and name not in (
            WELCOME, ABOUT, REVIEW, RESULT, "tally"))  # the tally is every family's, not one's

    def _update_title(self) -> None:
        """The window's title names the screen too (read out by screen readers, and shown
        in the task bar): "Step 3 of 19: Diagnosis - TrialFinder: ..."."""
        app = _(self.trial.window_title)
        name = self.current_name()
        screen = self.screens.get(name)
        if name == WELCOME:
            here = self.tr("Welcome")
        elif name == ABOUT:
            here = self.tr("About the study")
        elif name == REVIEW:
            here = self.tr("Check your answers")
        elif name == RESULT:
            here = self.tr("Your result")
        elif name == "tally":
            here = self.tr("Tally")
        elif screen is not None and hasattr(screen, "step"):
            number, total = screen.step  # type: ignore[attr-defined]
            here = self.tr("Step {number} of {total}").format(number=number, total=total)
        else:
            here = ""
        self.setWindowTitle(f"{here} - {app}" if here else app)

    def _bigger(self) -> None:
        if self.text_scale:
            self.text_scale.bigger()

    def _smaller(self) -> None:
        if self.text_scale:
            self.text_scale.smaller()

    def _reset_size(self) -> None:
        if self.text_scale:
            self.text_scale.reset()
