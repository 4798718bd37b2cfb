// The Prometheus exposition: what is counted from the backend's signals, how it is written, and
// that promtool (the Prometheus project's own linter) accepts it.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QDateTime>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>

#include "MetricsCollector.h"
#include "OpsTestSupport.h"

using namespace archy;
using namespace archy::test;

namespace {

/// Runs `promtool check metrics` on @p text; returns its exit code, @p output gets what it said.
int promtoolCheck(const QByteArray &text, QByteArray *output)
{
    QProcess promtool;
    promtool.setProcessChannelMode(QProcess::MergedChannels);
    promtool.start(QStringLiteral(PROMTOOL_PATH), {QStringLiteral("check"), QStringLiteral("metrics")});
    if (!promtool.waitForStarted())
        return -1;
    promtool.write(text);
    promtool.closeWriteChannel();
    if (!promtool.waitForFinished(30000))
        return -1;
    *output = promtool.readAll();
    return promtool.exitStatus() == QProcess::NormalExit ? promtool.exitCode() : -1;
}

/// The value of the sample line that starts with @p series ("name{labels}"), or NaN.
double sampleValue(const QByteArray &text, const QByteArray &series)
{
    const QList<QByteArray> lines = text.split('\n');
    for (const QByteArray &line : lines) {
        if (line.startsWith(series + ' '))
            return line.mid(series.size() + 1).toDouble();
    }
    return qQNaN();
}

} // namespace

class TestMetricsCollector : public QObject
{
    Q_OBJECT

private slots:
    void countsAttemptsFailuresAndRestarts();
    void newStartupCountsItsOwnAttempts();
    void crashLoopsAndErrorsAreCounted();
    void gaugesFollowTheCurrentReport();
    void everyFamilyIsPrefixedWithHelpAndType();
    void labelValuesAreEscaped();
    void promtoolAcceptsIt();
    void snapshotAgeComesFromTheFile();
};

void TestMetricsCollector::countsAttemptsFailuresAndRestarts()
{
    StubBackend backend;
    MetricsCollector collector(&backend);
    // What RecoveryRun emits for a container that fails once, then starts.
    backend.change(status(QStringLiteral("web"), ContainerState::Waiting, 0));
    backend.change(status(QStringLiteral("web"), ContainerState::Starting, 1));
    backend.change(
        status(QStringLiteral("web"), ContainerState::Waiting, 1, QStringLiteral("OCI runtime error")));
    backend.change(status(QStringLiteral("web"), ContainerState::Starting, 2));
    backend.change(status(QStringLiteral("web"), ContainerState::Running, 2));
    // A container that fails for good.
    backend.change(status(QStringLiteral("db"), ContainerState::Starting, 1));
    backend.change(
        status(QStringLiteral("db"), ContainerState::Failed, 1, QStringLiteral("no such container")));

    const ContainerCounters web = collector.counters().value(QStringLiteral("web"));
    QCOMPARE(web.startAttempts, 2u);
    QCOMPARE(web.failedAttempts, 1u);
    QCOMPARE(web.restarts, 1u);
    const ContainerCounters db = collector.counters().value(QStringLiteral("db"));
    QCOMPARE(db.startAttempts, 1u);
    QCOMPARE(db.failedAttempts, 1u);
    QCOMPARE(db.restarts, 0u);

    const QByteArray text = collector.exposition();
    QCOMPARE(sampleValue(text, "archy_recovery_start_attempts_total{container=\"web\"}"), 2.0);
    QCOMPARE(sampleValue(text, "archy_recovery_start_failures_total{container=\"db\"}"), 1.0);
    QCOMPARE(sampleValue(text, "archy_recovery_restarts_total{container=\"web\"}"), 1.0);
}

void TestMetricsCollector::newStartupCountsItsOwnAttempts()
{
    StubBackend backend;
    MetricsCollector collector(&backend);
    backend.change(status(QStringLiteral("web"), ContainerState::Starting, 3));
    backend.change(status(QStringLiteral("web"), ContainerState::Running, 3));
    // Died and restarted: attempts start from the new round; a repeat of the same status adds nothing.
    backend.change(status(QStringLiteral("web"), ContainerState::Waiting, 0));
    backend.change(status(QStringLiteral("web"), ContainerState::Starting, 1));
    backend.change(status(QStringLiteral("web"), ContainerState::Running, 1));
    backend.change(status(QStringLiteral("web"), ContainerState::Running, 1));
    const ContainerCounters web = collector.counters().value(QStringLiteral("web"));
    QCOMPARE(web.startAttempts, 4u);
    QCOMPARE(web.restarts, 2u);
    QCOMPARE(web.failedAttempts, 0u);
}

void TestMetricsCollector::crashLoopsAndErrorsAreCounted()
{
    StubBackend backend;
    MetricsCollector collector(&backend);
    ContainerStatus looping =
        status(QStringLiteral("flaky"), ContainerState::Failed, 3, QStringLiteral("keeps stopping"));
    looping.crashLoop = true;
    backend.change(looping);
    backend.crashLoop(QStringLiteral("flaky"));
    backend.error(QStringLiteral("disk full"));
    backend.error(QStringLiteral("disk full"));
    const QByteArray text = collector.exposition();
    QCOMPARE(sampleValue(text, "archy_recovery_crash_loops_total{container=\"flaky\"}"), 1.0);
    QCOMPARE(sampleValue(text, "archy_recovery_container_crash_loop{container=\"flaky\"}"), 1.0);
    QCOMPARE(sampleValue(text, "archy_recovery_errors_total"), 2.0);
}

