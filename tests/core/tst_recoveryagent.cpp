#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

#include <unistd.h>

#include "TestSupport.h"
#include "podman/Podman.h"
#include "recovery/RecoveryAgent.h"
#include "recovery/RecoveryRun.h"
#include "state/History.h"
#include "state/InstanceLock.h"
#include "state/RunMarker.h"
#include "state/Snapshot.h"

using archy::AgentOptions;
using archy::ContainerState;
using archy::ContainerStatus;
using archy::RecoveryAgent;
using archy::RecoveryReport;
using archy::test::FakePodman;
using archy::test::readAll;
using archy::test::writeAll;

namespace {

ContainerStatus find(const RecoveryReport &report, const QString &name)
{
    const auto it = std::find_if(report.containers.cbegin(), report.containers.cend(),
                                 [&](const ContainerStatus &s) { return s.name == name; });
    return it == report.containers.cend() ? ContainerStatus() : *it;
}

QStringList namesOf(const RecoveryReport &report)
{
    QStringList names;
    for (const ContainerStatus &s : report.containers)
        names.append(s.name);
    return names;
}

/// Every name passed to a `podman start -- NAME...`, in call order (a call may name several).
QStringList startedNames(const FakePodman &fake)
{
    QStringList names;
    for (const QStringList &args : fake.startCalls())
        names += args.mid(args.indexOf(QStringLiteral("--")) + 1);
    return names;
}

QByteArray snapshotJson(const QStringList &names)
{
    QJsonArray containers;
    for (const QString &name : names)
        containers.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("image"), QStringLiteral("img:1")}});
    return QJsonDocument(QJsonObject{{QStringLiteral("timestamp"), 1000}, {QStringLiteral("containers"), containers}})
        .toJson(QJsonDocument::Compact);
}

} // namespace

class TestRecoveryAgent final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void cleanStartIsNoCrash();
    void seedCrashIsRecoveredOnce();
    void hostileNamesNeverReachPodman();
    void corruptSnapshotIsAWarning();
    void dataDirIsARegularFile();
    void missingDataDirIsCreatedPrivate();
    void secondAgentIsRefused();
    void retryAfterFix();
    void acknowledgeCrash();
    void requestHistoryNewestFirst();
    void historySurvivesTornLastLine();
    void snapshotNowWritesRunningContainers();
    void shutdownRemovesMarkerAndLock();
    void shutdownDuringHungStart();
    void startStoppedPass_data();
    void startStoppedPass();
    void crashPassAndStoppedPassStartOnce();

private:
    AgentOptions options(bool resident = false) const;
    QString path(const QString &name) const { return QDir(m_dir->path()).filePath(name); }
    QString markerPath() const { return path(archy::RunMarker::fileName()); }
    QString historyPath() const { return path(archy::History::fileName()); }
    /// open() + start(), then waits for the start-up's reportFinished().
    bool runStartup(RecoveryAgent &agent, RecoveryReport *report);
    bool setContainers(const QStringList &names, const QString &state);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QTemporaryDir> m_fakeDir;
    std::unique_ptr<FakePodman> m_fake;
};

void TestRecoveryAgent::initTestCase()
{
    qRegisterMetaType<ContainerStatus>();
    qRegisterMetaType<RecoveryReport>();
    qRegisterMetaType<QList<RecoveryReport>>();
}

void TestRecoveryAgent::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_fakeDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(m_fakeDir->isValid());
    m_fake = std::make_unique<FakePodman>(m_fakeDir->path());
}

void TestRecoveryAgent::cleanup()
{
    m_fake.reset();
}

AgentOptions TestRecoveryAgent::options(bool resident) const
{
    AgentOptions o;
    o.dataDir = m_dir->path();
    o.podmanProgram = archy::test::fakePodmanPath();
    o.snapshotDelaySec = 3600; // periodic snapshots never fire by themselves here
    o.snapshotIntervalSec = 3600;
    o.startGapSec = 0;
    o.startTimeoutSec = 5;
    o.podmanTimeoutSec = 5;
    o.maxAttempts = 1;
    o.backoffInitialMs = 50;
    o.backoffMaxMs = 100;
    o.startStopped = false;
    o.resident = resident;
    return o;
}

