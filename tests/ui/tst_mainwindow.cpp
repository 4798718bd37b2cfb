#include <QAction>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QStatusBar>
#include <QScopeGuard>
#include <QScreen>
#include <QStyleOptionButton>
#include <QTemporaryDir>
#include <QToolBar>
#include <QTranslator>
#include <QTreeWidget>
#include <QtTest>

#include "ConnectionBanner.h"
#include "ContainerModel.h"
#include "ContainerView.h"
#include "CrashBanner.h"
#include "NodeList.h"
#include "FakeBackend.h"
#include "HistoryView.h"
#include "DetailsPage.h"
#include "DesktopWindow.h"
#include "KioskWindow.h"
#include "MainWindow.h"
#include "NodeInfoPage.h"
#include "StatusText.h"
#include "TextWrap.h"

using namespace archy;
using namespace archy::test;

class TestMainWindow final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void kioskIsFullScreenAndFrameless();
    void kioskCoversScreen();
    void buttonTextsFit_data();
    void buttonTextsFit();
    void crashLoopShownDistinctly();
    void kioskTouchTargets_data();
    void kioskTouchTargets();
    void kioskQuitNeedsConfirmation();
    void kioskQuitCanBeCancelled();
    void desktopHasMenuToolbarAndShortcuts();
    void desktopFollowsSystemPalette();
    void desktopRemembersGeometry();
    void retryAllFailed();
    void historyPage();
    void kioskTapShowsFullError();
    void summaryAndErrors();
    void accessibleNames();
    void connectionStatesShown_data();
    void connectionStatesShown();
    void reconnectReloadsEverything();
    void setBackendSwitches();
    void endpointInfoWrapsOnKiosk();
    void endpointInfoInAbout();
    void desktopTabOrderFollowsScreen();
    void connectWindowNamesTheRemoteNode();

private:
    QTemporaryDir m_settingsDir;
};

void TestMainWindow::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    // Keep the tests away from the user's real settings.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestMainWindow::kioskIsFullScreenAndFrameless()
{
    FakeBackend backend;
    backend.setReport(makeCrashReport());
    KioskWindow window(&backend);
    window.showForMode();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.isFullScreen());
    QVERIFY(window.windowFlags().testFlag(Qt::FramelessWindowHint));
    QVERIFY(!window.menuBar()->isVisible());
    QVERIFY(window.findChildren<QToolBar *>().isEmpty());
    QVERIFY(window.crashBanner()->isAlarming());
}

void TestMainWindow::kioskCoversScreen()
{
    // No window manager acts on the full-screen request under a bare X server; the window must
    // take the screen's geometry itself (the offscreen platform behaves the same way).
    FakeBackend backend;
    backend.setReport(makeCrashReport());
    KioskWindow window(&backend);
    window.showForMode();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QScreen *screen = window.screen();
    QVERIFY(screen);
    QTRY_COMPARE(window.geometry(), screen->geometry());

    // Something shrinks it (a stray configure): it is put back on the next screen change.
    window.setGeometry(0, 0, 400, 300);
    QTRY_VERIFY(window.geometry() != screen->geometry());
    emit screen->geometryChanged(screen->geometry());
    QTRY_COMPARE(window.geometry(), screen->geometry());
}

void TestMainWindow::buttonTextsFit_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QSize>("size");
    QTest::addColumn<bool>("kiosk");
    for (const char *language : {"en", "de", "es"}) {
        QTest::addRow("%s kiosk 800x480", language)
            << QString::fromLatin1(language) << QSize(800, 480) << true;
        QTest::addRow("%s kiosk 1920x1080", language)
            << QString::fromLatin1(language) << QSize(1920, 1080) << true;
        QTest::addRow("%s desktop 1280x800", language)
            << QString::fromLatin1(language) << QSize(1280, 800) << false;
    }
}

