#include <QFile>
#include <QTest>

#include "podman/PodmanParse.h"
#include "recovery/RecoveryPlan.h"
#include "state/ContainerTracker.h"
#include "state/Snapshot.h"

using archy::ContainerState;
using archy::InspectEntry;
using archy::PsEntry;
using archy::RecoveryTarget;
using archy::Snapshot;
namespace RecoveryPlan = archy::RecoveryPlan;

namespace {

QByteArray recorded(const QString &file)
{
    const QString path = QFINDTESTDATA(QStringLiteral("../data/") + file);
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
        qFatal("test data %s is missing", qPrintable(file));
    return f.readAll();
}

/// `podman ps -a` with running, exited, created, infra and ignored containers.
QList<PsEntry> recordedPs()
{
    QList<PsEntry> entries;
    QString error;
    if (!archy::PodmanParse::parsePs(recorded(QStringLiteral("ps-all-podman43.json")), &entries, &error))
        qFatal("ps-all-podman43.json: %s", qPrintable(error));
    return entries;
}

QList<InspectEntry> recordedInspect()
{
    QList<InspectEntry> entries;
    QString error;
    if (!archy::PodmanParse::parseInspect(recorded(QStringLiteral("inspect-podman43.json")), &entries, &error))
        qFatal("inspect-podman43.json: %s", qPrintable(error));
    return entries;
}

/// web, db, helper (ignored now), a hostile name, ghost (gone), db again; worker stopped by the owner.
Snapshot recordedSnapshot()
{
    Snapshot snapshot;
    QString error;
    if (!Snapshot::fromJson(recorded(QStringLiteral("snapshot-stopped-by-owner.json")), &snapshot, &error))
        qFatal("snapshot-stopped-by-owner.json: %s", qPrintable(error));
    return snapshot;
}

/// "name=state" per target, in plan order.
QStringList summary(const QList<RecoveryTarget> &targets)
{
    QStringList out;
    for (const RecoveryTarget &t : targets)
        out.append(t.status.name + QLatin1Char('=') + archy::containerStateKey(t.status.state));
    return out;
}

const RecoveryTarget *findTarget(const QList<RecoveryTarget> &targets, const QString &name)
{
    for (const RecoveryTarget &t : targets) {
        if (t.status.name == name)
            return &t;
    }
    return nullptr;
}

RecoveryTarget waiting(const QString &name)
{
    RecoveryTarget target;
    target.status.name = name;
    target.status.image = QStringLiteral("img/") + name;
    return target;
}

const QString kHostile = QStringLiteral("bad name;rm -rf ~");

} // namespace

class TestRecoveryPlan final : public QObject
{
    Q_OBJECT

private slots:
    void recordedDataIsWhatTheTestsAssume();
    void targets_data();
    void targets();
    void crashTargetsInDetail();
    void stoppedByOwnerIsNeverTargeted_data();
    void stoppedByOwnerIsNeverTargeted();
    void namesToInspectOnlyWaiting();
    void addDependenciesFromInspect();
    void addDependenciesMapsIdsThroughInspectAlone();
    void addDependenciesWithoutInspectChangesNothing();
    void addDependenciesCycleIsKept();
};

void TestRecoveryPlan::recordedDataIsWhatTheTestsAssume()
{
    const QList<PsEntry> ps = recordedPs();
    QCOMPARE(ps.size(), 10);
    int infra = 0;
    for (const PsEntry &e : ps)
        infra += e.isInfra ? 1 : 0;
    QCOMPARE(infra, 2);
    const Snapshot snapshot = recordedSnapshot();
    QCOMPARE(snapshot.containers.size(), 6);
    QVERIFY(!snapshot.containers.at(3).isValid());
    QCOMPARE(snapshot.stoppedByOwner.size(), 1);
    QCOMPARE(recordedInspect().size(), 4);
}

