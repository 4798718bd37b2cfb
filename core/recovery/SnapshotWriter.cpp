#include "SnapshotWriter.h"

#include <QCoreApplication>
#include <QTimer>

#include "Async.h"
#include "Logging.h"
#include "PendingWork.h"

namespace archy {

SnapshotWriter::SnapshotWriter(const QString &dataDir, int debounceMs, std::function<Snapshot()> source,
                               PendingWork *pending, QObject *parent)
    : QObject(parent), m_dataDir(dataDir), m_source(std::move(source)), m_pending(pending),
      m_debounce(new QTimer(this)), m_periodic(new QTimer(this)), m_debounceMs(qMax(0, debounceMs))
{
    m_debounce->setSingleShot(true);
    m_periodic->setSingleShot(true);
    connect(m_debounce, &QTimer::timeout, this, &SnapshotWriter::write);
    connect(m_periodic, &QTimer::timeout, this, [this] {
        m_periodic->start(qMax(1, m_intervalSec) * 1000);
        emit periodicDue();
    });
}

SnapshotWriter::~SnapshotWriter() = default;

void SnapshotWriter::changed()
{
    m_dirty = true;
    // Bounded latency: the first change starts the timer, later ones ride along.
    if (!m_debounce->isActive() && !m_writing && !m_stopped)
        m_debounce->start(m_debounceMs);
}

void SnapshotWriter::writeNow()
{
    m_dirty = true;
    write();
}

void SnapshotWriter::startPeriodic(int firstDelaySec, int intervalSec)
{
    m_intervalSec = intervalSec;
    m_periodic->start(qMax(0, firstDelaySec) * 1000);
}

void SnapshotWriter::stop()
{
    m_stopped = true;
    m_periodic->stop();
    // What was recorded before the stop is kept.
    if (m_debounce->isActive())
        write();
}

void SnapshotWriter::write()
{
    if (m_writing || !m_dirty)
        return;
    m_debounce->stop();
    m_dirty = false;
    m_writing = true;
    const Snapshot snapshot = m_source();
    const QString dataDir = m_dataDir;
    m_pending->begin();
    runAsync(
        this,
        [dataDir, snapshot] {
            QString error;
            SnapshotStore::write(dataDir, snapshot, &error);
            return error;
        },
        [this, count = int(snapshot.containers.size())](const QString &error) {
            m_writing = false;
            if (!error.isEmpty()) {
                // Disk full, a read-only remount: try again soon rather than at the next event or
                // reconcile (up to minutes away), backing off so a lasting fault costs little.
                // Not once stopped: a shutdown stays bounded.
                m_dirty = true;
                m_retryMs = m_retryMs == 0 ? RetryInitialMs : qMin(m_retryMs * 2, RetryMaxMs);
                qCWarning(lcState).noquote()
                    << "cannot write the snapshot:" << error << "- retrying in" << m_retryMs << "ms";
                emit writeFailed(QCoreApplication::translate("archy::RecoveryAgent",
                                                             "Cannot write the container snapshot: %1")
                                     .arg(error));
                if (!m_stopped)
                    m_debounce->start(m_retryMs);
            } else {
                m_retryMs = 0;
                qCDebug(lcState) << "snapshot written:" << count << "containers";
                emit written(count);
                if (m_dirty) // changed while writing
                    m_stopped ? write() : changed();
            }
            m_pending->end();
        });
}

} // namespace archy
