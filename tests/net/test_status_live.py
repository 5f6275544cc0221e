"""End to end: `status --api-base` against the loopback server, and what evaluate then says."""

from __future__ import annotations

import json

import pytest

from tests.unit.test_cli import run


def status(base: str) -> dict:
    result = run("status", "--api-base", base, "--format", "json")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_live_record_is_shown_and_then_used_by_evaluate(api):
    out = status(api.base("good"))
    assert out["source"] == "live" and out["last_update"] == "2026-11-20"
    assert out["warnings"] == []
    evaluated = json.loads(run("evaluate", "-", "--format", "json", stdin="{}").stdout)
    assert evaluated["record_last_update"] == "2026-11-20"  # from the cache, no network


def test_completed_study(api):
    out = status(api.base("completed"))
    assert out["overall_status"] == "COMPLETED" and out["recruiting"] is False
    assert any("not recruiting now" in w for w in out["warnings"])
    evaluated = json.loads(run("evaluate", "-", "--format", "json", stdin="{}").stdout)
    assert evaluated["recruiting"] is False


def test_site_not_recruiting(api):
    out = status(api.base("site_closed"))
    assert out["overall_status"] == "RECRUITING" and out["recruiting"] is False
    assert out["sites"][0]["status"] == "NOT_YET_RECRUITING"
    assert any("No hospital in the study is recruiting" in w for w in out["warnings"])


def test_new_phone_number_is_shown(api):
    out = status(api.base("new_phone"))
    assert out["contacts"][0]["phone"] == "+86 571 0000 1111"
    text = run("status", "--api-base", api.base("new_phone")).stdout
    assert "+86 571 0000 1111" in text and "13685773988" not in text


def test_changed_criteria_warn(api):
    out = status(api.base("new_criteria"))
    assert any("eligibility criteria have changed" in w for w in out["warnings"])


@pytest.mark.parametrize("scenario", ["not_found", "portal", "other_study", "invalid_json"])
def test_bad_answers_fall_back_and_say_so(api, scenario):
    status(api.base("good"))
    out = status(api.base(scenario))
    assert out["source"] == "cache" and out["last_update"] == "2026-11-20"
    assert any("Showing the newest record the app already has." in w for w in out["warnings"])


def test_status_in_chinese_says_why(api):
    result = run("status", "--api-base", api.base("portal"), "--lang", "zh_CN")
    assert result.returncode == 0
    assert "无线网络的登录页面" in result.stdout
