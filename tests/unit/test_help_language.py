"""--help and argparse's own messages speak the user's language (--lang, else the system's)."""

import os
import re
import subprocess
import sys

from tests.conftest import ROOT

# argparse's own words, as Python writes them in English
ARGPARSE_ENGLISH = ("usage:", "options:", "positional arguments", "show this help message",
                    "error:", "the following arguments are required", "invalid choice",
                    "unrecognized arguments", "invalid float value", "expected one argument",
                    "not allowed with argument")


def run(*args: str, lang: str = "C.UTF-8") -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("LC_")}
    env.update(LANG=lang, LANGUAGE="")
    return subprocess.run([sys.executable, "-m", "trialfinder", *args], capture_output=True,
                          text=True, cwd=ROOT, env=env, timeout=60, check=False)


def english_left(text: str) -> list[str]:
    return [words for words in ARGPARSE_ENGLISH if words in text]


def test_help_in_chinese_from_the_system_language():
    result = run("--help", lang="zh_CN.UTF-8")
    assert result.returncode == 0
    out = result.stdout
    assert out.startswith("用法：trialfinder")
    assert "选项" in out and "显示这份帮助，然后退出" in out and "命令" in out
    assert "难治性幼年皮肌炎" in out
    assert english_left(out) == []
    # every help line is Chinese apart from the option names and the placeholders
    for line in out.splitlines():
        if line.strip().startswith("-") and "  " in line.strip():
            assert re.search(r"[\u4e00-\u9fff]", line), line


def test_help_follows_lang_over_the_system_language():
    assert run("--help", "--lang", "zh_CN", lang="en_GB.UTF-8").stdout.startswith("用法：")
    assert run("--lang=en", "--help", lang="zh_CN.UTF-8").stdout.startswith("usage: ")
    sub = run("evaluate", "--lang", "zh_CN", "--help", lang="en_US.UTF-8").stdout
    assert sub.startswith("用法：trialfinder evaluate") and english_left(sub) == []


def test_english_help_is_unchanged_english():
    out = run("--help", lang="en_US.UTF-8").stdout
    assert out.startswith("usage: trialfinder") and "show this help message and exit" in out
    assert not re.search(r"[\u4e00-\u9fff]", out)


def test_usage_errors_in_chinese():
    cases = {
        ("evaluate",): "缺少以下必需的参数：FILE",
        ("--lang", "zh_CN", "--text-scale", "big"): "无效的 float 值：'big'",
        ("--lang", "fr"): "无效的选择：'fr'",
        ("--bogus",): "无法识别的参数：--bogus",
        ("--kiosk", "--volunteer"): "不能与参数 --kiosk 一起使用",
        ("--screenshots",): "需要一个值",
    }
    for args, expected in cases.items():
        result = run(*args, lang="zh_CN.UTF-8")
        assert result.returncode == 2, args
        assert expected in result.stderr, (args, result.stderr)
        assert "：错误：" in result.stderr and english_left(result.stderr) == [], result.stderr
