"""`related` as a real process: offline, with the network refused, and against the loopback
API server."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys

from tests.conftest import DATA, ROOT

ADULT_IDS = {"NCT07059169", "NCT06154252", "NCT06665256", "NCT06056921"}
KEYS = {"nct_id", "title", "status", "phases", "min_age", "max_age", "countries", "cities",
        "contacts", "last_update", "source"}


def run(*args: str) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.pop("QT_QPA_PLATFORM", None)  # the command needs no Qt
    return subprocess.run([sys.executable, "-m", "trialfinder", "related", *args],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=60,
                          check=False)


def related_json(*args: str) -> dict:
    result = run("--format", "json", *args)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def refusing_address() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"https://127.0.0.1:{probe.getsockname()[1]}/api"


def test_with_the_network_refused_each_age_sees_the_bundled_studies_dated():
    address = refusing_address()
    adult = related_json("--age", "25", "--api-base", address)
    assert (adult["list_source"], adult["problem"]) == ("bundled", "offline")
    assert {s["nct_id"] for s in adult["studies"]} == ADULT_IDS
    for item in adult["studies"]:
        assert set(item) >= KEYS
        assert item["last_update"] == "2026-11" and item["source"]
    child = related_json("--age", "4", "--api-base", address)
    assert [s["nct_id"] for s in child["studies"]] == ["NCT07283315"]
    assert child["checked_against_child"] is False


def test_offline_makes_no_request(api):
    out = related_json("--offline", "--age", "4", "--api-base", api.base("search-pages"))
    assert out["list_source"] == "bundled" and not hasattr(api, "searches")


def test_with_the_loopback_server_each_age_sees_the_live_studies(api):
    child = related_json("--age", "4", "--api-base", api.base("search-pages"))
    assert child["list_source"] == "live" and child["problem"] is None
    assert {s["nct_id"] for s in child["studies"]} == {"NCT09000002", "NCT09000008"}
    no_ages = next(s for s in child["studies"] if s["nct_id"] == "NCT09000002")
    assert (no_ages["min_age"], no_ages["max_age"]) == (None, None)
    assert no_ages["source"] == "ClinicalTrials.gov" and no_ages["last_update"] == "2026-11-02"
    adult = related_json("--age", "25", "--api-base", api.base("search-pages"))
    by_id = {s["nct_id"]: s for s in adult["studies"]}
    assert set(by_id) == {"NCT09000002", "NCT09000003", "NCT09000004"}
    assert by_id["NCT09000003"]["recruiting_now"] is False  # its only site is not open yet
    assert by_id["NCT09000004"]["status"] == "NOT_YET_RECRUITING"
    # the answer was kept: --offline now shows it
    kept = related_json("--offline", "--age", "25")
    assert kept["list_source"] == "cache"


def test_a_trial_file_without_a_search_for_other_studies_is_told_not_searched(api):
    """The search is the trial file's: the made-up trial has none, so nothing is asked."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    result = subprocess.run(
        [sys.executable, "-m", "trialfinder", "--trial", str(DATA / "trials" / "NCT00000000.toml"),
         "related", "--api-base", api.base("search-pages")],
        capture_output=True, text=True, cwd=ROOT, env=env, timeout=60, check=False)
    assert result.returncode == 2 and not result.stdout
    assert ("NCT00000000 lists no other studies: its screener file has no search for them."
            in result.stderr)
    assert not hasattr(api, "searches")


def test_text_in_chinese_and_a_bad_age():
    result = run("--offline", "--age", "4", "--lang", "zh_CN")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("可以问问孩子的医生的其他研究\n")
    assert "CD19/BCMA CAR-NK细胞治疗儿童自身免疫病" in result.stdout
    assert "最后确认于2026年11月，来源：meddatax.com。" in result.stdout
    bad = run("--age", "two")
    assert bad.returncode == 2 and "from 0 to 120" in bad.stderr and not bad.stdout
