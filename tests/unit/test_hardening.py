"""Issue 11: hostile files and outputs. Each test runs the real command as a subprocess under
a memory limit and its own time limit (tests/limits.py), on real files: special files,
FIFOs, a full tmpfs, read-only places."""

from __future__ import annotations

import contextlib
import copy
import datetime as dt
import json
import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.limits import run_limited

NCT = "NCT06686524"
BUNDLED = json.loads((ROOT / "resources" / "records" / f"{NCT}.json").read_text("utf-8"))
HUGE_INT = "9" * 5000
SPECIAL = ["/dev/zero", "/dev/urandom", "fifo"]


def hostile_record(change) -> dict:
    data = copy.deepcopy(BUNDLED)
    data["protocolSection"]["statusModule"]["lastUpdatePostDateStruct"]["date"] = "2026-11-20"
    change(data["protocolSection"])
    return data


def long_name(p: dict) -> None:
    p["contactsLocationsModule"]["centralContacts"][0]["name"] = "Dr " + "N" * 2300


def many_contacts(p: dict) -> None:
    p["contactsLocationsModule"]["locations"][0]["contacts"] = [
        {"name": f"Person {i}", "phone": "+86 571 0000 1111"} for i in range(5000)]


def special(kind: str, folder: Path) -> Path:
    """/dev/zero, /dev/urandom, or a FIFO that nobody ever writes to."""
    if kind != "fifo":
        return Path(kind)
    path = folder / "never.json"
    os.mkfifo(path)
    return path


@contextlib.contextmanager
def full_disk(folder: Path) -> Iterator[Path]:
    """A 64 KB tmpfs filled to the brim (needs root, as the test machine and CI are)."""
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
                   check=True, timeout=10)
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True, timeout=10)


@contextlib.contextmanager
def read_only(folder: Path) -> Iterator[Path]:
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", "ro,size=64k", "tmpfs", str(folder)],
                   check=True, timeout=10)
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=True, timeout=10)


def one_line_error(result, *words: str) -> None:
    assert "Traceback" not in result.stderr, result.stderr[-2000:]
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(("trialfinder: error:", "trialfinder：错误")), (
        result.stderr[-2000:])
    for word in words:
        assert word in lines[0]


# -- 3: a contact too long for a QR code, and 5000 contacts -----------------------------------

def cache_record(data: dict) -> None:
    from trialfinder.trial import cache

    cache.save(NCT, json.dumps(data).encode("utf-8"), dt.datetime.now(dt.UTC))


