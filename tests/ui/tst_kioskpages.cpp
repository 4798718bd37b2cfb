// The owner's failure journey on the 800x480 kiosk, by mouse events only (a finger has no keys):
// tap the failed row, read its details, go Back; node information and history the same way.

#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScreen>
#include <QtTest>

#include "ContainerModel.h"
#include "ContainerView.h"
#include "DetailsPage.h"
#include "FakeBackend.h"
#include "HistoryView.h"
#include "DesktopWindow.h"
#include "KioskWindow.h"
#include "MainWindow.h"
#include "NodeInfoPage.h"
#include "recovery/FleetTypes.h"

using namespace archy;
using namespace archy::test;

namespace {

FleetEntry entry(const QString &name, FleetState state, const QString &error = {})
{
    FleetEntry e;
    e.status.name = name;
    e.status.image = QStringLiteral("localhost/%1:latest").arg(name);
    e.status.error = error;
    e.status.attempts = error.isEmpty() ? 0 : 1;
    e.status.state = isProblem(state) ? ContainerState::Failed : ContainerState::Running;
    e.state = state;
    e.inRun = !error.isEmpty();
    return e;
}

const char lndError[] =
    "Error: unable to start container \"ed8fa45d\": runc: runc create failed: unable to start "
    "container process: exec: \"/entrypoint.sh\": stat /entrypoint.sh: no such file or "
    "directory: OCI runtime attempted to invoke a command that was not found";

/// A press and a release with no key and no keyboard focus involved.
void tap(QWidget *widget, QPoint where = {})
{
    QVERIFY(widget->isVisible());
    QTest::mouseClick(widget, Qt::LeftButton, Qt::NoModifier,
                      where.isNull() ? widget->rect().center() : where);
}

} // namespace

class TestKioskPages final : public QObject
{
    Q_OBJECT

private slots:
    void detailsAndBackByTapOnly();
    void nodeInfoAndHistoryHaveBack();
    void longNameNeverSqueezesTheStatus();
    void cleanBootListsEveryRunningService();
    void podmanBrokenIsOneBanner();
};

void TestKioskPages::detailsAndBackByTapOnly()
{
    FakeBackend backend;
    backend.logLines = {QStringLiteral("starting lnd"), QStringLiteral("fatal: no entrypoint")};
    Fleet fleet;
    fleet.listed = true;
    fleet.containers = {entry(QStringLiteral("mempool-web"), FleetState::Running),
                        entry(QStringLiteral("lnd"), FleetState::Failed, QString::fromLatin1(lndError)),
                        entry(QStringLiteral("electrs"), FleetState::Running)};
    backend.setFleet(fleet);
    KioskWindow window(&backend);
    window.setGeometry(0, 0, 800, 480);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.containerModel()->flush();

    ContainerView *view = window.containerView();
    // Problems first: the failed service is the first row, whatever order the backend gave.
    QCOMPARE(window.containerModel()->index(0, 0).data(ContainerModel::NameRole).toString(),
             QStringLiteral("lnd"));
    const QRect row = view->visualRect(window.containerModel()->index(0, ContainerModel::Progress));
    QVERIFY(row.isValid());
    tap(view->viewport(), row.center());

    QTRY_VERIFY(window.containerDetails());
    DetailsPage *details = window.containerDetails();
    QCOMPARE(details->containerName(), QStringLiteral("lnd"));
    // A page of the one window, never a top-level window that could leave the screen.
    QVERIFY(!details->isWindow());
    // Fits the 7-inch screen: nothing on the page needs more than 480 px (the Xvfb run of
    // scripts/kiosk-real-podman.sh checks the real window geometry).
    QVERIFY(details->minimumSizeHint().height() <= 480);
    QVERIFY(details->causeLabel()->text().contains(QLatin1String("program it starts is missing")));
    QVERIFY(details->errorLabel()->text().contains(QLatin1String("entrypoint.sh")));
    QCOMPARE(backend.logsRequested, QStringList{QStringLiteral("lnd")});
    QVERIFY(details->logView()->toPlainText().contains(QLatin1String("fatal: no entrypoint")));
    QVERIFY(details->retryButton()->isVisible());
    QPushButton *back = details->backButton();
    QVERIFY(back->height() >= 48);
    QVERIFY(window.rect().contains(QRect(back->mapTo(&window, QPoint(0, 0)), back->size())));

    // Retry by tap: sent once, back on the overview.
    tap(details->retryButton());
    QCOMPARE(backend.retried, QStringList{QStringLiteral("lnd")});
    QTRY_VERIFY(!window.containerDetails());

    // Again, and this time Back.
    tap(view->viewport(), view->visualRect(window.containerModel()->index(1, ContainerModel::Name)).center());
    QTRY_VERIFY(window.containerDetails());
    tap(window.containerDetails()->backButton());
    QTRY_VERIFY(!window.containerDetails());
    QVERIFY(view->isVisible());
}

