#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include <functional>

#include "recovery/RecoveryTypes.h"

namespace archy {

/**
 * The one writer of recovery-history.jsonl. Appends run on the thread pool, strictly one at a time
 * and in the order they were asked for, so a report's revisions only grow in the file.
 */
class HistoryWriter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryWriter)

public:
    explicit HistoryWriter(const QString &dataDir, QObject *parent = nullptr);
    ~HistoryWriter() override;

    /// Queues @p report; @p then runs (on this object's thread) once it is written or failed.
    void append(const RecoveryReport &report, std::function<void()> then = {});
    /// An append is queued or being written.
    bool isBusy() const { return m_writing || !m_queue.isEmpty(); }
    /// Why the last report could not be written (after its retries); empty once one was written.
    QString lastError() const { return m_lastError; }

    /// A failed append is tried again this many times, after RetryInitialMs, doubling.
    static constexpr int MaxRetries = 3;
    static constexpr int RetryInitialMs = 1000;

signals:
    /// A write failed; @p message is for people.
    void writeFailed(const QString &message);
    /// The queue ran empty.
    void drained();

private:
    struct Pending
    {
        RecoveryReport report;
        std::function<void()> then;
    };
    void writeNext();
    void written(const QString &error);

    QString m_dataDir;
    QList<Pending> m_queue;
    bool m_writing = false;
    int m_retries = 0;
    QString m_lastError;
};

} // namespace archy