def test_a_huge_contact_name_still_gives_a_summary(tmp_path):
    cache_record(hostile_record(long_name))
    out = tmp_path / "summary.pdf"
    result = run_limited("summary", "-", "--out", str(out), stdin=b"{}", timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert out.read_bytes().startswith(b"%PDF") and out.stat().st_size > 10_000
    print(f"summary with a 2.3 KB name: peak {result.peak_rss_mb:.0f} MB, {result.seconds:.1f} s")


def test_the_parser_caps_strings_and_lists():
    from trialfinder.trial.parser import MAX_CONTACTS, MAX_SHORT_TEXT, parse_study

    record = parse_study(hostile_record(long_name))
    assert len(record.central_contacts[0].name) == MAX_SHORT_TEXT
    assert record.central_contacts[0].name.endswith("…")
    record = parse_study(hostile_record(many_contacts))
    assert len(record.sites[0].contacts) == MAX_CONTACTS


def test_the_qr_code_degrades_instead_of_overflowing():
    from trialfinder.report.qr import contact_qr_png
    from trialfinder.trial.model import Contact
    from trialfinder.trial.parser import parse_study

    record = parse_study(hostile_record(lambda p: None))
    too_long = Contact(name="名" * 3000, role="", phone="+86 571 0000 1111", phone_ext="",
                       email="")
    record = record._replace(central_contacts=(too_long,), sites=())
    png = contact_qr_png(record)
    assert png.startswith(b"\x89PNG")


# -- 4: a PDF on a full disk --------------------------------------------------------------------

def test_a_pdf_on_a_full_disk_says_so_and_keeps_the_old_file(tmp_path):
    with full_disk(tmp_path / "full") as disk:
        old = disk / "summary.pdf"
        old.write_bytes(b"%PDF-1.4 the summary from last week\n")
        with contextlib.suppress(OSError), (disk / "filler").open("wb") as filler:
            filler.write(b"x" * 1024 * 1024)
        result = run_limited("summary", "-", "--out", str(old), stdin=b"{}", timeout=120)
        assert result.returncode == 2
        one_line_error(result, "the disk is full")
        assert old.read_bytes() == b"%PDF-1.4 the summary from last week\n"
        assert sorted(p.name for p in disk.iterdir()) == ["filler", "summary.pdf"]


def test_a_pdf_is_never_written_over_a_device_or_fifo(tmp_path):
    fifo = special("fifo", tmp_path)
    for target in ("/dev/full", str(fifo)):
        before = os.stat(target)
        result = run_limited("summary", "-", "--out", target, stdin=b"{}", timeout=60)
        assert result.returncode == 2
        one_line_error(result, "not a regular file")
        after = os.stat(target)
        assert (after.st_mode, after.st_rdev, after.st_ino) == (
            before.st_mode, before.st_rdev, before.st_ino)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["never.json"]


# -- 5: the kiosk PIN fails closed ---------------------------------------------------------------

BAD_PINS = [
    "2468",
    {"salt": "00" * 16, "hash": "11" * 32, "iterations": 0},
    {"salt": "00" * 16, "hash": "11" * 32, "iterations": -1},
    {"salt": "00" * 16, "hash": "11" * 32, "iterations": 2**31 - 1},
    {"salt": "zz", "hash": "11" * 32},
    {"hash": "11" * 32},
    None,  # a damaged file
]


@pytest.mark.parametrize("pin", BAD_PINS, ids=["plain", "zero", "minus", "huge", "salt",
                                                "no-salt", "damaged"])
def test_a_kiosk_with_an_unusable_pin_refuses_to_start(tmp_path, pin):
    config = tmp_path / "kiosk.json"
    config.write_text("{\"kiosk\": true, \"pin\": " if pin is None else
                      json.dumps({"kiosk": True, "pin": pin}), encoding="utf-8")
    result = run_limited("--kiosk", "--offline", timeout=30,
                         env={"TRIALFINDER_SITE_CONFIG": str(config),
                              "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2
    one_line_error(result, "cannot be used", str(config))


def test_the_refusal_is_said_in_chinese(tmp_path):
    config = tmp_path / "kiosk.json"
    config.write_text(json.dumps({"kiosk": True, "pin": "2468"}), encoding="utf-8")
    result = run_limited("--kiosk", "--lang", "zh_CN", timeout=30,
                         env={"TRIALFINDER_SITE_CONFIG": str(config),
                              "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2 and "设置修好之前" in result.stderr


def test_the_pin_check_never_raises_and_is_bounded():
    import time

    from trialfinder.site_config import hash_pin, pin_matches

    for stored in [p for p in BAD_PINS if isinstance(p, dict)] + [{}, {"salt": 1, "hash": []}]:
        started = time.monotonic()
        assert pin_matches("2468", stored) is False
        assert time.monotonic() - started < 1.0
    good = hash_pin("2468")
    assert pin_matches("2468", good) and not pin_matches("2469", good)
    assert not pin_matches("2" * 10_000, good)


# -- 6 and 11: numbers too long to be real, and a byte-order mark -------------------------------

def test_a_5000_digit_number_is_refused_plainly_everywhere(tmp_path):
    from trialfinder.answers_file import AnswersFileError, load_answers
    from trialfinder.screening.screener import load_screener

    facts = tmp_path / "facts.json"
    facts.write_text('{"age_years": ' + HUGE_INT + "}", encoding="utf-8")
    for args in (("evaluate", str(facts)), ("summary", str(facts), "--out",
                                             str(tmp_path / "s.pdf"))):
        result = run_limited(*args, timeout=60)
        assert result.returncode == 2
        one_line_error(result, "number far too long")
    record = tmp_path / "record.json"
    record.write_text(json.dumps(BUNDLED).replace('"count": ', '"count": ' + HUGE_INT + ", "
                                                   '"x": ', 1), encoding="utf-8")
    result = run_limited("status", "--record", str(record), timeout=60)
    assert result.returncode == 2
    one_line_error(result, "number far too long")
    saved = tmp_path / "answers.json"
    saved.write_text('{"format": "trialfinder-answers", "version": ' + HUGE_INT + "}")
    with pytest.raises(AnswersFileError):
        load_answers(saved, load_screener())


def test_a_huge_number_in_the_settings_or_tally_is_moved_aside(tmp_path):
    from trialfinder import tally
    from trialfinder.settings import load_settings, settings_path

    settings_path().parent.mkdir(parents=True)
    settings_path().write_text('{"text_scale": ' + HUGE_INT + "}")
    assert load_settings()["text_scale"] == 1.0
    assert settings_path().with_name("settings.json.broken").exists()
    tally.tally_path().parent.mkdir(parents=True)
    tally.tally_path().write_text('{"rows": [' + HUGE_INT + "]}")
    assert tally.load_rows() == []
    # and the app starts
    settings_path().write_text('{"language": "en", "text_scale": ' + HUGE_INT + "}")
    result = run_limited("--self-test", timeout=120, env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]


def test_utf8_with_a_byte_order_mark_is_read(tmp_path):
    from trialfinder.answers_file import load_answers
    from trialfinder.screening.screener import load_screener
    from trialfinder.settings import load_settings, settings_path

    bom = b"\xef\xbb\xbf"
    facts = tmp_path / "facts.json"
    facts.write_bytes(bom + b'{"age_years": 9}')
    result = run_limited("evaluate", str(facts), "--format", "json", timeout=60)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["criteria"]["I1"] == "met"
    record = tmp_path / "record.json"
    record.write_bytes(bom + json.dumps(BUNDLED).encode("utf-8"))
    assert run_limited("status", "--record", str(record), timeout=60).returncode == 0
    saved = tmp_path / "answers.json"
    saved.write_bytes(bom + json.dumps({"format": "trialfinder-answers", "version": 1,
                                        "study": NCT, "answers": {"age_years": 9}}).encode())
    assert load_answers(saved, load_screener()) == {"age_years": 9}
    settings_path().parent.mkdir(parents=True)
    settings_path().write_bytes(bom + b'{"language": "zh_CN"}')
    assert load_settings()["language"] == "zh_CN"


# -- 7: a lone surrogate ----------------------------------------------------------------------

def test_a_lone_surrogate_in_a_record_is_shown_and_cached(tmp_path):
    from trialfinder.trial import cache

    data = hostile_record(lambda p: p["identificationModule"].update(briefTitle="A \ud800 B"))
    raw = json.dumps(data).encode("utf-8")  # "\ud800" as an escape: valid JSON
    cache.save(NCT, raw)
    assert cache.load(NCT).record.brief_title == "A \ufffd B"
    record = tmp_path / "record.json"
    record.write_bytes(raw)
    for fmt in ("text", "json"):
        result = run_limited("status", "--record", str(record), "--format", fmt, timeout=60)
        assert result.returncode == 0, result.stderr[-2000:]
        assert "A \ufffd B" in (json.loads(result.stdout)["title"] if fmt == "json"
                                else result.stdout)


# -- 8: special files ---------------------------------------------------------------------------

@pytest.mark.parametrize("kind", SPECIAL)
def test_special_files_are_refused_at_once(tmp_path, kind):
    path = special(kind, tmp_path)
    for args in (("evaluate", str(path)), ("summary", str(path), "--out",
                                            str(tmp_path / "s.pdf")),
                 ("status", "--record", str(path))):
        result = run_limited(*args, timeout=30)
        assert result.returncode == 2
        one_line_error(result, "not a regular file")
        print(f"{kind} {args[0]}: peak {result.peak_rss_mb:.0f} MB, {result.seconds:.2f} s")


OPEN_ANSWERS = """
import sys
from pathlib import Path
from trialfinder.answers_file import AnswersFileError, load_answers
from trialfinder.screening.screener import load_screener
try:
    load_answers(Path(sys.argv[1]), load_screener())
except AnswersFileError as exc:
    print("refused:", exc.reason)
"""


@pytest.mark.parametrize("kind", SPECIAL)
def test_opening_a_special_file_as_saved_answers_is_refused(tmp_path, kind):
    """What the window's "Open saved answers" does with the file chosen."""
    result = run_limited(str(special(kind, tmp_path)), code=OPEN_ANSWERS, timeout=30)
    assert result.returncode == 0 and result.stdout.strip() == "refused: unreadable", (
        result.stderr[-2000:])


def test_an_endless_standard_input_is_cut_at_the_cap(tmp_path):
    with open("/dev/zero", "rb") as zero:
        result = run_limited("evaluate", "-", stdin=zero.fileno(), timeout=30)
    assert result.returncode == 2
    one_line_error(result, "too large")
    print(f"endless stdin: peak {result.peak_rss_mb:.0f} MB, {result.seconds:.2f} s")


@pytest.mark.parametrize("kind", SPECIAL)
def test_special_settings_kiosk_and_cache_files_are_not_read(tmp_path, kind):
    from trialfinder.settings import settings_path
    from trialfinder.trial.cache import cache_path

    target = special(kind, tmp_path)
    for place in (settings_path(), cache_path(NCT)):
        place.parent.mkdir(parents=True, exist_ok=True)
        place.unlink(missing_ok=True)
        place.symlink_to(target)
    result = run_limited("status", "--offline", "--format", "json", timeout=30)
    assert result.returncode == 0 and json.loads(result.stdout)["source"] == "bundled"
    result = run_limited("--self-test", timeout=120, env={"QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stdout + result.stderr[-2000:]
    result = run_limited("--kiosk", timeout=30, env={"TRIALFINDER_SITE_CONFIG": str(target),
                                                     "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 2  # a kiosk.json that cannot be read: fail closed
    assert "Traceback" not in result.stderr  # (the unread settings.json is logged above it)
    assert "cannot be used" in result.stderr.strip().splitlines()[-1]


# -- 10: a fetched_at in the future ---------------------------------------------------------------

def test_a_cache_from_the_future_is_damage():
    from trialfinder.trial import cache
    from trialfinder.trial.source import stored_record

    future = dt.datetime.now(dt.UTC) + dt.timedelta(days=365)
    cache.save(NCT, json.dumps(hostile_record(lambda p: None)).encode(), future)
    assert cache.load(NCT) is None
    assert cache.cache_path(NCT).with_name(f"{NCT}.json.broken").exists()
    assert stored_record(NCT, "").source == "bundled"


# -- 12: what the command line writes ---------------------------------------------------------

def test_an_ascii_terminal_with_chinese_gives_no_traceback():
    result = run_limited("evaluate", "-", "--lang", "zh_CN", stdin=b"{}", timeout=60,
                         env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 0 and "Traceback" not in result.stderr
    assert "\\u" in result.stdout  # escaped, not lost
    result = run_limited("evaluate", "-", "--lang", "zh_CN", "--format", "json", stdin=b"{}",
                         timeout=60, env={"PYTHONIOENCODING": "ascii"})
    assert json.loads(result.stdout)["verdict"] == "possibly_eligible"
    result = run_limited("evaluate", "nowhere.json", "--lang", "zh_CN", timeout=60,
                         env={"PYTHONIOENCODING": "ascii"})
    assert result.returncode == 2 and "Traceback" not in result.stderr


def test_a_closed_or_full_standard_output_gives_one_line():
    result = run_limited("evaluate", "-", stdin=b"{}", timeout=60, stdout=subprocess.DEVNULL)
    assert result.returncode == 0
    with open("/dev/full", "wb") as full:
        result = run_limited("evaluate", "-", stdin=b"{}", timeout=60, stdout=full.fileno())
    assert result.returncode == 1
    one_line_error(result, "the disk is full")
    closed = run_closed("evaluate", "-", fd=1)
    assert closed.returncode == 1
    one_line_error(closed, "standard output is closed")
    closed = run_closed("evaluate", "-", fd=0)
    assert closed.returncode == 2
    one_line_error(closed, "cannot read standard input: it is closed")


def run_closed(*args: str, fd: int) -> subprocess.CompletedProcess:
    """The command with standard input (0) or output (1) closed, as `<&-` or `>&-` do."""
    import sys

    env = {k: v for k, v in os.environ.items() if k != "DISPLAY"}
    return subprocess.run(
        [sys.executable, "-m", "trialfinder", *args], stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, env=env, timeout=60,
        check=False, text=True, preexec_fn=lambda: os.close(fd))


def test_screenshots_onto_a_file_or_a_read_only_folder(tmp_path):
    a_file = tmp_path / "a-file"
    a_file.write_text("x")
    env = {"QT_QPA_PLATFORM": "offscreen"}
    result = run_limited("--screenshots", str(a_file), timeout=60, env=env)
    assert result.returncode == 2
    one_line_error(result, "it is not a folder")
    with read_only(tmp_path / "ro") as folder:
        result = run_limited("--screenshots", str(folder), timeout=60, env=env)
        assert result.returncode == 2
        one_line_error(result, "read-only")


def test_a_10_mb_unknown_fact_name_is_cut():
    name = "x" * (10 * 1024 * 1024)
    result = run_limited("evaluate", "-", stdin=json.dumps({name: 1}).encode(), timeout=60)
    assert result.returncode == 2
    one_line_error(result, "too large")  # over the 1 MB cap on an answers file
    assert len(result.stderr) < 400
    name = "x" * (900 * 1024)  # under the cap: the name is cut
    for value in (1, "y" * 1000):
        result = run_limited("evaluate", "-", stdin=json.dumps({name: value}).encode(),
                             timeout=60)
        assert result.returncode == 2
        one_line_error(result, "not a fact this screener knows")
        assert len(result.stderr) < 400
    result = run_limited("evaluate", "-", stdin=json.dumps({"age_years": "9" * 100_000}).encode(),
                         timeout=60)
    assert result.returncode == 2 and len(result.stderr) < 600


# -- 13: summary --out onto its own input --------------------------------------------------------

def test_summary_refuses_to_write_over_its_own_input(tmp_path):
    answers = tmp_path / "answers.json"
    answers.write_text('{"age_years": 9}', encoding="utf-8")
    link = tmp_path / "link.pdf"
    link.symlink_to(answers)
    for out in (answers, link):
        result = run_limited("summary", str(answers), "--out", str(out), timeout=60)
        assert result.returncode == 2
        one_line_error(result, "is the answers file itself")
        assert answers.read_text(encoding="utf-8") == '{"age_years": 9}'


# -- 14: the volunteer tally ----------------------------------------------------------------------

def test_a_tampered_tally_cannot_put_a_formula_in_the_csv():
    from trialfinder import tally

    good = {"date": "2026-11-20", "verdict": "likely_eligible", "not_met": [],
            "unknown": ["E1"]}
    evil = [
        {**good, "not_met": ['=HYPERLINK("http://evil.invalid","click")']},
        {**good, "date": "=1+1"},
        {**good, "unknown": ["@SUM(A1)"]},
        {**good, "date": "2026-13-45"},
        {**good, "verdict": ["likely_eligible"]},
    ]
    tally.tally_path().parent.mkdir(parents=True)
    tally.tally_path().write_text(json.dumps({"rows": [good, *evil]}), encoding="utf-8")
    assert tally.load_rows() == [good]
    text = tally.csv_text([*tally.load_rows(), {**good, "date": "=cmd|' /C calc'!A0",
                                                "not_met": ["-2+3"]}])
    for line in text.splitlines():
        assert all(not cell.startswith(("=", "+", "-", "@")) for cell in line.split(","))
    assert "'=cmd" in text and "'-2+3" in text


@pytest.mark.parametrize(("phone", "dialled"), [
    ("+86 571 8887 3888", "+8657188873888"),
    ("+86-571-8887-3888", "+8657188873888"),
    ("+86 571 8887 3888 / +86 136 8577 3988", "+8657188873888"),  # was both run together
    ("+86 571 8887 3888, +86 136 8577 3988", "+8657188873888"),
    ("617-355-6000 ext. 1234", "6173556000"),  # was 61735560001234
    ("617-355-6000 x1234", "6173556000"),
    ("0571-88873888转1234", "057188873888"),
    ("+86١٣٦85773988", ""),  # other scripts' digits: not something to dial
    ("call the hospital", ""),
    ("12", ""),
    ("", ""),
])
def test_only_the_first_phone_number_is_dialled(phone, dialled):
    """A phone field with two numbers or an extension became one wrong number in the QR code
    and the Call link."""
    from trialfinder.report.qr import contact_payload
    from trialfinder.trial.model import dialable
    from trialfinder.trial.parser import parse_study

    assert dialable(phone) == dialled
    record = parse_study(hostile_record(lambda p: None))
    contact = record.central_contacts[0]._replace(phone=phone)
    record = record._replace(central_contacts=(contact,), sites=())
    payload = contact_payload(record)
    assert (f"TEL:{dialled};" in payload) if dialled else "TEL:" not in payload
