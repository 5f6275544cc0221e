"""Issue 11's worst cases, measured: peak memory (ru_maxrss of the process) and time.

    PYTHONPATH=. python tests/benchmarks/hardening.py

Each case runs the real command as a subprocess under a 1 GB address-space limit, against a
loopback HTTPS server, real special files and a full tmpfs (mounting needs root). Printed,
never asserted.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.limits import run_limited  # noqa: E402

RESULT_SCREEN = """
import json, resource, sys, time
from trialfinder.trial.parser import parse_study
from trialfinder.trial.source import CurrentRecord
from trialfinder.ui.launch import build_window
from trialfinder.ui.screenshots import VERDICT_ANSWERS
data = json.load(open(sys.argv[1]))
app, win = build_window("en")
win.show()
started = time.perf_counter()
win.set_record(CurrentRecord(parse_study(data), "live", "NCT06686524", ""))
win.answers.update(VERDICT_ANSWERS["likely_eligible"])
win.show_screen("result")
app.processEvents()
print(f"{time.perf_counter() - started:.2f}")
"""
PIN = """
import time
from trialfinder.site_config import MAX_PIN_ITERATIONS, hash_pin, pin_matches
stored = hash_pin("2468", iterations=MAX_PIN_ITERATIONS)
started = time.perf_counter()
pin_matches("1357", stored)
slowest = time.perf_counter() - started
started = time.perf_counter()
pin_matches("1357", {"salt": "00" * 16, "hash": "11" * 32, "iterations": 2**31 - 1})
print(f"{slowest:.2f} {time.perf_counter() - started:.4f}")
"""


def show(name: str, result, extra: str = "") -> None:
    print(f"{name:<46} rc={result.returncode:<3} peak {result.peak_rss_mb:6.0f} MB "
          f"{result.seconds:6.2f} s {extra}")


def worst_record(folder: Path) -> Path:
    data = json.loads((ROOT / "resources/records/NCT06686524.json").read_text("utf-8"))
    protocol = data["protocolSection"]
    protocol["statusModule"]["lastUpdatePostDateStruct"]["date"] = "2026-11-20"
    long = "N" * 2300
    protocol["contactsLocationsModule"]["centralContacts"] = [
        {"name": f"{i} {long}", "phone": f"+86 {i}"} for i in range(200)]
    protocol["contactsLocationsModule"]["locations"] = [
        {"facility": f"Site {i} {long}", "city": "X", "country": "Y", "status": "RECRUITING",
         "contacts": [{"name": f"{i} {j} {long}", "phone": f"+1 {i} {j}"} for j in range(2)]}
        for i in range(900)]
    protocol["identificationModule"]["briefTitle"] = long * 10
    protocol["eligibilityModule"]["eligibilityCriteria"] += "\n" + "x" * 100_000
    raw = json.dumps(data)
    assert len(raw) < 8 * 1024 * 1024 - 100_000, len(raw)
    path = folder / "worst.json"
    path.write_text(raw, encoding="utf-8")
    return path


def main() -> int:
    from tests.net.conftest import make_certificates, serving
    from tests.unit.test_hardening import full_disk

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for sub in ("config", "cache", "data"):
            os.environ[f"XDG_{sub.upper()}_HOME"] = str(folder / sub)
        certs = make_certificates(folder)
        os.environ["SSL_CERT_FILE"] = str(certs[0])
        with serving(certs) as api:
            for scenario in ("bomb", "bomb_404", "redirect_away", "huge_int", "surrogate",
                             "many_contacts", "huge_name"):
                show(f"status, server '{scenario}'", run_limited(
                    "status", "--api-base", api.base(scenario), "--format", "json",
                    timeout=120))
            show("status, server drips headers (default limit)", run_limited(
                "status", "--api-base", api.base("drip_headers"), timeout=120))
            show("status, server drips body (default limit)", run_limited(
                "status", "--api-base", api.base("drip_body"), timeout=120))
        worst = worst_record(folder)
        show(f"status --record worst record ({worst.stat().st_size >> 20} MB)",
             run_limited("status", "--record", str(worst), "--format", "json", timeout=120))
        result = run_limited(str(worst), code=RESULT_SCREEN, timeout=300)
        show("result screen, worst record", result, f"(screen built in {result.stdout.strip()} s)")
        from trialfinder.trial import cache

        cache.save("NCT06686524", worst.read_bytes())
        out = folder / "s.pdf"
        show("summary PDF, worst record cached", run_limited(
            "summary", "-", "--out", str(out), stdin=b"{}", timeout=300))
        with full_disk(folder / "full") as disk:
            (disk / "s.pdf").write_bytes(b"%PDF old")
            with contextlib.suppress(OSError), (disk / "filler").open("wb") as filler:
                filler.write(b"x" * (1 << 20))
            show("summary PDF onto a full disk", run_limited(
                "summary", "-", "--out", str(disk / "s.pdf"), stdin=b"{}", timeout=300))
        result = run_limited(code=PIN, timeout=120)
        show("kiosk PIN check at the most iterations; 2^31-1", result, result.stdout.strip())
        bad = folder / "kiosk.json"
        bad.write_text('{"kiosk": true, "pin": "2468"}')
        show("--kiosk with a plain-text PIN", run_limited(
            "--kiosk", timeout=60, env={"TRIALFINDER_SITE_CONFIG": str(bad)}))
        facts = folder / "facts.json"
        facts.write_text('{"age_years": ' + "9" * 900_000 + "}")
        show("evaluate, a 900,000-digit number", run_limited("evaluate", str(facts)))
        os.mkfifo(folder / "fifo")
        for special in ("/dev/zero", "/dev/urandom", str(folder / "fifo")):
            show(f"evaluate {special}", run_limited("evaluate", special, timeout=60))
            show(f"status --record {special}", run_limited("status", "--record", special,
                                                           timeout=60))
        with open("/dev/zero", "rb") as zero:
            show("evaluate - < /dev/zero", run_limited("evaluate", "-", stdin=zero.fileno()))
        name = "x" * (900 * 1024)
        show("evaluate, a 900 KB unknown fact name", run_limited(
            "evaluate", "-", stdin=json.dumps({name: 1}).encode()))
        with open("/dev/full", "wb") as full:
            show("evaluate > /dev/full", run_limited("evaluate", "-", stdin=b"{}",
                                                     stdout=full.fileno()))
        show("evaluate, zh_CN onto an ascii output", run_limited(
            "evaluate", "-", "--lang", "zh_CN", stdin=b"{}", env={"PYTHONIOENCODING": "ascii"}))
        show("--screenshots onto a file", run_limited("--screenshots", str(facts), timeout=60))
        show("summary --out onto its own input", run_limited(
            "summary", str(facts), "--out", str(facts)))
        bom = folder / "bom.json"
        bom.write_bytes(b"\xef\xbb\xbf{}")
        show("evaluate, UTF-8 with a BOM", run_limited("evaluate", str(bom)))
        import datetime as dt

        cache.cache_path("NCT06686524").unlink(missing_ok=True)
        cache.save("NCT06686524", (ROOT / "resources/records/NCT06686524.json").read_bytes(),
                   dt.datetime.now(dt.UTC) + dt.timedelta(days=3650))
        result = run_limited("status", "--offline", "--format", "json")
        show("status --offline, cache from the future", result,
             json.loads(result.stdout)["source"])
        from trialfinder import tally

        rows = [{"date": "2026-11-20", "verdict": "likely_eligible", "not_met": ["E1"] * 60,
                 "unknown": ["=cmd"] * 60}] * 40_000
        tally.tally_path().parent.mkdir(parents=True, exist_ok=True)
        tally.tally_path().write_text(json.dumps({"rows": rows}))
        size = tally.tally_path().stat().st_size >> 20
        show(f"tally.json of {size} MB, hostile rows", run_limited(
            code="from trialfinder import tally; print(len(tally.load_rows()))", timeout=120))
    return 0


if __name__ == "__main__":
    sys.exit(main())
