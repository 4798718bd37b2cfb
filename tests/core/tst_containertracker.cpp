#include <QFile>
#include <QTest>

#include "podman/PodmanParse.h"
#include "state/ContainerTracker.h"
#include "state/Snapshot.h"

using archy::ContainerTracker;
using archy::PodmanEvent;
using archy::PsEntry;
using archy::Snapshot;
using archy::SnapshotEntry;

using Labels = QMap<QString, QString>;

namespace {

QByteArray recorded(const QString &file)
{
    const QString path = QFINDTESTDATA(QStringLiteral("../data/") + file);
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
        qFatal("test data %s is missing", qPrintable(file));
    return f.readAll();
}

PodmanEvent podmanEvent(const QString &status, const QString &name, int exitCode = -1, const QString &id = QString())
{
    PodmanEvent e;
    e.id = id.isEmpty() ? QStringLiteral("id-") + name : id;
    e.name = name;
    e.image = QStringLiteral("img/") + name + QStringLiteral(":1");
    e.status = status;
    e.exitCode = exitCode;
    return e;
}

QStringList namesOf(const QList<SnapshotEntry> &entries)
{
    QStringList names;
    for (const SnapshotEntry &e : entries)
        names.append(e.name);
    return names;
}

Snapshot snapshotOf(const QStringList &wanted, const QStringList &stopped)
{
    Snapshot s;
    s.timestamp = 1000;
    for (const QString &name : wanted)
        s.containers.append(SnapshotEntry{name, QStringLiteral("img/") + name + QStringLiteral(":1"), {}, {}});
    for (const QString &name : stopped)
        s.stoppedByOwner.append(SnapshotEntry{name, QStringLiteral("img/") + name + QStringLiteral(":1"), {}, {}});
    return s;
}

QList<PsEntry> recordedPs()
{
    QList<PsEntry> entries;
    QString error;
    if (!archy::PodmanParse::parsePs(recorded(QStringLiteral("ps-all-podman43.json")), &entries, &error))
        qFatal("ps-all-podman43.json: %s", qPrintable(error));
    return entries;
}

} // namespace

class TestContainerTracker final : public QObject
{
    Q_OBJECT

private slots:
    void stopWithoutStopEventIsJudgedByTheSignal();
    void loadFromSnapshot();
    void reconcileRecordedListing();
    void reconcileKeepsOwnerStopsAndForgetsVanished();
    void startMakesWanted();
    void stopThenDiedIsTheOwner();
    void killThenDiedIsTheOwner();
    void diedThenLateStopIsTheOwner();
    void killThatDidNotStopIsForgotten();
    void diedAloneIsUnexpected();
    void quickDeathsCount();
    void slowDeathResetsCount();
    void diedWithZeroFinishedItsJob();
    void diedOfUnwantedIsNothing();
    void renameById();
    void renameWithUnknownIdChangesNothing();
    void removeForgets();
    void ignoredEventDropsContainer();
    void invalidEventNameIsIgnored();
    void notRecordingChangesNothing();
    void toSnapshotListsWantedAndOwnerStopped();
    void snapshotJsonRoundTripKeepsOwnerStops();
    void replayRecordedEvents_data();
    void replayRecordedEvents();
    void afterNames_data();
    void afterNames();
    void isIgnored_data();
    void isIgnored();
};

void TestContainerTracker::loadFromSnapshot()
{
    Snapshot snapshot = snapshotOf({QStringLiteral("web"), QStringLiteral("db")}, {QStringLiteral("old")});
    SnapshotEntry invalid;
    invalid.name = QStringLiteral("#2");
    invalid.invalidReason = QStringLiteral("entry 2 is number, not an object");
    snapshot.containers.append(invalid);

    ContainerTracker tracker;
    tracker.load(snapshot);
    QVERIFY(tracker.isWanted(QStringLiteral("web")));
    QVERIFY(tracker.isWanted(QStringLiteral("db")));
    QVERIFY(!tracker.isStoppedByOwner(QStringLiteral("web")));
    QVERIFY(!tracker.isWanted(QStringLiteral("old")));
    QVERIFY(tracker.isStoppedByOwner(QStringLiteral("old")));
    QVERIFY(!tracker.isWanted(QStringLiteral("#2")));
    QVERIFY(tracker.isRecording());

    const Snapshot out = tracker.toSnapshot(2000);
    QCOMPARE(out.timestamp, 2000);
    QCOMPARE(namesOf(out.containers), (QStringList{QStringLiteral("db"), QStringLiteral("web")}));
    QCOMPARE(namesOf(out.stoppedByOwner), QStringList{QStringLiteral("old")});
    QCOMPARE(out.containers.at(1).image, QStringLiteral("img/web:1"));

    // A second load replaces everything.
    tracker.load(snapshotOf({QStringLiteral("other")}, {}));
    QVERIFY(!tracker.isWanted(QStringLiteral("web")));
    QVERIFY(!tracker.isStoppedByOwner(QStringLiteral("old")));
    QCOMPARE(namesOf(tracker.toSnapshot(0).containers), QStringList{QStringLiteral("other")});
}