void TestMetricsCollector::gaugesFollowTheCurrentReport()
{
    StubBackend backend;
    backend.report.crashInfo.crash = true;
    backend.report.crashInfo.containersBefore = 2;
    backend.report.startedAtMs = 1'700'000'000'000;
    backend.report.finishedAtMs = 1'700'000'004'500;
    backend.report.containers = {
        status(QStringLiteral("m1"), ContainerState::Running, 1),
        status(QStringLiteral("m2"), ContainerState::Failed, 5, QStringLiteral("x"))};
    backend.busy = true;
    MetricsCollector collector(&backend);
    const QByteArray text = collector.exposition();
    QCOMPARE(sampleValue(text, "archy_recovery_last_startup_crash"), 1.0);
    QCOMPARE(sampleValue(text, "archy_recovery_last_startup_duration_seconds"), 4.5);
    QCOMPARE(sampleValue(text, "archy_recovery_last_startup_containers_before"), 2.0);
    QCOMPARE(sampleValue(text, "archy_recovery_busy"), 1.0);
    QCOMPARE(sampleValue(text, "archy_recovery_container_state{container=\"m1\",state=\"running\"}"), 1.0);
    QCOMPARE(sampleValue(text, "archy_recovery_container_state{container=\"m1\",state=\"failed\"}"), 0.0);
    QCOMPARE(sampleValue(text, "archy_recovery_container_state{container=\"m2\",state=\"failed\"}"), 1.0);
    QCOMPARE(sampleValue(text, "archy_recovery_containers{state=\"running\"}"), 1.0);
    QCOMPARE(sampleValue(text, "archy_recovery_containers{state=\"failed\"}"), 1.0);
    QCOMPARE(sampleValue(text, "archy_recovery_containers{state=\"waiting\"}"), 0.0);
    QVERIFY(text.contains("archy_recovery_agent_info{version=\""));

    backend.report.crashInfo.crash = false;
    QCOMPARE(sampleValue(collector.exposition(), "archy_recovery_last_startup_crash"), 0.0);
}

void TestMetricsCollector::everyFamilyIsPrefixedWithHelpAndType()
{
    StubBackend backend;
    backend.report.containers = {status(QStringLiteral("m1"), ContainerState::Running, 1)};
    MetricsCollector collector(&backend);
    backend.change(status(QStringLiteral("m1"), ContainerState::Running, 1));
    const QList<QByteArray> lines = collector.exposition().trimmed().split('\n');
    QSet<QByteArray> helped, typed, sampled;
    for (const QByteArray &line : lines) {
        if (line.startsWith("# HELP "))
            helped.insert(line.split(' ').at(2));
        else if (line.startsWith("# TYPE "))
            typed.insert(line.split(' ').at(2));
        else
            sampled.insert(line.split(' ').constFirst().split('{').constFirst());
    }
    QVERIFY(sampled.size() >= 10);
    for (const QByteArray &name : std::as_const(sampled)) {
        QVERIFY2(name.startsWith("archy_recovery_"), name.constData());
        QVERIFY2(helped.contains(name), name.constData());
        QVERIFY2(typed.contains(name), name.constData());
    }
    QCOMPARE(helped, typed);
}

void TestMetricsCollector::labelValuesAreEscaped()
{
    QCOMPARE(escapeLabelValue(QStringLiteral("a\"b\\c\nd")), QByteArray("a\\\"b\\\\c\\nd"));
    QCOMPARE(escapeLabelValue(QStringLiteral("caf\u00e9")), QByteArray("caf\xc3\xa9"));
}

void TestMetricsCollector::promtoolAcceptsIt()
{
    StubBackend backend;
    backend.report.crashInfo.crash = true;
    backend.report.startedAtMs = 1'700'000'000'000;
    backend.report.containers = {
        status(QStringLiteral("m1"), ContainerState::Running, 1),
        status(QStringLiteral("we\"ird"), ContainerState::Failed, 2, QStringLiteral("x"))};
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    backend.dir = dir.path();
    QFile snapshot(dir.filePath(QStringLiteral("running-containers.json")));
    QVERIFY(snapshot.open(QIODevice::WriteOnly));
    snapshot.close();
    MetricsCollector collector(&backend);
    for (const ContainerStatus &s : std::as_const(backend.report.containers))
        backend.change(s);
    backend.crashLoop(QStringLiteral("we\"ird"));
    const QByteArray text = collector.exposition();
    QByteArray output;
    QCOMPARE(promtoolCheck(text, &output), 0);
    QVERIFY2(output.trimmed().isEmpty(), output.constData());

    // promtool is not a rubber stamp: a broken exposition fails it.
    QByteArray broken = text;
    broken.replace("# TYPE archy_recovery_restarts_total counter",
                   "# TYPE archy_recovery_restarts_total bogus");
    QVERIFY(promtoolCheck(broken, &output) != 0);
}

void TestMetricsCollector::snapshotAgeComesFromTheFile()
{
    StubBackend backend;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    backend.dir = dir.path();
    MetricsCollector collector(&backend);
    QVERIFY(!collector.exposition().contains("archy_recovery_snapshot_age_seconds"));
    QFile snapshot(dir.filePath(QStringLiteral("running-containers.json")));
    QVERIFY(snapshot.open(QIODevice::WriteOnly));
    QVERIFY(
        snapshot.setFileTime(QDateTime::currentDateTime().addSecs(-600), QFileDevice::FileModificationTime));
    snapshot.close();
    const double age = sampleValue(collector.exposition(), "archy_recovery_snapshot_age_seconds");
    QVERIFY2(age >= 600 && age < 660, qPrintable(QString::number(age)));
}

QTEST_GUILESS_MAIN(TestMetricsCollector)
#include "tst_metricscollector.moc"
