#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QSet>

#include "FleetTypes.h"
#include "podman/Podman.h"
#include "podman/PodmanParse.h"
#include "state/ContainerTracker.h"

class QTimer;

namespace archy {

/**
 * The node's whole fleet as screens show it, put together from what the engine already knows: the
 * start-up's report (states of the containers it acted on), podman's last listing (every container,
 * ignored ones too), the tracker (running, stopped by the owner) and the start-up snapshot. No podman
 * call of its own except `podman logs` on request.
 *
 * Changes are coalesced: any number of touch() calls within one event-loop turn give one
 * fleetChanged().
 */
class FleetView final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FleetView)

public:
    FleetView(const Podman &podman, int podmanTimeoutMs, QObject *parent = nullptr);
    ~FleetView() override;

    /// The engine's live report; must outlive this object.
    void setReport(const RecoveryReport *report) { m_report = report; }
    /// From now on running/stopped-by-owner come from the tracker (it follows podman's events).
    void setTracker(const ContainerTracker *tracker);
    /// Stopped-by-owner containers of the start-up snapshot, until the tracker takes over.
    void setStartupSnapshot(const Snapshot &snapshot);
    /// A successful `podman ps -a`: also clears a podman problem.
    void setListing(const QList<PsEntry> &entries);
    /// podman itself does not work (missing, storage broken, ps failing); empty clears.
    void setPodmanProblem(const QString &problem);
    void setIdentity(const NodeIdentity &identity);
    NodeIdentity identity() const { return m_identity; }

    Fleet fleet() const;
    /// Something the fleet is made of changed: fleetChanged() follows once per event-loop turn.
    void touch();

    /// `podman logs --tail LINES -- NAME`; answers with logsLoaded().
    void requestLogs(const QString &name, int lines);

    /// At most this many lines of at most this many characters are kept from `podman logs`.
    static constexpr int MaxLogLines = ContainerLogs::MaxLines;
    static constexpr int MaxLogLineLength = ContainerLogs::MaxLineLength;
    /// Parses podman's output into lines for a screen: control characters dropped, long lines cut.
    static QStringList logLines(const QByteArray &standardOutput, const QByteArray &standardError,
                                int maxLines);

signals:
    void fleetChanged(const archy::Fleet &fleet);
    void identityChanged(const archy::NodeIdentity &identity);
    void logsLoaded(const archy::ContainerLogs &logs);

private:
    Podman m_podman;
    int m_timeoutMs;
    const RecoveryReport *m_report = nullptr;
    const ContainerTracker *m_tracker = nullptr;
    QList<PsEntry> m_listing;
    QSet<QString> m_ownerStopped; ///< from the start-up snapshot
    bool m_listed = false;
    QString m_podmanProblem;
    NodeIdentity m_identity;
    QTimer *m_emitTimer;
};

} // namespace archy