void TestContainerTracker::reconcileRecordedListing()
{
    ContainerTracker tracker;
    tracker.load(snapshotOf({QStringLiteral("db"), QStringLiteral("gone")}, {}));
    const QList<PsEntry> entries = recordedPs();
    QVERIFY(tracker.reconcile(entries));

    // running -> wanted; its image comes from ps
    QVERIFY(tracker.isWanted(QStringLiteral("web")));
    QVERIFY(tracker.isWanted(QStringLiteral("outside")));
    // known (snapshot) and exited: a crash cannot be told from a missed stop, so still wanted
    QVERIFY(tracker.isWanted(QStringLiteral("db")));
    // unknown and exited/created: never seen running, not wanted
    QVERIFY(!tracker.isWanted(QStringLiteral("cache")));
    QVERIFY(!tracker.isWanted(QStringLiteral("job")));
    QVERIFY(!tracker.isWanted(QStringLiteral("worker")));
    QVERIFY(!tracker.isStoppedByOwner(QStringLiteral("cache")));
    // vanished -> forgotten
    QVERIFY(!tracker.isWanted(QStringLiteral("gone")));
    // ignored (running!) and infra containers are never tracked
    QVERIFY(!tracker.isWanted(QStringLiteral("tool")));
    QVERIFY(!tracker.isWanted(QStringLiteral("helper")));
    for (const PsEntry &entry : entries) {
        if (entry.isInfra)
            QVERIFY2(!tracker.isWanted(entry.name), qPrintable(entry.name));
    }

    const Snapshot snapshot = tracker.toSnapshot(5);
    QCOMPARE(namesOf(snapshot.containers),
             (QStringList{QStringLiteral("db"), QStringLiteral("outside"), QStringLiteral("web")}));
    QVERIFY(snapshot.stoppedByOwner.isEmpty());
    QCOMPARE(snapshot.containers.at(2).image, QStringLiteral("localhost/web:1.2"));
    QCOMPARE(snapshot.containers.at(0).image, QStringLiteral("docker.io/library/postgres:16"));

    // The same listing again changes nothing.
    QVERIFY(!tracker.reconcile(entries));
}

void TestContainerTracker::reconcileKeepsOwnerStopsAndForgetsVanished()
{
    ContainerTracker tracker;
    tracker.load(snapshotOf({QStringLiteral("a")}, {QStringLiteral("owner"), QStringLiteral("back"),
                                                    QStringLiteral("vanished")}));
    PsEntry a{QStringLiteral("a"), QStringLiteral("img/a:1"), QStringLiteral("exited"), QStringLiteral("id-a"), {}, false};
    PsEntry owner{QStringLiteral("owner"), QStringLiteral("img/owner:1"), QStringLiteral("exited"),
                  QStringLiteral("id-owner"), {}, false};
    PsEntry back{QStringLiteral("back"), QStringLiteral("img/back:1"), QStringLiteral("running"),
                 QStringLiteral("id-back"), {}, false};
    QVERIFY(tracker.reconcile({a, owner, back}));
    QVERIFY(tracker.isWanted(QStringLiteral("a")));
    QVERIFY(tracker.isStoppedByOwner(QStringLiteral("owner")));
    QVERIFY(!tracker.isWanted(QStringLiteral("owner")));
    // the owner started it again while we were not looking
    QVERIFY(tracker.isWanted(QStringLiteral("back")));
    QVERIFY(!tracker.isStoppedByOwner(QStringLiteral("back")));
    QVERIFY(!tracker.isStoppedByOwner(QStringLiteral("vanished")));
    const Snapshot snapshot = tracker.toSnapshot(1);
    QCOMPARE(namesOf(snapshot.containers), (QStringList{QStringLiteral("a"), QStringLiteral("back")}));
    QCOMPARE(namesOf(snapshot.stoppedByOwner), QStringList{QStringLiteral("owner")});

    // Image changes are changes.
    a.image = QStringLiteral("img/a:2");
    QVERIFY(tracker.reconcile({a, owner, back}));
    QCOMPARE(tracker.toSnapshot(1).containers.at(0).image, QStringLiteral("img/a:2"));
    // Everything vanished.
    QVERIFY(tracker.reconcile({}));
    QVERIFY(tracker.toSnapshot(1).containers.isEmpty());
    QVERIFY(tracker.toSnapshot(1).stoppedByOwner.isEmpty());
}