void TestKioskPages::nodeInfoAndHistoryHaveBack()
{
    FakeBackend backend;
    NodeIdentity identity;
    identity.name = QStringLiteral("archy-node");
    identity.listenAddress = QStringLiteral("wss://0.0.0.0:8443");
    identity.fingerprint = QStringLiteral("AB:CD:EF");
    backend.setIdentity(identity);
    KioskWindow window(&backend);
    window.setGeometry(0, 0, 800, 480);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.nodeLabel()->text().contains(QLatin1String("archy-node")));

    tap(window.nodeButton());
    QTRY_VERIFY(window.isNodeInfoShown());
    const QString info = window.nodeInfoPage()->infoLabel()->text();
    QVERIFY(info.contains(QLatin1String("8443")));
    QVERIFY(info.contains(QLatin1String("AB")));
    QVERIFY(window.nodeInfoPage()->backButton()->height() >= 48);
    tap(window.nodeInfoPage()->backButton());
    QTRY_VERIFY(!window.isNodeInfoShown());

    tap(window.historyButton());
    QTRY_VERIFY(window.isHistoryShown());
    auto *close = window.historyView()->findChild<QPushButton *>(QStringLiteral("historyCloseButton"));
    QVERIFY(close);
    QVERIFY(close->height() >= 48);
    tap(close);
    QTRY_VERIFY(!window.isHistoryShown());
}

void TestKioskPages::longNameNeverSqueezesTheStatus()
{
    FakeBackend backend;
    Fleet fleet;
    fleet.listed = true;
    fleet.containers = {entry(QStringLiteral("a-container-name-of-fifty-one-characters-long-enough"),
                              FleetState::CrashLoop, QStringLiteral("boom")),
                        entry(QStringLiteral("db"), FleetState::StoppedByOwner)};
    backend.setFleet(fleet);
    KioskWindow window(&backend);
    window.setGeometry(0, 0, 800, 480);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.containerModel()->flush();
    ContainerView *view = window.containerView();
    const QFontMetrics metrics(view->font());
    for (const QString &word : {QStringLiteral("Crash loop"), QStringLiteral("Stopped by owner")})
        QVERIFY2(view->columnWidth(ContainerModel::Progress) >= metrics.horizontalAdvance(word) + 16,
                 qPrintable(word));
    QVERIFY(view->columnWidth(ContainerModel::Progress) >= view->statusMinWidth());
}

void TestKioskPages::cleanBootListsEveryRunningService()
{
    FakeBackend backend;
    RecoveryReport report;
    report.id = QStringLiteral("clean");
    backend.setReport(report); // a clean start acted on nothing
    Fleet fleet;
    fleet.listed = true;
    for (int i = 1; i <= 8; ++i)
        fleet.containers.append(entry(QStringLiteral("svc-%1").arg(i), FleetState::Running));
    backend.setFleet(fleet);
    KioskWindow window(&backend);
    window.containerModel()->flush();
    QCOMPARE(window.containerModel()->rowCount(), 8);
    QCOMPARE(window.containerModel()->recoveredCount(), 8);
    QVERIFY(window.summaryLabel()->text().contains(QLatin1String("8")));
    QVERIFY(!window.summaryLabel()->text().contains(QLatin1String("No ")));
}

void TestKioskPages::podmanBrokenIsOneBanner()
{
    FakeBackend backend;
    Fleet fleet;
    fleet.podmanProblem = QStringLiteral("Error: database is locked: storage broken");
    backend.setFleet(fleet);
    KioskWindow window(&backend);
    window.resize(800, 480);
    window.show();
    window.containerModel()->flush();
    QTRY_VERIFY(window.podmanBanner()->isVisible());
    QVERIFY(window.podmanBanner()->text().contains(QLatin1String("Podman is not working")));
}

QTEST_MAIN(TestKioskPages)
#include "tst_kioskpages.moc"