void TestRecoveryPlan::targets_data()
{
    QTest::addColumn<bool>("crash");
    QTest::addColumn<bool>("snapshotFound");
    QTest::addColumn<bool>("startStopped");
    QTest::addColumn<bool>("podmanListed");
    QTest::addColumn<QStringList>("expected");

    // What the snapshot said ran. web runs already (reported on a crash, skipped otherwise), helper
    // is ignored now, the hostile name is Failed, ghost is gone from podman but still tried (podman
    // says why it fails), the duplicate db is dropped; worker, stopped by the owner, never appears.
    const QStringList crashWithSnapshot{QStringLiteral("web=running"), QStringLiteral("db=waiting"),
                                        kHostile + QStringLiteral("=failed"), QStringLiteral("ghost=waiting")};
    const QStringList cleanWithSnapshot{QStringLiteral("db=waiting"), kHostile + QStringLiteral("=failed"),
                                        QStringLiteral("ghost=waiting")};
    // The seed's rule: exited and created, not infra, not ignored (helper), in ps order.
    const QStringList seedRule{QStringLiteral("db=waiting"), QStringLiteral("cache=waiting"),
                               QStringLiteral("job=waiting"), QStringLiteral("worker=waiting")};

    QTest::newRow("crash, snapshot, startStopped") << true << true << true << true << crashWithSnapshot;
    QTest::newRow("crash, snapshot, !startStopped") << true << true << false << true << crashWithSnapshot;
    QTest::newRow("clean, snapshot, startStopped") << false << true << true << true << cleanWithSnapshot;
    QTest::newRow("clean, snapshot, !startStopped") << false << true << false << true << QStringList();
    QTest::newRow("crash, no snapshot, startStopped") << true << false << true << true << seedRule;
    QTest::newRow("crash, no snapshot, !startStopped") << true << false << false << true << QStringList();
    QTest::newRow("clean, no snapshot, startStopped") << false << false << true << true << seedRule;
    QTest::newRow("clean, no snapshot, !startStopped") << false << false << false << true << QStringList();
    // ps failed: nothing is known to run or to be ignored, so the snapshot is taken at its word.
    QTest::newRow("crash, snapshot, ps failed")
        << true << true << true << false
        << QStringList{QStringLiteral("web=waiting"), QStringLiteral("db=waiting"), QStringLiteral("helper=waiting"),
                       kHostile + QStringLiteral("=failed"), QStringLiteral("ghost=waiting")};
    QTest::newRow("clean, no snapshot, ps failed") << false << false << true << false << QStringList();
}

void TestRecoveryPlan::targets()
{
    QFETCH(bool, crash);
    QFETCH(bool, snapshotFound);
    QFETCH(bool, startStopped);
    QFETCH(bool, podmanListed);
    QFETCH(QStringList, expected);

    RecoveryPlan::Input input;
    input.crash = crash;
    input.snapshotFound = snapshotFound;
    if (snapshotFound)
        input.snapshot = recordedSnapshot();
    input.startStopped = startStopped;
    input.podmanListed = podmanListed;
    if (podmanListed)
        input.current = recordedPs();

    const QList<RecoveryTarget> targets = RecoveryPlan::targets(input);
    QCOMPARE(summary(targets), expected);
    for (const RecoveryTarget &t : targets) {
        QVERIFY(t.after.isEmpty());
        QVERIFY(!t.healthGate);
        QCOMPARE(t.status.attempts, 0);
        QVERIFY(!t.status.image.isEmpty() || !archy::isValidContainerName(t.status.name));
        if (t.status.state == ContainerState::Failed)
            QVERIFY(!t.status.error.isEmpty());
        else
            QVERIFY2(archy::isValidContainerName(t.status.name), qPrintable(t.status.name));
    }
}

