#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

#include "TestSupport.h"
#include "recovery/RecoveryAgent.h"
#include "state/ContainerTracker.h"
#include "state/RunMarker.h"
#include "state/Snapshot.h"

using archy::AgentOptions;
using archy::ContainerState;
using archy::ContainerStatus;
using archy::RecoveryAgent;
using archy::RecoveryReport;
using archy::Snapshot;
using archy::test::FakePodman;

namespace {

QByteArray eventLine(const QString &status, const QString &name, int exitCode = -1)
{
    // podman 4.3's `events --format json`; ID as the fake derives it is not needed: names suffice.
    QByteArray line = "{\"ID\":\"\",\"Image\":\"localhost/" + name.toUtf8() + ":1\",\"Name\":\"" + name.toUtf8() +
                      "\",\"Status\":\"" + status.toUtf8() +
                      "\",\"Time\":\"2026-11-28T05:23:27.160685167Z\",\"Type\":\"container\",\"Attributes\":{}";
    if (exitCode >= 0)
        line += ",\"ContainerExitCode\":" + QByteArray::number(exitCode);
    return line + "}\n";
}

QStringList namesOf(const QList<archy::SnapshotEntry> &entries)
{
    QStringList names;
    for (const archy::SnapshotEntry &e : entries)
        names.append(e.name);
    names.sort();
    return names;
}

ContainerStatus find(const RecoveryReport &report, const QString &name)
{
    const auto it = std::find_if(report.containers.cbegin(), report.containers.cend(),
                                 [&](const ContainerStatus &s) { return s.name == name; });
    return it == report.containers.cend() ? ContainerStatus() : *it;
}

} // namespace

class TestAgentTracking final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void startOfNewContainerIsSnapshotted();
    void ownerStopMovesToStoppedByOwner();
    void unexpectedDeathIsRestarted();
    void crashLoopStopsRestarts();
    void shutdownIgnoresLaterEvents();

private:
    AgentOptions options() const;
    QString path(const QString &name) const { return QDir(m_dataDir->path()).filePath(name); }
    /// open() + start() + the start-up's reportFinished() + the first reconcile's snapshot.
    bool startAgent(RecoveryAgent &agent);
    bool append(const QByteArray &data) const;
    bool setState(const QString &name, const QString &state);
    Snapshot snapshot() const;
    int startsOf(const QString &name) const;
    bool shutdown(RecoveryAgent &agent);

    std::unique_ptr<QTemporaryDir> m_dataDir;
    std::unique_ptr<QTemporaryDir> m_fakeDir;
    std::unique_ptr<FakePodman> m_fake;
    QList<FakePodman::Container> m_containers;
    QString m_eventsPath;
};

void TestAgentTracking::initTestCase()
{
    qRegisterMetaType<ContainerStatus>();
    qRegisterMetaType<RecoveryReport>();
}

void TestAgentTracking::init()
{
    m_dataDir = std::make_unique<QTemporaryDir>();
    m_fakeDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dataDir->isValid());
    QVERIFY(m_fakeDir->isValid());
    m_fake = std::make_unique<FakePodman>(m_fakeDir->path());
    m_eventsPath = QDir(m_fakeDir->path()).filePath(QStringLiteral("events.jsonl"));
    QVERIFY(archy::test::writeAll(m_eventsPath, QByteArray()));
    qputenv("FAKE_PODMAN_EVENTS", QFile::encodeName(m_eventsPath));
    m_containers = {{QStringLiteral("web"), QStringLiteral("localhost/web:1"), QStringLiteral("running")},
                    {QStringLiteral("db"), QStringLiteral("localhost/db:1"), QStringLiteral("running")},
                    {QStringLiteral("old"), QStringLiteral("localhost/old:1"), QStringLiteral("exited")}};
    QVERIFY(m_fake->setContainers(m_containers));
}

void TestAgentTracking::cleanup()
{
    qunsetenv("FAKE_PODMAN_EVENTS");
    m_fake.reset();
}

