// The agent as systemd and the owner meet it: the real executable, real podman in an isolated
// store, crashes made with SIGKILL.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <sys/wait.h>
#include <unistd.h>

#include "IntegrationSupport.h"
#include "PodmanSandbox.h"
#include "state/RunMarker.h"

using namespace integration;

class TestAgentIntegration : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup() { m_fx->cleanup(); }

    void residentSurvivesSigkill();
    void seedDataDirIsRecovered();
    void unrelatedLivePidIsACrash_data();
    void unrelatedLivePidIsACrash();
    void reusedPidInNewNamespaceIsACrash();
    void hostileNamesNeverReachPodman();
    void hangingPodmanIsCutOff();
    void hugeSnapshotIsRefusedCheaply();
    void secondInstanceExits3();
    void unusableDataDirExits2();
    void missingPodmanIsReported();
    void garbageMarkerIsACrash();
    void guiRecoversInProcess_data();
    void guiRecoversInProcess();

private:
    std::unique_ptr<AgentFixture> m_fx;
};

void TestAgentIntegration::initTestCase()
{
    m_fx = std::make_unique<AgentFixture>();
    QVERIFY(m_fx->isValid());
}

void TestAgentIntegration::residentSurvivesSigkill()
{
    ARCHY_REQUIRE_PODMAN(*m_fx);
    const QStringList names{QStringLiteral("web"), QStringLiteral("db"), QStringLiteral("indexer")};
    for (const QString &name : names)
        QVERIFY2(m_fx->sandbox().run(name), qPrintable(m_fx->sandbox().lastError()));
    const QString dir = m_fx->path(QStringLiteral("resident"));
    const QStringList args =
        dataDirArgs(dir) + QStringList{QStringLiteral("--snapshot-delay"),    QStringLiteral("0"),
                                       QStringLiteral("--snapshot-interval"), QStringLiteral("1"),
                                       QStringLiteral("--start-gap"),         QStringLiteral("0")};

    QProcess *first = m_fx->start(QStringList{QStringLiteral("--no-gui")} + args);
    QVERIFY(first->waitForStarted());
    const QString snapshotPath = QDir(dir).filePath(QStringLiteral("running-containers.json"));
    QVERIFY2(waitFor(
                 [&] {
                     QFile file(snapshotPath);
                     if (!file.open(QIODevice::ReadOnly))
                         return false;
                     const QByteArray data = file.readAll();
                     return data.contains("\"web\"") && data.contains("\"db\"") &&
                            data.contains("\"indexer\"");
                 },
                 20000),
             "the agent never wrote a snapshot with the three containers");

    // Power cut: the agent dies without cleaning up, and so do the containers.
    ::kill(pid_t(first->processId()), SIGKILL);
    QVERIFY(first->waitForFinished());
    QVERIFY(QFile::exists(QDir(dir).filePath(QStringLiteral("archipelago.pid"))));
    for (const QString &name : names)
        QVERIFY(m_fx->sandbox().kill(name));
    QVERIFY(m_fx->sandbox().running().isEmpty());

    QProcess *second = m_fx->start(QStringList{QStringLiteral("--no-gui")} + args);
    QVERIFY(second->waitForStarted());
    QVERIFY2(waitFor([&] { return m_fx->sandbox().running().size() == 3; }, 30000),
             qPrintable(m_fx->sandbox().running().join(QLatin1Char(','))));

    // SIGTERM: a clean stop, status 0, no marker left.
    second->terminate();
    QVERIFY(second->waitForFinished(30000));
    QCOMPARE(second->exitStatus(), QProcess::NormalExit);
    QCOMPARE(second->exitCode(), 0);
    QVERIFY(!QFile::exists(QDir(dir).filePath(QStringLiteral("archipelago.pid"))));

    // The history says what happened.
    QFile history(QDir(dir).filePath(QStringLiteral("recovery-history.jsonl")));
    QVERIFY(history.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = history.readAll().trimmed().split('\n');
    const QJsonObject last = QJsonDocument::fromJson(lines.constLast()).object();
    QCOMPARE(last.value(QLatin1String("crash")).toBool(), true);
    QCOMPARE(last.value(QLatin1String("recovered")).toInt(), 3);
}

void TestAgentIntegration::seedDataDirIsRecovered()
{
    ARCHY_REQUIRE_PODMAN(*m_fx);
    QVERIFY(m_fx->sandbox().run(QStringLiteral("archy-bitcoin-knots")));
    QVERIFY(m_fx->sandbox().run(QStringLiteral("archy-mempool-web")));
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("archy-bitcoin-knots")));
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("archy-mempool-web")));

    // Exactly what the seed leaves: a bare pid of a dead process, its snapshot schema.
    const QString dir = m_fx->path(QStringLiteral("seed"));
    QVERIFY(QDir().mkpath(dir));
    writeFile(QDir(dir).filePath(QStringLiteral("archipelago.pid")), QByteArray::number(deadPid()));
    writeFile(QDir(dir).filePath(QStringLiteral("running-containers.json")),
              seedSnapshot({QStringLiteral("archy-bitcoin-knots"), QStringLiteral("archy-mempool-web")},
                           m_fx->sandbox().image()));

    const AgentRun first = runOnce(dataDirArgs(dir) + QStringList{QStringLiteral("--json")});
    QVERIFY2(first.exitCode == 0, first.err.constData());
    const QJsonObject report = reportOf(first);
    QCOMPARE(report.value(QLatin1String("crash")).toBool(), true);
    QCOMPARE(report.value(QLatin1String("total")).toInt(), 2);
    QCOMPARE(report.value(QLatin1String("recovered")).toInt(), 2);
    QCOMPARE(m_fx->sandbox().state(QStringLiteral("archy-bitcoin-knots")), QStringLiteral("running"));
    QCOMPARE(m_fx->sandbox().state(QStringLiteral("archy-mempool-web")), QStringLiteral("running"));
    QVERIFY(!QFile::exists(QDir(dir).filePath(QStringLiteral("archipelago.pid"))));

    const AgentRun second = runOnce(dataDirArgs(dir) + QStringList{QStringLiteral("--json")});
    QCOMPARE(second.exitCode, 0);
    QCOMPARE(reportOf(second).value(QLatin1String("crash")).toBool(), false);
}

