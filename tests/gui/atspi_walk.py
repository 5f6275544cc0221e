"""Walk the running app's screens through the accessibility tree a screen reader reads.

Run by tests/gui/test_atspi.py with the system Python (Debian's python3-pyatspi), inside a
D-Bus session with the AT-SPI bus, on an X display where the app runs. Reads a JSON job on
standard input (the app's command and environment, the language, the expected words), starts
the app, presses its buttons by AT-SPI actions from the welcome screen to the result, and on
every screen checks:

- every focusable object that is showing has a name and a role (not unknown or invalid);
- the names are in the screen's language;
- the keyboard focus (Tab, typed through the X server) visits the controls in reading order:
  top bar, then the page from top to bottom and left to right, then the bottom bar;
- on the result screen, the verdict and the study team's contact are readable as text.

Prints one JSON object: {"screens": [...], "problems": [...]}. Standard library and pyatspi
only (this runs outside the project's virtual environment).
"""

from __future__ import annotations

import itertools
import json
import os
import re
import subprocess
import sys
import time

import pyatspi

CJK = re.compile(r"[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]")
LATIN_WORDS = re.compile(r"[A-Za-z]{4,}")
URL = re.compile(r"https?://\S+")
NO_ROLE = {pyatspi.ROLE_UNKNOWN, pyatspi.ROLE_INVALID}


