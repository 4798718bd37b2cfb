#pragma once

#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

#include "AgentOptions.h"
#include "RecoveryRun.h"
#include "podman/Podman.h"
#include "podman/PodmanParse.h"
#include "state/Snapshot.h"

namespace archy {

class PendingWork;
class PodmanCall;
struct PodmanResult;

/**
 * One start-up's decision, step by step: our run marker written (resident only), the last good
 * snapshot read, the plan (RecoveryPlan) from one inspect of the snapshot's containers or, without
 * a snapshot, from `podman ps -a` and one inspect, and the targets handed to the scheduler. Fills
 * the report's crash information and container list as it goes. The whole-fleet `ps -a` for the
 * screens runs beside it from the start (AgentOptions::listWholeFleet) and, without a snapshot, is
 * the plan's listing too.
 */
class StartupRecovery final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StartupRecovery)

public:
    StartupRecovery(const Podman &podman, const AgentOptions &options, RecoveryReport *report,
                    RecoveryRun *scheduler, PendingWork *pending, QObject *parent = nullptr);
    ~StartupRecovery() override;

    void start();
    /// Stops between steps; the PendingWork says when the step in flight is over.
    void stop();
    /// The targets went to the scheduler: its next finished() ends the start-up.
    bool isHandedOver() const { return m_handedOver; }
    /// The snapshot read at start-up (what the watchdog starts from).
    const Snapshot &snapshot() const { return m_snapshot; }

signals:
    /// The report's container list was filled: reload it.
    void planned();
    /// podman's full listing (`ps -a`), for the fleet view and when the start-up needed one.
    void listed(const QList<archy::PsEntry> &entries);
    /// podman itself does not work (missing, storage broken, listing failed).
    void podmanProblem(const QString &problem);
    void errorOccurred(const QString &message);

private:
    void writeMarker();
    void readSnapshot();
    void snapshotRead(const SnapshotStore::ReadResult &read);
    /// @p inspected: the snapshot's containers were inspected already (no ps was needed).
    void plan(const SnapshotStore::ReadResult &read, const QList<PsEntry> &current, bool listed,
              const QList<InspectEntry> *inspected);
    void inspect(QList<RecoveryTarget> targets, const QList<PsEntry> &current);
    void handOver(const QList<RecoveryTarget> &targets);
    /// `podman ps -a`: for the fleet view, and for the plan when there is no snapshot.
    void listAll();
    PodmanCall *podmanCall(const QStringList &arguments, std::function<void(const PodmanResult &)> onDone);

    Podman m_podman;
    AgentOptions m_options;
    RecoveryReport *m_report;
    RecoveryRun *m_scheduler;
    PendingWork *m_pending;
    Snapshot m_snapshot;
    QPointer<PodmanCall> m_call;
    enum class Listing
    {
        None,
        Running,
        Done
    } m_listing = Listing::None;
    QPointer<PodmanCall> m_listCall;
    QList<PsEntry> m_current; ///< the listing, once done
    bool m_listed = false;    ///< ...and it worked
    bool m_planWaitsForListing = false;
    SnapshotStore::ReadResult m_read; ///< what the waiting plan was read from
    bool m_stopped = false;
    bool m_handedOver = false;
};

} // namespace archy