bool TestRecoveryAgent::runStartup(RecoveryAgent &agent, RecoveryReport *report)
{
    if (agent.open() != RecoveryAgent::OpenResult::Ok) {
        qWarning("open() failed: %s", qPrintable(agent.errorString()));
        return false;
    }
    QSignalSpy finished(&agent, &RecoveryAgent::reportFinished);
    agent.start();
    if (!finished.wait(10000))
        return false;
    *report = finished.at(0).at(0).value<RecoveryReport>();
    return finished.size() == 1;
}

bool TestRecoveryAgent::setContainers(const QStringList &names, const QString &state)
{
    QList<FakePodman::Container> containers;
    for (const QString &name : names)
        containers.append({name, QStringLiteral("img:1"), state});
    return m_fake->setContainers(containers);
}

void TestRecoveryAgent::cleanStartIsNoCrash()
{
    RecoveryAgent agent(options());
    RecoveryReport report;
    QVERIFY(runStartup(agent, &report));
    QVERIFY(!report.crashInfo.crash);
    QVERIFY(report.containers.isEmpty());
    QVERIFY(!agent.isBusy());
    QVERIFY(!QFile::exists(markerPath())); // --once keeps no marker
    const QList<QJsonDocument> lines = archy::test::readJsonLines(historyPath());
    QCOMPARE(lines.size(), 1);
    QCOMPARE(lines.first().object().value(QLatin1String("crash")), QJsonValue(false));
    QVERIFY(m_fake->startCalls().isEmpty());
}

void TestRecoveryAgent::seedCrashIsRecoveredOnce()
{
    QVERIFY(writeAll(markerPath(), "999999999"));
    QVERIFY(writeAll(path(archy::SnapshotStore::fileName()), archy::test::seedSnapshotJson()));
    QVERIFY(setContainers({QStringLiteral("archy-bitcoin-knots"), QStringLiteral("archy-mempool-web")},
                          QStringLiteral("exited")));
    {
        RecoveryAgent agent(options());
        QSignalSpy reset(&agent, &RecoveryAgent::reportReset);
        RecoveryReport report;
        QVERIFY(runStartup(agent, &report));
        QVERIFY(report.crashInfo.crash);
        QCOMPARE(report.crashInfo.previousPid, 999999999);
        QCOMPARE(report.crashInfo.snapshotAtMs, 1000 * 1000);
        QCOMPARE(report.crashInfo.containersBefore, 2);
        QCOMPARE(namesOf(report),
                 (QStringList{QStringLiteral("archy-bitcoin-knots"), QStringLiteral("archy-mempool-web")}));
        QCOMPARE(report.containers.at(0).image, QStringLiteral("bitcoin-knots:27.1"));
        for (const ContainerStatus &s : report.containers) {
            QCOMPARE(s.state, ContainerState::Running);
            QCOMPARE(s.attempts, 1);
        }
        QCOMPARE(report.recovered(), 2);
        QVERIFY(report.finishedAtMs >= report.startedAtMs);
        QVERIFY(!reset.isEmpty());
        QCOMPARE(m_fake->stateOf(QStringLiteral("archy-bitcoin-knots")), QStringLiteral("running"));
        QCOMPARE(m_fake->stateOf(QStringLiteral("archy-mempool-web")), QStringLiteral("running"));
        QVERIFY2(!QFile::exists(markerPath()), "a --once run that handled the crash must remove the marker");

        const QList<QJsonDocument> lines = archy::test::readJsonLines(historyPath());
        QCOMPARE(lines.size(), 1);
        const QJsonObject line = lines.first().object();
        QCOMPARE(line.value(QLatin1String("crash")), QJsonValue(true));
        QCOMPARE(line.value(QLatin1String("previousPid")).toDouble(), 999999999.0);
        QCOMPARE(line.value(QLatin1String("total")).toInt(), 2);
        QCOMPARE(line.value(QLatin1String("recovered")).toInt(), 2);
        QCOMPARE(line.value(QLatin1String("failed")).toArray(), QJsonArray());
        QVERIFY(QDateTime::fromString(line.value(QLatin1String("startedAt")).toString(), Qt::ISODateWithMs).isValid());
        QVERIFY(QDateTime::fromString(line.value(QLatin1String("finishedAt")).toString(), Qt::ISODateWithMs).isValid());
        const QJsonArray containers = line.value(QLatin1String("containers")).toArray();
        QCOMPARE(containers.size(), 2);
        const QJsonObject first = containers.at(0).toObject();
        QCOMPARE(first.value(QLatin1String("name")).toString(), QStringLiteral("archy-bitcoin-knots"));
        QCOMPARE(first.value(QLatin1String("image")).toString(), QStringLiteral("bitcoin-knots:27.1"));
        QCOMPARE(first.value(QLatin1String("result")).toString(), QStringLiteral("recovered"));
        QCOMPARE(first.value(QLatin1String("error")).toString(), QString());
        QCOMPARE(first.value(QLatin1String("attempts")).toInt(), 1);
    }
    // The crash was handled: the next start-up is clean and starts nothing.
    RecoveryAgent second(options());
    RecoveryReport report;
    QVERIFY(runStartup(second, &report));
    QVERIFY(!report.crashInfo.crash);
    QVERIFY(report.containers.isEmpty());
    QCOMPARE(startedNames(*m_fake).size(), 2);
    QCOMPARE(m_fake->startCalls().size(), 1); // ready together: one shared call
}

