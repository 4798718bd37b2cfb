#include <QPushButton>
#include <QtTest>

#include "CrashBanner.h"
#include "FakeBackend.h"

using namespace archy;
using namespace archy::test;

class TestCrashBanner final : public QObject
{
    Q_OBJECT

private slots:
    void crashIsUnmistakable();
    void cleanStartIsCalm();
    void acknowledgeGoesThroughBackend();
    void staysAlarmingUntilBackendConfirms();
    void acknowledgedReportIsCalm();
    void resetSwitchesState();
    void snapshotWarningShown();
};

void TestCrashBanner::crashIsUnmistakable()
{
    FakeBackend backend;
    backend.setReport(makeCrashReport());
    CrashBanner banner;
    banner.setBackend(&backend);
    banner.show();
    QVERIFY(QTest::qWaitForWindowExposed(&banner));

    QVERIFY(banner.isAlarming());
    QCOMPARE(banner.property("alarm").toBool(), true);
    QVERIFY(banner.acknowledgeButton()->isVisible());
    QVERIFY(banner.acknowledgeButton()->isEnabled());
    QVERIFY(!banner.acknowledgeButton()->accessibleName().isEmpty());
    QVERIFY(banner.details().contains(makeCrashReport().crashInfo.reason));
    QVERIFY(banner.details().contains(QLatin1String("4"))); // containers running before
    QVERIFY(banner.title() != CrashBanner::tr("Clean start"));
    // Red, whatever the desktop theme.
    const QColor background = banner.palette().color(QPalette::Window);
    QVERIFY(background.red() > 150 && background.green() < 80 && background.blue() < 80);
    const QImage shot = banner.grab().toImage();
    const QColor pixel = shot.pixelColor(shot.width() / 2, 3);
    QVERIFY2(pixel.red() > 150 && pixel.green() < 80, qPrintable(pixel.name()));
}

void TestCrashBanner::cleanStartIsCalm()
{
    FakeBackend backend;
    backend.setReport(makeCleanReport());
    CrashBanner banner;
    banner.setBackend(&backend);
    banner.show();
    QVERIFY(QTest::qWaitForWindowExposed(&banner));
    QVERIFY(!banner.isAlarming());
    QCOMPARE(banner.title(), CrashBanner::tr("Clean start"));
    QVERIFY(!banner.acknowledgeButton()->isVisible());
    // Calm follows the system palette.
    QCOMPARE(banner.palette().color(QPalette::Window), QApplication::palette().color(QPalette::Window));
}

void TestCrashBanner::acknowledgeGoesThroughBackend()
{
    FakeBackend backend;
    backend.setReport(makeCrashReport());
    CrashBanner banner;
    banner.setBackend(&backend);
    banner.show();
    QVERIFY(QTest::qWaitForWindowExposed(&banner));

    QTest::mouseClick(banner.acknowledgeButton(), Qt::LeftButton);
    QCOMPARE(backend.acknowledgeCount, 1);
    QVERIFY(!banner.isAlarming());
    QVERIFY(!banner.acknowledgeButton()->isVisible());
    QCOMPARE(banner.title(), CrashBanner::tr("Crash seen; everything is back"));
    QCOMPARE(banner.property("alarm").toBool(), false);
}

void TestCrashBanner::staysAlarmingUntilBackendConfirms()
{
    FakeBackend backend;
    backend.confirmAcknowledge = false;
    backend.setReport(makeCrashReport());
    CrashBanner banner;
    banner.setBackend(&backend);
    banner.show();
    QVERIFY(QTest::qWaitForWindowExposed(&banner));

    QTest::mouseClick(banner.acknowledgeButton(), Qt::LeftButton);
    QCOMPARE(backend.acknowledgeCount, 1);
    QVERIFY(banner.isAlarming());
    QVERIFY(!banner.acknowledgeButton()->isEnabled()); // no double send

    // The backend could not store it: allow another try.
    emit backend.errorOccurred(QStringLiteral("disk full"));
    QVERIFY(banner.acknowledgeButton()->isEnabled());

    emit backend.crashAcknowledged();
    QVERIFY(!banner.isAlarming());
}

void TestCrashBanner::acknowledgedReportIsCalm()
{
    FakeBackend backend;
    RecoveryReport report = makeCrashReport();
    report.acknowledged = true; // remembered by the backend from an earlier session
    backend.setReport(report);
    CrashBanner banner;
    banner.setBackend(&backend);
    QVERIFY(!banner.isAlarming());
    QCOMPARE(banner.title(), CrashBanner::tr("Crash seen; everything is back"));
}

void TestCrashBanner::resetSwitchesState()
{
    FakeBackend backend;
    backend.setReport(makeCleanReport());
    CrashBanner banner;
    banner.setBackend(&backend);
    QVERIFY(!banner.isAlarming());
    backend.resetTo(makeCrashReport());
    QVERIFY(banner.isAlarming());
    emit backend.reportFinished(makeCleanReport());
    QVERIFY(!banner.isAlarming());
}

void TestCrashBanner::snapshotWarningShown()
{
    FakeBackend backend;
    RecoveryReport report = makeCrashReport();
    report.crashInfo.snapshotWarning = QStringLiteral("snapshot corrupt, using podman ps");
    backend.setReport(report);
    CrashBanner banner;
    banner.setBackend(&backend);
    QVERIFY(banner.details().contains(QStringLiteral("snapshot corrupt, using podman ps")));
    // Also in the calm state: the warning is about data, not about the crash.
    backend.resetTo([&] {
        auto r = makeCleanReport();
        r.crashInfo.snapshotWarning = QStringLiteral("w!");
        return r;
    }());
    QVERIFY(banner.details().contains(QStringLiteral("w!")));
}

QTEST_MAIN(TestCrashBanner)
#include "tst_crashbanner.moc"
