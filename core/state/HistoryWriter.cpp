#include "HistoryWriter.h"

#include <QCoreApplication>

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
    Pending next = m_queue.takeFirst();
    const QString dataDir = m_dataDir;
    runAsync(
        this,
        [dataDir, report = next.report] {
            QString error;
            History::append(dataDir, report, &error);
            return error;
        },
        [this, then = std::move(next.then)](const QString &error) {
            m_writing = false;
            if (!error.isEmpty()) {
                qCWarning(lcState).noquote() << "cannot write the history:" << error;
                emit writeFailed(QCoreApplication::translate("archy::RecoveryAgent",
                                                             "Cannot write the recovery history: %1")
                                     .arg(error));
            }
            if (then)
                then();
            writeNext();
        });
}

} // namespace archy