void TestContainerTracker::startMakesWanted()
{
    ContainerTracker tracker;
    const ContainerTracker::Outcome outcome = tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("b1")), 1000);
    QVERIFY(outcome.changed);
    QVERIFY(!outcome.unexpectedDeath);
    QVERIFY(!outcome.deathPending);
    QCOMPARE(outcome.name, QStringLiteral("b1"));
    QVERIFY(tracker.isWanted(QStringLiteral("b1")));
    // A second start of a running container changes nothing.
    QVERIFY(!tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("b1")), 1100).changed);

    // A start of an owner-stopped container makes it wanted again.
    tracker.load(snapshotOf({}, {QStringLiteral("old")}));
    QVERIFY(tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("old")), 1200).changed);
    QVERIFY(tracker.isWanted(QStringLiteral("old")));
    QVERIFY(!tracker.isStoppedByOwner(QStringLiteral("old")));

    // create/init/cleanup alone do not make anything wanted.
    for (const char *status : {"create", "init", "cleanup", "exec", "attach"}) {
        const auto o = tracker.apply(podmanEvent(QString::fromLatin1(status), QStringLiteral("fresh")), 1300);
        QVERIFY(!o.changed);
    }
    QVERIFY(!tracker.isWanted(QStringLiteral("fresh")));
    QVERIFY(!namesOf(tracker.toSnapshot(0).containers).contains(QStringLiteral("fresh")));
}

void TestContainerTracker::stopThenDiedIsTheOwner()
{
    ContainerTracker tracker;
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("b1")), 1000);
    const auto stop = tracker.apply(podmanEvent(QStringLiteral("stop"), QStringLiteral("b1")), 5000);
    QVERIFY(!stop.deathPending);
    QVERIFY(tracker.isWanted(QStringLiteral("b1"))); // not yet: `stop` may precede no death
    const auto died = tracker.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("b1"), 137), 5100);
    QVERIFY(died.changed);
    QVERIFY(!died.deathPending);
    QVERIFY(!died.unexpectedDeath);
    QVERIFY(!tracker.isWanted(QStringLiteral("b1")));
    QVERIFY(tracker.isStoppedByOwner(QStringLiteral("b1")));
    // Nothing is left to resolve.
    QVERIFY(!tracker.resolveDeath(QStringLiteral("b1"), 7000).unexpectedDeath);
    QVERIFY(tracker.isStoppedByOwner(QStringLiteral("b1")));
}

void TestContainerTracker::killThenDiedIsTheOwner()
{
    ContainerTracker tracker;
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("k1")), 1000);
    tracker.apply(podmanEvent(QStringLiteral("kill"), QStringLiteral("k1")), 2000);
    const auto died = tracker.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("k1"), 137), 2050);
    QVERIFY(died.changed);
    QVERIFY(!died.deathPending);
    QVERIFY(tracker.isStoppedByOwner(QStringLiteral("k1")));
    QVERIFY(!tracker.isWanted(QStringLiteral("k1")));

    // A kill that did not kill (`kill -s HUP`) is forgotten by the next death.
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("k2")), 1000);
    tracker.apply(podmanEvent(QStringLiteral("kill"), QStringLiteral("k2")), 2000);
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("k2")), 2100); // restarted: kill flag cleared
    const auto crash = tracker.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("k2"), 139), 9000);
    QVERIFY(crash.deathPending);
    QVERIFY(!tracker.isStoppedByOwner(QStringLiteral("k2")));
}

void TestContainerTracker::diedThenLateStopIsTheOwner()
{
    ContainerTracker tracker;
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("b1")), 1000);
    const auto died = tracker.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("b1"), 137), 5000);
    QVERIFY(died.deathPending);
    QVERIFY(!died.unexpectedDeath);
    QCOMPARE(died.name, QStringLiteral("b1"));
    QVERIFY(tracker.isWanted(QStringLiteral("b1"))); // undecided yet

    const auto stop = tracker.apply(podmanEvent(QStringLiteral("stop"), QStringLiteral("b1")),
                                    5000 + ContainerTracker::DeathGraceMs / 2);
    QVERIFY(stop.changed);
    QVERIFY(!stop.deathPending);
    QVERIFY(!tracker.isWanted(QStringLiteral("b1")));
    QVERIFY(tracker.isStoppedByOwner(QStringLiteral("b1")));

    const auto resolved = tracker.resolveDeath(QStringLiteral("b1"), 5000 + ContainerTracker::DeathGraceMs);
    QVERIFY(!resolved.unexpectedDeath);
    QVERIFY(!resolved.changed);
    QCOMPARE(tracker.quickDeaths(QStringLiteral("b1")), 0);
}

