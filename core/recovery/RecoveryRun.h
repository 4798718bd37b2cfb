#pragma once

#include <QHash>
#include <QList>
#include <QMap>
#include <QObject>
#include <QSet>
#include <QStringList>

#include <memory>

#include "RecoveryTypes.h"
#include "podman/Podman.h"

class QTimer;

namespace archy {

class ContainerStarter;
class PodmanCall;
struct AgentOptions;

/// How the scheduler issues starts.
struct RunPolicy
{
    /// What a container does whose dependency failed.
    enum class FailedDependency
    {
        StartAnyway, ///< started as if the dependency had come up
        Hold,        ///< waits, saying so, until the dependency runs (resident agent)
        Fail,        ///< fails, saying why (a one-shot run that ends soon)
    };

    int parallel = 1;      ///< start calls in flight at once
    int startGapMs = 3000; ///< pause between two launches
    int startTimeoutMs = 30000;
    int maxAttempts = 1;
    int backoffInitialMs = 1000; ///< wait before the 2nd attempt; doubles each time
    int backoffMaxMs = 60000;
    int healthTimeoutMs = 120000; ///< how long a gated container may take to turn healthy
    int healthPollMs = 1000;
    /// Containers ready at the same moment share `podman start` calls (at most `parallel` of them).
    /// Only with parallel > 1 and no start gap: both ask for one container at a time.
    bool batchStarts = false;
    /// A shared call gets at least this many names: each podman process costs about what starting
    /// a few containers costs, so parallel calls pay off only when they are full enough.
    int minNamesPerCall = 10;
    FailedDependency failedDependency = FailedDependency::StartAnyway;

    static RunPolicy fromOptions(const AgentOptions &options);
};

/// A container to start, and the names it must wait for.
struct RecoveryTarget
{
    ContainerStatus status; ///< Failed on entry means: never passed to podman (invalid name...)
    QStringList after;      ///< started only once these are done (running, or given up)
    /// Others wait for it and it has a healthcheck: it counts as done only once healthy (or
    /// after RunPolicy::healthTimeoutMs). podman's own timers need systemd, so we probe ourselves.
    bool healthGate = false;
    /// podman lists it "initialized" (a start was cut off): `podman stop -t 0` before starting it.
    bool repairFirst = false;
    QMap<QString, QString> labels; ///< as podman lists them (a starter may choose its way by them)
};

/**
 * The one scheduler of container starts: start-up, retries and automatic restarts all go through
 * the same queue, with a bounded number of calls in flight, a gap between launches, a timeout per
 * call, retries with doubling backoff, health gates, and dependants held until what they wait for is
 * done. One failing container never holds up independent ones.
 *
 * It lives as long as the engine: enqueue() adds work at any time; finished() is emitted each time
 * everything queued is settled (running, failed, or held by a failed dependency).
 *
 * No container is left half-started: a `podman start` cut off (timeout) can leave it "initialized",
 * where every later start fails, so a failed attempt is repaired (`podman stop -t 0`) before the
 * next one, and a cut-off last attempt is undone the same way. A container that needs a repair
 * gets its own start call right after it; the others still share calls. cancel() lets starts in
 * flight finish (bounded by ShutdownGraceMs) instead of killing them.
 */
class RecoveryRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecoveryRun)

public:
    RecoveryRun(const Podman &podman, const RunPolicy &policy, const QList<RecoveryTarget> &targets = {},
                QObject *parent = nullptr);
    ~RecoveryRun() override;

    /// Replaces how containers are started (the default runs `podman start`). Before start().
    void setStarter(std::shared_ptr<const ContainerStarter> starter);

    void start();
    /**
     * Queues @p targets (again): a container already known keeps its attempts and dependencies
     * (unless the target brings its own) and gets @p freshAttempts more, not before @p delayMs.
     * One that is being started already is left alone.
     */
    void enqueue(const QList<RecoveryTarget> &targets, int freshAttempts, int delayMs = 0);
    /// Someone else started @p name (podman's start event): it counts as running, and what waited
    /// for it goes ahead.
    void cameBack(const QString &name);
    /// Stops launching; health probes in flight are stopped, starts in flight may finish (at most
    /// ShutdownGraceMs, then they are cut off and undone). finished() follows. Nothing is queued after.
    void cancel();
    /// A killed `podman start` leaves conmon/runc finishing behind it, so even an undo right after
    /// can lose the race and leave the container "initialized": starts get time to finish. Under
    /// load a start of a vfs container takes 10-20 s here; 40 s stays inside systemd's 60 s
    /// TimeoutStopSec (a start's own timeout, 30 s by default, usually ends it first).
    static constexpr int ShutdownGraceMs = 40000;
    /// Nothing queued or in flight (and start() was called).
    bool isFinished() const { return m_finished; }
    bool isCancelled() const { return m_cancelled; }
    QList<ContainerStatus> statuses() const;
    /// True while @p name is queued, being started or probed.
    bool isPending(const QString &name) const;

    /// Delay before attempt @p attempt + 1, after @p attempt failed ones.
    static int backoffMs(const RunPolicy &policy, int attempt);

signals:
    void containerChanged(const archy::ContainerStatus &status);
    void finished();

private:
    struct Item
    {
        RecoveryTarget target;
        int maxAttempts = 1;
        qint64 readyAtMs = 0;
        PodmanCall *call = nullptr;
        QString permanentNote; ///< survives retries, unlike the backoff note
        bool probingHealth = false;
        qint64 healthDeadlineMs = 0;
        bool solo = false;        ///< failed in a shared call: its next attempt goes alone
        bool needsRepair = false; ///< `podman stop -t 0` before the next start (which goes alone)
        bool undoing = false;     ///< `call` is the undo of a cut-off start
    };
    enum class Deps
    {
        Done,
        Pending,
        Failed
    };

    void schedule();
    Deps dependencies(const Item &item, QStringList *failedRoots = nullptr) const;
    Deps dependencies(const Item &item, QSet<QString> &visiting, QStringList *failedRoots) const;
    bool holdBlocked(Item &item, const QStringList &failedRoots);
    bool breakDependencyCycle();
    bool anyCallInFlight() const;
    void launch(const QList<int> &indexes);
    void callStart(const QStringList &names);
    void undo(Item &item);
    void launchHealthProbe(Item &item);
    void onStartDone(PodmanCall *call, const QStringList &names);
    void applyResult(Item &item, const PodmanResult &result);
    void onHealthProbeDone(PodmanCall *call, const QString &name);
    void markRunning(Item &item, const QString &note);
    void update(Item &item);
    void checkFinished();
    Item &itemFor(const QString &name);

    Podman m_podman;
    std::shared_ptr<const ContainerStarter> m_starter;
    RunPolicy m_policy;
    QList<Item> m_items;
    QHash<QString, int> m_index;
    QTimer *m_timer;
    qint64 m_lastLaunchMs = 0;
    int m_inFlight = 0;
    bool m_started = false;
    bool m_cancelled = false;
    bool m_finished = false;
};

} // namespace archy
