// The fleet as screens see it: every container podman lists, with its live state, problems first,
// and one podman problem instead of N identical row errors.

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "TestSupport.h"
#include "recovery/FleetView.h"
#include "recovery/RecoveryAgent.h"
#include "state/ContainerTracker.h"
#include "state/RunMarker.h"
#include "state/Snapshot.h"

using namespace archy;
using archy::test::FakePodman;
using archy::test::writeAll;

namespace {
ContainerStatus findStatus(const RecoveryReport &report, const QString &name)
{
    for (const ContainerStatus &status : report.containers) {
        if (status.name == name)
            return status;
    }
    return {};
}
} // namespace

class TestFleetView final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void cleanStartListsEveryRunningContainer();
    void crashShowsProblemsFirstAndEveryOtherState();
    void headlessOnceListsNothingBeyondTheSnapshot();
    void firstStartIsTold();
    void missingPodmanIsOneProblem();
    void failingPodmanIsOneProblem();
    void logLinesAreCleanAndBounded();
    void fleetJsonRoundTrip();
    void trackerWinsOnlyWhereItKnows();
    void residentKeepsListedStatesUntilTheTrackerKnows();

private:
    AgentOptions options() const;
    static QStringList statesOf(const Fleet &fleet);
    bool writeState(const QJsonArray &containers) const;
    static QJsonObject container(const QString &name, const QString &state, const QJsonObject &labels = {});
    Fleet startAndGetFleet(RecoveryAgent &agent);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QTemporaryDir> m_fakeDir;
    std::unique_ptr<FakePodman> m_fake;
};

namespace {
int psCalls(const FakePodman &fake)
{
    int count = 0;
    for (const QStringList &args : fake.calls())
        count += args.value(0) == QLatin1String("ps") ? 1 : 0;
    return count;
}
} // namespace

void TestFleetView::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_fakeDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid() && m_fakeDir->isValid());
    m_fake = std::make_unique<FakePodman>(m_fakeDir->path());
}

void TestFleetView::cleanup()
{
    m_fake.reset();
}

AgentOptions TestFleetView::options() const
{
    AgentOptions o;
    o.dataDir = m_dir->path();
    o.podmanProgram = archy::test::fakePodmanPath();
    o.snapshotDelaySec = 3600;
    o.snapshotIntervalSec = 3600;
    o.startGapSec = 0;
    o.startTimeoutSec = 5;
    o.podmanTimeoutSec = 5;
    o.maxAttempts = 1;
    o.startStopped = false;
    o.resident = false;
    return o;
}

QJsonObject TestFleetView::container(const QString &name, const QString &state, const QJsonObject &labels)
{
    QJsonObject object;
    object.insert(QStringLiteral("name"), name);
    object.insert(QStringLiteral("image"), QStringLiteral("img:%1").arg(name));
    object.insert(QStringLiteral("state"), state);
    if (!labels.isEmpty())
        object.insert(QStringLiteral("labels"), labels);
    return object;
}

bool TestFleetView::writeState(const QJsonArray &containers) const
{
    QJsonObject root;
    root.insert(QStringLiteral("containers"), containers);
    return writeAll(m_fake->statePath(), QJsonDocument(root).toJson());
}

QStringList TestFleetView::statesOf(const Fleet &fleet)
{
    QStringList states;
    for (const FleetEntry &entry : fleet.containers)
        states << entry.name() + QLatin1Char('=') + fleetStateKey(entry.state);
    states.sort();
    return states;
}

Fleet TestFleetView::startAndGetFleet(RecoveryAgent &agent)
{
    if (agent.open() != RecoveryAgent::OpenResult::Ok)
        return {};
    QSignalSpy finished(&agent, &RecoveryAgent::reportFinished);
    QSignalSpy changed(&agent, &RecoveryBackend::fleetChanged);
    agent.start();
    if (!finished.wait(10000))
        return {};
    // fleetChanged is coalesced per event-loop turn: the last one carries the final state.
    if (!QTest::qWaitFor(
            [&] { return !changed.isEmpty() && changed.constLast().at(0).value<Fleet>().listed; }, 5000))
        return {};
    const Fleet announced = changed.constLast().at(0).value<Fleet>();
    const Fleet pulled = agent.fleet();
    if (announced.toJson() != pulled.toJson())
        qWarning("fleetChanged and fleet() disagree");
    return pulled;
}