void TestContainerTracker::stopWithoutStopEventIsJudgedByTheSignal()
{
    // A fast `podman stop` may log no `stop` event at all: only `died` with 137 or 143.
    ContainerTracker tracker;
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("parked"), -1, QStringLiteral("id-p")), 1000);
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("crashy"), -1, QStringLiteral("id-c")), 1000);
    QVERIFY(tracker.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("parked"), 137, QStringLiteral("id-p")), 90000)
                .deathPending);
    QVERIFY(tracker.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("crashy"), 139, QStringLiteral("id-c")), 90000)
                .deathPending);
    QCOMPARE(tracker.pendingExitCode(QStringLiteral("parked")), 137);
    QCOMPARE(tracker.pendingExitCode(QStringLiteral("crashy")), 139);

    const auto parked = tracker.resolveDeath(QStringLiteral("parked"), 92000, true);
    QVERIFY(parked.changed);
    QVERIFY(!parked.unexpectedDeath);
    QVERIFY(tracker.isStoppedByOwner(QStringLiteral("parked")));
    QCOMPARE(tracker.pendingExitCode(QStringLiteral("parked")), -1);

    const auto crashy = tracker.resolveDeath(QStringLiteral("crashy"), 92000, false);
    QVERIFY(crashy.unexpectedDeath);
    QVERIFY(tracker.isWanted(QStringLiteral("crashy")));
    const Snapshot snapshot = tracker.toSnapshot(92);
    QCOMPARE(snapshot.stoppedByOwner.size(), 1);
    QCOMPARE(snapshot.stoppedByOwner.constFirst().name, QStringLiteral("parked"));
}

void TestContainerTracker::killThatDidNotStopIsForgotten()
{
    // `podman kill -s HUP web` reloads web; it keeps running (the periodic ps says so). A day
    // later it crashes: that death is not the owner's doing and must be repaired.
    ContainerTracker tracker;
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("web"), -1, QStringLiteral("id-web")), 1000);
    tracker.apply(podmanEvent(QStringLiteral("kill"), QStringLiteral("web"), -1, QStringLiteral("id-web")), 2000);
    const PsEntry running{QStringLiteral("web"), QStringLiteral("img/web:1"), QStringLiteral("running"),
                          QStringLiteral("id-web"), {}, false};
    tracker.reconcile({running});
    QVERIFY(tracker.isWanted(QStringLiteral("web")));

    const qint64 crashAt = 2000 + 24LL * 3600 * 1000;
    const auto died = tracker.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("web"), 139,
                                                QStringLiteral("id-web")), crashAt);
    QVERIFY2(!tracker.isStoppedByOwner(QStringLiteral("web")),
             "a kill that did not stop the container made a crash a day later count as the owner's stop");
    QVERIFY(died.deathPending);
    QVERIFY(tracker.isWanted(QStringLiteral("web")));
    QVERIFY(tracker.resolveDeath(QStringLiteral("web"), crashAt + ContainerTracker::DeathGraceMs).unexpectedDeath);
}

void TestContainerTracker::diedAloneIsUnexpected()
{
    ContainerTracker tracker;
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("w1")), 1000);
    const auto died = tracker.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("w1"), 1), 2000);
    QVERIFY(died.deathPending);
    QVERIFY(!died.unexpectedDeath);
    const auto resolved = tracker.resolveDeath(QStringLiteral("w1"), 2000 + ContainerTracker::DeathGraceMs);
    QVERIFY(resolved.unexpectedDeath);
    QCOMPARE(resolved.name, QStringLiteral("w1"));
    QCOMPARE(resolved.quickDeaths, 1);
    QCOMPARE(tracker.quickDeaths(QStringLiteral("w1")), 1);
    // Still wanted: it is to be brought back, and a snapshot now keeps it.
    QVERIFY(tracker.isWanted(QStringLiteral("w1")));
    QVERIFY(!tracker.isStoppedByOwner(QStringLiteral("w1")));
    QCOMPARE(namesOf(tracker.toSnapshot(0).containers), QStringList{QStringLiteral("w1")});
    // Resolved once only.
    QVERIFY(!tracker.resolveDeath(QStringLiteral("w1"), 4000).unexpectedDeath);
    // Unknown names resolve to nothing.
    QVERIFY(!tracker.resolveDeath(QStringLiteral("nobody"), 4000).unexpectedDeath);

    // A start within the grace (podman's restart policy brought it back) cancels the death.
    tracker.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("w1"), 1), 5000);
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("w1")), 5100);
    QVERIFY(!tracker.resolveDeath(QStringLiteral("w1"), 6500).unexpectedDeath);
}

void TestContainerTracker::quickDeathsCount()
{
    ContainerTracker tracker;
    qint64 now = 1'000'000;
    for (int i = 1; i <= 4; ++i) {
        tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("loop")), now);
        now += 2000; // dies 2 s after each start
        QVERIFY(tracker.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("loop"), 1), now).deathPending);
        now += ContainerTracker::DeathGraceMs;
        const auto resolved = tracker.resolveDeath(QStringLiteral("loop"), now);
        QVERIFY(resolved.unexpectedDeath);
        QCOMPARE(resolved.quickDeaths, i);
        now += 100;
    }
    // Without a new start event (we restarted it and the event was lost), deaths still count
    // against the last start seen.
    QVERIFY(tracker.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("loop"), 1), now).deathPending);
    QCOMPARE(tracker.resolveDeath(QStringLiteral("loop"), now + ContainerTracker::DeathGraceMs).quickDeaths, 5);

    // An owner's stop resets the count.
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("loop")), now + 3000);
    tracker.apply(podmanEvent(QStringLiteral("stop"), QStringLiteral("loop")), now + 3100);
    tracker.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("loop"), 137), now + 3200);
    QCOMPARE(tracker.quickDeaths(QStringLiteral("loop")), 0);
}