void TestRecoveryAgent::hostileNamesNeverReachPodman()
{
    const QStringList hostile{QStringLiteral(";rm -rf /"), QStringLiteral("--privileged"), QStringLiteral("$(reboot)"),
                              QStringLiteral("a\nb"), QStringLiteral("../x"), QStringLiteral("--all")};
    QVERIFY(writeAll(markerPath(), "999999999"));
    QVERIFY(writeAll(path(archy::SnapshotStore::fileName()),
                     snapshotJson(QStringList{QStringLiteral("good")} + hostile + QStringList{QStringLiteral("good2")})));
    QVERIFY(setContainers({QStringLiteral("good"), QStringLiteral("good2")}, QStringLiteral("exited")));
    RecoveryAgent agent(options());
    RecoveryReport report;
    QVERIFY(runStartup(agent, &report));
    QVERIFY(report.crashInfo.crash);
    QCOMPARE(report.containers.size(), 2 + hostile.size());
    QCOMPARE(find(report, QStringLiteral("good")).state, ContainerState::Running);
    QCOMPARE(find(report, QStringLiteral("good2")).state, ContainerState::Running);
    QCOMPARE(report.recovered(), 2);
    QCOMPARE(report.failed().size(), hostile.size());
    for (const ContainerStatus &s : report.containers) {
        if (s.state != ContainerState::Failed)
            continue;
        QVERIFY2(s.error.contains(QLatin1String("not a valid container name")), qPrintable(s.error));
        QCOMPARE(s.attempts, 0);
        QVERIFY2(!s.name.contains(QLatin1Char('\n')), "names are shown escaped");
    }

    // Nothing hostile was ever passed to the fake, not even as part of an argument.
    const QList<QStringList> calls = m_fake->calls();
    QVERIFY(!calls.isEmpty());
    for (const QStringList &args : calls) {
        for (const QString &arg : args) {
            for (const QString &bad : hostile)
                QVERIFY2(!arg.contains(bad), qPrintable(args.join(QLatin1Char(' '))));
        }
    }
    QCOMPARE(startedNames(*m_fake).size(), 2);

    // A retry of a refused name is refused too.
    agent.retry(QStringLiteral("--privileged"));
    QTest::qWait(200);
    QVERIFY(!agent.isBusy());
    QCOMPARE(startedNames(*m_fake).size(), 2);
}

void TestRecoveryAgent::corruptSnapshotIsAWarning()
{
    QVERIFY(writeAll(markerPath(), "999999999"));
    QVERIFY(writeAll(path(archy::SnapshotStore::fileName()), "not valid json"));
    RecoveryAgent agent(options());
    RecoveryReport report;
    QVERIFY(runStartup(agent, &report));
    QVERIFY(report.crashInfo.crash);
    QVERIFY(report.containers.isEmpty());
    QVERIFY2(report.crashInfo.snapshotWarning.contains(QLatin1String("corrupt")),
             qPrintable(report.crashInfo.snapshotWarning));
    QVERIFY(!QFile::exists(markerPath()));
}

