"""PySide's import hook, made cheap: importing this module imports PySide6 and stops its
reading of every later module's source.

Importing PySide6 replaces Python's ``__import__`` with a hook for PySide's optional
``from __feature__ import snake_case, true_property``. After every import statement that
names a module it has not seen, the hook reads that module's whole source file
(``inspect.getsource``) to find out whether it mentions PySide. TrialFinder never selects a
feature, so those answers are never used: here they cost 10 to 15 ms of reading files in a
self-test (every module the window, the screener and the record load after Qt), 3 to 5 ms
before the first paint, and more as each later screen loads.

``quiet_source_scan`` puts a function that reads nothing in the hook's place. It changes no
behaviour: a module the hook has not seen counts as using no feature (PySide's default for a
module it does not know), and the first ``from __feature__ import ...`` anywhere would make
PySide go through every module it has not seen (its own ``__init__``), as before.
If a PySide release names things differently, this does nothing and the app starts as
before, only slower.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6  # noqa: F401  (sets up shiboken and its import hook)

FEATURE_MODULE = "shibokensupport.feature"  # where PySide 6 keeps the hook's Python side


def _not_scanned(module: ModuleType) -> None:
    """The hook's after-import step, without reading the module's source."""


def quiet_source_scan() -> bool:
    """Stop PySide's import hook from reading each new module's source; True if it did."""
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, "feature_imported", None)):
        return False
    if not isinstance(getattr(feature, "pyside_feature_dict", None), dict):
        return False  # not the hook this was written for: leave it alone
    feature.feature_imported = _not_scanned
    return True