void TestContainerTracker::slowDeathResetsCount()
{
    ContainerTracker tracker;
    qint64 now = 1'000'000;
    for (int i = 0; i < 2; ++i) {
        tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("s")), now);
        tracker.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("s"), 1), now + 1000);
        now += 1000 + ContainerTracker::DeathGraceMs;
        QCOMPARE(tracker.resolveDeath(QStringLiteral("s"), now).quickDeaths, i + 1);
    }
    // Ran for well over QuickDeathMs: not quick, the count starts again at 1.
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("s")), now);
    const qint64 died = now + ContainerTracker::QuickDeathMs + 1000;
    QVERIFY(tracker.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("s"), 1), died).deathPending);
    const auto resolved = tracker.resolveDeath(QStringLiteral("s"), died + ContainerTracker::DeathGraceMs);
    QVERIFY(resolved.unexpectedDeath);
    QCOMPARE(resolved.quickDeaths, 1);

    // A container known only from the snapshot (no start seen) dying: not quick either.
    ContainerTracker loaded;
    loaded.load(snapshotOf({QStringLiteral("old")}, {}));
    QVERIFY(loaded.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("old"), 1), 500).deathPending);
    const auto old = loaded.resolveDeath(QStringLiteral("old"), 500 + ContainerTracker::DeathGraceMs);
    QVERIFY(old.unexpectedDeath);
    QCOMPARE(old.quickDeaths, 1);
}

void TestContainerTracker::diedWithZeroFinishedItsJob()
{
    ContainerTracker tracker;
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("j1")), 1000);
    const auto died = tracker.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("j1"), 0), 3000);
    QVERIFY(died.changed);
    QVERIFY(!died.deathPending);
    QVERIFY(!died.unexpectedDeath);
    QVERIFY(!tracker.isWanted(QStringLiteral("j1")));
    QVERIFY(!tracker.isStoppedByOwner(QStringLiteral("j1")));
    QVERIFY(!tracker.resolveDeath(QStringLiteral("j1"), 5000).unexpectedDeath);
    const Snapshot snapshot = tracker.toSnapshot(0);
    QVERIFY(snapshot.containers.isEmpty());
    QVERIFY(snapshot.stoppedByOwner.isEmpty());
}

void TestContainerTracker::diedOfUnwantedIsNothing()
{
    ContainerTracker tracker;
    const auto died = tracker.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("stranger"), 1), 1000);
    QVERIFY(!died.changed);
    QVERIFY(!died.deathPending);
    QVERIFY(!tracker.isWanted(QStringLiteral("stranger")));

    tracker.load(snapshotOf({}, {QStringLiteral("owner")}));
    const auto ownerDied = tracker.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("owner"), 1), 1000);
    QVERIFY(!ownerDied.deathPending);
    QVERIFY(tracker.isStoppedByOwner(QStringLiteral("owner")));
}

void TestContainerTracker::renameById()
{
    ContainerTracker tracker;
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("j1"), -1, QStringLiteral("abc123")), 1000);
    const auto renamed = tracker.apply(podmanEvent(QStringLiteral("rename"), QStringLiteral("j1-new"), -1,
                                             QStringLiteral("abc123")), 2000);
    QVERIFY(renamed.changed);
    QVERIFY(!tracker.isWanted(QStringLiteral("j1")));
    QVERIFY(tracker.isWanted(QStringLiteral("j1-new")));
    QCOMPARE(namesOf(tracker.toSnapshot(0).containers), QStringList{QStringLiteral("j1-new")});

    // Later events by the new name find the same container: the owner's stop is kept.
    tracker.apply(podmanEvent(QStringLiteral("stop"), QStringLiteral("j1-new"), -1, QStringLiteral("abc123")), 3000);
    tracker.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("j1-new"), 137, QStringLiteral("abc123")), 3100);
    QVERIFY(tracker.isStoppedByOwner(QStringLiteral("j1-new")));

    // An owner-stopped container keeps that when renamed.
    QVERIFY(tracker.apply(podmanEvent(QStringLiteral("rename"), QStringLiteral("j1-final"), -1, QStringLiteral("abc123")),
                          4000).changed);
    QCOMPARE(namesOf(tracker.toSnapshot(0).stoppedByOwner), QStringList{QStringLiteral("j1-final")});
}