void TestRecoveryAgent::dataDirIsARegularFile()
{
    const QString file = path(QStringLiteral("plain-file"));
    QVERIFY(writeAll(file, "x"));
    AgentOptions o = options();
    o.dataDir = file;
    RecoveryAgent agent(o);
    QCOMPARE(agent.open(), RecoveryAgent::OpenResult::DataDirError);
    QVERIFY2(agent.errorString().contains(file), qPrintable(agent.errorString()));

    o.dataDir = file + QStringLiteral("/below");
    RecoveryAgent below(o);
    QCOMPARE(below.open(), RecoveryAgent::OpenResult::DataDirError);
    QVERIFY2(below.errorString().contains(o.dataDir), qPrintable(below.errorString()));

    o.dataDir.clear();
    RecoveryAgent none(o);
    QCOMPARE(none.open(), RecoveryAgent::OpenResult::DataDirError);
    QVERIFY(!none.errorString().isEmpty());
}

void TestRecoveryAgent::missingDataDirIsCreatedPrivate()
{
    AgentOptions o = options();
    o.dataDir = path(QStringLiteral("new/data"));
    RecoveryAgent agent(o);
    QCOMPARE(agent.open(), RecoveryAgent::OpenResult::Ok);
    QVERIFY(QFileInfo(o.dataDir).isDir());
    QCOMPARE(archy::test::modeOf(o.dataDir), 0700);
    QCOMPARE(agent.dataDir(), o.dataDir);
}

void TestRecoveryAgent::secondAgentIsRefused()
{
    RecoveryAgent first(options(true));
    RecoveryReport report;
    QVERIFY(runStartup(first, &report));
    QVERIFY(!report.crashInfo.crash);
    QVERIFY(QFile::exists(markerPath()));
    const QByteArray marker = readAll(markerPath());
    QCOMPARE(marker.split('\n').first(), QByteArray::number(qint64(::getpid())));
    QCOMPARE(archy::test::modeOf(markerPath()), 0600);

    {
        RecoveryAgent second(options(true));
        QCOMPARE(second.open(), RecoveryAgent::OpenResult::AlreadyRunning);
        QVERIFY2(second.errorString().contains(QString::number(::getpid())), qPrintable(second.errorString()));
    }
    QCOMPARE(readAll(markerPath()), marker); // untouched by the refused one, even after it is gone

    QSignalSpy down(&first, &RecoveryAgent::shutdownFinished);
    first.shutdown();
    QVERIFY(down.wait(5000));
    QVERIFY(!QFile::exists(markerPath()));
}

void TestRecoveryAgent::retryAfterFix()
{
    QVERIFY(writeAll(markerPath(), "999999999"));
    QVERIFY(writeAll(path(archy::SnapshotStore::fileName()), snapshotJson({QStringLiteral("good"), QStringLiteral("bad")})));
    QVERIFY(setContainers({QStringLiteral("good"), QStringLiteral("bad")}, QStringLiteral("exited")));
    FakePodman::setFailNames(QStringLiteral("bad"));
    RecoveryAgent agent(options());
    RecoveryReport report;
    QVERIFY(runStartup(agent, &report));
    QCOMPARE(find(report, QStringLiteral("bad")).state, ContainerState::Failed);
    QVERIFY(find(report, QStringLiteral("bad")).error.contains(QLatin1String("unable to start container")));
    QCOMPARE(report.revision, 0);

    FakePodman::clearBehaviour(); // the problem is fixed
    QSignalSpy finished(&agent, &RecoveryAgent::reportFinished);
    QSignalSpy busy(&agent, &RecoveryAgent::busyChanged);
    agent.retry(QStringLiteral("bad"));
    QVERIFY(agent.isBusy());
    QVERIFY(finished.wait(10000));
    const auto after = finished.at(0).at(0).value<RecoveryReport>();
    const ContainerStatus bad = find(after, QStringLiteral("bad"));
    QCOMPARE(bad.state, ContainerState::Running);
    QVERIFY(bad.error.isEmpty());
    QCOMPARE(bad.attempts, 2);
    QCOMPARE(after.revision, 1);
    QCOMPARE(after.id, report.id);
    QCOMPARE(find(after, QStringLiteral("good")).attempts, 1); // not started again
    QVERIFY(!agent.isBusy());
    QCOMPARE(busy.size(), 2);
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);
    QCOMPARE(agent.currentReport().revision, 1);

    const QList<QJsonDocument> lines = archy::test::readJsonLines(historyPath());
    QCOMPARE(lines.size(), 2);
    const QJsonObject last = lines.last().object();
    QCOMPARE(last.value(QLatin1String("revision")).toInt(), 1);
    QCOMPARE(last.value(QLatin1String("recovered")).toInt(), 2);
    const QList<RecoveryReport> history = archy::History::read(m_dir->path());
    QCOMPARE(history.size(), 1); // one start-up, in its last revision
    QCOMPARE(history.first().revision, 1);
    QCOMPARE(find(history.first(), QStringLiteral("bad")).state, ContainerState::Running);
}