void TestRecoveryPlan::crashTargetsInDetail()
{
    RecoveryPlan::Input input;
    input.crash = true;
    input.snapshotFound = true;
    input.snapshot = recordedSnapshot();
    input.podmanListed = true;
    input.current = recordedPs();
    const QList<RecoveryTarget> targets = RecoveryPlan::targets(input);

    const RecoveryTarget *web = findTarget(targets, QStringLiteral("web"));
    QVERIFY(web);
    QCOMPARE(web->status.state, ContainerState::Running);
    QVERIFY(!web->status.note.isEmpty()); // "Was already running."
    QVERIFY(web->status.error.isEmpty());
    QCOMPARE(web->status.image, QStringLiteral("localhost/web:1.2"));

    const RecoveryTarget *db = findTarget(targets, QStringLiteral("db"));
    QVERIFY(db);
    QCOMPARE(db->status.image, QStringLiteral("docker.io/library/postgres:16")); // the first entry wins
    QVERIFY(db->status.note.isEmpty());

    const RecoveryTarget *hostile = findTarget(targets, kHostile);
    QVERIFY(hostile);
    QCOMPARE(hostile->status.state, ContainerState::Failed);
    QVERIFY2(hostile->status.error.contains(QLatin1String("not a valid container name")),
             qPrintable(hostile->status.error));

    QVERIFY(!findTarget(targets, QStringLiteral("helper")));
    QVERIFY(!findTarget(targets, QStringLiteral("tool")));
    QVERIFY(!findTarget(targets, QStringLiteral("worker")));
    QVERIFY(!findTarget(targets, QStringLiteral("cache"))); // exited, but not running at the snapshot
}

void TestRecoveryPlan::stoppedByOwnerIsNeverTargeted_data()
{
    QTest::addColumn<bool>("crash");
    QTest::addColumn<bool>("startStopped");
    QTest::newRow("crash") << true << true;
    QTest::newRow("crash, !startStopped") << true << false;
    QTest::newRow("clean") << false << true;
    QTest::newRow("clean, !startStopped") << false << false;
}

void TestRecoveryPlan::stoppedByOwnerIsNeverTargeted()
{
    QFETCH(bool, crash);
    QFETCH(bool, startStopped);
    // Only owner-stopped containers in the snapshot, all of them exited now (the seed rule would
    // start them all): none is a target.
    Snapshot snapshot;
    snapshot.timestamp = 100;
    for (const QString &name : {QStringLiteral("db"), QStringLiteral("cache"), QStringLiteral("worker")})
        snapshot.stoppedByOwner.append({name, QStringLiteral("img"), {}, {}});
    RecoveryPlan::Input input;
    input.crash = crash;
    input.snapshotFound = true;
    input.snapshot = snapshot;
    input.startStopped = startStopped;
    input.podmanListed = true;
    input.current = recordedPs();
    QCOMPARE(summary(RecoveryPlan::targets(input)), QStringList());
}

void TestRecoveryPlan::namesToInspectOnlyWaiting()
{
    RecoveryPlan::Input input;
    input.crash = true;
    input.snapshotFound = true;
    input.snapshot = recordedSnapshot();
    input.podmanListed = true;
    input.current = recordedPs();
    const QList<RecoveryTarget> targets = RecoveryPlan::targets(input);
    QCOMPARE(RecoveryPlan::namesToInspect(targets), (QStringList{QStringLiteral("db"), QStringLiteral("ghost")}));

    QList<RecoveryTarget> mixed{waiting(QStringLiteral("a")), waiting(QStringLiteral("b")), waiting(QStringLiteral("c")),
                                waiting(QStringLiteral("d"))};
    mixed[1].status.state = ContainerState::Starting;
    mixed[2].status.state = ContainerState::Running;
    mixed[3].status.state = ContainerState::Failed;
    QCOMPARE(RecoveryPlan::namesToInspect(mixed), QStringList{QStringLiteral("a")});
    QVERIFY(RecoveryPlan::namesToInspect({}).isEmpty());
}