AgentOptions TestAgentTracking::options() const
{
    AgentOptions o;
    o.dataDir = m_dataDir->path();
    o.podmanProgram = archy::test::fakePodmanPath();
    o.resident = true;
    o.snapshotDelaySec = 3600; // only events and the stream's (re)start reconcile here
    o.snapshotIntervalSec = 3600;
    o.startGapSec = 0;
    o.startTimeoutSec = 5;
    o.podmanTimeoutSec = 5;
    o.maxAttempts = 1;
    o.backoffInitialMs = 100;
    o.backoffMaxMs = 400;
    o.debounceMs = 50;
    o.crashLoopDeaths = 3;
    o.startStopped = false;
    return o;
}

bool TestAgentTracking::startAgent(RecoveryAgent &agent)
{
    if (agent.open() != RecoveryAgent::OpenResult::Ok) {
        qWarning("open() failed: %s", qPrintable(agent.errorString()));
        return false;
    }
    QSignalSpy finished(&agent, &RecoveryAgent::reportFinished);
    QSignalSpy written(&agent, &RecoveryAgent::snapshotWritten);
    agent.start();
    if (!finished.wait(10000))
        return false;
    QElapsedTimer timer;
    timer.start();
    while (written.isEmpty() && timer.elapsed() < 10000)
        QTest::qWait(20);
    if (written.isEmpty()) {
        qWarning("no snapshot after the first reconcile");
        return false;
    }
    return namesOf(snapshot().containers) == QStringList({QStringLiteral("db"), QStringLiteral("web")});
}