void TestAgentIntegration::unrelatedLivePidIsACrash_data()
{
    QTest::addColumn<bool>("seedFormat");
    QTest::newRow("seed's bare pid") << true;
    QTest::newRow("full marker, other start time") << false;
}

void TestAgentIntegration::unrelatedLivePidIsACrash()
{
    QFETCH(bool, seedFormat);
    ARCHY_REQUIRE_PODMAN(*m_fx);
    QVERIFY(m_fx->sandbox().run(QStringLiteral("svc")));
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("svc")));

    QProcess unrelated;
    unrelated.start(QStringLiteral("sleep"), {QStringLiteral("60")});
    QVERIFY(unrelated.waitForStarted());
    QTest::qWait(1100); // started clearly before the marker below, as a seed marker's owner would be

    const QString dir = m_fx->path(seedFormat ? QStringLiteral("live-seed") : QStringLiteral("live-full"));
    QVERIFY(QDir().mkpath(dir));
    QByteArray marker = QByteArray::number(unrelated.processId());
    if (!seedFormat) {
        archy::MarkerRecord record = archy::MarkerRecord::current();
        record.pid = unrelated.processId();
        record.startTicks = archy::RunMarker::processStartTicks(record.pid) - 100;
        marker = record.serialize();
    }
    writeFile(QDir(dir).filePath(QStringLiteral("archipelago.pid")), marker);
    writeFile(QDir(dir).filePath(QStringLiteral("running-containers.json")),
              seedSnapshot({QStringLiteral("svc")}, m_fx->sandbox().image()));

    const AgentRun run = runOnce(dataDirArgs(dir) + QStringList{QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject report = reportOf(run);
    QCOMPARE(report.value(QLatin1String("crash")).toBool(), true);
    QCOMPARE(report.value(QLatin1String("previousPid")).toInteger(), unrelated.processId());
    QCOMPARE(m_fx->sandbox().state(QStringLiteral("svc")), QStringLiteral("running"));
    QVERIFY(unrelated.state() == QProcess::Running); // not ours to touch
    unrelated.kill();
    unrelated.waitForFinished();
}

void TestAgentIntegration::reusedPidInNewNamespaceIsACrash()
{
    ARCHY_REQUIRE_PODMAN(*m_fx);
    QProcess probe;
    probe.start(QStringLiteral("unshare"),
                {QStringLiteral("-pf"), QStringLiteral("--mount-proc"), QStringLiteral("true")});
    if (!probe.waitForFinished() || probe.exitCode() != 0)
        QSKIP("unshare -pf --mount-proc is not allowed here; pid namespace reuse cannot be shown");

    QVERIFY(m_fx->sandbox().run(QStringLiteral("ns1")));
    QVERIFY(m_fx->sandbox().run(QStringLiteral("ns2")));
    const QString dir = m_fx->path(QStringLiteral("namespace"));
    const QStringList agentArgs{QStringLiteral("--mount-proc"), QStringLiteral("--kill-child"),
                                QStringLiteral(AGENT_PATH), QStringLiteral("--no-gui")};

    // First life: pid 1 in its own namespace.
    QProcess first;
    first.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    first.start(QStringLiteral("unshare"),
                QStringList{QStringLiteral("-pf")} + agentArgs + dataDirArgs(dir) +
                    QStringList{QStringLiteral("--snapshot-delay"), QStringLiteral("0"),
                                QStringLiteral("--snapshot-interval"), QStringLiteral("1")});
    QVERIFY(first.waitForStarted());
    const QString snapshotPath = QDir(dir).filePath(QStringLiteral("running-containers.json"));
    QVERIFY(waitFor(
        [&] {
            QFile file(snapshotPath);
            return file.open(QIODevice::ReadOnly) && file.readAll().contains("\"ns2\"");
        },
        20000));
    QFile markerFile(QDir(dir).filePath(QStringLiteral("archipelago.pid")));
    QVERIFY(markerFile.open(QIODevice::ReadOnly));
    archy::MarkerRecord marker;
    QVERIFY(archy::MarkerRecord::parse(markerFile.readAll(), &marker));
    QCOMPARE(marker.pid, 1); // the namespace's first process
    markerFile.close();

    // SIGKILL to unshare: --kill-child takes the namespace's pid 1 (the agent) down with it.
    first.kill();
    QVERIFY(first.waitForFinished());
    QVERIFY(waitFor(
        [&] {
            QProcess pgrep;
            pgrep.start(QStringLiteral("pgrep"), {QStringLiteral("-f"), dir});
            return pgrep.waitForFinished() && pgrep.exitCode() == 1;
        },
        5000));
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("ns1")));
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("ns2")));

    // Second life: again pid 1 in a new namespace. The marker's pid is alive (it is us), yet a crash.
    QProcess second;
    second.start(QStringLiteral("unshare"),
                 QStringList{QStringLiteral("-pf")} + agentArgs + dataDirArgs(dir) +
                     QStringList{QStringLiteral("--once"), QStringLiteral("--json")});
    QVERIFY(second.waitForFinished(60000));
    QVERIFY2(second.exitCode() == 0, second.readAllStandardError().constData());
    const QJsonObject report = QJsonDocument::fromJson(second.readAllStandardOutput()).object();
    QCOMPARE(report.value(QLatin1String("crash")).toBool(), true);
    QCOMPARE(report.value(QLatin1String("recovered")).toInt(), 2);
    QCOMPARE(m_fx->sandbox().state(QStringLiteral("ns1")), QStringLiteral("running"));
}

