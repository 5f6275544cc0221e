"""Build the Linux bundle, smoke-test it, and compare its size with a bare PySide6 bundle.

    python3 -m pip install '.[build]' && python3 packaging/build.py [--dist DIR]

Writes dist/TrialFinder/ (run dist/TrialFinder/TrialFinder) and dist/Hello/, runs the
bundle's --self-test offscreen, and prints both sizes and their ratio (target: at most 1.2x).
Exits non-zero if a build or the self-test fails.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def size_of(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def pyinstaller(spec: str, dist: Path, work: Path) -> None:
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean",
                    "--log-level", "WARN", "--distpath", str(dist), "--workpath", str(work),
                    str(ROOT / "packaging" / spec)], check=True, cwd=ROOT)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=ROOT / "dist")
    args = parser.parse_args()
    dist: Path = args.dist
    work = dist.parent / "build-pyinstaller" if args.dist != ROOT / "dist" else (
        ROOT / "build" / "pyinstaller")
    for spec in ("hello.spec", "trialfinder.spec"):
        print(f"building {spec} ...", flush=True)
        pyinstaller(spec, dist, work)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    app = dist / "TrialFinder" / "TrialFinder"
    test = subprocess.run([str(app), "--self-test", "--offline"], env=env, capture_output=True,
                          text=True, timeout=120, check=False)
    print(test.stdout.strip())
    if test.returncode != 0:
        print(f"self-test failed ({test.returncode}):\n{test.stderr}")
        return 1
    hello = subprocess.run([str(dist / "Hello" / "Hello"), "--self-test"], env=env,
                           capture_output=True, text=True, timeout=120, check=False)
    if hello.returncode != 0:
        print(f"hello-world failed ({hello.returncode}):\n{hello.stderr}")
        return 1
    app_size, hello_size = size_of(dist / "TrialFinder"), size_of(dist / "Hello")
    print(f"TrialFinder bundle: {app_size / 2**20:7.1f} MiB  ({dist / 'TrialFinder'})")
    print(f"Hello bundle:       {hello_size / 2**20:7.1f} MiB  ({dist / 'Hello'})")
    print(f"ratio: {app_size / hello_size:.2f}x (target: at most 1.2x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
