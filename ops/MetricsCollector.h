#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

#include "recovery/RecoveryTypes.h"

namespace archy {

class RecoveryBackend;

/// Counters that only grow while the agent runs, per container.
struct ContainerCounters
{
    quint64 startAttempts = 0;  ///< `podman start` calls made
    quint64 failedAttempts = 0; ///< of those, the ones podman answered with an error
    quint64 restarts = 0;       ///< times it was brought back to running
    quint64 crashLoops = 0;     ///< times it was flagged as crash looping
};

/// Everything one scrape shows; filled by MetricsCollector, rendered by renderMetrics().
struct MetricsInput
{
    RecoveryReport report; ///< the current start-up (crash flag, containers)
    QHash<QString, ContainerCounters> counters;
    quint64 agentErrors = 0; ///< errorOccurred() of the backend
    bool busy = false;
    qint64 snapshotAgeSec = -1; ///< -1: no snapshot written yet
    qint64 snapshotTimestampSec = 0;
    QString version;
    qint64 nowMs = 0;
};

/// The Prometheus text exposition format (version 0.0.4) of @p input; every family is prefixed
/// `archy_recovery_` and has HELP and TYPE lines.
QByteArray renderMetrics(const MetricsInput &input);

/// Escapes a label value for the text exposition format (backslash, double quote, newline).
QByteArray escapeLabelValue(const QString &value);

/**
 * Follows a RecoveryBackend's signals and turns them into counters; the gauges (state, crash flag)
 * are read from the backend's current report on each scrape, so they are never stale.
 */
class MetricsCollector final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsCollector)

public:
    explicit MetricsCollector(RecoveryBackend *backend, QObject *parent = nullptr);

    /// The whole exposition, for GET /metrics.
    QByteArray exposition() const;

    /// Counts what changed since the container's last known status.
    void observe(const ContainerStatus &status);
    void observeCrashLoop(const QString &name);
    void observeError();
    const QHash<QString, ContainerCounters> &counters() const { return m_counters; }

private:
    struct Seen
    {
        ContainerState state = ContainerState::Waiting;
        int attempts = 0;
    };

    RecoveryBackend *m_backend;
    QHash<QString, ContainerCounters> m_counters;
    QHash<QString, Seen> m_seen;
    quint64 m_errors = 0;
};

} // namespace archy