void TestAgentIntegration::hostileNamesNeverReachPodman()
{
    ARCHY_REQUIRE_PODMAN(*m_fx);
    QVERIFY(m_fx->sandbox().run(QStringLiteral("good-one")));
    QVERIFY(m_fx->sandbox().run(QStringLiteral("good.two")));
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("good-one")));
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("good.two")));

    const QString dir = m_fx->path(QStringLiteral("hostile"));
    QVERIFY(QDir().mkpath(dir));
    const QStringList hostile{QStringLiteral("--all"),     QStringLiteral("a;touch /tmp/pwned"),
                              QStringLiteral("../../etc"), QStringLiteral("$(reboot)"),
                              QStringLiteral("x\ny"),      QString(300, QLatin1Char('a'))};
    writeFile(QDir(dir).filePath(QStringLiteral("archipelago.pid")), "999999999");
    writeFile(QDir(dir).filePath(QStringLiteral("running-containers.json")),
              seedSnapshot(QStringList{QStringLiteral("good-one")} + hostile +
                               QStringList{QStringLiteral("good.two")},
                           m_fx->sandbox().image()));

    // A logging podman wrapper shows exactly which names reached podman.
    const QString log = m_fx->path(QStringLiteral("podman-calls.log"));
    const QString wrapper = m_fx->path(QStringLiteral("podman-logging"));
    writeFile(wrapper, QStringLiteral("#!/bin/sh\nprintf '%s\\n' \"$*\" >> '%1'\nexec '%2' \"$@\"\n")
                           .arg(log, m_fx->sandbox().podmanPath())
                           .toUtf8());
    QFile::setPermissions(wrapper, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    const AgentRun run = runOnce(dataDirArgs(dir) +
                                 QStringList{QStringLiteral("--json"), QStringLiteral("--podman"), wrapper});
    QCOMPARE(run.exitCode, 1); // some failed
    const QJsonObject report = reportOf(run);
    QCOMPARE(report.value(QLatin1String("recovered")).toInt(), 2);
    QCOMPARE(report.value(QLatin1String("failed")).toArray().size(), hostile.size());
    QCOMPARE(containerIn(report, QStringLiteral("good-one")).value(QLatin1String("result")).toString(),
             QStringLiteral("recovered"));
    QCOMPARE(m_fx->sandbox().state(QStringLiteral("good.two")), QStringLiteral("running"));

    QFile calls(log);
    QVERIFY(calls.open(QIODevice::ReadOnly));
    const QByteArray logged = calls.readAll();
    QVERIFY(logged.contains("start -- good-one"));
    for (const QString &name : hostile)
        QVERIFY2(!logged.contains(name.left(8).toUtf8()) || name.startsWith(QLatin1Char('a')),
                 qPrintable(QStringLiteral("%1 reached podman").arg(name)));
    QVERIFY(!logged.contains("--all"));
    QVERIFY(!logged.contains("pwned"));
    QVERIFY(!logged.contains("reboot"));
    QVERIFY(!logged.contains(QByteArray(300, 'a')));
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/pwned")));
}

