"""The entry point: read the command line, then run a command or start the window (whose
parts, the screener, the record source and the mode, are composed once in
trialfinder.composition; see ui/launch.py)."""

from __future__ import annotations

import argparse
import gc
import os
import sys
import time
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from trialfinder import __version__
from trialfinder.i18n import argparse_text
from trialfinder.i18n.content import LANGUAGES, N_, _, normalize_language, set_language
from trialfinder.i18n.languages import summary_choices

if TYPE_CHECKING:
    from trialfinder.screening.screener import Screener
    from trialfinder.screening.trial_section import TrialInfo


def system_language() -> str:
    """The system's locale as one of our languages (the languages table's system tags)."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable)
        if value:
            return normalize_language(value.split(":")[0])
    import locale  # rarely needed: not at start-up

    tag = locale.getlocale()[0]
    return normalize_language(tag)


TRIAL_HELP = N_("the trial: a bundled trial's NCT number, or a screener .toml file "
                 "(default: {default})")


def build_parser(trial: TrialInfo | None = None) -> argparse.ArgumentParser:
    """The command line; its description is the trial's (from its screener file)."""
    parser = argparse.ArgumentParser(
        prog="trialfinder",
        description=_(trial.description).format(nct_id=trial.nct_id) if trial else None,
    )
    trial_help = _(TRIAL_HELP).format(default=trial.nct_id if trial else "-")
    parser.add_argument("--version", action="version", version=f"trialfinder {__version__}",
                        help=_("show the version number and exit"))
    parser.add_argument("--lang", choices=LANGUAGES, help=_("language (default: the system's)"))
    parser.add_argument("--offline", action="store_true", help=_("do not fetch the trial record"))
    parser.add_argument("--trial", metavar="TRIAL", help=trial_help)
    parser.add_argument("--api-base", metavar="URL", help=argparse.SUPPRESS)  # tests only
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--kiosk", action="store_true",
                      help=_("clinic kiosk: full screen, touch, resets itself, writes nothing"))
    mode.add_argument("--volunteer", action="store_true",
                      help=_("volunteer mode: registry words shown, next family, anonymous tally"))
    parser.add_argument("--screenshots", metavar="DIR", help=_("render every screen to PNG files"))
    parser.add_argument("--self-test", action="store_true",
                        help=_("check the app starts, then exit"))
    parser.add_argument("--text-scale", type=float, default=1.0, metavar="FACTOR",
                        help=_("text size relative to the system's, 0.75 to 2.5 (default 1)"))
    commands = parser.add_subparsers(dest="command", title=_("commands"))

    evaluate = commands.add_parser("evaluate", help=_("screen a JSON file of facts"))
    evaluate.add_argument("file", metavar="FILE", help=_("a JSON object of facts, or - for stdin"))
    evaluate.add_argument("--format", choices=("text", "json"), default="text")
    evaluate.add_argument("--lang", choices=LANGUAGES, dest="sub_lang")
    evaluate.add_argument("--trial", metavar="TRIAL", dest="sub_trial", help=trial_help)

    status = commands.add_parser("status", help=_("the trial as the newest record shows it"))
    status.add_argument("--record", metavar="FILE", help=_("read this API v2 study record"))
    status.add_argument("--api-base", metavar="URL", dest="sub_api_base",
                        help=_("another API address, for testing only"))
    status.add_argument("--format", choices=("text", "json"), default="text")
    status.add_argument("--lang", choices=LANGUAGES, dest="sub_lang")
    status.add_argument("--trial", metavar="TRIAL", dest="sub_trial", help=trial_help)
    status.add_argument("--offline", action="store_true", dest="status_offline",
                        help=_("use the cached or bundled record; no network"))
    add_related_command(commands)
    commands.add_parser("kiosk-pin", help=_("make the salted hash of a staff PIN for {file}")
                        .format(file="kiosk.json"))
    summary = commands.add_parser("summary", help=_("write the summary PDF of a screening"))
    summary.add_argument("file", metavar="FILE",
                         help=_("a JSON object of facts, a saved answers file, or - for stdin"))
    summary.add_argument("--out", required=True, metavar="OUT.pdf")
    choices = summary_choices()
    summary.add_argument("--lang", choices=choices, default=None, dest="summary_lang",
                         help=_("the summary's language: {choices} (default: the system's)")
                         .format(choices=", ".join(choices)))
    summary.add_argument("--trial", metavar="TRIAL", dest="sub_trial", help=trial_help)
    return parser


def parse_age(text: str) -> float:
    """--age (see cli_related.parse_age; imported only when the option is used, so the
    window's start does not load the related-studies command)."""
    from trialfinder.cli_related import parse_age as parse

    return parse(text)


def add_related_command(commands) -> None:
    related = commands.add_parser("related", help=_("other studies a family could ask about"))
    related.add_argument("--age", type=parse_age, metavar="YEARS",
                         help=_("show only studies that take this age"))
    related.add_argument("--format", choices=("text", "json"), default="text")
    related.add_argument("--offline", action="store_true", dest="related_offline",
                         help=_("use the last search or the bundled list; no network"))
    related.add_argument("--lang", choices=LANGUAGES, dest="sub_lang")
    related.add_argument("--api-base", metavar="URL", dest="sub_api_base", help=argparse.SUPPRESS)


