"""What a family takes away: the summary as PDF or print-out, and their answers in a file.

Files are written only when the person asks, to a place they choose; in kiosk mode never
(the kiosk only prints, and only when a printer is set up).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtCore import QCoreApplication

from trialfinder.answers_file import AnswersFileError, load_answers, save_answers
from trialfinder.cli_output import reason_text
from trialfinder.report.summary import Summary
from trialfinder.ui.file_dialogs import open_path, save_path

# lupdate reads these literal translate("Takeaway", ...) calls.
translate = QCoreApplication.translate

if TYPE_CHECKING:
    from trialfinder.screening.questionnaire import Questionnaire
    from trialfinder.screening.verdict import Outcome
    from trialfinder.trial.source import CurrentRecord


class MainWindow(Protocol):
    """What taking things away needs of the window (the main window is one; this module does
    not import it, so the two do not import each other). It is also the dialogs' parent."""

    questionnaire: Questionnaire
    answers: dict[str, Any]
    current: CurrentRecord

    def outcome(self) -> Outcome: ...

    def notify(self, message: str | Callable[[], str], good: bool = False) -> None: ...

    def mark_saved(self) -> None: ...

    def load_answers(self, answers: Mapping[str, Any]) -> None: ...


_printers: list[bool] = []


def printers_available() -> bool:
    """Whether a printer is set up. Asked of the print system (CUPS, which may be another
    machine) once per run, and only when a result screen that can offer printing is built."""
    if not _printers:
        from PySide6.QtPrintSupport import QPrinterInfo

        _printers.append(bool(QPrinterInfo.availablePrinterNames()))
    return _printers[0]


def summary_of(window: MainWindow) -> Summary:
    questionnaire = window.questionnaire
    answers = questionnaire.counted_answers(window.answers)
    return Summary(questionnaire, answers, window.outcome(), window.current)


def write_summary(window: MainWindow, path: Path, lang: str) -> bool:
    """Write the summary PDF; tell the person kindly if it could not be written."""
    from trialfinder.report.pdf import write_pdf

    try:
        write_pdf(summary_of(window), lang, path)
    except OSError as exc:
        window.notify(lambda error=exc: translate(  # worded again on a language switch
            "Takeaway",
            "The summary could not be saved there ({reason}). Please choose another place.",
        ).format(reason=reason_text(error)))
        return False  # write_pdf raises OSError for a place it could not write, or an empty file
    window.notify(lambda: translate("Takeaway", "Summary saved: {path}").format(path=str(path)),
                  good=True)
    return True


def ask_and_save_summary(window: MainWindow, lang: str) -> None:
    name = save_path(
        window,
        translate("Takeaway", "Save the summary as PDF"),
        str(Path.home() / "TrialFinder-summary.pdf"),
        translate("Takeaway", "PDF files (*.pdf)"),
    )
    if name:
        write_summary(window, Path(name), lang)


def print_summary_now(window: MainWindow, lang: str, ask: bool = True) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from trialfinder.report.pdf import print_summary

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if ask:
        dialog = QPrintDialog(printer, window)
        if dialog.exec() != QPrintDialog.DialogCode.Accepted:
            return
    print_summary(summary_of(window), lang, printer)
    window.notify(lambda: translate("Takeaway", "The summary was sent to the printer."),
                  good=True)


def write_answers(window: MainWindow, path: Path) -> bool:
    try:
        save_answers(path, window.questionnaire.screener, window.answers)
    except OSError as exc:
        window.notify(lambda error=exc: translate(  # the reason in the person's language
            "Takeaway",
            "Your answers could not be saved there ({reason}). Please choose another place.",
        ).format(reason=reason_text(error)))
        return False
    window.mark_saved()  # closing now loses nothing
    window.notify(lambda: translate("Takeaway", "Answers saved: {path}").format(path=str(path)),
                  good=True)
    return True


def ask_and_save_answers(window: MainWindow) -> None:
    name = save_path(
        window,
        translate("Takeaway", "Save your answers"),
        str(Path.home() / "TrialFinder-answers.json"),
        translate("Takeaway", "TrialFinder answers (*.json)"),
    )
    if name:
        write_answers(window, Path(name))


def open_answers(window: MainWindow, path: Path) -> bool:
    """Carry on from a saved file; a damaged or foreign file changes nothing."""
    try:
        answers = load_answers(path, window.questionnaire.screener)
    except AnswersFileError as exc:
        def words(why: str = exc.reason) -> str:
            reasons = {
                "unreadable": translate("Takeaway",
                                        "This file could not be read, or it is damaged."),
                "not_answers": translate("Takeaway",
                                         "This file is not a TrialFinder answers file."),
                "other_study": translate("Takeaway",
                                         "This file holds answers for a different study."),
                "newer": translate("Takeaway", "This file was saved by a newer TrialFinder."),
                "bad_value": translate("Takeaway", "Some answers in this file are not valid."),
            }
            return (reasons.get(why, reasons["unreadable"]) + " "
                    + translate("Takeaway", "Nothing was changed."))

        window.notify(words)
        return False
    window.load_answers(answers)
    window.notify(lambda: translate(
        "Takeaway", "Your saved answers are back. Check them, then see the result."), good=True)
    return True


def ask_and_open_answers(window: MainWindow) -> None:
    name = open_path(
        window,
        translate("Takeaway", "Open saved answers"),
        str(Path.home()),
        translate("Takeaway", "TrialFinder answers (*.json)"),
    )
    if name:
        open_answers(window, Path(name))