def wait_for(predicate, timeout: float = 20.0, step: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            value = predicate()
        except Exception:  # the tree changes under our feet while a screen is rebuilt
            value = None
        if value:
            return value
        time.sleep(step)
    return None


def find_app(name: str):
    desktop = pyatspi.Registry.getDesktop(0)
    for app in desktop:
        if app is not None and app.name == name and app.childCount:
            return app
    return None


def states(node) -> set:
    try:
        return set(node.getState().getStates())
    except Exception:
        return set()


def showing(node) -> list:
    """Every object under ``node`` that is on screen (its subtree is skipped otherwise)."""
    found = []
    try:
        children = list(node)
    except Exception:
        return found
    for child in children:
        if child is None or pyatspi.STATE_SHOWING not in states(child):
            continue
        found.append(child)
        found.extend(showing(child))
    return found


def extents(node) -> tuple[int, int, int, int]:
    box = node.queryComponent().getExtents(pyatspi.DESKTOP_COORDS)
    return box.x, box.y, box.width, box.height


def text_of(node) -> str:
    parts = [node.name or ""]
    try:
        text = node.queryText()
        parts.append(text.getText(0, text.characterCount))
    except NotImplementedError:
        pass
    return " ".join(p for p in parts if p)


def describe(node) -> str:
    return f"{node.getRoleName()} {node.name!r}"


def press(node) -> None:
    action = node.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    action.doAction(names.index("Press") if "Press" in names else 0)


def in_language(name: str, lang: str, allowed: list[str]) -> bool:
    """A control's name: in the screen's language, apart from words that are the same in
    both (names of people, units, the language buttons)."""
    for word in allowed:
        name = name.replace(word, "")
    name = URL.sub("", name)  # an address is the same in every language
    if not re.search(r"[A-Za-z\u3400-\u9fff]", name):
        return True
    if lang != "en":  # every translated language so far is written in Chinese characters
        return bool(CJK.search(name))
    return not CJK.search(name)


def label_in_language(text: str, lang: str, allowed: list[str]) -> bool:
    """Running text: a Chinese screen has no all-English sentence, an English screen no
    all-Chinese one (names, numbers and the hospital's own name may be in either)."""
    rest = URL.sub("", text)  # an address is the same in every language
    for word in allowed:
        rest = rest.replace(word, "")
    if lang != "en":  # every translated language so far is written in Chinese characters
        return bool(CJK.search(rest)) or len(LATIN_WORDS.findall(rest)) < 3
    return bool(re.search(r"[A-Za-z]", rest)) or not CJK.search(rest)


class Walk:
    def __init__(self, job: dict) -> None:
        self.job = job
        self.lang = job["lang"]
        self.problems: list[str] = []
        self.screens: list[dict] = []

    def problem(self, screen: str, message: str) -> None:
        self.problems.append(f"[{self.lang}] {screen}: {message}")

    def page_of(self, nodes):
        """The scrolling page (a focusable scroll area with children) and its vertical bar."""
        for node in nodes:
            if node.getRole() in (pyatspi.ROLE_FILLER, pyatspi.ROLE_SCROLL_PANE) and \
                    pyatspi.STATE_FOCUSABLE in states(node) and node.childCount:
                bars = [c for c in node if c is not None and c.getRole() ==
                        pyatspi.ROLE_SCROLL_BAR and extents(c)[3] > extents(c)[2]]
                return node, (bars[0] if bars else None)
        return None, None

    def position(self, page, bar, node) -> tuple[int, int, int]:
        """Where a control is in reading order: (0 top bar, 1 page, 2 bottom bar), then its
        place on the page (scrolled-away lines counted in), then from the left."""
        x, y, _w, _h = extents(node)
        if page is None:
            return (1, y, x)
        inside, parent = False, node
        for _ in range(40):
            if parent is None:
                break
            if parent == page:
                inside = True
                break
            parent = parent.parent
        if inside:
            offset = int(bar.queryValue().currentValue) if bar is not None else 0
            return (1, y + offset, x)
        return (0 if y < extents(page)[1] else 2, y, x)

    def focus_order(self, focusable, page, bar, screen: str) -> list[str]:
        """Tab through the screen once round; check the stops come in reading order."""
        def focused():
            return next((n for n in focusable if pyatspi.STATE_FOCUSED in states(n)), None)

        stops: list[tuple[tuple[int, int, int], str]] = []
        node = wait_for(focused, timeout=5)
        if node is None:
            self.problem(screen, "nothing has the keyboard focus")
            return []
        seen = []
        for _ in range(len(focusable) + 2):
            key = (describe(node), extents(node))
            if key in seen:
                break
            seen.append(key)
            stops.append((self.position(page, bar, node), describe(node)))
            subprocess.run(["xdotool", "key", "Tab"], check=True)
            node = wait_for(lambda p=key: (n := focused()) is not None and (
                describe(n), extents(n)) != p and n, timeout=3)
            if node is None:
                self.problem(screen, f"Tab does not move on from {key[0]}")
                break
        # the focus goes round: read the round from its top-left stop
        start = min(range(len(stops)), key=lambda i: stops[i][0])
        ring = stops[start:] + stops[:start]
        for (a, name_a), (b, name_b) in itertools.pairwise(ring):
            same_row = a[0] == b[0] and abs(a[1] - b[1]) <= 10
            if ((a[0], a[1]) > (b[0], b[1]) and not same_row) or (same_row and b[2] < a[2]):
                self.problem(screen, f"focus goes from {name_a} {a} back to {name_b} {b}")
        return [f"{name} {key}" for key, name in ring]

    def check_screen(self, frame, screen: str) -> None:
        nodes = showing(frame)
        focusable = [n for n in nodes if pyatspi.STATE_FOCUSABLE in states(n)]
        allowed = self.job["allowed"]
        for node in focusable:
            if not (node.name or "").strip():
                self.problem(screen, f"focusable {node.getRoleName()} has no name")
            if node.getRole() in NO_ROLE:
                self.problem(screen, f"focusable {node.name!r} has no role")
            if node.name and not in_language(node.name, self.lang, allowed):
                self.problem(screen, f"{describe(node)} is not in the screen's language")
        for node in nodes:
            if node.getRole() in (pyatspi.ROLE_LABEL, pyatspi.ROLE_STATIC) and node.name and \
                    not label_in_language(node.name, self.lang, allowed):
                self.problem(screen, f"label {node.name[:60]!r} is not in the screen's language")
        page, bar = self.page_of(nodes)
        order = self.focus_order(focusable, page, bar, screen)
        self.screens.append({"screen": screen, "focusable": [describe(n) for n in focusable],
                             "focus_order": order})

    def heading(self, frame) -> str:
        """The page's first line of text (the top bar's is the app's name)."""
        nodes = showing(frame)
        page, _bar = self.page_of(nodes)
        top = extents(page)[1] if page is not None else 0
        labels = [n for n in nodes if n.getRole() == pyatspi.ROLE_LABEL and n.name
                  and extents(n)[1] >= top]
        return labels[0].name if labels else ""

    def run(self) -> int:
        env = {**os.environ, **self.job["env"]}
        app_process = subprocess.Popen(self.job["app"], env=env, cwd=self.job["cwd"])
        try:
            app = wait_for(lambda: find_app(self.job["app_name"]), timeout=60)
            if app is None:
                self.problems.append("the app never appeared on the accessibility bus")
                return 1
            frame = wait_for(lambda: next((c for c in app if c is not None
                                           and c.getRole() == pyatspi.ROLE_FRAME), None))
            # tall enough that no screen needs scrolling (so every control is showing and its
            # place on screen is its place on the page); then the focus is on the window
            subprocess.run(["xdotool", "search", "--sync", "--onlyvisible", "--name",
                            "TrialFinder", "windowsize", "1100", "5800", "windowactivate",
                            "--sync"], check=False, timeout=30)
            time.sleep(0.5)
            self.walk(frame)
        finally:
            app_process.terminate()
            try:
                app_process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                app_process.kill()
        return 1 if self.problems else 0

    def walk(self, frame) -> None:
        next_names = set(self.job["next_names"])
        for number in range(60):
            heading = wait_for(lambda: self.heading(frame))
            screen = f"{number:02d} {heading[:50]}"
            self.check_screen(frame, screen)
            buttons = [n for n in showing(frame) if n.getRole() == pyatspi.ROLE_PUSH_BUTTON
                       and n.name in next_names]
            if not buttons:
                self.check_result(frame, screen)
                return
            press(buttons[0])
            wait_for(lambda h=heading: self.heading(frame) != h, timeout=10)
            time.sleep(0.3)
        self.problems.append("the walk never reached a screen without a Next button")

    def check_result(self, frame, screen: str) -> None:
        texts = [text_of(n) for n in showing(frame)]
        everything = "\n".join(texts)
        if not any(title in everything for title in self.job["verdicts"]):
            self.problem(screen, "no verdict readable as text on the last screen")
        for contact in self.job["contacts"]:
            if contact not in everything:
                self.problem(screen, f"the contact {contact!r} is not readable as text")


def main() -> int:
    job = json.load(sys.stdin)
    walk = Walk(job)
    try:
        status = walk.run()
    except Exception as exc:  # report, do not hide: the test prints the problems
        walk.problems.append(f"the walk stopped: {type(exc).__name__}: {exc}")
        status = 1
    json.dump({"screens": walk.screens, "problems": walk.problems}, sys.stdout,
              ensure_ascii=False, indent=1)
    return status


if __name__ == "__main__":
    sys.exit(main())
