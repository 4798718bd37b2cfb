#include "HistoryWriter.h"

#include <QCoreApplication>
#include <QTimer>

#include "Async.h"
#include "History.h"
#include "Logging.h"

namespace archy {

HistoryWriter::HistoryWriter(const QString &dataDir, QObject *parent) : QObject(parent), m_dataDir(dataDir) {}

HistoryWriter::~HistoryWriter() = default;

void HistoryWriter::append(const RecoveryReport &report, std::function<void()> then)
{
    m_queue.append(Pending{report, std::move(then)});
    if (!m_writing)
        writeNext();
}

void HistoryWriter::writeNext()
{
    if (m_queue.isEmpty()) {
        emit drained();
        return;
    }
    m_writing = true;
    const QString dataDir = m_dataDir;
    runAsync(
        this,
        [dataDir, report = m_queue.constFirst().report] {
            QString error;
            History::append(dataDir, report, &error);
            return error;
        },
        [this](const QString &error) { written(error); });
}

void HistoryWriter::written(const QString &error)
{
    m_writing = false;
    if (!error.isEmpty() && m_retries < MaxRetries) {
        // A full disk or a moment's I/O error: the same report again, after 1, 2, 4 s. It stays at
        // the head of the queue, so revisions still reach the file in order.
        const int delayMs = RetryInitialMs << m_retries;
        ++m_retries;
        qCWarning(lcState).noquote() << "cannot write the history, retrying in" << delayMs << "ms:" << error;
        m_writing = true;
        QTimer::singleShot(delayMs, this, [this] {
            m_writing = false;
            writeNext();
        });
        return;
    }
    m_retries = 0;
    m_lastError = error;
    Pending done = m_queue.takeFirst();
    if (!error.isEmpty()) {
        qCWarning(lcState).noquote() << "cannot write the history:" << error;
        emit writeFailed(
            QCoreApplication::translate("archy::RecoveryAgent", "Cannot write the recovery history: %1")
                .arg(error));
    }
    if (done.then)
        done.then();
    writeNext();
}

} // namespace archy