bool TestAgentTracking::append(const QByteArray &data) const
{
    QFile file(m_eventsPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    return file.write(data) == data.size();
}

bool TestAgentTracking::setState(const QString &name, const QString &state)
{
    bool found = false;
    for (FakePodman::Container &c : m_containers) {
        if (c.name == name) {
            c.state = state;
            found = true;
        }
    }
    if (!found)
        m_containers.append({name, QStringLiteral("localhost/") + name + QStringLiteral(":1"), state});
    return m_fake->setContainers(m_containers);
}

Snapshot TestAgentTracking::snapshot() const
{
    Snapshot s;
    QString error;
    if (!Snapshot::fromJson(archy::test::readAll(path(archy::SnapshotStore::fileName())), &s, &error))
        return Snapshot();
    return s;
}

int TestAgentTracking::startsOf(const QString &name) const
{
    int n = 0;
    for (const QStringList &args : m_fake->startCalls())
        n += args == QStringList{QStringLiteral("start"), QStringLiteral("--"), name} ? 1 : 0;
    return n;
}

bool TestAgentTracking::shutdown(RecoveryAgent &agent)
{
    QSignalSpy down(&agent, &RecoveryAgent::shutdownFinished);
    agent.shutdown();
    return down.wait(5000);
}

void TestAgentTracking::startOfNewContainerIsSnapshotted()
{
    RecoveryAgent agent(options());
    QVERIFY(startAgent(agent));
    QVERIFY(QFile::exists(path(archy::RunMarker::fileName())));

    QVERIFY(setState(QStringLiteral("newbie"), QStringLiteral("running")));
    QVERIFY(append(eventLine(QStringLiteral("create"), QStringLiteral("newbie")) +
                   eventLine(QStringLiteral("init"), QStringLiteral("newbie")) +
                   eventLine(QStringLiteral("start"), QStringLiteral("newbie"))));
    QTRY_COMPARE_WITH_TIMEOUT(namesOf(snapshot().containers),
                              (QStringList{QStringLiteral("db"), QStringLiteral("newbie"), QStringLiteral("web")}),
                              3000);
    QCOMPARE(snapshot().containers.size(), 3);
    QVERIFY(snapshot().stoppedByOwner.isEmpty());
    QCOMPARE(m_fake->startCalls().size(), 0); // recording is not starting
    QVERIFY(shutdown(agent));
}

void TestAgentTracking::ownerStopMovesToStoppedByOwner()
{
    RecoveryAgent agent(options());
    QVERIFY(startAgent(agent));
    QSignalSpy loops(&agent, &RecoveryAgent::crashLoopDetected);

    QVERIFY(setState(QStringLiteral("db"), QStringLiteral("exited")));
    QVERIFY(append(eventLine(QStringLiteral("stop"), QStringLiteral("db")) +
                   eventLine(QStringLiteral("died"), QStringLiteral("db"), 137) +
                   eventLine(QStringLiteral("cleanup"), QStringLiteral("db"))));
    QTRY_COMPARE_WITH_TIMEOUT(namesOf(snapshot().stoppedByOwner), QStringList{QStringLiteral("db")}, 3000);
    QCOMPARE(namesOf(snapshot().containers), QStringList{QStringLiteral("web")});

    // The owner's stop is not a death to repair, even after the grace.
    QTest::qWait(archy::ContainerTracker::DeathGraceMs + 500);
    QCOMPARE(startsOf(QStringLiteral("db")), 0);
    QCOMPARE(m_fake->stateOf(QStringLiteral("db")), QStringLiteral("exited"));
    QVERIFY(loops.isEmpty());
    QVERIFY(shutdown(agent));
    // Kept across the shutdown for the next start-up.
    QCOMPARE(namesOf(snapshot().stoppedByOwner), QStringList{QStringLiteral("db")});
}

void TestAgentTracking::unexpectedDeathIsRestarted()
{
    RecoveryAgent agent(options());
    QVERIFY(startAgent(agent));
    QSignalSpy changed(&agent, &RecoveryAgent::containerChanged);

    QVERIFY(setState(QStringLiteral("web"), QStringLiteral("exited")));
    QVERIFY(append(eventLine(QStringLiteral("died"), QStringLiteral("web"), 1) +
                   eventLine(QStringLiteral("cleanup"), QStringLiteral("web"))));
    // After DeathGraceMs (1.5 s) and the backoff (100 ms).
    QTRY_COMPARE_WITH_TIMEOUT(startsOf(QStringLiteral("web")), 1, 6000);
    QTRY_COMPARE_WITH_TIMEOUT(m_fake->stateOf(QStringLiteral("web")), QStringLiteral("running"), 3000);
    QTRY_VERIFY_WITH_TIMEOUT(std::any_of(changed.cbegin(), changed.cend(), [](const QList<QVariant> &args) {
                                 const ContainerStatus s = args.at(0).value<ContainerStatus>();
                                 return s.name == QLatin1String("web") && s.state == ContainerState::Running;
                             }),
                             3000);
    // It went through Waiting ("restarting") first.
    const ContainerStatus first = changed.at(0).at(0).value<ContainerStatus>();
    QCOMPARE(first.name, QStringLiteral("web"));
    QCOMPARE(first.state, ContainerState::Waiting);
    QTRY_COMPARE_WITH_TIMEOUT(find(agent.currentReport(), QStringLiteral("web")).state, ContainerState::Running, 3000);
    QVERIFY(!find(agent.currentReport(), QStringLiteral("web")).crashLoop);
    QTRY_VERIFY_WITH_TIMEOUT(!agent.isBusy(), 3000);

    // Still wanted; db untouched.
    QCOMPARE(namesOf(snapshot().containers), (QStringList{QStringLiteral("db"), QStringLiteral("web")}));
    QCOMPARE(startsOf(QStringLiteral("db")), 0);
    QVERIFY(shutdown(agent));
}

void TestAgentTracking::crashLoopStopsRestarts()
{
    RecoveryAgent agent(options());
    QVERIFY(startAgent(agent));
    QSignalSpy loops(&agent, &RecoveryAgent::crashLoopDetected);
    QSignalSpy changed(&agent, &RecoveryAgent::containerChanged);

    // Two quick deaths are restarted...
    for (int round = 1; round <= 2; ++round) {
        QVERIFY(setState(QStringLiteral("web"), QStringLiteral("exited")));
        QVERIFY(append(eventLine(QStringLiteral("died"), QStringLiteral("web"), 1)));
        QTRY_COMPARE_WITH_TIMEOUT(startsOf(QStringLiteral("web")), round, 6000);
        QTRY_COMPARE_WITH_TIMEOUT(m_fake->stateOf(QStringLiteral("web")), QStringLiteral("running"), 3000);
        QVERIFY(append(eventLine(QStringLiteral("start"), QStringLiteral("web"))));
        QTRY_COMPARE_WITH_TIMEOUT(find(agent.currentReport(), QStringLiteral("web")).state, ContainerState::Running,
                                  3000);
        QVERIFY(loops.isEmpty());
    }
    // ... the third is a crash loop.
    QVERIFY(setState(QStringLiteral("web"), QStringLiteral("exited")));
    QVERIFY(append(eventLine(QStringLiteral("died"), QStringLiteral("web"), 1)));
    QVERIFY(loops.wait(6000));
    QCOMPARE(loops.size(), 1);
    QCOMPARE(loops.at(0).at(0).toString(), QStringLiteral("web"));

    const ContainerStatus status = find(agent.currentReport(), QStringLiteral("web"));
    QCOMPARE(status.state, ContainerState::Failed);
    QVERIFY(status.crashLoop);
    QVERIFY(!status.error.isEmpty());
    const ContainerStatus last = changed.last().at(0).value<ContainerStatus>();
    QCOMPARE(last.name, QStringLiteral("web"));
    QVERIFY(last.crashLoop);
    QCOMPARE(last.state, ContainerState::Failed);

    // No further start, whatever the backoff would have been.
    QTest::qWait(1000);
    QCOMPARE(startsOf(QStringLiteral("web")), 2);
    QCOMPARE(m_fake->stateOf(QStringLiteral("web")), QStringLiteral("exited"));
    QCOMPARE(startsOf(QStringLiteral("db")), 0);
    // Still wanted: the owner did not stop it, a fix and a retry bring it back.
    QCOMPARE(namesOf(snapshot().containers), (QStringList{QStringLiteral("db"), QStringLiteral("web")}));
    QVERIFY(shutdown(agent));
}

void TestAgentTracking::shutdownIgnoresLaterEvents()
{
    RecoveryAgent agent(options());
    QVERIFY(startAgent(agent));
    QVERIFY(QFile::exists(path(archy::RunMarker::fileName())));
    const Snapshot before = snapshot();

    // The system goes down: podman's containers die (SIGTERM) around our own shutdown.
    QVERIFY(setState(QStringLiteral("web"), QStringLiteral("exited")));
    QVERIFY(setState(QStringLiteral("db"), QStringLiteral("exited")));
    QVERIFY(append(eventLine(QStringLiteral("died"), QStringLiteral("web"), 143)));
    QTest::qWait(300); // read, the death pending its grace
    QSignalSpy down(&agent, &RecoveryAgent::shutdownFinished);
    QSignalSpy loops(&agent, &RecoveryAgent::crashLoopDetected);
    // Shutdown waits for the events process to be reaped: nothing is left for a blocking destructor.
    QTest::failOnWarning(QRegularExpression(QStringLiteral("Destroyed while process")));
    agent.shutdown();
    QVERIFY(append(eventLine(QStringLiteral("stop"), QStringLiteral("db")) +
                   eventLine(QStringLiteral("died"), QStringLiteral("db"), 137) +
                   eventLine(QStringLiteral("start"), QStringLiteral("late")) +
                   eventLine(QStringLiteral("remove"), QStringLiteral("web"))));
    QVERIFY(down.wait(5000));
    QCOMPARE(down.size(), 1);
    QVERIFY(!QFile::exists(path(archy::RunMarker::fileName())));

    // Past the grace of the pending death: nothing restarted, nothing recorded.
    QTest::qWait(archy::ContainerTracker::DeathGraceMs + 500);
    QCOMPARE(down.size(), 1);
    QCOMPARE(m_fake->startCalls().size(), 0);
    QVERIFY(loops.isEmpty());
    const Snapshot after = snapshot();
    QCOMPARE(namesOf(after.containers), namesOf(before.containers));
    QCOMPARE(namesOf(after.containers), (QStringList{QStringLiteral("db"), QStringLiteral("web")}));
    QVERIFY(after.stoppedByOwner.isEmpty());
    for (const qint64 pid : m_fake->pids())
        QVERIFY2(!archy::test::processExists(pid), "a fake podman outlived shutdown()");
}

QTEST_GUILESS_MAIN(TestAgentTracking)
#include "tst_agenttracking.moc"