void TestMainWindow::buttonTextsFit()
{
    QFETCH(QString, language);
    QFETCH(QSize, size);
    QFETCH(bool, kiosk);
    QTranslator translator;
    if (language != QLatin1String("en")) {
        const QString qm = QStringLiteral(ARCHY_QM_DIR "/archy-recovery_%1.qm").arg(language);
        QVERIFY2(translator.load(qm), qPrintable(qm));
        QCoreApplication::installTranslator(&translator);
    }
    const auto removeTranslator = qScopeGuard([&] { QCoreApplication::removeTranslator(&translator); });

    FakeBackend backend;
    RecoveryReport report = makeCrashReport();
    // The long, real-world wording of the engine, not the short one of the fixture.
    report.crashInfo.reason =
        QStringLiteral("The previous run (pid 999999999) ended without a clean shutdown.");
    ContainerStatus loop = makeStatus(QStringLiteral("nbxplorer"), ContainerState::Failed,
                                      QStringLiteral("Keeps stopping within a minute of being started"), 3);
    loop.crashLoop = true;
    report.containers.append(loop);
    backend.setReport(report);
    const std::unique_ptr<MainWindow> ownedWindow =
        MainWindow::create(&backend, kiosk ? WindowMode::Kiosk : WindowMode::Desktop);
    MainWindow &window = *ownedWindow;
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    const QSize minimum = window.minimumSizeHint();
    QVERIFY2(minimum.width() <= size.width() && minimum.height() <= size.height(),
             qPrintable(QStringLiteral("minimum %1x%2").arg(minimum.width()).arg(minimum.height())));
    QTRY_COMPARE(window.size(), size);

    int checked = 0;
    for (QPushButton *button : window.findChildren<QPushButton *>()) {
        if (!button->isVisibleTo(&window) || button->text().isEmpty())
            continue;
        ++checked;
        // The room the style leaves for the label, style sheet padding and border included.
        QStyleOptionButton option;
        option.initFrom(button);
        option.text = button->text();
        option.icon = button->icon();
        option.iconSize = button->iconSize();
        const QRect contents =
            button->style()->subElementRect(QStyle::SE_PushButtonContents, &option, button);
        const int iconWidth = button->icon().isNull() ? 0 : button->iconSize().width() + 4;
        const int needed = QFontMetrics(button->font()).horizontalAdvance(button->text()) + iconWidth;
        QVERIFY2(contents.width() >= needed, qPrintable(QStringLiteral("%1 \"%2\": %3 < %4")
                                                            .arg(button->objectName(), button->text())
                                                            .arg(contents.width())
                                                            .arg(needed)));
        // Row buttons may be scrolled away; the others must lie inside the window.
        if (button->parentWidget() == window.containerView()->viewport())
            continue;
        const QRect r(button->mapTo(&window, QPoint(0, 0)), button->size());
        QVERIFY2(window.rect().contains(r), qPrintable(button->objectName()));
    }
    QVERIFY(checked >= (kiosk ? 5 : 3));
}

void TestMainWindow::crashLoopShownDistinctly()
{
    FakeBackend backend;
    backend.setReport(makeCrashReport());
    backend.setDataDir(QStringLiteral("/var/lib/archy-recovery"));
    DesktopWindow window(&backend);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    ContainerStatus loop = makeStatus(QStringLiteral("electrs"), ContainerState::Failed,
                                      QStringLiteral("Keeps stopping within a minute of being started"), 1);
    loop.crashLoop = true;
    backend.change(loop);
    emit backend.crashLoopDetected(loop.name);

    ContainerModel *model = window.containerModel();
    const int row = model->rowOf(loop.name);
    QCOMPARE(model->index(row, ContainerModel::State).data().toString(), ContainerModel::tr("Crash loop"));
    QVERIFY(model->index(row, ContainerModel::Progress)
                .data(ContainerModel::BarTextRole)
                .toString()
                .startsWith(StatusText::tr("Crash loop")));
    // Still retryable once fixed.
    QPushButton *retry = window.containerView()->retryButton(loop.name);
    QVERIFY(retry);
    QVERIFY(retry->isEnabled());
    QVERIFY(window.statusBar()->currentMessage().contains(loop.name));

    // The details say it too, and show the note.
    loop.note = QStringLiteral("Was already running.");
    backend.change(loop);
    window.containerModel()->flush();
    window.showContainerDetails(model->index(model->rowOf(loop.name), ContainerModel::Name));
    DetailsPage *details = window.containerDetails();
    QVERIFY(details);
    QVERIFY(details->causeLabel()->text().contains(QLatin1String("keeps stopping")));
    QVERIFY(details->factsLabel()->text().contains(QStringLiteral("Was already running.")));
    window.showRecovery();
}

void TestMainWindow::kioskTouchTargets_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("7-inch 800x480") << QSize(800, 480);
    QTest::newRow("1920x1080") << QSize(1920, 1080);
}

