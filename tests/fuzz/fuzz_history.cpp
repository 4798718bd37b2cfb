// The history file (recovery-history.jsonl): the input is the whole file, read the way the agent
// reads it (torn lines, junk, duplicates).
#include <QDir>
#include <QFile>

#include "FuzzSupport.h"
#include "state/History.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    archy::fuzz::ensureApplication();
    const QString dir = archy::fuzz::scratchDir().path();
    QFile file(QDir(dir).filePath(archy::History::fileName()));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return 0;
    file.write(archy::fuzz::bytes(data, size));
    file.close();
    QString error;
    const QList<archy::RecoveryReport> reports = archy::History::read(dir, 50, &error);
    for (const archy::RecoveryReport &report : reports) {
        (void)report.toJson();
        (void)report.failed();
    }
    return 0;
}
