#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include "AgentOptions.h"
#include "podman/Podman.h"
#include "podman/PodmanParse.h"
#include "state/ContainerTracker.h"

namespace archy {

class EventWatcher;
class PendingWork;
class PodmanCall;
struct PodmanResult;

/**
 * Keeps watch over the containers while the agent is resident: follows podman's events, keeps the
 * tracker (what should run) up to date, reconciles with a full listing after each gap in the stream,
 * judges each death after a grace (and, for SIGKILL, asks podman whether it was the OOM killer), and
 * decides between an automatic restart (after a growing backoff) and a crash loop.
 *
 * It never starts a container itself: it says restartDue() and the scheduler does the rest.
 */
class ContainerWatchdog final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerWatchdog)

public:
    ContainerWatchdog(const Podman &podman, const AgentOptions &options, PendingWork *pending,
                      QObject *parent = nullptr);
    ~ContainerWatchdog() override;

    /// Starts from @p snapshot (what ran at the last good snapshot) and follows events.
    void start(const Snapshot &snapshot);
    /// A full `podman ps -a`; reconciled() follows if it worked.
    void reconcile();
    /// From here on containers stopping are the system going down: nothing is recorded. Stops the
    /// stream and cancels calls; the PendingWork given at construction says when all is over.
    void stop();
    bool isStarted() const { return m_started; }

    const ContainerTracker &tracker() const { return m_tracker; }
    /// Every tracked container as a value (running, wanted, stopped by owner, finished...).
    QList<ContainerTracker::Entry> trackedContainers() const { return m_tracker.entries(); }
    Snapshot toSnapshot() const;

signals:
    /// What should run changed: the snapshot should be written.
    void trackedChanged();
    /// A reconcile finished: the snapshot should be written even if nothing changed.
    void reconciled();
    /// A full listing from a reconcile (screens show every container, not only tracked ones).
    void listed(const QList<archy::PsEntry> &entries);
    /// The reconcile's listing failed: podman itself may not work.
    void podmanProblem(const QString &problem);
    /// An event was applied to the tracker (running states may have changed).
    void eventApplied();
    /// podman started @p name (whoever asked for it).
    void containerStarted(const QString &name);
    /// @p name died on its own; restartDue() follows after @p delayMs unless it comes back first.
    void diedUnexpectedly(const QString &name, int quickDeaths, int delayMs);
    /// The backoff after an unexpected death is over and @p name should still run.
    void restartDue(const QString &name, int quickDeaths);
    /// @p name died soon after each of its last @p quickDeaths starts: no more automatic restarts.
    void crashLoop(const QString &name, int quickDeaths);

private:
    void onEvent(const PodmanEvent &event);
    void judgeDeath(const QString &name);
    void onUnexpectedDeath(const QString &name, int quickDeaths);
    PodmanCall *podmanCall(const QStringList &arguments, std::function<void(const PodmanResult &)> onDone);

    Podman m_podman;
    AgentOptions m_options;
    PendingWork *m_pending;
    ContainerTracker m_tracker;
    EventWatcher *m_events = nullptr;
    QPointer<PodmanCall> m_reconcile;     ///< the one `ps -a` in flight
    QList<QPointer<PodmanCall>> m_probes; ///< inspects judging SIGKILL deaths
    bool m_started = false;
    bool m_stopped = false;
};

} // namespace archy