void TestMainWindow::kioskTouchTargets()
{
    QFETCH(QSize, size);
    FakeBackend backend;
    backend.setReport(makeCrashReport());
    KioskWindow window(&backend);
    window.resize(size);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.size(), size);
    QVERIFY(window.touchSize() >= 48);

    // Everything fits: the layout's minimum is within the screen.
    const QSize minimum = window.minimumSizeHint();
    QVERIFY2(minimum.width() <= size.width() && minimum.height() <= size.height(),
             qPrintable(QStringLiteral("%1x%2").arg(minimum.width()).arg(minimum.height())));

    // Every visible button is a real touch target and lies inside the window.
    const auto buttons = window.findChildren<QPushButton *>();
    int visible = 0;
    for (QPushButton *button : buttons) {
        if (!button->isVisibleTo(&window))
            continue;
        ++visible;
        QVERIFY2(button->height() >= 48, qPrintable(button->objectName()));
        QVERIFY2(button->width() >= 48, qPrintable(button->objectName()));
        const QRect r(button->mapTo(&window, QPoint(0, 0)), button->size());
        QVERIFY2(window.rect().contains(r), qPrintable(button->objectName()));
        QVERIFY2(!button->accessibleName().isEmpty(), qPrintable(button->objectName()));
    }
    QVERIFY(visible >= 5); // acknowledge, retry row, retry all, history, quit

    // Readable at arm's length.
    QVERIFY(window.font().pixelSize() >= 20);
    QVERIFY(window.containerView()->rowHeight(0) >= 48);
    QVERIFY(window.containerView()->isColumnHidden(ContainerModel::Image));
    // The failed row is on screen with its button, not scrolled away.
    QPushButton *retry = window.containerView()->retryButton(QStringLiteral("lnd"));
    QVERIFY(retry);
    QVERIFY(window.containerView()->viewport()->rect().contains(
        QRect(retry->mapTo(window.containerView()->viewport(), QPoint(0, 0)), retry->size())));
    // Its label is not clipped: the column is wide enough for text, icon and padding.
    QVERIFY(retry->width() >= retry->sizeHint().width());
}

void TestMainWindow::kioskQuitNeedsConfirmation()
{
    FakeBackend backend;
    backend.setReport(makeCrashReport());
    KioskWindow window(&backend);
    window.resize(800, 480);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto *quit = window.findChild<QPushButton *>(QStringLiteral("quitButton"));
    QVERIFY(quit);
    QTest::mouseClick(quit, Qt::LeftButton);
    QVERIFY(window.isVisible()); // not yet
    QMessageBox *box = window.quitConfirmation();
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    auto *confirm = box->findChild<QPushButton *>(QStringLiteral("confirmQuitButton"));
    QVERIFY(confirm);
    QVERIFY(confirm->height() >= 48);

    // A stray close (Alt+F4) is turned into the same question.
    QVERIFY(!window.close());
    QVERIFY(window.isVisible());

    QTest::mouseClick(confirm, Qt::LeftButton);
    QTRY_VERIFY(!window.isVisible());
}

void TestMainWindow::kioskQuitCanBeCancelled()
{
    FakeBackend backend;
    KioskWindow window(&backend);
    window.resize(800, 480);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.requestQuit();
    QPointer<QMessageBox> box = window.quitConfirmation();
    QTRY_VERIFY(box && box->isVisible());
    QTest::mouseClick(box->findChild<QPushButton *>(QStringLiteral("cancelQuitButton")), Qt::LeftButton);
    QTRY_VERIFY(!box);
    QVERIFY(window.isVisible());
}

void TestMainWindow::desktopHasMenuToolbarAndShortcuts()
{
    FakeBackend backend;
    backend.setReport(makeCrashReport());
    DesktopWindow window(&backend);
    window.showForMode();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.isFullScreen());
    QVERIFY(!window.windowFlags().testFlag(Qt::FramelessWindowHint));
    QCOMPARE(window.menuBar()->actions().size(), 4); // File, Recovery, View, Help
    auto *toolBar = window.findChild<QToolBar *>(QStringLiteral("mainToolBar"));
    QVERIFY(toolBar);
    QStringList toolNames;
    for (QAction *a : toolBar->actions())
        toolNames << a->objectName();
    QVERIFY(toolNames.contains(QStringLiteral("retryAllAction")));
    QVERIFY(toolNames.contains(QStringLiteral("historyAction")));
    QVERIFY(toolNames.contains(QStringLiteral("quitAction")));

    // Shortcuts go to the active window only.
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));

    QTest::keyClick(&window, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(backend.retryAllCount, 1);
    QTest::keyClick(&window, Qt::Key_H, Qt::ControlModifier);
    QVERIFY(window.isHistoryShown());
    QCOMPARE(backend.historyRequests, 1);
    QTest::keyClick(window.historyView(), Qt::Key_Escape);
    QVERIFY(!window.isHistoryShown());
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    QCOMPARE(backend.acknowledgeCount, 1);

    // Desktop quit does not ask.
    QTest::keyClick(&window, Qt::Key_Q, Qt::ControlModifier);
    QTRY_VERIFY(!window.isVisible());
}

