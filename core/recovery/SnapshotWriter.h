#pragma once

#include <QObject>
#include <QString>

#include <functional>

#include "state/Snapshot.h"

class QTimer;

namespace archy {

class PendingWork;

/**
 * Writes running-containers.json: a change is written after a short debounce (bounded latency:
 * later changes ride along with the first), one write at a time, a change during a write written
 * right after it; a failed write is retried after 1 s, doubling up to 10 s. Also keeps the periodic timer
 * that asks for a full reconcile (periodicDue()).
 */
class SnapshotWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SnapshotWriter)

public:
    /// @p source is asked for the snapshot at the moment a write starts.
    SnapshotWriter(const QString &dataDir, int debounceMs, std::function<Snapshot()> source,
                   PendingWork *pending, QObject *parent = nullptr);
    ~SnapshotWriter() override;

    /// Something changed: written within the debounce.
    void changed();
    /// Written now (after the write in progress, if any), even if nothing changed.
    void writeNow();
    /// periodicDue() after @p firstDelaySec, then every @p intervalSec.
    void startPeriodic(int firstDelaySec, int intervalSec);
    /// Stops the timers; a change still waiting for its debounce is written now.
    void stop();
    bool isWriting() const { return m_writing; }

signals:
    void written(int containerCount);
    void writeFailed(const QString &message);
    void periodicDue();

private:
    void write();

    static constexpr int RetryInitialMs = 1000; ///< after a failed write; doubles up to RetryMaxMs
    static constexpr int RetryMaxMs = 10000;

    QString m_dataDir;
    std::function<Snapshot()> m_source;
    PendingWork *m_pending;
    QTimer *m_debounce;
    QTimer *m_periodic;
    int m_debounceMs;
    int m_intervalSec = 120;
    bool m_dirty = false;
    bool m_writing = false;
    bool m_stopped = false;
    int m_retryMs = 0; ///< delay before retrying a failed write; 0 after a success
};

} // namespace archy