void TestRecoveryAgent::acknowledgeCrash()
{
    QVERIFY(writeAll(markerPath(), "999999999"));
    RecoveryAgent agent(options());
    RecoveryReport report;
    QVERIFY(runStartup(agent, &report));
    QVERIFY(report.crashInfo.crash);
    QVERIFY(!report.acknowledged);

    QSignalSpy acknowledged(&agent, &RecoveryAgent::crashAcknowledged);
    agent.acknowledgeCrash();
    QCOMPARE(acknowledged.size(), 1);
    QVERIFY(agent.currentReport().acknowledged);
    QTRY_COMPARE(archy::test::readJsonLines(historyPath()).size(), 2);
    const QJsonObject last = archy::test::readJsonLines(historyPath()).last().object();
    QCOMPARE(last.value(QLatin1String("acknowledged")), QJsonValue(true));
    QCOMPARE(last.value(QLatin1String("revision")).toInt(), report.revision + 1);
    QCOMPARE(last.value(QLatin1String("id")).toString(), report.id);

    agent.acknowledgeCrash(); // once is enough
    QTest::qWait(100);
    QCOMPARE(acknowledged.size(), 1);
    QCOMPARE(archy::test::readJsonLines(historyPath()).size(), 2);
}

void TestRecoveryAgent::requestHistoryNewestFirst()
{
    for (int i = 1; i <= 2; ++i) {
        RecoveryReport old;
        old.id = QStringLiteral("old-%1").arg(i);
        old.startedAtMs = 1000 * i;
        old.finishedAtMs = 1000 * i + 10;
        QString error;
        QVERIFY2(archy::History::append(m_dir->path(), old, &error), qPrintable(error));
    }
    RecoveryAgent agent(options());
    RecoveryReport report;
    QVERIFY(runStartup(agent, &report));
    QSignalSpy loaded(&agent, &RecoveryAgent::historyLoaded);
    agent.requestHistory();
    QVERIFY(loaded.wait(5000));
    const auto reports = loaded.at(0).at(0).value<QList<RecoveryReport>>();
    QCOMPARE(reports.size(), 3);
    QCOMPARE(reports.at(0).id, report.id);
    QCOMPARE(reports.at(1).id, QStringLiteral("old-2"));
    QCOMPARE(reports.at(2).id, QStringLiteral("old-1"));
}

void TestRecoveryAgent::historySurvivesTornLastLine()
{
    // A power cut in the middle of an append leaves a last line without its end.
    RecoveryReport old;
    old.id = QStringLiteral("old");
    old.startedAtMs = 1000;
    QString error;
    QVERIFY(archy::History::append(m_dir->path(), old, &error));
    QFile file(historyPath());
    QVERIFY(file.open(QIODevice::Append));
    QVERIFY(file.write("{\"id\":\"torn\",\"crash\":tr") > 0);
    file.close();

    RecoveryAgent agent(options());
    RecoveryReport report;
    QVERIFY(runStartup(agent, &report));
    const QList<RecoveryReport> history = archy::History::read(m_dir->path());
    QStringList ids;
    for (const RecoveryReport &r : history)
        ids.append(r.id);
    // The torn line is lost; the new start-up must not be lost with it.
    QCOMPARE(ids, (QStringList{report.id, QStringLiteral("old")}));
}

