#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <memory>

#include "TestSupport.h"
#include "podman/Podman.h"
#include "recovery/RecoveryRun.h"

using archy::ContainerState;
using archy::ContainerStatus;
using archy::Podman;
using archy::RecoveryRun;
using archy::RecoveryTarget;
using archy::RunPolicy;
using archy::test::FakePodman;

Q_DECLARE_METATYPE(archy::ContainerState)

namespace {

RecoveryTarget target(const QString &name, const QStringList &after = {})
{
    RecoveryTarget t;
    t.status.name = name;
    t.status.image = name + QStringLiteral(":latest");
    t.after = after;
    return t;
}

RunPolicy fastPolicy()
{
    RunPolicy policy;
    policy.parallel = 1;
    policy.startGapMs = 0;
    policy.startTimeoutMs = 5000;
    policy.maxAttempts = 1;
    policy.backoffInitialMs = 50;
    policy.backoffMaxMs = 200;
    return policy;
}

ContainerStatus statusOf(const RecoveryRun &run, const QString &name)
{
    const QList<ContainerStatus> all = run.statuses();
    const auto it =
        std::find_if(all.cbegin(), all.cend(), [&](const ContainerStatus &s) { return s.name == name; });
    return it == all.cend() ? ContainerStatus() : *it;
}

} // namespace

class TestRecoveryRun final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void allStarted();
    void startGapRespected();
    void parallelStarts();
    void failingContainerGivesUpAfterMaxAttempts();
    void flakyContainerRecoversWithinAttempts();
    void timeoutFails();
    void dependencyWaits();
    void dependencyCycleIsBroken_data();
    void dependencyCycleIsBroken();
    void backoff_data();
    void backoff();
    void cancelStopsEverything();
    void halfStartedIsRepairedBeforeStarting();
    void containerChangedSequence_data();
    void containerChangedSequence();
    void preFailedTargetNeverReachesPodman();
    void podmanUnavailableFailsAll();
    void duplicateNamesStartOnce();
    void emptyRunFinishes();
    void batchSharesOneCall();
    void batchFailureRetriedAlone();
    void batchSplitsOverParallelCalls();
    void noBatchWithParallelOneOrGap_data();
    void noBatchWithParallelOneOrGap();
    void failedDependencyHoldsDependant();
    void failedDependencyFailsDependantInOneShot();
    void enqueuedRetryWaitsForDependency();
    void enqueueDuringFlightIsIgnored();

private:
    /// Starts @p run and waits for finished(); fails the test if it never comes.
    bool runToEnd(RecoveryRun &run, int timeoutMs = 8000);
    bool setExited(const QStringList &names);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakePodman> m_fake;
    Podman m_podman;
};

void TestRecoveryRun::initTestCase()
{
    qRegisterMetaType<ContainerStatus>();
    m_podman = Podman(archy::test::fakePodmanPath());
    QVERIFY(m_podman.isAvailable());
}

void TestRecoveryRun::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_fake = std::make_unique<FakePodman>(m_dir->path());
}

void TestRecoveryRun::cleanup()
{
    m_fake.reset();
}

bool TestRecoveryRun::setExited(const QStringList &names)
{
    QList<FakePodman::Container> containers;
    for (const QString &name : names)
        containers.append({name, name + QStringLiteral(":latest"), QStringLiteral("exited")});
    return m_fake->setContainers(containers);
}

bool TestRecoveryRun::runToEnd(RecoveryRun &run, int timeoutMs)
{
    QSignalSpy finished(&run, &RecoveryRun::finished);
    run.start();
    if (!finished.wait(timeoutMs))
        return false;
    QTest::qWait(20); // a second finished() would show up here
    return finished.size() == 1 && run.isFinished();
}

