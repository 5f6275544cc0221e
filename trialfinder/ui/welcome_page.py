"""The first screen: what the app does and does not do (the trial's own title and welcome
come from its screener file)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QHBoxLayout, QWidget

from trialfinder.i18n.content import _
from trialfinder.ui.common import Screen, button, label

if TYPE_CHECKING:
    from trialfinder.screening.trial_section import TrialInfo


class WelcomePage(Screen):
    name = "welcome"

    def __init__(self, trial: TrialInfo, parent: QWidget | None = None,
                 kiosk: bool = False) -> None:
        super().__init__(parent)
        self.trial = trial
        self.kiosk = kiosk
        self.title = label("title", name="welcome-title", plain=False)
        self.intro = label(plain=False)
        self.not_do = label("note", plain=False)
        self.unsure = label(plain=False)
        self.privacy = label("muted", plain=False)
        self.prepare = label("muted", plain=False)
        for widget in (self.title, self.intro, self.not_do, self.unsure, self.prepare,
                       self.privacy):
            self.column.addWidget(widget)
        self.open_saved = button(parent=self.content, name="open-answers")
        self.open_saved.hide()  # home mode only (see MainWindow)
        row = QHBoxLayout()
        row.addWidget(self.open_saved)
        row.addStretch(1)
        self.column.addLayout(row)
        self.column.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(_(self.trial.welcome_title))
        self.intro.setText(_(self.trial.welcome))
        self.not_do.setText(self.tr(
            "This app does not decide anything and does not give medical advice. "
            "Only the study team decides who can take part."))
        self.unsure.setText(self.tr(
            "You can answer \"Not sure\" to any question. That is fine: it never counts as "
            "\"no\". You can go back and change any answer."))
        self.prepare.setText(self.tr(
            "It takes about 10 minutes. If you have your child's recent lab reports or "
            "doctor's letters, keep them nearby. You can also do without them."))
        if self.kiosk:  # a kiosk keeps nothing: no promise of saving
            self.privacy.setText(self.tr(
                "Your answers are not saved or sent anywhere. When you finish, or if no one "
                "touches the screen for a while, this screen forgets them."))
        else:
            self.privacy.setText(self.tr(
                "Your answers stay on this computer. Nothing is saved or sent anywhere unless "
                "you choose to save it."))
        self.open_saved.setText(self.tr("Open answers you saved before"))
        self.open_saved.setAccessibleName(self.tr("Open answers you saved before"))