void TestRecoveryAgent::snapshotNowWritesRunningContainers()
{
    QVERIFY(m_fake->setContainers({{QStringLiteral("web"), QStringLiteral("nginx:1"), QStringLiteral("running")},
                                   {QStringLiteral("db"), QStringLiteral("postgres:16"), QStringLiteral("running")},
                                   {QStringLiteral("old"), QStringLiteral("old:1"), QStringLiteral("exited")}}));
    RecoveryAgent agent(options(true));
    RecoveryReport report;
    QVERIFY(runStartup(agent, &report));
    QSignalSpy written(&agent, &RecoveryAgent::snapshotWritten);
    agent.snapshotNow();
    QVERIFY(written.wait(5000));
    QCOMPARE(written.at(0).at(0).toInt(), 2);
    const QString snapshotPath = path(archy::SnapshotStore::fileName());
    QCOMPARE(archy::test::modeOf(snapshotPath), 0600);
    archy::Snapshot snapshot;
    QString error;
    QVERIFY2(archy::Snapshot::fromJson(readAll(snapshotPath), &snapshot, &error), qPrintable(error));
    QStringList names;
    for (const archy::SnapshotEntry &e : snapshot.containers)
        names.append(e.name + QLatin1Char('=') + e.image);
    names.sort();
    QCOMPARE(names, (QStringList{QStringLiteral("db=postgres:16"), QStringLiteral("web=nginx:1")}));
    QVERIFY(qAbs(snapshot.timestamp - QDateTime::currentSecsSinceEpoch()) < 60);
    // The seed's reader would accept it: the same keys.
    const QJsonObject root = QJsonDocument::fromJson(readAll(snapshotPath)).object();
    QVERIFY(root.value(QLatin1String("timestamp")).isDouble());
    QCOMPARE(root.value(QLatin1String("containers")).toArray().size(), 2);

    QSignalSpy down(&agent, &RecoveryAgent::shutdownFinished);
    agent.shutdown();
    QVERIFY(down.wait(5000));
}

void TestRecoveryAgent::shutdownRemovesMarkerAndLock()
{
    RecoveryAgent agent(options(true));
    RecoveryReport report;
    QVERIFY(runStartup(agent, &report));
    QVERIFY(QFile::exists(markerPath()));
    QSignalSpy down(&agent, &RecoveryAgent::shutdownFinished);
    agent.shutdown();
    QVERIFY(down.wait(5000));
    QTest::qWait(50);
    QCOMPARE(down.size(), 1);
    QVERIFY(!QFile::exists(markerPath()));
    for (const qint64 pid : m_fake->pids()) // `podman events` included
        QVERIFY2(!archy::test::processExists(pid), "a fake podman outlived shutdown()");
    archy::InstanceLock lock(path(archy::InstanceLock::fileName()));
    QCOMPARE(lock.tryLock(), archy::InstanceLock::Result::Acquired);
    lock.unlock();

    // Clean shutdown: the next start-up is no crash.
    RecoveryAgent next(options());
    QVERIFY(runStartup(next, &report));
    QVERIFY(!report.crashInfo.crash);
}