void TestFleetView::cleanStartListsEveryRunningContainer()
{
    QJsonArray containers;
    for (int i = 1; i <= 8; ++i)
        containers.append(container(QStringLiteral("svc-%1").arg(i), QStringLiteral("running")));
    QVERIFY(writeState(containers));
    RecoveryAgent agent(options());
    const Fleet fleet = startAndGetFleet(agent);
    QVERIFY(fleet.listed);
    QVERIFY(fleet.podmanProblem.isEmpty());
    QCOMPARE(fleet.containers.size(), 8);
    QCOMPARE(fleet.count(FleetState::Running), 8);
    QCOMPARE(fleet.containers.at(0).status.image, QStringLiteral("img:svc-1"));
    // The start-up acted on none of them: a clean start with everything already running.
    QVERIFY(agent.currentReport().containers.isEmpty());
    QVERIFY(m_fake->startCalls().isEmpty());
    // Without a snapshot the plan needs the whole listing too: the fleet's `ps -a` serves both.
    QCOMPARE(psCalls(*m_fake), 1);
}

void TestFleetView::crashShowsProblemsFirstAndEveryOtherState()
{
    // A crash: lnd and web ran at the snapshot; lnd cannot start. Others were never part of it.
    QVERIFY(writeAll(QDir(m_dir->path()).filePath(RunMarker::fileName()), "999999999"));
    QVERIFY(writeAll(QDir(m_dir->path()).filePath(SnapshotStore::fileName()),
                     "{\"timestamp\":1000,\"containers\":[{\"name\":\"web\",\"image\":\"img:web\"},"
                     "{\"name\":\"lnd\",\"image\":\"img:lnd\"}],"
                     "\"stoppedByOwner\":[{\"name\":\"paused\",\"image\":\"img:paused\"}]}"));
    QJsonObject ignore;
    ignore.insert(QStringLiteral("io.archipelago.recovery"), QStringLiteral("ignore"));
    QVERIFY(writeState({container(QStringLiteral("web"), QStringLiteral("exited")),
                        container(QStringLiteral("lnd"), QStringLiteral("exited")),
                        container(QStringLiteral("already"), QStringLiteral("running")),
                        container(QStringLiteral("paused"), QStringLiteral("exited")),
                        container(QStringLiteral("created"), QStringLiteral("created")),
                        container(QStringLiteral("skipme"), QStringLiteral("running"), ignore)}));
    FakePodman::setFailNames(QStringLiteral("lnd"));
    RecoveryAgent agent(options());
    const Fleet fleet = startAndGetFleet(agent);
    QStringList order;
    for (const FleetEntry &entry : fleet.containers)
        order << entry.name() + QLatin1Char('=') + fleetStateKey(entry.state);
    QCOMPARE(order, (QStringList{QStringLiteral("lnd=failed"), QStringLiteral("already=running"),
                                 QStringLiteral("web=running"), QStringLiteral("paused=stopped-by-owner"),
                                 QStringLiteral("created=stopped"), QStringLiteral("skipme=ignored")}));
    const FleetEntry *lnd = fleet.find(QStringLiteral("lnd"));
    QVERIFY(lnd);
    QVERIFY(lnd->inRun);
    QCOMPARE(lnd->status.attempts, 1);
    QVERIFY(lnd->status.error.contains(QLatin1String("runc")));
    QVERIFY(!fleet.find(QStringLiteral("already"))->inRun);
    QCOMPARE(fleet.problems(), 1);
}

void TestFleetView::headlessOnceListsNothingBeyondTheSnapshot()
{
    // A headless --once run shows no fleet: the snapshot's inspect is all it asks podman, then starts.
    QVERIFY(writeAll(QDir(m_dir->path()).filePath(RunMarker::fileName()), "999999999"));
    QVERIFY(writeAll(QDir(m_dir->path()).filePath(SnapshotStore::fileName()),
                     "{\"timestamp\":1000,\"containers\":[{\"name\":\"web\",\"image\":\"img:web\"}]}"));
    QVERIFY(writeState({container(QStringLiteral("web"), QStringLiteral("exited")),
                        container(QStringLiteral("other"), QStringLiteral("running"))}));
    AgentOptions headless = options();
    headless.listWholeFleet = false;
    RecoveryAgent agent(headless);
    QCOMPARE(agent.open(), RecoveryAgent::OpenResult::Ok);
    QSignalSpy finished(&agent, &RecoveryAgent::reportFinished);
    agent.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(agent.currentReport().recovered(), 1);
    QCOMPARE(psCalls(*m_fake), 0);
    QCOMPARE(m_fake->calls().size(), 2); // inspect, start
    QVERIFY(!agent.fleet().listed);
}

