"""Other studies on the result screen: the stored list at once, the live one when it comes,
the search only once a result is shown, never waiting, never markup."""

from __future__ import annotations

import socket
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from tests.net.search_server import MARKUP
from trialfinder.ui.related_view import RelatedView
from trialfinder.ui.screenshots import VERDICT_ANSWERS

FAVOURABLE = VERDICT_ANSWERS["likely_eligible"]
ADULT = {**FAVOURABLE, "age_years": 25}
CHILD_OF_4 = VERDICT_ANSWERS["likely_not_eligible"]  # age 4: this study likely does not fit


def live(window, base: str) -> None:
    """What ui.window_setup.start_live_check sets for a window that may use the network."""
    window.parts.live, window.parts.api_base = True, base


def view(window) -> RelatedView:
    page = window.stack.currentWidget()
    found = [v for v in page.findChildren(RelatedView) if v.isVisibleTo(page)]  # not the old
    assert len(found) == 1
    return found[0]


def texts(window, name: str = "") -> list[str]:
    found = view(window).findChildren(QLabel, name) if name else view(window).findChildren(
        QLabel)
    # CAR-T is shown with a non-breaking hyphen (display only): read it as typed
    return [w.text().replace("\u2011", "-") for w in found
            if w.isVisibleTo(window.stack.currentWidget())]


def shown_ids(window) -> set[str]:
    return {text.rsplit("/", 1)[-1] for text in texts(window, "related-link")}


def refusing_address() -> str:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return f"https://127.0.0.1:{probe.getsockname()[1]}/api"


def searched(qtbot, window) -> None:
    qtbot.waitUntil(lambda: not window.related_search.searching, timeout=15000)
    qtbot.waitUntil(lambda: not texts(window, "looking"), timeout=5000)


def test_start_up_and_the_questions_make_no_search_only_a_result_does(qtbot, window, api):
    live(window, api.base("search-pages"))
    for screen in ("welcome", "about", "child", "review"):
        window.show_screen(screen)
    qtbot.wait(300)
    assert getattr(api, "searches", []) == []
    window.answers.update(CHILD_OF_4)
    window.show_screen("result")
    searched(qtbot, window)
    assert len(api.searches) == 3  # the three pages, once
    window.show_screen("review")
    window.show_screen("result")  # a live answer is not asked for again
    qtbot.wait(300)
    assert len(api.searches) == 3


def test_the_list_shows_at_once_while_a_silent_server_is_asked(qtbot, window, blackhole):
    live(window, blackhole)
    window.answers.update(CHILD_OF_4)
    started = time.perf_counter()
    window.show_screen("result")
    assert time.perf_counter() - started < 2.0  # the silent server takes far longer
    assert window.related_search.thread.is_alive() and window.related_search.thread.daemon
    assert texts(window, "looking") == ["Looking for newer information on ClinicalTrials.gov…"]
    assert shown_ids(window) == {"NCT07283315"}  # the bundled list, for a child of 4
    qtbot.mouseClick(window.back_button, Qt.MouseButton.LeftButton)  # the UI goes on
    assert window.current_name() == "review"


def test_a_4_and_a_25_year_old_see_the_bundled_studies_for_their_age_dated(qtbot, window):
    address = refusing_address()
    live(window, address)
    window.answers.update(CHILD_OF_4)
    window.show_screen("result")
    searched(qtbot, window)
    assert shown_ids(window) == {"NCT07283315"}
    everything = "\n".join(texts(window))
    assert "We could not reach ClinicalTrials.gov" in everything
    assert "From public trial listings that came with the app, last known November 2026." \
        in everything
    assert "Last known November 2026, from meddatax.com." in everything
    window.answers.clear()
    window.answers.update(ADULT)
    window.show_screen("result")
    searched(qtbot, window)
    assert shown_ids(window) == {"NCT07059169", "NCT06154252", "NCT06665256", "NCT06056921"}
    assert texts(window, "related-muted").count(
        "Last known November 2026, from findatrial.com; trialfinderdata.org.") == 1


def test_the_live_list_replaces_the_bundled_one_for_each_age(qtbot, window, api):
    live(window, api.base("search-pages"))
    window.answers.update(CHILD_OF_4)
    window.show_screen("result")
    searched(qtbot, window)
    assert shown_ids(window) == {"NCT09000002", "NCT09000008"}
    assert "From a search of ClinicalTrials.gov just now." in texts(window)
    window.answers.clear()
    window.answers.update(ADULT)
    window.show_screen("result")
    assert shown_ids(window) == {"NCT09000002", "NCT09000003", "NCT09000004"}
    groups = texts(window, "related-group")
    assert groups == ["Recruiting now", "Not recruiting yet: ask when it will start"]


def test_the_list_comes_first_when_this_study_likely_does_not_fit(qtbot, window):
    def order() -> tuple[int, int]:
        qtbot.wait(50)  # laid out
        page = window.stack.currentWidget()
        # the actions (save, print) follow the verdict, its contact and what stands in the way
        actions = next(w for w in page.findChildren(QPushButton, "save-pdf")
                       if w.isVisibleTo(page))
        related = view(window)
        return (related.mapTo(page, related.rect().topLeft()).y(),
                actions.mapTo(page, actions.rect().topLeft()).y())

    window.answers.update(CHILD_OF_4)
    window.show_screen("result")
    related, actions = order()
    assert related < actions
    window.answers.clear()
    window.answers.update(FAVOURABLE)
    window.show_screen("result")
    related, actions = order()
    assert related > actions


def test_nothing_from_the_search_becomes_markup(qtbot, window, api):
    live(window, api.base("search-markup"))
    window.answers.update(FAVOURABLE)
    window.show_screen("result")
    searched(qtbot, window)
    title = MARKUP["protocolSection"]["identificationModule"]["briefTitle"]
    page = window.stack.currentWidget()
    labels = [w for w in view(window).findChildren(QLabel) if w.isVisibleTo(page)]
    shown = [w.text().replace("\u2011", "-") for w in labels]
    assert title in shown
    assert "Where: <img src=x> (China)." in shown
    for widget in labels:
        assert widget.textFormat() == Qt.TextFormat.PlainText, widget.text()
        assert not widget.openExternalLinks()
    [opener] = [b for b in view(window).findChildren(QPushButton, "related-open")
                if b.isVisibleTo(page)]
    assert opener.accessibleName() == (
        "Open https://clinicaltrials.gov/study/NCT09000007 in the browser")


def test_the_list_in_chinese(qtbot, window):
    window.choose_language("zh_CN")
    window.answers.update(ADULT)
    window.show_screen("result")
    everything = "\n".join(texts(window))
    assert "可以问问孩子的医生的其他研究" in everything
    assert "CAR-T细胞治疗难治性自身免疫病（包括皮肌炎）" in everything  # the plain title
    assert "TrialFinder 没有核对您的孩子是否适合这些研究" in everything
    assert "最后确认于2026年11月，来源：findatrial.com; trialfinderdata.org。" in everything


def test_a_kiosk_shows_the_links_but_opens_no_browser(qtbot):
    from trialfinder.ui.launch import build_window

    _app, kiosk = build_window("en", 1.0, "kiosk")
    qtbot.addWidget(kiosk)
    kiosk.show()
    kiosk.answers.update(ADULT)
    kiosk.show_screen("result")
    page = kiosk.stack.currentWidget()
    assert shown_ids(kiosk) == {"NCT07059169", "NCT06154252", "NCT06665256", "NCT06056921"}
    assert not [b for b in page.findChildren(QPushButton, "related-open") if b.isVisibleTo(page)]
    kiosk.close()