void TestMainWindow::desktopFollowsSystemPalette()
{
    FakeBackend backend;
    backend.setReport(makeCleanReport());
    DesktopWindow window(&backend);
    QVERIFY(window.styleSheet().isEmpty());
    QPalette dark = QApplication::palette();
    dark.setColor(QPalette::Window, QColor(0x20, 0x20, 0x20));
    dark.setColor(QPalette::Base, QColor(0x10, 0x10, 0x10));
    QApplication::setPalette(dark);
    QTRY_COMPARE(window.containerView()->palette().color(QPalette::Base), QColor(0x10, 0x10, 0x10));
    QTRY_COMPARE(window.crashBanner()->palette().color(QPalette::Window), QColor(0x20, 0x20, 0x20));
    QApplication::setPalette(QPalette());
}

void TestMainWindow::desktopRemembersGeometry()
{
    // A size the screen holds with room to spare (and not the default): since Qt 6.8
    // restoreGeometry() shrinks a window wider than its screen, and the offscreen screen is small.
    const QScreen *screen = QGuiApplication::primaryScreen();
    QVERIFY(screen);
    const QSize wanted(screen->availableGeometry().width() * 3 / 4 + 1,
                       screen->availableGeometry().height() * 3 / 4 + 1);
    FakeBackend backend;
    {
        DesktopWindow window(&backend);
        window.showForMode();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.size() != wanted);
        window.resize(wanted);
        QTRY_COMPARE(window.size(), wanted);
        window.close();
    }
    QSettings s(QStringLiteral("Archipelago"), QStringLiteral("archy-recovery"));
    QVERIFY(!s.value(QStringLiteral("mainWindow/geometry")).toByteArray().isEmpty());
    DesktopWindow again(&backend);
    again.showForMode();
    QVERIFY(QTest::qWaitForWindowExposed(&again));
    QCOMPARE(again.size(), wanted);
}

void TestMainWindow::retryAllFailed()
{
    FakeBackend backend;
    RecoveryReport report = makeCrashReport();
    report.containers.append(
        makeStatus(QStringLiteral("nbxplorer"), ContainerState::Failed, QStringLiteral("e")));
    backend.setReport(report);
    DesktopWindow window(&backend);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.retryAllButton()->isEnabled());
    QTest::mouseClick(window.retryAllButton(), Qt::LeftButton);
    QCOMPARE(backend.retryAllCount, 1);
    // In flight: no second request, row buttons disabled too.
    QVERIFY(!window.retryAllButton()->isEnabled());
    QVERIFY(!window.containerView()->retryButton(QStringLiteral("lnd"))->isEnabled());
    QVERIFY(!window.containerView()->retryButton(QStringLiteral("nbxplorer"))->isEnabled());

    backend.change(makeStatus(QStringLiteral("lnd"), ContainerState::Running, {}, 2));
    backend.change(makeStatus(QStringLiteral("nbxplorer"), ContainerState::Failed, QStringLiteral("e"), 2));
    window.containerModel()->flush(); // the second change of a burst waits for the batch
    QVERIFY(window.retryAllButton()->isEnabled());
    QVERIFY(!window.containerView()->retryButton(QStringLiteral("lnd")));

    backend.change(makeStatus(QStringLiteral("nbxplorer"), ContainerState::Running, {}, 3));
    window.containerModel()->flush();
    QVERIFY(!window.retryAllButton()->isEnabled()); // nothing left to retry
}

void TestMainWindow::historyPage()
{
    FakeBackend backend;
    KioskWindow window(&backend);
    window.resize(800, 480);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("historyButton")), Qt::LeftButton);
    QVERIFY(window.isHistoryShown());
    QCOMPARE(backend.historyRequests, 1);
    emit backend.historyLoaded({makeCrashReport(), makeCleanReport()});
    QCOMPARE(window.historyView()->reportList()->topLevelItemCount(), 2);
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("historyCloseButton")), Qt::LeftButton);
    QVERIFY(!window.isHistoryShown());
}

void TestMainWindow::kioskTapShowsFullError()
{
    FakeBackend backend;
    backend.setReport(makeCrashReport());
    KioskWindow window(&backend);
    window.resize(800, 480);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ContainerView *view = window.containerView();
    const QModelIndex lnd = window.containerModel()->index(
        window.containerModel()->rowOf(QStringLiteral("lnd")), ContainerModel::Progress);
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(lnd).center());
    QTRY_VERIFY(window.containerDetails());
    DetailsPage *details = window.containerDetails();
    QVERIFY(details->errorLabel()->text().contains(QStringLiteral("9735")));
    QCOMPARE(details->errorLabel()->textFormat(), Qt::PlainText);
    QVERIFY(details->backButton()->height() >= 48);
    QTest::mouseClick(details->backButton(), Qt::LeftButton);
    QTRY_VERIFY(!window.containerDetails());
    QVERIFY(backend.retried.isEmpty()); // looking is not retrying
}

