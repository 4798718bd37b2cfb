#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QStringList>

#include "RecoveryTypes.h"
#include "podman/Podman.h"

class QTimer;

namespace archy {

class PodmanCall;

/// How a run schedules `podman start` calls.
struct RunPolicy
{
    int parallel = 1;        ///< starts in flight at once
    int startGapMs = 3000;   ///< pause between two launches
    int startTimeoutMs = 30000;
    int maxAttempts = 1;
    int backoffInitialMs = 1000; ///< wait before the 2nd attempt; doubles each time
    int backoffMaxMs = 60000;
    int healthTimeoutMs = 120000; ///< how long a gated container may take to turn healthy
    int healthPollMs = 1000;
    QString systemctlProgram;   ///< for containers systemd manages; empty: `systemctl` on PATH
    bool systemctlUser = false; ///< rootless: the user's service manager (`systemctl --user`)
};

/// A container to start, and the names it must wait for.
struct RecoveryTarget
{
    ContainerStatus status; ///< Failed on entry means: never passed to podman (invalid name...)
    QStringList after;      ///< started only once these are done (running, or given up)
    /// Others wait for it and it has a healthcheck: it counts as done only once healthy (or
    /// after RunPolicy::healthTimeoutMs). podman's own timers need systemd, so we probe ourselves.
    bool healthGate = false;
    /// The container's label PODMAN_SYSTEMD_UNIT (quadlet, `podman generate systemd`): systemd
    /// owns it, so it is started with `systemctl start UNIT`, never behind systemd's back.
    QString systemdUnit;
};

/**
 * Starts a set of containers: a bounded number in flight, a gap between launches, a timeout per call,
 * retries with doubling backoff, and dependants held until what they wait for is done. One failing
 * container never holds up independent ones.
 */
class RecoveryRun final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecoveryRun)

public:
    RecoveryRun(const Podman &podman, const RunPolicy &policy, const QList<RecoveryTarget> &targets,
                QObject *parent = nullptr);
    ~RecoveryRun() override;

    void start();
    /// Stops launching; calls in flight are stopped. finished() follows.
    void cancel();
    bool isFinished() const { return m_finished; }
    QList<ContainerStatus> statuses() const;

    /// Delay before attempt @p attempt + 1, after @p attempt failed ones.
    static int backoffMs(const RunPolicy &policy, int attempt);

signals:
    void containerChanged(const archy::ContainerStatus &status);
    void finished();

private:
    struct Item
    {
        RecoveryTarget target;
        qint64 readyAtMs = 0;
        PodmanCall *call = nullptr;
        QString permanentNote; ///< survives retries, unlike the backoff note
        bool probingHealth = false;
        qint64 healthDeadlineMs = 0;
    };

    void schedule();
    bool dependenciesDone(const Item &item) const;
    bool breakDependencyCycle();
    bool anyCallInFlight() const;
    void launch(Item &item);
    void launchHealthProbe(Item &item);
    void onCallDone(PodmanCall *call, const QString &name);
    void onHealthProbeDone(PodmanCall *call, const QString &name);
    void markRunning(Item &item, const QString &note);
    void update(Item &item);
    void checkFinished();

    Podman m_podman;
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