void TestRecoveryPlan::addDependenciesFromInspect()
{
    // web: --requires db (an id), label after "cache, worker,,bad name,cache,web", a healthcheck.
    // db: a healthcheck. cache: none. worker: requires "outside" and a pod's infra container (both
    // outside the run), label after=ghost (not in the run), healthcheck NONE. lone: not inspected.
    QList<RecoveryTarget> targets{waiting(QStringLiteral("web")), waiting(QStringLiteral("db")),
                                  waiting(QStringLiteral("cache")), waiting(QStringLiteral("worker")),
                                  waiting(QStringLiteral("lone"))};
    RecoveryPlan::addDependencies(&targets, recordedInspect(), recordedPs());

    const RecoveryTarget *web = findTarget(targets, QStringLiteral("web"));
    const RecoveryTarget *db = findTarget(targets, QStringLiteral("db"));
    const RecoveryTarget *cache = findTarget(targets, QStringLiteral("cache"));
    const RecoveryTarget *worker = findTarget(targets, QStringLiteral("worker"));
    const RecoveryTarget *lone = findTarget(targets, QStringLiteral("lone"));
    QVERIFY(web && db && cache && worker && lone);

    QCOMPARE(web->after, (QStringList{QStringLiteral("db"), QStringLiteral("cache"), QStringLiteral("worker")}));
    QVERIFY(db->after.isEmpty());
    QVERIFY(cache->after.isEmpty());
    QVERIFY(worker->after.isEmpty()); // outside, the infra container and ghost are not in the run
    QVERIFY(lone->after.isEmpty());

    // Gated: waited for and has a healthcheck.
    QVERIFY(db->healthGate);
    QVERIFY(!web->healthGate);    // a healthcheck, but nobody waits for it
    QVERIFY(!cache->healthGate);  // waited for, no healthcheck
    QVERIFY(!worker->healthGate); // waited for, healthcheck "NONE"
    QVERIFY(!lone->healthGate);

    // Running again, nothing is added twice.
    RecoveryPlan::addDependencies(&targets, recordedInspect(), recordedPs());
    QCOMPARE(findTarget(targets, QStringLiteral("web"))->after,
             (QStringList{QStringLiteral("db"), QStringLiteral("cache"), QStringLiteral("worker")}));
}

void TestRecoveryPlan::addDependenciesMapsIdsThroughInspectAlone()
{
    // Without a ps listing, the ids of --requires are still known from inspect itself.
    QList<RecoveryTarget> targets{waiting(QStringLiteral("web")), waiting(QStringLiteral("db"))};
    RecoveryPlan::addDependencies(&targets, recordedInspect(), {});
    QCOMPARE(targets.at(0).after, QStringList{QStringLiteral("db")});
    QVERIFY(targets.at(1).healthGate);
    QVERIFY(!targets.at(0).healthGate);

    // db not in the run: web waits for nothing, and nothing is gated.
    QList<RecoveryTarget> alone{waiting(QStringLiteral("web"))};
    RecoveryPlan::addDependencies(&alone, recordedInspect(), recordedPs());
    QVERIFY(alone.at(0).after.isEmpty());
    QVERIFY(!alone.at(0).healthGate);
}

void TestRecoveryPlan::addDependenciesWithoutInspectChangesNothing()
{
    QList<RecoveryTarget> targets{waiting(QStringLiteral("web")), waiting(QStringLiteral("db"))};
    RecoveryPlan::addDependencies(&targets, {}, recordedPs());
    for (const RecoveryTarget &t : std::as_const(targets)) {
        QVERIFY(t.after.isEmpty());
        QVERIFY(!t.healthGate);
    }
}

void TestRecoveryPlan::addDependenciesCycleIsKept()
{
    // a after b (label), b after a (--requires): both kept; RecoveryRun breaks the cycle.
    InspectEntry a;
    a.id = QStringLiteral("aaaa");
    a.name = QStringLiteral("a");
    a.hasHealthcheck = true;
    a.labels.insert(archy::afterLabel(), QStringLiteral("b"));
    InspectEntry b;
    b.id = QStringLiteral("bbbb");
    b.name = QStringLiteral("b");
    b.dependencyIds = {QStringLiteral("aaaa"), QStringLiteral("unknown-id")};
    QList<RecoveryTarget> targets{waiting(QStringLiteral("a")), waiting(QStringLiteral("b"))};
    RecoveryPlan::addDependencies(&targets, {a, b}, {});
    QCOMPARE(targets.at(0).after, QStringList{QStringLiteral("b")});
    QCOMPARE(targets.at(1).after, QStringList{QStringLiteral("a")});
    QVERIFY(targets.at(0).healthGate);
    QVERIFY(!targets.at(1).healthGate);
}

QTEST_GUILESS_MAIN(TestRecoveryPlan)
#include "tst_recoveryplan.moc"