void TestMainWindow::summaryAndErrors()
{
    FakeBackend backend;
    backend.setReport(makeCrashReport());
    backend.setDataDir(QStringLiteral("/var/lib/archy-recovery"));
    DesktopWindow window(&backend);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *summary = window.findChild<QLabel *>(QStringLiteral("summaryLabel"));
    QVERIFY(summary->text().contains(QLatin1String("need attention")));
    auto *busy = window.findChild<QLabel *>(QStringLiteral("busyLabel"));
    auto *progress = window.findChild<QProgressBar *>(QStringLiteral("overallProgress"));
    QVERIFY(progress);
    QVERIFY(!busy->isVisible());
    // electrs starts and mempool-web waits: the overall N-of-M bar says "busy" (issue 8), the word
    // is not shown twice.
    QVERIFY(progress->isVisible());
    backend.setBusy(true);
    QVERIFY(!busy->isVisible());
    backend.setBusy(false);
    // Nothing in flight any more: busy (a request being handled) is the word's to say.
    backend.change(makeStatus(QStringLiteral("electrs"), ContainerState::Running, {}, 1));
    backend.change(makeStatus(QStringLiteral("mempool-web"), ContainerState::Running, {}, 1));
    window.containerModel()->flush();
    QVERIFY(!progress->isVisible());
    backend.setBusy(true);
    QVERIFY(busy->isVisible());
    backend.setBusy(false);
    QVERIFY(!busy->isVisible());

    auto *error = window.findChild<QLabel *>(QStringLiteral("errorLabel"));
    QVERIFY(!error->isVisible());
    emit backend.errorOccurred(QStringLiteral("History file is not writable"));
    QVERIFY(error->isVisible());
    QCOMPARE(error->text(), QStringLiteral("History file is not writable"));
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("dismissErrorButton")), Qt::LeftButton);
    QVERIFY(!error->isVisible());
}

void TestMainWindow::accessibleNames()
{
    FakeBackend backend;
    backend.setReport(makeCrashReport());
    for (WindowMode mode : {WindowMode::Desktop, WindowMode::Kiosk}) {
        const std::unique_ptr<MainWindow> ownedWindow = MainWindow::create(&backend, mode);
        MainWindow &window = *ownedWindow;
        window.resize(1000, 700);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        for (QAbstractButton *button : window.findChildren<QPushButton *>()) {
            if (button->isVisibleTo(&window))
                QVERIFY2(!button->accessibleName().isEmpty() || !button->text().isEmpty(),
                         qPrintable(button->objectName()));
        }
        QVERIFY(!window.containerView()->accessibleName().isEmpty());
        QVERIFY(!window.crashBanner()->accessibleName().isEmpty());
        QVERIFY(!window.crashBanner()->accessibleDescription().isEmpty());
        // Keyboard: the table and every button take focus.
        QVERIFY(window.containerView()->focusPolicy() & Qt::TabFocus);
        QVERIFY(window.retryAllButton()->focusPolicy() & Qt::TabFocus);
    }
}

namespace {

using Connection = RecoveryBackend::Connection;

const QString OldPin = QStringLiteral("AB:CD:") + QStringLiteral("00:").repeated(29) + QStringLiteral("EF");
const QString NewPin = QStringLiteral("12:34:") + QStringLiteral("99:").repeated(29) + QStringLiteral("56");

QString changedCertificateDetail()
{
    return QStringLiteral(
               "The agent's certificate CHANGED - refusing to connect to wss://node7.local:8443. Expected "
               "SHA-256 %1 but the server presented %2.")
        .arg(OldPin, NewPin);
}

/// True if @p label shows all of its text: inside the window and tall enough for its wrapped lines.
bool fullyShown(const QLabel *label, const QWidget *window)
{
    const QRect inWindow(label->mapTo(window, QPoint(0, 0)), label->size());
    return label->isVisible() && window->rect().contains(inWindow) &&
           label->heightForWidth(label->width()) <= label->height();
}

} // namespace

void TestMainWindow::connectionStatesShown_data()
{
    QTest::addColumn<bool>("kiosk");
    QTest::newRow("desktop") << false;
    QTest::newRow("kiosk 800x480") << true;
}