void TestContainerTracker::renameWithUnknownIdChangesNothing()
{
    ContainerTracker tracker;
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("a"), -1, QStringLiteral("id-a")), 1000);
    QVERIFY(!tracker.apply(podmanEvent(QStringLiteral("rename"), QStringLiteral("b"), -1, QStringLiteral("id-zzz")), 2000)
                 .changed);
    QVERIFY(tracker.isWanted(QStringLiteral("a")));
    QVERIFY(!tracker.isWanted(QStringLiteral("b")));
}

void TestContainerTracker::removeForgets()
{
    ContainerTracker tracker;
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("t1"), -1, QStringLiteral("id-t1")), 1000);
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("t2"), -1, QStringLiteral("id-t2")), 1000);
    QVERIFY(tracker.apply(podmanEvent(QStringLiteral("remove"), QStringLiteral("t1"), -1, QStringLiteral("id-t1")), 2000)
                .changed);
    QVERIFY(!tracker.isWanted(QStringLiteral("t1")));
    // By id, whatever name the event carries.
    QVERIFY(tracker.apply(podmanEvent(QStringLiteral("remove"), QStringLiteral("t2-old-name"), -1, QStringLiteral("id-t2")),
                          2000).changed);
    QVERIFY(!tracker.isWanted(QStringLiteral("t2")));
    QVERIFY(tracker.toSnapshot(0).containers.isEmpty());
    // Removing something unknown is no change.
    QVERIFY(!tracker.apply(podmanEvent(QStringLiteral("remove"), QStringLiteral("nobody")), 3000).changed);
    // A removed owner-stopped container leaves stoppedByOwner too.
    tracker.load(snapshotOf({}, {QStringLiteral("old")}));
    QVERIFY(tracker.apply(podmanEvent(QStringLiteral("remove"), QStringLiteral("old")), 4000).changed);
    QVERIFY(tracker.toSnapshot(0).stoppedByOwner.isEmpty());
}

void TestContainerTracker::ignoredEventDropsContainer()
{
    ContainerTracker tracker;
    PodmanEvent start = podmanEvent(QStringLiteral("start"), QStringLiteral("scratch"));
    start.labels.insert(archy::ignoreLabel(), QStringLiteral("ignore"));
    QVERIFY(!tracker.apply(start, 1000).changed);
    QVERIFY(!tracker.isWanted(QStringLiteral("scratch")));

    // Tracked before the label showed up (loaded from a snapshot): dropped.
    tracker.load(snapshotOf({QStringLiteral("scratch")}, {}));
    QVERIFY(tracker.apply(start, 2000).changed);
    QVERIFY(!tracker.isWanted(QStringLiteral("scratch")));
    QVERIFY(tracker.toSnapshot(0).containers.isEmpty());
}

void TestContainerTracker::invalidEventNameIsIgnored()
{
    ContainerTracker tracker;
    for (const QString &name : {QString(), QStringLiteral("-rm"), QStringLiteral("a b"), QStringLiteral("x;y")}) {
        const auto outcome = tracker.apply(podmanEvent(QStringLiteral("start"), name), 1000);
        QVERIFY(!outcome.changed);
    }
    QVERIFY(tracker.toSnapshot(0).containers.isEmpty());
}

void TestContainerTracker::notRecordingChangesNothing()
{
    ContainerTracker tracker;
    tracker.load(snapshotOf({QStringLiteral("web"), QStringLiteral("db")}, {QStringLiteral("old")}));
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("web")), 1000);
    QVERIFY(tracker.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("db"), 1), 1500).deathPending);
    const QByteArray before = tracker.toSnapshot(7).toJson();

    // The system goes down: podman stops everything.
    tracker.setRecording(false);
    QVERIFY(!tracker.isRecording());
    QVERIFY(!tracker.resolveDeath(QStringLiteral("db"), 3000).unexpectedDeath);
    for (const QString &name : {QStringLiteral("web"), QStringLiteral("db"), QStringLiteral("old")}) {
        for (const char *status : {"stop", "kill", "died", "remove", "start"}) {
            const auto outcome = tracker.apply(podmanEvent(QString::fromLatin1(status), name, 137), 4000);
            QVERIFY(!outcome.changed);
            QVERIFY(!outcome.deathPending);
            QVERIFY(!outcome.unexpectedDeath);
        }
    }
    QVERIFY(!tracker.apply(podmanEvent(QStringLiteral("rename"), QStringLiteral("web2"), -1, QStringLiteral("id-web")), 4000)
                 .changed);
    QVERIFY(!tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("newcomer")), 4000).changed);
    QVERIFY(!tracker.reconcile({}));
    QCOMPARE(tracker.toSnapshot(7).toJson(), before);
    QVERIFY(tracker.isWanted(QStringLiteral("web")));
    QVERIFY(tracker.isWanted(QStringLiteral("db")));
    QVERIFY(tracker.isStoppedByOwner(QStringLiteral("old")));
}