void TestAgentIntegration::hangingPodmanIsCutOff()
{
    // Real podman cannot be made to hang on demand: the fake one does.
    const QString dir = m_fx->path(QStringLiteral("hang"));
    QVERIFY(QDir().mkpath(dir));
    writeFile(QDir(dir).filePath(QStringLiteral("archipelago.pid")), "999999999");
    writeFile(QDir(dir).filePath(QStringLiteral("running-containers.json")),
              seedSnapshot({QStringLiteral("stuck")}, QStringLiteral("img")));
    const QString pidFile = m_fx->path(QStringLiteral("hang.pids"));
    qputenv("FAKE_PODMAN_MODE", "start=hang-ignore-term");
    qputenv("FAKE_PODMAN_PIDFILE", pidFile.toUtf8());
    const AgentRun run =
        runOnce(dataDirArgs(dir) + QStringList{QStringLiteral("--json"), QStringLiteral("--start-timeout"),
                                               QStringLiteral("1"), QStringLiteral("--max-attempts"),
                                               QStringLiteral("2"), QStringLiteral("--backoff-initial"),
                                               QStringLiteral("0"), QStringLiteral("--podman"),
                                               QStringLiteral(FAKE_PODMAN_PATH)});
    qunsetenv("FAKE_PODMAN_MODE");
    qunsetenv("FAKE_PODMAN_PIDFILE");
    QCOMPARE(run.exitCode, 1);
    // Two attempts, each cut off after 1 s plus the 2 s grace between SIGTERM and SIGKILL.
    QVERIFY2(run.elapsedMs < 12000, qPrintable(QString::number(run.elapsedMs)));
    const QJsonObject stuck = containerIn(reportOf(run), QStringLiteral("stuck"));
    QCOMPARE(stuck.value(QLatin1String("result")).toString(), QStringLiteral("failed"));
    QCOMPARE(stuck.value(QLatin1String("attempts")).toInt(), 2);
    QVERIFY2(stuck.value(QLatin1String("error")).toString().contains(QLatin1String("did not answer")),
             qPrintable(stuck.value(QLatin1String("error")).toString()));

    QFile pids(pidFile);
    QVERIFY(pids.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = pids.readAll().trimmed().split('\n');
    QVERIFY(lines.size() >= 3); // ps -a, inspect... and two starts
    for (const QByteArray &line : lines)
        QVERIFY2(!processAlive(line.toLongLong()), line.constData());
}

void TestAgentIntegration::hugeSnapshotIsRefusedCheaply()
{
    const QString dir = m_fx->path(QStringLiteral("huge"));
    QVERIFY(QDir().mkpath(dir));
    writeFile(QDir(dir).filePath(QStringLiteral("archipelago.pid")), "999999999");
    {
        // 50 MB of plausible JSON, not a sparse file: the agent must not even read it.
        QFile file(QDir(dir).filePath(QStringLiteral("running-containers.json")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QByteArray chunk;
        while (chunk.size() < 1024 * 1024)
            chunk += "{\"name\":\"c\",\"image\":\"i\"},";
        file.write("{\"timestamp\":1,\"containers\":[");
        for (int i = 0; i < 50; ++i)
            file.write(chunk);
        file.write("{\"name\":\"last\",\"image\":\"i\"}]}");
    }
    const QStringList args =
        dataDirArgs(dir) + QStringList{QStringLiteral("--json"), QStringLiteral("--no-start-stopped"),
                                       QStringLiteral("--podman"), QStringLiteral(FAKE_PODMAN_PATH)};
    const AgentRun run = runOnce(args);
    QCOMPARE(run.exitCode, 0);
    // No wall-clock bound here (it failed on a loaded machine; the benchmark measures speed):
    // "cheaply" is checked below as peak memory and CPU time, each against a baseline run.
    const QJsonObject report = reportOf(run);
    QCOMPARE(report.value(QLatin1String("crash")).toBool(), true);
    QCOMPARE(report.value(QLatin1String("total")).toInt(), 0);
    QVERIFY2(report.value(QLatin1String("snapshotWarning")).toString().contains(QLatin1String("refused")),
             qPrintable(report.value(QLatin1String("snapshotWarning")).toString()));

    // Peak memory and CPU time (user + system: unlike wall time, not stretched by other load on
    // the machine) against the same program on an empty data dir, measured here and now.
    struct Cost
    {
        qint64 peakKib = -1;
        double cpuSeconds = -1;
    };
    const auto costOf = [](const QStringList &agentArgs) {
        QProcess timed;
        timed.start(QStringLiteral("/usr/bin/time"),
                    QStringList{QStringLiteral("-f"), QStringLiteral("peak-kib=%M cpu-s=%U %S"),
                                QStringLiteral(AGENT_PATH), QStringLiteral("--no-gui"),
                                QStringLiteral("--once")} +
                        agentArgs);
        timed.waitForFinished(30000);
        const QByteArray err = timed.readAllStandardError();
        Cost cost;
        const int at = err.lastIndexOf("peak-kib=");
        if (at < 0)
            return cost;
        const QList<QByteArray> fields = err.mid(at).trimmed().split(' ');
        if (fields.size() != 3)
            return cost;
        cost.peakKib = fields.at(0).mid(9).toLongLong();
        cost.cpuSeconds = fields.at(1).mid(6).toDouble() + fields.at(2).toDouble();
        return cost;
    };
    writeFile(QDir(dir).filePath(QStringLiteral("archipelago.pid")), "999999999");
    const Cost huge = costOf(args);
    const QString emptyDir = m_fx->path(QStringLiteral("huge-baseline"));
    const Cost baseline = costOf(dataDirArgs(emptyDir) + args.mid(2));
    if (huge.peakKib < 0 || baseline.peakKib < 0)
        QSKIP("/usr/bin/time (package time) is missing: peak memory not measured");
    QVERIFY2(huge.peakKib < baseline.peakKib + 8 * 1024,
             qPrintable(QStringLiteral("peak %1 KiB against %2 KiB without a snapshot")
                            .arg(huge.peakKib)
                            .arg(baseline.peakKib)));
    // Generous: parsing 50 MB of JSON costs seconds of CPU; refusing by size costs next to nothing.
    QVERIFY2(huge.cpuSeconds < baseline.cpuSeconds + 1.0,
             qPrintable(QStringLiteral("%1 s CPU against %2 s without a snapshot")
                            .arg(huge.cpuSeconds)
                            .arg(baseline.cpuSeconds)));
}

void TestAgentIntegration::secondInstanceExits3()
{
    const QString dir = m_fx->path(QStringLiteral("second"));
    QProcess *first = m_fx->start(QStringList{QStringLiteral("--no-gui")} + dataDirArgs(dir) +
                                  QStringList{QStringLiteral("--podman"), QStringLiteral(FAKE_PODMAN_PATH)});
    const QString markerPath = QDir(dir).filePath(QStringLiteral("archipelago.pid"));
    QVERIFY(waitFor([&] { return QFile::exists(markerPath); }, 10000));
    QFile marker(markerPath);
    QVERIFY(marker.open(QIODevice::ReadOnly));
    const QByteArray before = marker.readAll();
    marker.close();

    const AgentRun second =
        runOnce(dataDirArgs(dir) + QStringList{QStringLiteral("--podman"), QStringLiteral(FAKE_PODMAN_PATH)});
    QCOMPARE(second.exitCode, 3);
    QVERIFY2(second.err.contains("Another archy-recovery instance"), second.err.constData());
    QVERIFY2(second.err.contains(QByteArray::number(first->processId())), second.err.constData());

    QVERIFY(first->state() == QProcess::Running);
    QVERIFY(marker.open(QIODevice::ReadOnly));
    QCOMPARE(marker.readAll(), before);
    marker.close();

    first->terminate();
    QVERIFY(first->waitForFinished(10000));
    QCOMPARE(first->exitCode(), 0);
    QVERIFY(!QFile::exists(markerPath));
}

void TestAgentIntegration::unusableDataDirExits2()
{
    const QString file = m_fx->path(QStringLiteral("a-file"));
    writeFile(file, "x");
    AgentRun run = runOnce(dataDirArgs(file + QStringLiteral("/sub")));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("data directory"), run.err.constData());
    run = runOnce(dataDirArgs(file));
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("not a directory"), run.err.constData());
    run = runOnce({QStringLiteral("--start-gap"), QStringLiteral("soon")});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("start-gap"), run.err.constData());
}