void TestFleetView::firstStartIsTold()
{
    {
        RecoveryAgent agent(options());
        startAndGetFleet(agent);
        QVERIFY(!agent.currentReport().crashInfo.crash);
        QVERIFY(agent.currentReport().crashInfo.firstStart);
    }
    QVERIFY(writeAll(QDir(m_dir->path()).filePath(SnapshotStore::fileName()),
                     "{\"timestamp\":1000,\"containers\":[]}"));
    RecoveryAgent again(options());
    startAndGetFleet(again);
    QVERIFY(!again.currentReport().crashInfo.firstStart);
}

void TestFleetView::missingPodmanIsOneProblem()
{
    AgentOptions o = options();
    o.podmanProgram = m_fakeDir->filePath(QStringLiteral("no-such-podman"));
    RecoveryAgent agent(o);
    QCOMPARE(agent.open(), RecoveryAgent::OpenResult::Ok);
    QVERIFY(agent.fleet().podmanProblem.contains(QLatin1String("no-such-podman")));
    QVERIFY(!agent.fleet().listed);
}

void TestFleetView::failingPodmanIsOneProblem()
{
    FakePodman::setMode(QStringLiteral("ps=fail:125:Error: database storage is broken"));
    RecoveryAgent agent(options());
    QCOMPARE(agent.open(), RecoveryAgent::OpenResult::Ok);
    QSignalSpy finished(&agent, &RecoveryAgent::reportFinished);
    agent.start();
    QVERIFY(finished.wait(10000));
    QTRY_VERIFY(agent.fleet().podmanProblem.contains(QLatin1String("storage is broken")));
}

void TestFleetView::logLinesAreCleanAndBounded()
{
    const QStringList lines = FleetView::logLines("one\r\ntwo\x1b[31mred\x07\n\n", "err\ttab\n", 20);
    QCOMPARE(lines, (QStringList{QStringLiteral("one"), QStringLiteral("two[31mred"),
                                 QStringLiteral("err    tab")}));
    QByteArray many;
    for (int i = 0; i < 50; ++i)
        many += QByteArray::number(i) + '\n';
    const QStringList tail = FleetView::logLines(many, {}, 20);
    QCOMPARE(tail.size(), 20);
    QCOMPARE(tail.constFirst(), QStringLiteral("30"));
    QCOMPARE(tail.constLast(), QStringLiteral("49"));
    const QStringList longLine = FleetView::logLines(QByteArray(5000, 'x'), {}, 20);
    QCOMPARE(longLine.constFirst().size(), FleetView::MaxLogLineLength);
}

void TestFleetView::fleetJsonRoundTrip()
{
    Fleet fleet;
    fleet.listed = true;
    fleet.podmanProblem = QStringLiteral("podman is gone");
    FleetEntry entry;
    entry.status.name = QStringLiteral("db");
    entry.status.waitingFor = {QStringLiteral("net")};
    entry.status.retryAtMs = 1234;
    entry.state = FleetState::Retrying;
    entry.inRun = true;
    fleet.containers.append(entry);
    const Fleet back = Fleet::fromJson(fleet.toJson());
    QCOMPARE(back.toJson(), fleet.toJson());
    QVERIFY(back.containers.constFirst() == entry);
    for (int s = int(FleetState::Failed); s <= int(FleetState::Ignored); ++s)
        QCOMPARE(fleetStateFromKey(fleetStateKey(FleetState(s))), FleetState(s));
}