void TestContainerTracker::toSnapshotListsWantedAndOwnerStopped()
{
    ContainerTracker tracker;
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("zeta")), 1000);
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("alpha")), 1000);
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("mid")), 1000);
    tracker.apply(podmanEvent(QStringLiteral("stop"), QStringLiteral("mid")), 2000);
    tracker.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("mid"), 137), 2000);
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("job")), 1000);
    tracker.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("job"), 0), 2000);
    tracker.apply(podmanEvent(QStringLiteral("create"), QStringLiteral("fresh")), 2000);

    const Snapshot snapshot = tracker.toSnapshot(1764307407);
    QCOMPARE(snapshot.timestamp, 1764307407);
    QCOMPARE(namesOf(snapshot.containers), (QStringList{QStringLiteral("alpha"), QStringLiteral("zeta")}));
    QCOMPARE(namesOf(snapshot.stoppedByOwner), QStringList{QStringLiteral("mid")});
    QCOMPARE(snapshot.containers.at(0).image, QStringLiteral("img/alpha:1"));
    QCOMPARE(snapshot.stoppedByOwner.at(0).image, QStringLiteral("img/mid:1"));
    for (const SnapshotEntry &e : snapshot.containers)
        QVERIFY(e.isValid());
}

void TestContainerTracker::snapshotJsonRoundTripKeepsOwnerStops()
{
    ContainerTracker tracker;
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("web")), 1000);
    tracker.apply(podmanEvent(QStringLiteral("start"), QStringLiteral("db")), 1000);
    tracker.apply(podmanEvent(QStringLiteral("kill"), QStringLiteral("db")), 2000);
    tracker.apply(podmanEvent(QStringLiteral("died"), QStringLiteral("db"), 137), 2000);
    const Snapshot written = tracker.toSnapshot(42);

    Snapshot read;
    QString error;
    QVERIFY2(Snapshot::fromJson(written.toJson(), &read, &error), qPrintable(error));
    QCOMPARE(read.timestamp, 42);
    QCOMPARE(namesOf(read.containers), QStringList{QStringLiteral("web")});
    QCOMPARE(namesOf(read.stoppedByOwner), QStringList{QStringLiteral("db")});
    QCOMPARE(read.stoppedByOwner.at(0).image, QStringLiteral("img/db:1"));

    // The next run starts from it and still knows the owner stopped db.
    ContainerTracker next;
    next.load(read);
    QVERIFY(next.isWanted(QStringLiteral("web")));
    QVERIFY(next.isStoppedByOwner(QStringLiteral("db")));
    QVERIFY(!next.isWanted(QStringLiteral("db")));
    QCOMPARE(next.toSnapshot(42).toJson(), written.toJson());
}

void TestContainerTracker::replayRecordedEvents_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("wanted");
    QTest::addColumn<QStringList>("stoppedByOwner");
    const QStringList wanted{QStringLiteral("fail"), QStringLiteral("oom"), QStringLiteral("runner"),
                             QStringLiteral("web"), QStringLiteral("web0")};
    // 4.3.1 logs no `stop` for `podman stop -t 10` of a container that exits 0 on SIGTERM: it is a
    // job that finished. 5.4.2 logs the stop. The pod (stopped with -t 0, started again) is 5 only.
    QTest::newRow("podman 4.3.1") << QStringLiteral("events-stream-podman431.jsonl") << wanted
                                  << QStringList{QStringLiteral("db"), QStringLiteral("worker")};
    QTest::newRow("podman 5.4.2") << QStringLiteral("events-stream-podman542.jsonl")
                                  << QStringList{QStringLiteral("a255b0f73407-infra"), QStringLiteral("fail"),
                                                 QStringLiteral("inpod"), QStringLiteral("inpod2"), QStringLiteral("oom"),
                                                 QStringLiteral("runner"), QStringLiteral("web"), QStringLiteral("web0")}
                                  << QStringList{QStringLiteral("db"), QStringLiteral("termer"), QStringLiteral("worker")};
}

