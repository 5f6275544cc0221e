"""Screener-load benchmark: reading and checking a screener file, as the app does at start.

    python tests/benchmarks/screener_load.py [--runs N] [--trial TRIAL]

Each run is a fresh process (nothing cached) that imports the screener module, then times
``load_screener`` (TOML decode + every check, pages and the [trial] section included), split
into the TOML decode and the checks, and a second call (the per-process cache). Prints the
medians. The app loads the screener once, before its first screen (the welcome text is the
trial's), so this is part of start-up. Not a test: timings on a shared machine vary, so they
are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

ONE_RUN = """
import json, sys, time, tomllib
from trialfinder.screening import screener as s
path = s.screener_path(sys.argv[1] or None)
t2 = time.perf_counter()
s.load_screener(sys.argv[1] or None)
t3 = time.perf_counter()
s.load_screener(sys.argv[1] or None)
t4 = time.perf_counter()
t0 = time.perf_counter()
data = tomllib.loads(path.read_text("utf-8"))
t1 = time.perf_counter()
s.parse_screener(data, path.parent)
t5 = time.perf_counter()
print(json.dumps({"decode": t1 - t0, "check": t5 - t1, "load": t3 - t2, "again": t4 - t3}))
"""


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--trial", default="")
    args = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    results = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", ONE_RUN, args.trial], capture_output=True,
                             text=True, check=True, cwd=ROOT, env=env)
        results.append(json.loads(out.stdout))
    for key, what in (("load", "load_screener (decode + check), first call"),
                      ("decode", "  TOML decode alone"), ("check", "  checks alone"),
                      ("again", "second call (cached)")):
        values = [r[key] * 1000 for r in results]
        print(f"{what:45} median {statistics.median(values):7.3f} ms "
              f"(min {min(values):.3f}, max {max(values):.3f}, {args.runs} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