void TestRecoveryRun::allStarted()
{
    const QStringList names{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    QVERIFY(setExited(names));
    RecoveryRun run(m_podman, fastPolicy(), {target(names[0]), target(names[1]), target(names[2])});
    QVERIFY(runToEnd(run));
    const QList<ContainerStatus> statuses = run.statuses();
    QCOMPARE(statuses.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const ContainerStatus &s = statuses.at(i);
        QCOMPARE(s.name, names.at(i)); // order kept
        QCOMPARE(s.state, ContainerState::Running);
        QCOMPARE(s.attempts, 1);
        QVERIFY(s.error.isEmpty());
        QVERIFY(s.startedAtMs > 0);
        QVERIFY(s.finishedAtMs >= s.startedAtMs);
        QCOMPARE(m_fake->stateOf(names.at(i)), QStringLiteral("running"));
    }
    // One `podman start -- NAME` per container.
    const QList<QStringList> starts = m_fake->startCalls();
    QCOMPARE(starts.size(), 3);
    for (int i = 0; i < 3; ++i)
        QCOMPARE(starts.at(i), Podman::startArguments({names.at(i)}));
}

void TestRecoveryRun::startGapRespected()
{
    const QStringList names{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    QVERIFY(setExited(names));
    RunPolicy policy = fastPolicy();
    policy.startGapMs = 300;
    policy.parallel = 3; // the gap holds even when more may run at once
    RecoveryRun run(m_podman, policy, {target(names[0]), target(names[1]), target(names[2])});
    QVERIFY(runToEnd(run));
    const QList<ContainerStatus> s = run.statuses();
    for (const ContainerStatus &status : s)
        QCOMPARE(status.state, ContainerState::Running);
    QVERIFY2(s[1].startedAtMs - s[0].startedAtMs >= 300,
             qPrintable(QString::number(s[1].startedAtMs - s[0].startedAtMs)));
    QVERIFY2(s[2].startedAtMs - s[1].startedAtMs >= 300,
             qPrintable(QString::number(s[2].startedAtMs - s[1].startedAtMs)));
    QVERIFY(s[2].startedAtMs - s[0].startedAtMs >= 600);
}

void TestRecoveryRun::parallelStarts()
{
    const QStringList names{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    QVERIFY(setExited(names));
    // 1 s per start: the overhead of starting a process (several times larger under the sanitizers
    // and on a loaded machine) stays small beside the 2 s that separate parallel from serial.
    FakePodman::setMode(QStringLiteral("start=slow:1000"));
    RunPolicy policy = fastPolicy();
    policy.parallel = 3;
    RecoveryRun run(m_podman, policy, {target(names[0]), target(names[1]), target(names[2])});
    QVERIFY(runToEnd(run));
    const QList<ContainerStatus> s = run.statuses();
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = 0;
    for (const ContainerStatus &status : s) {
        QCOMPARE(status.state, ContainerState::Running);
        QVERIFY(status.finishedAtMs - status.startedAtMs >= 1000); // the fake really was slow
        first = qMin(first, status.startedAtMs);
        last = qMax(last, status.finishedAtMs);
    }
    // In series it would take 3000 ms.
    QVERIFY2(last - first < 2000, qPrintable(QString::number(last - first)));
}

void TestRecoveryRun::failingContainerGivesUpAfterMaxAttempts()
{
    const QStringList names{QStringLiteral("good1"), QStringLiteral("bad"), QStringLiteral("good2")};
    QVERIFY(setExited(names));
    FakePodman::setFailNames(QStringLiteral("bad"));
    RunPolicy policy = fastPolicy();
    policy.maxAttempts = 3;
    policy.backoffInitialMs = 50;
    RecoveryRun run(m_podman, policy, {target(names[0]), target(names[1]), target(names[2])});
    QVERIFY(runToEnd(run));
    const ContainerStatus bad = statusOf(run, QStringLiteral("bad"));
    QCOMPARE(bad.state, ContainerState::Failed);
    QCOMPARE(bad.attempts, 3);
    QVERIFY2(bad.error.contains(QLatin1String("unable to start container")), qPrintable(bad.error));
    QVERIFY(bad.finishedAtMs > 0);
    for (const QString &name : {QStringLiteral("good1"), QStringLiteral("good2")}) {
        const ContainerStatus good = statusOf(run, name);
        QCOMPARE(good.state, ContainerState::Running);
        QCOMPARE(good.attempts, 1);
    }
    int badStarts = 0;
    for (const QStringList &args : m_fake->startCalls())
        badStarts += args.contains(QStringLiteral("bad")) ? 1 : 0;
    QCOMPARE(badStarts, 3);
    QCOMPARE(m_fake->stateOf(QStringLiteral("bad")), QStringLiteral("exited"));
}

void TestRecoveryRun::flakyContainerRecoversWithinAttempts()
{
    QVERIFY(setExited({QStringLiteral("flaky")}));
    FakePodman::setFailTimes(QStringLiteral("flaky:2"));
    RunPolicy policy = fastPolicy();
    policy.maxAttempts = 5;
    policy.backoffInitialMs = 50;
    RecoveryRun run(m_podman, policy, {target(QStringLiteral("flaky"))});
    QVERIFY(runToEnd(run));
    const ContainerStatus flaky = statusOf(run, QStringLiteral("flaky"));
    QCOMPARE(flaky.state, ContainerState::Running);
    QCOMPARE(flaky.attempts, 3);
    QVERIFY2(flaky.error.isEmpty(), qPrintable(flaky.error)); // the old failure is not shown as current
    // Backoff: 50 ms then 100 ms between the attempts.
    QVERIFY2(flaky.finishedAtMs - flaky.startedAtMs >= 150,
             qPrintable(QString::number(flaky.finishedAtMs - flaky.startedAtMs)));
    QCOMPARE(m_fake->startCalls().size(), 3);
}

void TestRecoveryRun::timeoutFails()
{
    QVERIFY(setExited({QStringLiteral("stuck"), QStringLiteral("fine")}));
    FakePodman::setMode(QStringLiteral("start=hang"));
    RunPolicy policy = fastPolicy();
    policy.startTimeoutMs = 500;
    RecoveryRun run(m_podman, policy, {target(QStringLiteral("stuck"))});
    QElapsedTimer timer;
    timer.start();
    QVERIFY(runToEnd(run));
    QVERIFY(timer.elapsed() >= 450); // coarse timers may fire up to 5 % early
    const ContainerStatus stuck = statusOf(run, QStringLiteral("stuck"));
    QCOMPARE(stuck.state, ContainerState::Failed);
    QCOMPARE(stuck.attempts, 1);
    QVERIFY2(stuck.error.contains(QLatin1String("did not answer")), qPrintable(stuck.error));
    // The cut-off start may have left it "initialized": it was undone with `stop -t 0`.
    const QStringList undo{QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("0"),
                           QStringLiteral("--"), QStringLiteral("stuck")};
    QCOMPARE(m_fake->calls().constLast(), undo);
    QCOMPARE(m_fake->stateOf(QStringLiteral("stuck")), QStringLiteral("exited"));
    const QList<qint64> pids = m_fake->pids();
    QCOMPARE(pids.size(), 2);
    for (const qint64 pid : pids)
        QVERIFY2(!archy::test::processExists(pid), "a hung fake podman was left alive");
}

void TestRecoveryRun::dependencyWaits()
{
    QVERIFY(setExited({QStringLiteral("app"), QStringLiteral("db")}));
    FakePodman::setMode(QStringLiteral("start=slow:200"));
    RunPolicy policy = fastPolicy();
    policy.parallel = 2; // room for both: only the dependency holds "app" back
    // Listed first, but waits for "db".
    RecoveryRun run(m_podman, policy,
                    {target(QStringLiteral("app"), {QStringLiteral("db")}), target(QStringLiteral("db"))});
    QVERIFY(runToEnd(run));
    const ContainerStatus app = statusOf(run, QStringLiteral("app"));
    const ContainerStatus db = statusOf(run, QStringLiteral("db"));
    QCOMPARE(app.state, ContainerState::Running);
    QCOMPARE(db.state, ContainerState::Running);
    QVERIFY2(
        app.startedAtMs >= db.finishedAtMs,
        qPrintable(
            QStringLiteral("app started %1 ms before db finished").arg(db.finishedAtMs - app.startedAtMs)));
    const QList<QStringList> starts = m_fake->startCalls();
    QCOMPARE(starts.size(), 2);
    QCOMPARE(starts.at(0).last(), QStringLiteral("db"));
    QCOMPARE(starts.at(1).last(), QStringLiteral("app"));
}

void TestRecoveryRun::dependencyCycleIsBroken_data()
{
    QTest::addColumn<QList<QStringList>>("afters"); ///< per container a, b, c
    QTest::newRow("a->b->a") << QList<QStringList>{{QStringLiteral("b")}, {QStringLiteral("a")}, {}};
    QTest::newRow("a->b->c->a") << QList<QStringList>{
        {QStringLiteral("b")}, {QStringLiteral("c")}, {QStringLiteral("a")}};
    QTest::newRow("self") << QList<QStringList>{{QStringLiteral("a")}, {}, {}};
}

void TestRecoveryRun::dependencyCycleIsBroken()
{
    QFETCH(QList<QStringList>, afters);
    const QStringList names{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    QVERIFY(setExited(names));
    QList<RecoveryTarget> targets;
    for (int i = 0; i < 3; ++i)
        targets.append(target(names.at(i), afters.at(i)));
    RecoveryRun run(m_podman, fastPolicy(), targets);
    QVERIFY(runToEnd(run));
    bool anyNote = false;
    for (int i = 0; i < 3; ++i) {
        const ContainerStatus s = statusOf(run, names.at(i));
        QVERIFY2(s.state == ContainerState::Running, qPrintable(names.at(i)));
        if (!s.note.isEmpty()) {
            QVERIFY2(s.note.contains(QLatin1String("cycle")), qPrintable(s.note));
            anyNote = true;
        }
    }
    QVERIFY(anyNote);
    QCOMPARE(m_fake->startCalls().size(), 3);
}

void TestRecoveryRun::backoff_data()
{
    QTest::addColumn<int>("initial");
    QTest::addColumn<int>("max");
    QTest::addColumn<int>("attempt");
    QTest::addColumn<int>("expected");

    QTest::newRow("after 1st") << 1000 << 60000 << 1 << 1000;
    QTest::newRow("after 2nd") << 1000 << 60000 << 2 << 2000;
    QTest::newRow("after 3rd") << 1000 << 60000 << 3 << 4000;
    QTest::newRow("after 6th") << 1000 << 60000 << 6 << 32000;
    QTest::newRow("capped after 7th") << 1000 << 60000 << 7 << 60000;
    QTest::newRow("capped, huge attempt") << 1000 << 60000 << 1000 << 60000;
    QTest::newRow("attempt 0") << 1000 << 60000 << 0 << 1000;
    QTest::newRow("zero initial") << 0 << 60000 << 5 << 0;
    QTest::newRow("max below initial") << 5000 << 1000 << 1 << 1000;
    QTest::newRow("near int max") << 1 << std::numeric_limits<int>::max() << 40
                                  << std::numeric_limits<int>::max();
    QTest::newRow("negative initial") << -10 << 1000 << 3 << 0;
}

void TestRecoveryRun::backoff()
{
    QFETCH(int, initial);
    QFETCH(int, max);
    QFETCH(int, attempt);
    QFETCH(int, expected);
    RunPolicy policy;
    policy.backoffInitialMs = initial;
    policy.backoffMaxMs = max;
    QCOMPARE(RecoveryRun::backoffMs(policy, attempt), expected);
}

void TestRecoveryRun::cancelStopsEverything()
{
    QVERIFY(setExited({QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")}));
    FakePodman::setMode(QStringLiteral("start=hang"));
    RunPolicy policy = fastPolicy();
    policy.parallel = 2;
    RecoveryRun run(m_podman, policy,
                    {target(QStringLiteral("a")), target(QStringLiteral("b")), target(QStringLiteral("c"))});
    QSignalSpy finished(&run, &RecoveryRun::finished);
    run.start();
    QTRY_COMPARE(m_fake->pids().size(), 2); // a and b hang in `podman start`
    QElapsedTimer timer;
    timer.start();
    run.cancel();
    // Starts in flight are not killed at once (that can leave a container "initialized"): they
    // get their timeout (5 s here, under ShutdownGraceMs), then they are cut off and undone.
    QVERIFY(finished.wait(15000));
    QVERIFY2(timer.elapsed() >= 4000, qPrintable(QString::number(timer.elapsed())));
    QTest::qWait(20);
    QCOMPARE(finished.size(), 1);
    QVERIFY(run.isFinished());
    for (const ContainerStatus &s : run.statuses()) {
        QVERIFY2(s.state == ContainerState::Failed, qPrintable(s.name));
        QVERIFY2(!s.error.isEmpty(), qPrintable(s.name));
    }
    QCOMPARE(statusOf(run, QStringLiteral("c")).attempts, 0); // never launched
    for (const qint64 pid : m_fake->pids())
        QVERIFY2(!archy::test::processExists(pid), "a fake podman outlived cancel()");
    // Two starts and their two undos; nothing else was launched afterwards.
    QCOMPARE(m_fake->pids().size(), 4);
    QCOMPARE(m_fake->startCalls().size(), 2);
    QCOMPARE(m_fake->stateOf(QStringLiteral("a")), QStringLiteral("exited"));
    QCOMPARE(m_fake->stateOf(QStringLiteral("b")), QStringLiteral("exited"));
}

void TestRecoveryRun::halfStartedIsRepairedBeforeStarting()
{
    // podman lists "stuck" initialized (a start was cut off) and "flaky" fails its first start:
    // each gets `podman stop -t 0` right before the start that follows; "fine" gets none.
    QVERIFY(setExited({QStringLiteral("stuck"), QStringLiteral("flaky"), QStringLiteral("fine")}));
    FakePodman::setFailTimes(QStringLiteral("flaky:1"));
    RunPolicy policy = fastPolicy();
    policy.maxAttempts = 2;
    RecoveryTarget stuck = target(QStringLiteral("stuck"));
    stuck.repairFirst = true;
    RecoveryRun run(m_podman, policy,
                    {stuck, target(QStringLiteral("flaky")), target(QStringLiteral("fine"))});
    QVERIFY(runToEnd(run));
    for (const ContainerStatus &status : run.statuses())
        QCOMPARE(status.state, ContainerState::Running);
    QStringList calls;
    for (const QStringList &args : m_fake->calls())
        calls.append(args.join(QLatin1Char(' ')));
    const auto before = [&calls](const QString &first, const QString &second) {
        const int a = int(calls.indexOf(first));
        const int b = int(calls.lastIndexOf(second));
        return a >= 0 && b > a;
    };
    QVERIFY2(before(QStringLiteral("stop -t 0 -- stuck"), QStringLiteral("start -- stuck")),
             qPrintable(calls.join(QLatin1String("; "))));
    QCOMPARE(calls.count(QStringLiteral("start -- flaky")), 2);
    QVERIFY2(before(QStringLiteral("start -- flaky"), QStringLiteral("stop -t 0 -- flaky")),
             qPrintable(calls.join(QLatin1String("; "))));
    QVERIFY2(calls.indexOf(QStringLiteral("stop -t 0 -- flaky")) <
                 calls.lastIndexOf(QStringLiteral("start -- flaky")),
             qPrintable(calls.join(QLatin1String("; "))));
    QVERIFY(!calls.contains(QStringLiteral("stop -t 0 -- fine")));
}

void TestRecoveryRun::containerChangedSequence_data()
{
    QTest::addColumn<QString>("failTimes");
    QTest::addColumn<QList<ContainerState>>("states");
    QTest::addColumn<QList<int>>("attempts");

    QTest::newRow("first try") << QString()
                               << QList<ContainerState>{ContainerState::Starting, ContainerState::Running}
                               << QList<int>{1, 1};
    QTest::newRow("one retry") << QStringLiteral("web:1")
                               << QList<ContainerState>{ContainerState::Starting, ContainerState::Waiting,
                                                        ContainerState::Starting, ContainerState::Running}
                               << QList<int>{1, 1, 2, 2};
}

void TestRecoveryRun::containerChangedSequence()
{
    QFETCH(QString, failTimes);
    QFETCH(QList<ContainerState>, states);
    QFETCH(QList<int>, attempts);
    QVERIFY(setExited({QStringLiteral("web")}));
    if (!failTimes.isEmpty())
        FakePodman::setFailTimes(failTimes);
    RunPolicy policy = fastPolicy();
    policy.maxAttempts = 3;
    RecoveryRun run(m_podman, policy, {target(QStringLiteral("web"))});
    QCOMPARE(run.statuses().first().state, ContainerState::Waiting);
    QSignalSpy changed(&run, &RecoveryRun::containerChanged);
    QVERIFY(runToEnd(run));
    QList<ContainerState> gotStates;
    QList<int> gotAttempts;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const auto status = args.at(0).value<ContainerStatus>();
        QCOMPARE(status.name, QStringLiteral("web"));
        gotStates.append(status.state);
        gotAttempts.append(status.attempts);
    }
    QCOMPARE(gotStates, states);
    QCOMPARE(gotAttempts, attempts);
    if (!failTimes.isEmpty()) {
        // While waiting for the retry, the report says why.
        const auto waiting = changed.at(1).at(0).value<ContainerStatus>();
        QVERIFY(!waiting.error.isEmpty());
        QVERIFY(!waiting.note.isEmpty());
    }
}

void TestRecoveryRun::preFailedTargetNeverReachesPodman()
{
    QVERIFY(setExited({QStringLiteral("good")}));
    RecoveryTarget bad = target(QStringLiteral("--privileged"));
    bad.status.state = ContainerState::Failed;
    bad.status.error = QStringLiteral("not a valid container name");
    RecoveryRun run(m_podman, fastPolicy(), {bad, target(QStringLiteral("good"))});
    QVERIFY(runToEnd(run));
    QCOMPARE(statusOf(run, QStringLiteral("--privileged")).state, ContainerState::Failed);
    QCOMPARE(statusOf(run, QStringLiteral("--privileged")).attempts, 0);
    QCOMPARE(statusOf(run, QStringLiteral("good")).state, ContainerState::Running);
    const QList<QStringList> starts = m_fake->startCalls();
    QCOMPARE(starts.size(), 1);
    QCOMPARE(starts.first(), Podman::startArguments({QStringLiteral("good")}));
}

void TestRecoveryRun::podmanUnavailableFailsAll()
{
    const Podman none(m_dir->filePath(QStringLiteral("no-such-podman")));
    RecoveryRun run(none, fastPolicy(), {target(QStringLiteral("a")), target(QStringLiteral("b"))});
    QVERIFY(runToEnd(run));
    for (const ContainerStatus &s : run.statuses()) {
        QCOMPARE(s.state, ContainerState::Failed);
        QVERIFY2(s.error.contains(QLatin1String("not found")), qPrintable(s.error));
    }
}

void TestRecoveryRun::duplicateNamesStartOnce()
{
    QVERIFY(setExited({QStringLiteral("web")}));
    RecoveryRun run(m_podman, fastPolicy(), {target(QStringLiteral("web")), target(QStringLiteral("web"))});
    QVERIFY(runToEnd(run));
    QCOMPARE(run.statuses().size(), 1);
    QCOMPARE(m_fake->startCalls().size(), 1);
}

void TestRecoveryRun::emptyRunFinishes()
{
    RecoveryRun run(m_podman, fastPolicy(), {});
    QVERIFY(runToEnd(run, 2000));
    QVERIFY(m_fake->calls().isEmpty());
}

void TestRecoveryRun::batchSharesOneCall()
{
    const QStringList names{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c"),
                            QStringLiteral("d")};
    QVERIFY(setExited(names));
    RunPolicy policy = fastPolicy();
    policy.parallel = 1 + 1; // batching needs room for more than one
    policy.batchStarts = true;
    policy.minNamesPerCall = 2;
    RecoveryRun run(m_podman, policy,
                    {target(names[0]), target(names[1]), target(names[2]), target(names[3])});
    QSignalSpy changed(&run, &RecoveryRun::containerChanged);
    QVERIFY(runToEnd(run));
    // Two free slots, four ready names: two calls of two, never one per name.
    QList<QStringList> starts = m_fake->startCalls();
    QCOMPARE(starts.size(), 2);
    // The two calls run at once: the fake logs them in any order.
    std::sort(starts.begin(), starts.end(), [](const QStringList &a, const QStringList &b) {
        return a.join(QLatin1Char(' ')) < b.join(QLatin1Char(' '));
    });
    QCOMPARE(starts.at(0), Podman::startArguments({names[0], names[1]}));
    QCOMPARE(starts.at(1), Podman::startArguments({names[2], names[3]}));
    for (const QString &name : names) {
        const ContainerStatus s = statusOf(run, name);
        QCOMPARE(s.state, ContainerState::Running);
        QCOMPARE(s.attempts, 1);
        QCOMPARE(m_fake->stateOf(name), QStringLiteral("running"));
    }
    // Progress per container: each went Starting, then Running, on its own.
    QStringList running;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const ContainerStatus s = args.at(0).value<ContainerStatus>();
        if (s.state == ContainerState::Running)
            running.append(s.name);
    }
    running.sort();
    QCOMPARE(running, names);
}

void TestRecoveryRun::batchFailureRetriedAlone()
{
    const QStringList names{QStringLiteral("good1"), QStringLiteral("bad"), QStringLiteral("good2")};
    QVERIFY(setExited(names));
    FakePodman::setFailNames(QStringLiteral("bad"));
    RunPolicy policy = fastPolicy();
    policy.parallel = 4;
    policy.batchStarts = true;
    policy.maxAttempts = 2; // three names, fewer than minNamesPerCall: one shared call
    RecoveryRun run(m_podman, policy, {target(names[0]), target(names[1]), target(names[2])});
    QVERIFY(runToEnd(run));
    QCOMPARE(statusOf(run, names[0]).state, ContainerState::Running);
    QCOMPARE(statusOf(run, names[2]).state, ContainerState::Running);
    const ContainerStatus bad = statusOf(run, names[1]);
    QCOMPARE(bad.state, ContainerState::Failed);
    QCOMPARE(bad.attempts, 2); // the shared call does not count: two calls of its own
    // podman's error names the container by id; the report by name.
    QVERIFY2(bad.error.contains(QLatin1String("unable to start container \"bad\"")), qPrintable(bad.error));
    const QList<QStringList> starts = m_fake->startCalls();
    QCOMPARE(starts.size(), 3);
    QCOMPARE(starts.at(0), Podman::startArguments(names));
    QCOMPARE(starts.at(1), Podman::startArguments({QStringLiteral("bad")}));
    QCOMPARE(starts.at(2), Podman::startArguments({QStringLiteral("bad")}));
}

void TestRecoveryRun::batchSplitsOverParallelCalls()
{
    QStringList names;
    QList<RecoveryTarget> targets;
    for (int i = 0; i < 7; ++i) {
        names.append(QStringLiteral("c%1").arg(i));
        targets.append(target(names.last()));
    }
    QVERIFY(setExited(names));
    RunPolicy policy = fastPolicy();
    policy.parallel = 3;
    policy.batchStarts = true;
    policy.minNamesPerCall = 1;
    RecoveryRun run(m_podman, policy, targets);
    QVERIFY(runToEnd(run));
    const QList<QStringList> starts = m_fake->startCalls();
    QCOMPARE(starts.size(), 3); // 3 + 3 + 1 names
    QStringList started;
    QList<int> sizes;
    for (const QStringList &args : starts) {
        started += args.mid(2);
        sizes.append(int(args.size()) - 2);
    }
    started.sort(); // the three calls run at once: the fake logs them in any order
    std::sort(sizes.begin(), sizes.end());
    QCOMPARE(started, names);
    QCOMPARE(sizes, (QList<int>{1, 3, 3}));
}

void TestRecoveryRun::noBatchWithParallelOneOrGap_data()
{
    QTest::addColumn<int>("parallel");
    QTest::addColumn<int>("gapMs");
    QTest::newRow("--parallel 1") << 1 << 0;
    QTest::newRow("--start-gap") << 4 << 100;
}

void TestRecoveryRun::noBatchWithParallelOneOrGap()
{
    QFETCH(int, parallel);
    QFETCH(int, gapMs);
    const QStringList names{QStringLiteral("a"), QStringLiteral("b"), QStringLiteral("c")};
    QVERIFY(setExited(names));
    RunPolicy policy = fastPolicy();
    policy.parallel = parallel;
    policy.startGapMs = gapMs;
    policy.batchStarts = true;
    RecoveryRun run(m_podman, policy, {target(names[0]), target(names[1]), target(names[2])});
    QVERIFY(runToEnd(run));
    const QList<QStringList> starts = m_fake->startCalls();
    QCOMPARE(starts.size(), 3);
    QStringList started;
    for (const QStringList &args : starts) {
        QCOMPARE(args.size(), Podman::startArguments({names.constFirst()}).size()); // one name per call
        started.append(args.constLast());
    }
    // One at a time, the order is podman's order. With a 100 ms gap and --parallel 4 the calls may
    // overlap, and under load the fake can log a later launch first.
    if (parallel == 1)
        QCOMPARE(started, names);
    started.sort();
    QCOMPARE(started, names);
}

void TestRecoveryRun::failedDependencyHoldsDependant()
{
    QVERIFY(setExited({QStringLiteral("db"), QStringLiteral("app"), QStringLiteral("web")}));
    FakePodman::setFailNames(QStringLiteral("db"));
    RunPolicy policy = fastPolicy();
    policy.failedDependency = RunPolicy::FailedDependency::Hold;
    // web waits for app, app for db: both are held by the failure of db.
    RecoveryRun run(m_podman, policy,
                    {target(QStringLiteral("db")), target(QStringLiteral("app"), {QStringLiteral("db")}),
                     target(QStringLiteral("web"), {QStringLiteral("app")})});
    QVERIFY(runToEnd(run));
    QCOMPARE(statusOf(run, QStringLiteral("db")).state, ContainerState::Failed);
    for (const QString &name : {QStringLiteral("app"), QStringLiteral("web")}) {
        const ContainerStatus held = statusOf(run, name);
        QCOMPARE(held.state, ContainerState::Waiting);
        QCOMPARE(held.attempts, 0);
        QCOMPARE(held.note, QStringLiteral("Waiting for db (failed)."));
    }
    QCOMPARE(m_fake->startCalls().size(), 1); // db only: nothing started blindly

    // db comes back (the owner fixed and started it): what waited goes ahead, in order.
    QSignalSpy finished(&run, &RecoveryRun::finished);
    run.cameBack(QStringLiteral("db"));
    QVERIFY(finished.wait(5000));
    QCOMPARE(statusOf(run, QStringLiteral("db")).state, ContainerState::Running);
    QCOMPARE(statusOf(run, QStringLiteral("app")).state, ContainerState::Running);
    QCOMPARE(statusOf(run, QStringLiteral("web")).state, ContainerState::Running);
    const QList<QStringList> starts = m_fake->startCalls();
    QCOMPARE(starts.size(), 3);
    QCOMPARE(starts.at(1).last(), QStringLiteral("app"));
    QCOMPARE(starts.at(2).last(), QStringLiteral("web"));
}

void TestRecoveryRun::failedDependencyFailsDependantInOneShot()
{
    QVERIFY(setExited({QStringLiteral("db"), QStringLiteral("app")}));
    FakePodman::setFailNames(QStringLiteral("db"));
    RunPolicy policy = fastPolicy();
    policy.failedDependency = RunPolicy::FailedDependency::Fail;
    RecoveryRun run(m_podman, policy,
                    {target(QStringLiteral("db")), target(QStringLiteral("app"), {QStringLiteral("db")})});
    QVERIFY(runToEnd(run));
    const ContainerStatus app = statusOf(run, QStringLiteral("app"));
    QCOMPARE(app.state, ContainerState::Failed);
    QCOMPARE(app.attempts, 0);
    QCOMPARE(app.error, QStringLiteral("Not started: it needs db, which failed."));
    QCOMPARE(m_fake->startCalls().size(), 1);
}

void TestRecoveryRun::enqueuedRetryWaitsForDependency()
{
    QVERIFY(setExited({QStringLiteral("db"), QStringLiteral("app")}));
    FakePodman::setFailTimes(QStringLiteral("db:1"));
    RunPolicy policy = fastPolicy();
    policy.parallel = 4;
    policy.failedDependency = RunPolicy::FailedDependency::Fail;
    RecoveryRun run(m_podman, policy,
                    {target(QStringLiteral("db")), target(QStringLiteral("app"), {QStringLiteral("db")})});
    QVERIFY(runToEnd(run));
    QCOMPARE(statusOf(run, QStringLiteral("app")).state, ContainerState::Failed);

    // Both retried at once, dependant first: it still waits for its dependency.
    FakePodman::setMode(QStringLiteral("start=slow:200"));
    RecoveryTarget app = target(QStringLiteral("app"));
    RecoveryTarget db = target(QStringLiteral("db"));
    db.status.attempts = statusOf(run, QStringLiteral("db")).attempts; // as the agent passes it on
    QSignalSpy finished(&run, &RecoveryRun::finished);
    run.enqueue({app, db}, 1);
    QVERIFY(!run.isFinished());
    QVERIFY(finished.wait(5000));
    const ContainerStatus a = statusOf(run, QStringLiteral("app"));
    const ContainerStatus d = statusOf(run, QStringLiteral("db"));
    QCOMPARE(a.state, ContainerState::Running);
    QCOMPARE(d.state, ContainerState::Running);
    QVERIFY2(a.startedAtMs >= d.finishedAtMs, qPrintable(QString::number(d.finishedAtMs - a.startedAtMs)));
    QCOMPARE(d.attempts, 2);
    const QList<QStringList> starts = m_fake->startCalls();
    QCOMPARE(starts.size(), 3);
    QCOMPARE(starts.at(1).last(), QStringLiteral("db"));
    QCOMPARE(starts.at(2).last(), QStringLiteral("app"));
}

void TestRecoveryRun::enqueueDuringFlightIsIgnored()
{
    QVERIFY(setExited({QStringLiteral("web")}));
    FakePodman::setMode(QStringLiteral("start=slow:300"));
    RecoveryRun run(m_podman, fastPolicy(), {target(QStringLiteral("web"))});
    QSignalSpy finished(&run, &RecoveryRun::finished);
    run.start();
    QTRY_COMPARE(statusOf(run, QStringLiteral("web")).state, ContainerState::Starting);
    QVERIFY(run.isPending(QStringLiteral("web")));
    run.enqueue({target(QStringLiteral("web"))}, 1); // e.g. a restart asked for while starting
    QVERIFY(finished.wait(5000));
    QCOMPARE(statusOf(run, QStringLiteral("web")).state, ContainerState::Running);
    QCOMPARE(m_fake->startCalls().size(), 1);
}

QTEST_GUILESS_MAIN(TestRecoveryRun)
#include "tst_recoveryrun.moc"