void TestMainWindow::connectionStatesShown()
{
    QFETCH(bool, kiosk);
    FakeBackend backend;
    backend.setReport(makeCrashReport());
    const std::unique_ptr<MainWindow> ownedWindow =
        MainWindow::create(&backend, kiosk ? WindowMode::Kiosk : WindowMode::Desktop);
    MainWindow &window = *ownedWindow;
    window.resize(kiosk ? QSize(800, 480) : QSize(1280, 800));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ConnectionBanner *banner = window.connectionBanner();
    QLabel *label = window.connectionLabel();
    QVERIFY(banner);
    QVERIFY(label);

    // In-process: nothing loud; the desktop says "local engine" discreetly.
    QVERIFY(!banner->isVisible());
    QVERIFY(window.commandsEnabled());
    if (kiosk)
        QVERIFY(!label->isVisible());
    else
        QCOMPARE(label->text(), ConnectionBanner::shortText(Connection::InProcess, {}));

    backend.setConnection(Connection::Connecting, QStringLiteral("Connecting to /run/archy/control.sock"));
    QVERIFY(banner->isVisible());
    QVERIFY(banner->title().contains(QLatin1String("Connecting")));
    QVERIFY(!window.commandsEnabled());

    const QString connected = QStringLiteral("Connected to /run/archy/control.sock (agent 0.1.0)");
    backend.setConnection(Connection::Connected, connected);
    QVERIFY(!banner->isVisible());
    QVERIFY(label->isVisible());
    QCOMPARE(withoutBreaks(label->text()), connected);
    QPointer<QPushButton> retry = window.containerView()->retryButton(QStringLiteral("lnd"));
    QVERIFY(retry);
    QVERIFY(retry->isEnabled());
    QVERIFY(window.retryAllButton()->isEnabled());
    QVERIFY(window.crashBanner()->acknowledgeButton()->isEnabled());

    // Lost: the last rows stay, every command is disabled, the banner says why and when.
    const QString lost =
        QStringLiteral("No connection to /run/archy/control.sock (the agent closed the connection); "
                       "trying again in 2.0 s.");
    backend.setConnection(Connection::Reconnecting, lost);
    QVERIFY(banner->isVisible());
    QTRY_VERIFY(fullyShown(banner->detailsLabel(), &window));
    QVERIFY(banner->title().contains(QLatin1String("reconnecting")));
    QVERIFY(withoutBreaks(banner->detailsLabel()->text()).contains(lost));
    QCOMPARE(window.containerModel()->rowCount(), makeCrashReport().containers.size());
    QVERIFY(window.crashBanner()->isVisible());
    QVERIFY(window.crashBanner()->isAlarming());
    retry = window.containerView()->retryButton(QStringLiteral("lnd"));
    QVERIFY(retry);
    QVERIFY(!retry->isEnabled());
    QVERIFY(!window.retryAllButton()->isEnabled());
    QVERIFY(!window.crashBanner()->acknowledgeButton()->isEnabled());
    window.containerView()->requestRetry(QStringLiteral("lnd"));
    window.retryAllFailed();
    QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
    QVERIFY(backend.retried.isEmpty());
    QCOMPARE(backend.retryAllCount, 0);
    QCOMPARE(backend.acknowledgeCount, 0);
    if (!kiosk) {
        QCOMPARE(label->text(), ConnectionBanner::shortText(Connection::Reconnecting, lost));
        QVERIFY(label->font().bold());
    }

    // Refused: red, with both fingerprints readable on the screen.
    backend.setConnection(Connection::Refused, changedCertificateDetail());
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->property("level").toString(), QStringLiteral("refused"));
    const QString shown = withoutBreaks(banner->detailsLabel()->text());
    QVERIFY(shown.contains(OldPin));
    QVERIFY(shown.contains(NewPin));
    QTRY_VERIFY2(fullyShown(banner->detailsLabel(), &window),
                 qPrintable(QStringLiteral("%1x%2")
                                .arg(banner->detailsLabel()->width())
                                .arg(banner->detailsLabel()->height())));
    QVERIFY(!window.retryAllButton()->isEnabled());
    if (!kiosk) {
        QCOMPARE(label->text(), ConnectionBanner::shortText(Connection::Refused, {}));
        QVERIFY(withoutBreaks(label->toolTip()).contains(NewPin));
    }

    backend.setConnection(Connection::Connected, connected);
    QVERIFY(!banner->isVisible());
    QVERIFY(window.commandsEnabled());
    retry = window.containerView()->retryButton(QStringLiteral("lnd"));
    QVERIFY(retry && retry->isEnabled());
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(backend.retried, QStringList{QStringLiteral("lnd")});
}

