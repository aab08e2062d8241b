"""The help centre: search as you type, articles, common myths, report a problem.

A window of its own, not modal, so a person can read while the wizard they
came from stays open. Every rule lives in :mod:`checks.help`; this module
shows what it returns. Links to other articles (``help:``) open here; web
and mail links open in the user's own browser or mail program.

Keyboard: the search field has focus first; Down moves into the results,
arrow keys preview an article, Enter moves into the article, Escape closes.
Alt+Left goes back. Tab into the results changes nothing by itself, so the
Myths or Report view stays until an arrow key or Enter picks an article.
The window is 980×700 where the screen has room and never larger than the
screen (at 200 % a 1080p screen is about 960×540 logical pixels). The
article view follows the palette (no colours of its own), so it reads the
same in dark mode and at 200 % scaling.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QRect, QSize, Qt, QUrl
from PySide6.QtGui import (
    QCloseEvent,
    QFocusEvent,
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from checks.help import TOPICS, BlockContext, HelpLibrary, load_help
from desktop.help.problem_report_page import ReportProblemPage
from desktop.i18n import _, current_language
from desktop.ui.links import open_link
from desktop.ui.secret_guard import guard
from desktop.ui.widgets import heading, scaled_font

UrlOpener = Callable[[QUrl], object]
PREFERRED_SIZE = QSize(980, 700)  # logical pixels, when the screen has room
SCREEN_SHARE = 0.9  # at most this much of the screen's free area, title bar included


def fitted_size(preferred: QSize, available: QRect) -> QSize:
    """The window size that fits ``available`` (the screen minus task bars, in
    logical pixels): at 200 % a 1080p screen offers about 960×520."""
    return QSize(
        min(preferred.width(), int(available.width() * SCREEN_SHARE)),
        min(preferred.height(), int(available.height() * SCREEN_SHARE)),
    )


class ResultsList(QListWidget):
    """The list of articles. Moving into it with Tab never opens an article.

    Qt makes the first row current when a list without a current row gets the
    focus, and the help window previews the current row: Tab from the search
    field would replace the Myths or Report view with the first article. Here
    the focus alone changes nothing; arrow keys, a click or Enter do.
    """

    def focusInEvent(self, event: QFocusEvent) -> None:
        had_current = self.currentItem() is not None
        self.blockSignals(True)
        try:
            super().focusInEvent(event)
            if not had_current:
                self.setCurrentRow(-1)  # Down then starts at the first row
        finally:
            self.blockSignals(False)


class HelpWindow(QWidget):
    """The help centre window. ``show_article(id)`` opens one article."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        library: HelpLibrary | None = None,
        region: str | None = None,
        data_folder: str | None = None,
        open_url: UrlOpener | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("helpWindow")
        self.setWindowTitle(_("Help — Wallet Checkup"))
        self.setAccessibleName(_("Help"))
        self.library = library or load_help()
        self.language = current_language()
        self.blocks = BlockContext(self.language, _, region, data_folder)
        self.open_url: UrlOpener = open_url or (lambda url: open_link(url.toString(), self))
        self.current: str | None = None  # the article shown, or "myths" / "report"
        self.history: list[str] = []

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        outer = QHBoxLayout(self)
        outer.setContentsMargins(12, 12, 12, 12)
        outer.addWidget(splitter)

        side = QWidget(splitter)
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 8, 0)
        column.addWidget(heading(_("Help"), 1.5, side))
        self.search = QLineEdit(side)
        self.search.setObjectName("helpSearch")
        self.search.setPlaceholderText(_("Search, e.g. freeze, approval, 冻结"))
        self.search.setAccessibleName(_("Search help"))
        self.search.setAccessibleDescription(
            _("Results appear as you type. Press Down to reach them.")
        )
        self.search.setClearButtonEnabled(True)
        self.search.setFont(scaled_font(self.search, 1.1))
        guard(self.search)  # a seed phrase pasted here is refused like anywhere else
        column.addWidget(self.search)
        self.found = QLabel(side)
        self.found.setObjectName("helpFound")
        self.found.setWordWrap(True)
        column.addWidget(self.found)
        self.results = ResultsList(side)
        self.results.setObjectName("helpResults")
        self.results.setAccessibleName(_("Articles"))
        self.results.setWordWrap(True)
        self.results.setSpacing(3)
        self.results.setFont(scaled_font(self.results, 1.05))
        column.addWidget(self.results, 1)
        self.myths_button = QPushButton(_("Common myths"), side)
        self.myths_button.setObjectName("helpMyths")
        self.myths_button.setAccessibleName(_("Common myths"))
        self.report_button = QPushButton(_("Report a problem with this app"), side)
        self.report_button.setObjectName("helpReport")
        self.report_button.setAccessibleName(_("Report a problem with this app"))
        column.addWidget(self.myths_button)
        column.addWidget(self.report_button)

        right = QWidget(splitter)
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(8, 0, 0, 0)
        top = QHBoxLayout()
        self.back = QPushButton(_("Go back"), right)
        self.back.setObjectName("helpBack")
        self.back.setAccessibleName(_("Back to the previous article"))
        self.back.setEnabled(False)
        top.addWidget(self.back)
        top.addStretch(1)
        right_column.addLayout(top)
        self.stack = QStackedWidget(right)
        self.view = QTextBrowser(self.stack)
        self.view.setObjectName("helpArticle")
        self.view.setOpenLinks(False)
        self.view.setFont(scaled_font(self.view, 1.1))
        self.view.setAccessibleName(_("Article"))
        self.report = ReportProblemPage(self.language, self._open_external, self.stack)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.report)
        right_column.addWidget(self.stack, 1)
        splitter.addWidget(side)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 5)
        splitter.setSizes([330, 650])

        QWidget.setTabOrder(self.search, self.results)
        QWidget.setTabOrder(self.results, self.myths_button)
        QWidget.setTabOrder(self.myths_button, self.report_button)
        QWidget.setTabOrder(self.report_button, self.back)
        QWidget.setTabOrder(self.back, self.view)

        # The field's text now, not the signal's: the secret guard may have cleared it.
        self.search.textChanged.connect(lambda _text: self.refresh_results(self.search.text()))
        self.search.installEventFilter(self)
        self.results.currentItemChanged.connect(self._previewed)
        self.results.itemActivated.connect(self._activated)
        self.view.anchorClicked.connect(self._link)
        self.myths_button.clicked.connect(self.show_myths)
        self.report_button.clicked.connect(self.show_report)
        self.back.clicked.connect(self.go_back)
        QShortcut(QKeySequence("Escape"), self, self.close)
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_search)
        QShortcut(QKeySequence("Alt+Left"), self, self.go_back)
        self.fit_to_screen()
        self.refresh_results("")
        self.show_article(self.library.ids[0], remember=False)

    # -- navigation --------------------------------------------------------

    def show_article(self, article_id: str, remember: bool = True) -> None:
        """Show one article (KeyError for an unknown id, which the tests rule out)."""
        article = self.library.article(article_id, self.language)
        if article_id != self.current:
            self._remember(remember)
        self.current = article_id
        self.view.setHtml(self.library.render(article_id, self.blocks))
        self.view.setAccessibleName(article.title)
        self.stack.setCurrentWidget(self.view)
        self._select(article_id)

    def show_myths(self, remember: bool = True) -> None:
        self._remember(remember and self.current != "myths")
        self.current = "myths"
        self.view.setHtml(self.library.render_myths(self.blocks))
        self.view.setAccessibleName(_("Common myths"))
        self.stack.setCurrentWidget(self.view)
        self._select("")
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_report(self, remember: bool = True) -> None:
        self._remember(remember and self.current != "report")
        self.current = "report"
        self.stack.setCurrentWidget(self.report)
        self._select("")
        self.report.steps.setFocus(Qt.FocusReason.OtherFocusReason)

    def go_back(self) -> None:
        """Alt+Left or the Back button: the previous article or page."""
        if not self.history:
            return
        target = self.history.pop()
        if target == "myths":
            self.show_myths(remember=False)
        elif target == "report":
            self.show_report(remember=False)
        else:
            self.show_article(target, remember=False)
        self.back.setEnabled(bool(self.history))

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _remember(self, remember: bool) -> None:
        if remember and self.current is not None:
            self.history.append(self.current)
            del self.history[:-50]
        self.back.setEnabled(bool(self.history))

    # -- search ------------------------------------------------------------

    def refresh_results(self, text: str) -> None:
        """The matching articles (every article, by topic, when the field is empty)."""
        query = text.strip()
        articles = (
            self.library.search(query, self.language)
            if query
            else sorted(
                self.library.articles(self.language),
                key=lambda a: list(TOPICS).index(a.topic),
            )
        )
        self.results.blockSignals(True)
        self.results.clear()
        for article in articles:
            item = QListWidgetItem(article.title, self.results)
            item.setData(Qt.ItemDataRole.UserRole, article.id)
            item.setToolTip(article.answer)
        self.results.blockSignals(False)
        if query:
            self.found.setText(
                _("{count} articles found").format(count=len(articles))
                if articles
                else _("Nothing found. Try another word, or look through the list.")
            )
        else:
            self.found.setText(_("All articles"))
        self.found.setAccessibleName(self.found.text())
        if self.current in self.library.ids:
            self._select(self.current)

    def _select(self, article_id: str) -> None:
        self.results.blockSignals(True)
        for row in range(self.results.count()):
            item = self.results.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == article_id:
                self.results.setCurrentRow(row)
                break
        else:
            self.results.setCurrentRow(-1)
        self.results.blockSignals(False)

    def fit_to_screen(self) -> None:
        """980×700 where it fits; never taller or wider than the screen (200 % scaling)."""
        parent = self.parentWidget()
        screen = (parent.screen() if parent is not None else None) or self.screen()
        screen = screen or QGuiApplication.primaryScreen()
        if screen is None:
            self.resize(PREFERRED_SIZE)
            return
        self.resize(fitted_size(PREFERRED_SIZE, screen.availableGeometry()))

    def _activated(self, item: QListWidgetItem) -> None:
        """Enter on a result: show it (if it is not shown yet) and move into the article."""
        article_id = str(item.data(Qt.ItemDataRole.UserRole))
        if article_id != self.current:
            self.show_article(article_id, remember=False)
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def _previewed(self, item: QListWidgetItem | None, _previous: object = None) -> None:
        if item is not None:  # arrowing through results previews; it is not history
            self.show_article(str(item.data(Qt.ItemDataRole.UserRole)), remember=False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search
            and isinstance(event, QKeyEvent)
            and (event.type() == QEvent.Type.KeyPress)
        ):
            key = event.key()
            if key == Qt.Key.Key_Down and self.results.count():
                self.results.setFocus(Qt.FocusReason.TabFocusReason)
                self.results.setCurrentRow(0)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.results.count():
                self.results.setCurrentRow(0)
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return super().eventFilter(watched, event)

    # -- links -------------------------------------------------------------

    def _link(self, url: QUrl) -> None:
        if url.scheme() == "help":
            target = url.path() or url.toString().removeprefix("help:")
            if target in self.library.ids:
                self.show_article(target)
                self.view.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if url.scheme() in ("https", "http", "mailto", "tel"):
            self._open_external(url)

    def _open_external(self, url: QUrl) -> None:
        """The user's browser, dialler or mail program — never inside the app."""
        self.open_url(url)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.report.leave()
        super().closeEvent(event)