void TestContainerTracker::replayRecordedEvents()
{
    // The real stream of one scenario (tests/data/commands-*.log): a killed service, a `stop -t 0`,
    // a job that exits 0 and is renamed, a failing command, an OOM kill, a SIGHUP that stops
    // nothing, a create + rm.
    QFETCH(QString, file);
    QFETCH(QStringList, wanted);
    QFETCH(QStringList, stoppedByOwner);
    ContainerTracker tracker;
    const QList<QByteArray> lines = recorded(file).split('\n');
    qint64 now = 1'000'000;
    int parsed = 0;
    for (const QByteArray &line : lines) {
        PodmanEvent e;
        if (!archy::PodmanParse::parseEvent(line, &e))
            continue;
        ++parsed;
        now += 100;
        tracker.apply(e, now);
    }
    QCOMPARE(parsed, int(recorded(file).count('\n')));
    // A job that exited 0 is done, whether or not podman printed its exit code.
    QVERIFY(!tracker.isWanted(QStringLiteral("job-done")));
    QVERIFY(!tracker.isWanted(QStringLiteral("job")));
    QCOMPARE(tracker.pendingExitCode(QStringLiteral("job-done")), -1);
    // Deaths with no stop seen wait for their judgement.
    QCOMPARE(tracker.pendingExitCode(QStringLiteral("fail")), 3);
    QCOMPARE(tracker.pendingExitCode(QStringLiteral("oom")), 137);
    QCOMPARE(tracker.pendingExitCode(QStringLiteral("worker")), 137);
    now += ContainerTracker::DeathGraceMs;
    QVERIFY(tracker.resolveDeath(QStringLiteral("fail"), now).unexpectedDeath);
    // oom: as if inspect said OOMKilled (5.4.2 does; 4.3.1, under this kernel, did not).
    QVERIFY(tracker.resolveDeath(QStringLiteral("oom"), now).unexpectedDeath);
    QVERIFY(!tracker.resolveDeath(QStringLiteral("worker"), now, true).unexpectedDeath); // inspect: not OOM

    const Snapshot snapshot = tracker.toSnapshot(0);
    QCOMPARE(namesOf(snapshot.containers), wanted);
    QCOMPARE(namesOf(snapshot.stoppedByOwner), stoppedByOwner);
    QCOMPARE(snapshot.containers.at(wanted.indexOf(QStringLiteral("web"))).image,
             QStringLiteral("localhost/archy-test-busybox:latest"));
    QVERIFY(!tracker.isWanted(QStringLiteral("created1"))); // never ran
    QVERIFY(!tracker.isWanted(QStringLiteral("tmp1")));

    // The fleet view: one value per container.
    const QList<ContainerTracker::Entry> entries = tracker.entries();
    const auto entry = [&entries](const QString &name) {
        for (const ContainerTracker::Entry &e : entries) {
            if (e.name == name)
                return e;
        }
        return ContainerTracker::Entry();
    };
    QVERIFY(entry(QStringLiteral("job-done")).finished);
    QVERIFY(!entry(QStringLiteral("job-done")).running);
    QVERIFY(entry(QStringLiteral("runner")).running);
    QVERIFY(entry(QStringLiteral("db")).stoppedByOwner);
    QCOMPARE(entry(QStringLiteral("fail")).quickDeaths, 1);
    QVERIFY(entry(QStringLiteral("tmp1")).name.isEmpty());
}

void TestContainerTracker::afterNames_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QStringList>("names");

    QTest::newRow("missing") << QString() << QStringList();
    QTest::newRow("empty") << QStringLiteral("") << QStringList();
    QTest::newRow("one") << QStringLiteral("db") << QStringList{QStringLiteral("db")};
    QTest::newRow("spaces, empties, bad names, duplicates")
        << QStringLiteral("a, b,,bad name,a") << QStringList{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("only commas") << QStringLiteral(" , ,, ") << QStringList();
    QTest::newRow("option-like and shell") << QStringLiteral("--all,$(reboot),ok.name_1-x")
                                          << QStringList{QStringLiteral("ok.name_1-x")};
    QTest::newRow("order kept") << QStringLiteral("z,y,x") << QStringList{QStringLiteral("z"), QStringLiteral("y"),
                                                                          QStringLiteral("x")};
}

void TestContainerTracker::afterNames()
{
    QFETCH(QString, value);
    QFETCH(QStringList, names);
    Labels labels{{QStringLiteral("io.archy.app"), QStringLiteral("x")}};
    if (!value.isNull())
        labels.insert(archy::afterLabel(), value);
    QCOMPARE(archy::afterNames(labels), names);
}

void TestContainerTracker::isIgnored_data()
{
    QTest::addColumn<Labels>("labels");
    QTest::addColumn<bool>("ignored");

    QTest::newRow("no labels") << Labels() << false;
    QTest::newRow("ignore") << Labels{{QStringLiteral("io.archipelago.recovery"), QStringLiteral("ignore")}} << true;
    QTest::newRow("IGNORE, padded")
        << Labels{{QStringLiteral("io.archipelago.recovery"), QStringLiteral("  IGNORE ")}} << true;
    QTest::newRow("other value") << Labels{{QStringLiteral("io.archipelago.recovery"), QStringLiteral("manage")}}
                                 << false;
    QTest::newRow("empty value") << Labels{{QStringLiteral("io.archipelago.recovery"), QString()}} << false;
    QTest::newRow("after label is not it")
        << Labels{{QStringLiteral("io.archipelago.recovery.after"), QStringLiteral("ignore")}} << false;
    QTest::newRow("other key") << Labels{{QStringLiteral("io.archy.recovery"), QStringLiteral("ignore")}} << false;
}

void TestContainerTracker::isIgnored()
{
    QFETCH(Labels, labels);
    QFETCH(bool, ignored);
    QCOMPARE(archy::isIgnored(labels), ignored);
}

QTEST_GUILESS_MAIN(TestContainerTracker)
#include "tst_containertracker.moc"