void TestFleetView::trackerWinsOnlyWhereItKnows()
{
    auto ps = [](const QString &name, const QString &state) {
        PsEntry entry;
        entry.name = name;
        entry.image = QStringLiteral("img:") + name;
        entry.state = state;
        return entry;
    };
    FleetView view(Podman(archy::test::fakePodmanPath()), 5000);
    view.setListing({ps(QStringLiteral("web"), QStringLiteral("running")),
                     ps(QStringLiteral("extra"), QStringLiteral("running")),
                     ps(QStringLiteral("db"), QStringLiteral("exited"))});
    // Straight after load() the tracker knows what should run, not what runs: the listing decides.
    Snapshot snapshot;
    snapshot.containers = {SnapshotEntry{QStringLiteral("web"), QStringLiteral("img:web"), {}, {}},
                           SnapshotEntry{QStringLiteral("db"), QStringLiteral("img:db"), {}, {}}};
    ContainerTracker tracker;
    tracker.load(snapshot);
    view.setTracker(&tracker);
    QCOMPARE(statesOf(view.fleet()),
             (QStringList{QStringLiteral("db=stopped"), QStringLiteral("extra=running"),
                          QStringLiteral("web=running")}));

    // Once podman told the tracker something, the tracker is newer than the listing.
    PodmanEvent stop;
    stop.name = QStringLiteral("web");
    stop.status = QStringLiteral("stop");
    tracker.apply(stop, 1000);
    PodmanEvent died = stop;
    died.status = QStringLiteral("died");
    died.exitCode = 143;
    tracker.apply(died, 1100);
    PodmanEvent start;
    start.name = QStringLiteral("db");
    start.status = QStringLiteral("start");
    tracker.apply(start, 1200);
    QCOMPARE(statesOf(view.fleet()),
             (QStringList{QStringLiteral("db=running"), QStringLiteral("extra=running"),
                          QStringLiteral("web=stopped-by-owner")}));
    tracker.reconcile({ps(QStringLiteral("web"), QStringLiteral("exited")),
                       ps(QStringLiteral("extra"), QStringLiteral("exited")),
                       ps(QStringLiteral("db"), QStringLiteral("running"))});
    QCOMPARE(statesOf(view.fleet()),
             (QStringList{QStringLiteral("db=running"), QStringLiteral("extra=stopped"),
                          QStringLiteral("web=stopped-by-owner")}));
}

void TestFleetView::residentKeepsListedStatesUntilTheTrackerKnows()
{
    // A crash under the resident agent: web ran at the snapshot and still runs ("already running"),
    // db must be started, extra runs but was never snapshotted, and paused, which the owner had
    // stopped, was started by hand since.
    QVERIFY(writeAll(QDir(m_dir->path()).filePath(RunMarker::fileName()), "999999999"));
    QVERIFY(writeAll(QDir(m_dir->path()).filePath(SnapshotStore::fileName()),
                     "{\"timestamp\":1000,\"containers\":[{\"name\":\"web\",\"image\":\"img:web\"},"
                     "{\"name\":\"db\",\"image\":\"img:db\"}],"
                     "\"stoppedByOwner\":[{\"name\":\"paused\",\"image\":\"img:paused\"}]}"));
    QVERIFY(writeState({container(QStringLiteral("web"), QStringLiteral("running")),
                        container(QStringLiteral("db"), QStringLiteral("exited")),
                        container(QStringLiteral("extra"), QStringLiteral("running")),
                        container(QStringLiteral("paused"), QStringLiteral("running"))}));
    // db's start is slow, so the start-up's listing is in before the start-up ends...
    FakePodman::setMode(QStringLiteral("start=slow:1000"));
    AgentOptions o = options();
    o.resident = true;
    RecoveryAgent agent(o);
    QCOMPARE(agent.open(), RecoveryAgent::OpenResult::Ok);
    QSignalSpy finished(&agent, &RecoveryAgent::reportFinished);
    agent.start();
    QTRY_VERIFY_WITH_TIMEOUT(agent.fleet().listed, 10000);
    QVERIFY(finished.isEmpty());
    // ...and the watchdog's first listing never answers: the tracker knows only the snapshot.
    FakePodman::setMode(QStringLiteral("ps=hang"));
    QVERIFY(finished.wait(10000));
    const ContainerStatus web = findStatus(agent.currentReport(), QStringLiteral("web"));
    QCOMPARE(web.state, ContainerState::Running);
    QVERIFY(!web.note.isEmpty()); // "Was already running."
    QCOMPARE(statesOf(agent.fleet()),
             (QStringList{QStringLiteral("db=running"), QStringLiteral("extra=running"),
                          QStringLiteral("paused=running"), QStringLiteral("web=running")}));
    QSignalSpy down(&agent, &RecoveryAgent::shutdownFinished);
    agent.shutdown();
    QVERIFY(down.wait(10000));
}

QTEST_GUILESS_MAIN(TestFleetView)
#include "tst_fleetview.moc"