void TestAgentIntegration::missingPodmanIsReported()
{
    const QString dir = m_fx->path(QStringLiteral("nopodman"));
    QVERIFY(QDir().mkpath(dir));
    writeFile(QDir(dir).filePath(QStringLiteral("archipelago.pid")), "999999999");
    writeFile(QDir(dir).filePath(QStringLiteral("running-containers.json")),
              seedSnapshot({QStringLiteral("web")}, QStringLiteral("img")));
    const AgentRun run =
        runOnce(dataDirArgs(dir) + QStringList{QStringLiteral("--json"), QStringLiteral("--podman"),
                                               QStringLiteral("/nonexistent/podman")});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject web = containerIn(reportOf(run), QStringLiteral("web"));
    QVERIFY2(web.value(QLatin1String("error")).toString().contains(QLatin1String("not found")),
             qPrintable(web.value(QLatin1String("error")).toString()));
    // The crash was not handled, so the marker stays for the next start-up... it was reported,
    // though, and the next start-up must not loop forever on it either: it is consumed.
    QVERIFY(!QFile::exists(QDir(dir).filePath(QStringLiteral("archipelago.pid"))));
}

void TestAgentIntegration::garbageMarkerIsACrash()
{
    ARCHY_REQUIRE_PODMAN(*m_fx);
    QVERIFY(m_fx->sandbox().run(QStringLiteral("g1")));
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("g1")));
    const QString dir = m_fx->path(QStringLiteral("garbage"));
    QVERIFY(QDir().mkpath(dir));
    writeFile(QDir(dir).filePath(QStringLiteral("archipelago.pid")), QByteArray("\x00\xff garbage\n", 11));
    writeFile(QDir(dir).filePath(QStringLiteral("running-containers.json")),
              seedSnapshot({QStringLiteral("g1")}, m_fx->sandbox().image()));
    const AgentRun run = runOnce(dataDirArgs(dir) + QStringList{QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    const QJsonObject report = reportOf(run);
    QCOMPARE(report.value(QLatin1String("crash")).toBool(), true);
    QVERIFY(report.value(QLatin1String("reason")).toString().contains(QLatin1String("unreadable")));
    QCOMPARE(m_fx->sandbox().state(QStringLiteral("g1")), QStringLiteral("running"));
}

void TestAgentIntegration::guiRecoversInProcess_data()
{
    QTest::addColumn<QStringList>("mode");
    QTest::newRow("desktop") << QStringList();
    QTest::newRow("kiosk") << QStringList{QStringLiteral("--kiosk")};
}

void TestAgentIntegration::guiRecoversInProcess()
{
    QFETCH(QStringList, mode);
    ARCHY_REQUIRE_PODMAN(*m_fx);
    QVERIFY(m_fx->sandbox().run(QStringLiteral("gui-a")));
    QVERIFY(m_fx->sandbox().run(QStringLiteral("gui-b")));
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("gui-a")));
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("gui-b")));
    const QString dir =
        m_fx->path(mode.isEmpty() ? QStringLiteral("gui-desktop") : QStringLiteral("gui-kiosk"));
    QVERIFY(QDir().mkpath(dir));
    const QString markerPath = QDir(dir).filePath(QStringLiteral("archipelago.pid"));
    writeFile(markerPath, QByteArray::number(deadPid()));
    writeFile(QDir(dir).filePath(QStringLiteral("running-containers.json")),
              seedSnapshot({QStringLiteral("gui-a"), QStringLiteral("gui-b")}, m_fx->sandbox().image()));

    // No --no-gui: a QApplication with the window, the engine in-process.
    QProcess *gui = m_fx->start(mode + dataDirArgs(dir), true);
    QVERIFY2(waitFor([&] { return m_fx->sandbox().running().size() == 2; }, 30000),
             qPrintable(m_fx->sandbox().running().join(QLatin1Char(','))));
    QTest::qWait(500);
    QCOMPARE(gui->state(), QProcess::Running); // it keeps running: the owner looks at it
    QVERIFY(QFile::exists(markerPath));        // now its own marker
    QCOMPARE(lastHistoryEntry(dir).value(QLatin1String("recovered")).toInt(), 2);

    gui->terminate();
    QVERIFY(gui->waitForFinished(20000));
    QCOMPARE(gui->exitStatus(), QProcess::NormalExit);
    QCOMPARE(gui->exitCode(), 0);
    QVERIFY(!QFile::exists(markerPath));
}

QTEST_GUILESS_MAIN(TestAgentIntegration)
#include "tst_agentintegration.moc"