void TestRecoveryAgent::shutdownDuringHungStart()
{
    QVERIFY(writeAll(markerPath(), "999999999"));
    QVERIFY(writeAll(path(archy::SnapshotStore::fileName()), snapshotJson({QStringLiteral("stuck")})));
    QVERIFY(setContainers({QStringLiteral("stuck")}, QStringLiteral("exited")));
    FakePodman::setMode(QStringLiteral("start=hang"));
    RecoveryAgent agent(options(true));
    QCOMPARE(agent.open(), RecoveryAgent::OpenResult::Ok);
    QSignalSpy down(&agent, &RecoveryAgent::shutdownFinished);
    agent.start();
    QTRY_COMPARE(m_fake->startCalls().size(), 1);
    QTRY_COMPARE(m_fake->pids().size(), m_fake->calls().size()); // the hung start is running
    QElapsedTimer timer;
    timer.start();
    agent.shutdown();
    // Killing `podman start` at once can leave the container "initialized" (no later start works):
    // it may finish within its own timeout (5 s here) or RecoveryRun::ShutdownGraceMs, whichever
    // is first; then it is cut off and undone (stop -t 0).
    const int bound = qMin(5000, archy::RecoveryRun::ShutdownGraceMs);
    QVERIFY(down.wait(bound + 10000));
    QVERIFY2(timer.elapsed() >= bound - 1000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY2(timer.elapsed() < bound + 8000, qPrintable(QString::number(timer.elapsed())));
    QVERIFY(m_fake->calls().contains(QStringList{QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("0"),
                                                 QStringLiteral("--"), QStringLiteral("stuck")}));
    QCOMPARE(m_fake->stateOf(QStringLiteral("stuck")), QStringLiteral("exited"));
    for (const qint64 pid : m_fake->pids())
        QVERIFY2(!archy::test::processExists(pid), "a fake podman outlived shutdown()");
}

void TestRecoveryAgent::startStoppedPass_data()
{
    QTest::addColumn<bool>("startStopped");
    QTest::newRow("on") << true;
    QTest::newRow("off") << false;
}

void TestRecoveryAgent::startStoppedPass()
{
    QFETCH(bool, startStopped);
    QVERIFY(m_fake->setContainers({{QStringLiteral("stopped1"), QStringLiteral("a:1"), QStringLiteral("exited")},
                                   {QStringLiteral("created1"), QStringLiteral("b:1"), QStringLiteral("created")},
                                   {QStringLiteral("running1"), QStringLiteral("c:1"), QStringLiteral("running")}}));
    AgentOptions o = options();
    o.startStopped = startStopped;
    RecoveryAgent agent(o);
    RecoveryReport report;
    QVERIFY(runStartup(agent, &report));
    QVERIFY(!report.crashInfo.crash);
    if (!startStopped) {
        QVERIFY(report.containers.isEmpty());
        QVERIFY(m_fake->startCalls().isEmpty());
        QCOMPARE(m_fake->stateOf(QStringLiteral("stopped1")), QStringLiteral("exited"));
        return;
    }
    QStringList names = namesOf(report);
    names.sort();
    QCOMPARE(names, (QStringList{QStringLiteral("created1"), QStringLiteral("stopped1")}));
    QCOMPARE(find(report, QStringLiteral("stopped1")).image, QStringLiteral("a:1"));
    QCOMPARE(report.recovered(), 2);
    QCOMPARE(m_fake->stateOf(QStringLiteral("stopped1")), QStringLiteral("running"));
    QCOMPARE(m_fake->stateOf(QStringLiteral("created1")), QStringLiteral("running"));
    QCOMPARE(startedNames(*m_fake).size(), 2);
}

void TestRecoveryAgent::crashPassAndStoppedPassStartOnce()
{
    // On a crash the snapshot says what ran: a container that was stopped then ("other") stays so,
    // one already running again ("live") is reported, not started, and each other one gets one try.
    QVERIFY(writeAll(markerPath(), "999999999"));
    QVERIFY(writeAll(path(archy::SnapshotStore::fileName()),
                     snapshotJson({QStringLiteral("web"), QStringLiteral("bad"), QStringLiteral("live")})));
    QVERIFY(m_fake->setContainers({{QStringLiteral("web"), QStringLiteral("img:1"), QStringLiteral("exited")},
                                   {QStringLiteral("bad"), QStringLiteral("img:1"), QStringLiteral("exited")},
                                   {QStringLiteral("other"), QStringLiteral("img:1"), QStringLiteral("exited")},
                                   {QStringLiteral("live"), QStringLiteral("img:1"), QStringLiteral("running")}}));
    FakePodman::setFailNames(QStringLiteral("bad"));
    AgentOptions o = options();
    o.startStopped = true;
    RecoveryAgent agent(o);
    RecoveryReport report;
    QVERIFY(runStartup(agent, &report));
    QCOMPARE(namesOf(report), (QStringList{QStringLiteral("web"), QStringLiteral("bad"), QStringLiteral("live")}));
    QCOMPARE(find(report, QStringLiteral("web")).state, ContainerState::Running);
    QCOMPARE(find(report, QStringLiteral("bad")).state, ContainerState::Failed);
    QCOMPARE(find(report, QStringLiteral("live")).state, ContainerState::Running);
    QCOMPARE(find(report, QStringLiteral("live")).attempts, 0);
    QHash<QString, int> starts;
    for (const QString &name : startedNames(*m_fake))
        starts[name] += 1;
    // web and bad share a call; bad, which failed in it, gets one of its own: its one attempt.
    QCOMPARE(starts.value(QStringLiteral("web")), 1);
    QCOMPARE(starts.value(QStringLiteral("bad")), 2);
    QCOMPARE(find(report, QStringLiteral("bad")).attempts, 1);
    QCOMPARE(starts.value(QStringLiteral("live")), 0);
    QCOMPARE(starts.value(QStringLiteral("other")), 0);
    QCOMPARE(m_fake->stateOf(QStringLiteral("other")), QStringLiteral("exited"));
}

QTEST_GUILESS_MAIN(TestRecoveryAgent)
#include "tst_recoveryagent.moc"