void TestMainWindow::reconnectReloadsEverything()
{
    FakeBackend backend;
    backend.presetConnection(Connection::Connected, QStringLiteral("Connected to x"));
    backend.setReport(makeCrashReport());
    DesktopWindow window(&backend);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.crashBanner()->isAlarming());

    backend.setConnection(Connection::Reconnecting, QStringLiteral("lost"));
    // Meanwhile on the agent: someone acknowledged, bitcoind is the only container left.
    RecoveryReport after = makeCleanReport();
    backend.setConnection(Connection::Connected, QStringLiteral("Connected to x"));
    backend.resetTo(after);
    window.containerModel()->flush(); // the reset came within the batch of the reconnect
    QCOMPARE(window.containerModel()->rowCount(), 1);
    QVERIFY(!window.crashBanner()->isAlarming());
    QVERIFY(window.containerView()->retryButton(QStringLiteral("lnd")) == nullptr);
    // Issue 8's headline: a clean boot with everything up, in words, not "1 of 1 recovered".
    QCOMPARE(window.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text(),
             StatusText::tr("All %n services are running", nullptr, 1));
}

void TestMainWindow::setBackendSwitches()
{
    FakeBackend first;
    first.setReport(makeCrashReport());
    FakeBackend second;
    second.presetConnection(Connection::Refused, changedCertificateDetail());
    DesktopWindow window(&first);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    emit first.errorOccurred(QStringLiteral("history unwritable"));
    QVERIFY(window.findChild<QWidget *>(QStringLiteral("errorBar"))->isVisible());

    // A refused node without any state: no rows, no made-up "clean start", the refusal in red.
    window.setBackend(&second);
    QCOMPARE(window.backend(), &second);
    QCOMPARE(window.containerModel()->rowCount(), 0);
    QVERIFY(!window.crashBanner()->isVisible());
    QVERIFY(window.connectionBanner()->isVisible());
    QVERIFY(withoutBreaks(window.connectionBanner()->detailsLabel()->text()).contains(NewPin));
    QVERIFY(!window.findChild<QWidget *>(QStringLiteral("errorBar"))->isVisible());

    // The old backend is no longer followed.
    first.change(makeStatus(QStringLiteral("zzz"), ContainerState::Running));
    emit first.busyChanged(true);
    QCOMPARE(window.containerModel()->rowCount(), 0);
    QVERIFY(!window.findChild<QLabel *>(QStringLiteral("busyLabel"))->isVisible());

    second.setReport(makeCleanReport());
    second.setConnection(Connection::Connected, QStringLiteral("Connected to wss://node7.local:8443"));
    second.resetTo(makeCleanReport());
    QCOMPARE(window.containerModel()->rowCount(), 1);
    QVERIFY(window.crashBanner()->isVisible());
    QVERIFY(!window.crashBanner()->isAlarming());
    QVERIFY(!window.connectionBanner()->isVisible());

    // And back: the first backend's rows, banner and retries, its retry reaching it alone.
    window.setBackend(&first);
    QCOMPARE(window.containerModel()->rowCount(), first.currentReport().containers.size());
    QVERIFY(window.crashBanner()->isAlarming());
    QVERIFY(!window.connectionBanner()->isVisible());
    QPushButton *retry = window.containerView()->retryButton(QStringLiteral("lnd"));
    QVERIFY(retry && retry->isEnabled());
    QTest::mouseClick(retry, Qt::LeftButton);
    QCOMPARE(first.retried, QStringList{QStringLiteral("lnd")});
    QVERIFY(second.retried.isEmpty());

    // The history follows too.
    window.showHistory();
    QCOMPARE(first.historyRequests, 1);
    window.setBackend(&second);
    QCOMPARE(second.historyRequests, 1);
    QVERIFY(window.historyView()->reports().isEmpty());
}