def kiosk_pin() -> int:
    """Ask for a PIN twice (not echoed) and print the "pin" entry for kiosk.json. The
    prompts and messages are in the language of --lang (else the system's)."""
    import getpass
    import json

    from trialfinder.cli_output import error_line
    from trialfinder.site_config import hash_pin

    try:
        first = getpass.getpass(_("New staff PIN (4 to 12 digits): "))
        second = getpass.getpass(_("The same PIN again: "))
    except (EOFError, KeyboardInterrupt):
        error_line(_("no PIN was given, so nothing was made."))
        return 2
    # 0 to 9 only: the kiosk's number pad types nothing else ("²".isdigit() is true)
    if not (first.isascii() and first.isdigit() and 4 <= len(first) <= 12):
        error_line(_("a PIN is 4 to 12 digits (0 to 9). Nothing was made; please try again."))
        return 2
    if first != second:
        error_line(_("the two PINs were not the same. Nothing was made; please try again."))
        return 2
    print(json.dumps({"pin": hash_pin(first)}))
    return 0


def requested_language(argv: Sequence[str]) -> str | None:
    """The language asked for with --lang (at any place on the command line), if any."""
    for index, word in enumerate(argv):
        if word.startswith("--lang="):
            return word.split("=", 1)[1]
        if word == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
    return None


def requested_trial(argv: Sequence[str]) -> str | None:
    """The trial asked for with --trial, before or after the command (the last one given,
    as argparse takes it), if any."""
    found = None
    for index, word in enumerate(argv):
        if word.startswith("--trial="):
            found = word.split("=", 1)[1]
        elif word == "--trial" and index + 1 < len(argv):
            found = argv[index + 1]
    return found


class ChosenTrial(NamedTuple):
    """The trial --trial asked for: its words, and its screener if it was read at start."""

    info: TrialInfo
    screener: Screener | None  # None: the bundled default's, read when first needed


def load_trial(argv: Sequence[str]) -> ChosenTrial | None:
    """The trial asked for with --trial, before the command line is read (its --help names
    the trial), or None after one line on standard error.

    With no --trial, the bundled default: only its words are read now (the first screen and
    --help need nothing else; its whole file is checked by the tests, and read when first
    needed). A trial named with --trial is read and checked whole now, and the record of a
    trial file of one's own too, so a problem stops the start with one line."""
    from trialfinder.screening.schema import ScreenerError

    asked = requested_trial(argv)
    try:
        if not asked:
            from trialfinder.screening.screener_file import trial_info

            return ChosenTrial(trial_info(), None)
        from trialfinder.screening.screener import load_screener

        screener = load_screener(asked)
    except ScreenerError as exc:
        from trialfinder.cli_output import cut, error_line

        error_line(cut(exc, 300))
        return None
    from trialfinder.screening.screener_file import bundled_screeners, screener_path

    if screener_path(asked) not in bundled_screeners():  # a file of one's own: its record?
        from trialfinder.cli import record_problem
        from trialfinder.cli_output import error_line
        from trialfinder.trial.parser import RecordError, load_study_file

        try:
            load_study_file(screener.trial.record)
        except RecordError as exc:
            error_line(record_problem(screener, exc))
            return None
    return ChosenTrial(screener.trial, screener)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line. The cyclic garbage collector is paused while the app starts:
    start-up makes many objects that live as long as the process (modules, classes, Qt's
    wrappers), and the collector would scan them again and again for nothing. A command
    gets it back before it runs; the window once its first screen has painted
    (ui.launch.collect_again); anything else when main returns (as it was before)."""
    was_on = gc.isenabled()
    gc.disable()
    try:
        return _main(argv)
    finally:
        if was_on:
            gc.enable()


def _main(argv: Sequence[str] | None) -> int:
    started = time.perf_counter()  # the self-test's time to first paint counts from here
    argv = sys.argv[1:] if argv is None else list(argv)
    # --help and argparse's own messages in the user's language
    asked = requested_language(argv)
    help_language = asked if asked in LANGUAGES else system_language()
    set_language(help_language)
    argparse_text.use_language(help_language)
    chosen = load_trial(argv)
    if chosen is None:
        return 2
    args = build_parser(chosen.info).parse_args(argv)
    args.trial = getattr(args, "sub_trial", None) or args.trial
    if args.command == "kiosk-pin":
        return kiosk_pin()
    if args.command in ("status", "related"):
        args.api_base = args.sub_api_base or args.api_base
    if args.command == "summary":
        args.summary_lang = args.summary_lang or args.lang or system_language()
        set_language(summary_choices().get(args.summary_lang, (args.summary_lang,))[0])
    if args.command in ("evaluate", "status", "summary", "related"):
        if args.command != "summary":
            set_language(getattr(args, "sub_lang", None) or args.lang or system_language())
        from trialfinder import cli

        gc.enable()
        return cli.run(args.command, args)
    from trialfinder.settings import load_settings
    from trialfinder.ui.launch import run_gui

    # The language: --lang, else the one chosen last time, else the system's.
    settings = load_settings()
    lang = args.lang or settings["language"] or system_language()
    set_language(lang)
    return run_gui(args, lang, settings, chosen.screener, started)


def run() -> None:
    """The process's entry point (``python -m trialfinder``, the installed command and the
    frozen app): main, then the process ends. What is still alive is freed as the process
    ends, so gc.freeze first spares the collector's last passes over every object (about
    15 ms at the end of a start like --self-test); files are closed and settings written
    long before. Tests call main, which leaves the collector as it found it."""
    code = main()
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    run()