void TestMainWindow::endpointInfoWrapsOnKiosk()
{
    FakeBackend backend;
    backend.setReport(makeCrashReport());
    KioskWindow window(&backend);
    window.resize(800, 480);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString fingerprint =
        QStringLiteral("AB:CD:") + QStringLiteral("5E:").repeated(29) + QStringLiteral("F0");
    const QString info = QStringLiteral("LAN: wss://0.0.0.0:8443 · certificate SHA-256 ") + fingerprint;
    window.setEndpointInfo(info);
    QCOMPARE(window.endpointInfo(), info);

    // Issue 8: where the agent listens and its fingerprint are on the node page, reached by a tap.
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("nodeButton")), Qt::LeftButton);
    NodeInfoPage *page = window.nodeInfoPage();
    QTRY_VERIFY(page->isVisible());
    QLabel *label = page->infoLabel();
    QTRY_VERIFY(label->isVisible());
    QVERIFY(withoutBreaks(label->text()).contains(info));
    // Wrapped, not clipped: more than one line, as tall as its text needs, and readable.
    QTRY_VERIFY2(label->heightForWidth(label->width()) <= label->height(),
                 qPrintable(QStringLiteral("%1x%2 needs %3")
                                .arg(label->width())
                                .arg(label->height())
                                .arg(label->heightForWidth(label->width()))));
    QVERIFY(label->height() >= 2 * label->fontMetrics().height());
    QVERIFY(label->font().pixelSize() >= 14 || label->font().pointSizeF() >= 10);
    QVERIFY(label->mapTo(&window, QPoint(label->width(), 0)).x() <= window.width()); // no sideways overflow

    window.setEndpointInfo(QString());
    QVERIFY(!withoutBreaks(label->text()).contains(fingerprint));
    QTest::mouseClick(page->backButton(), Qt::LeftButton);
    QTRY_VERIFY(!page->isVisible());
}

void TestMainWindow::endpointInfoInAbout()
{
    FakeBackend backend;
    DesktopWindow window(&backend);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    const QString info = QStringLiteral("LAN: wss://0.0.0.0:8443 · certificate SHA-256 ") + OldPin;
    window.setEndpointInfo(info);
    QAction *about = window.findChild<QAction *>(QStringLiteral("aboutAction"));
    QVERIFY(about);
    about->trigger();
    QPointer<QMessageBox> box;
    QTRY_VERIFY((box = window.findChild<QMessageBox *>(QStringLiteral("aboutBox"))) && box->isVisible());
    QVERIFY(withoutBreaks(box->informativeText()).contains(info));
    box->close();
}

void TestMainWindow::desktopTabOrderFollowsScreen()
{
    FakeBackend backend;
    backend.setReport(makeCrashReport());
    DesktopWindow window(&backend);
    window.resize(1100, 700);
    window.show();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    emit backend.errorOccurred(QStringLiteral("History file is not writable"));
    QPushButton *acknowledge = window.crashBanner()->acknowledgeButton();
    auto *dismiss = window.findChild<QPushButton *>(QStringLiteral("dismissErrorButton"));
    QVERIFY(acknowledge->isVisible() && acknowledge->isEnabled());
    QVERIFY(dismiss->isVisible());
    QVERIFY(window.retryAllButton()->isEnabled());

    // Tab walks the overview as it is read: top to bottom, the headline's button before the rows.
    acknowledge->setFocus(Qt::TabFocusReason);
    QTRY_COMPARE(QApplication::focusWidget(), acknowledge);
    const QList<QWidget *> expected{dismiss, window.retryAllButton(), window.containerView()};
    int lastTop = acknowledge->mapTo(&window, QPoint(0, 0)).y();
    for (QWidget *next : expected) {
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QWidget *focused = QApplication::focusWidget();
        QVERIFY2(focused == next,
                 qPrintable(QStringLiteral("expected %1, focus on %2")
                                .arg(next->objectName(),
                                     focused ? focused->objectName() : QStringLiteral("nothing"))));
        const int top = focused->mapTo(&window, QPoint(0, 0)).y();
        QVERIFY2(top >= lastTop,
                 qPrintable(QStringLiteral("%1 above the widget before it").arg(next->objectName())));
        lastTop = top;
    }
}

void TestMainWindow::connectWindowNamesTheRemoteNode()
{
    // --connect wss://pantry.local:8443: the window shows another node, never "This node".
    FakeBackend backend;
    backend.presetConnection(RecoveryBackend::Connection::Connected,
                             QStringLiteral("Connected to wss://pantry.local:8443 (agent 0.1.0)"));
    backend.setReport(makeCleanReport());
    const std::unique_ptr<MainWindow> window =
        MainWindow::create(&backend, WindowMode::Desktop, QStringLiteral("pantry.local"));
    auto *desktop = qobject_cast<DesktopWindow *>(window.get());
    QVERIFY(desktop);
    QCOMPARE(desktop->nodeList()->nameAt(0), QStringLiteral("pantry.local"));
    QVERIFY2(window->nodeLabel()->text().contains(QStringLiteral("pantry.local")),
             qPrintable(window->nodeLabel()->text()));
    QVERIFY(window->windowTitle().contains(QStringLiteral("pantry.local")));

    // The local agent's window says nothing of a name it does not know.
    DesktopWindow local(&backend);
    QCOMPARE(local.nodeList()->nameAt(0), QStringLiteral("This node"));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
