#include "History.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include "DurableFile.h"

namespace archy::History {

namespace {
constexpr qint64 TailBytes = 8 * 1024 * 1024;
}

bool append(const QString &dataDir, const RecoveryReport &report, QString *error)
{
    return DurableFile::appendLine(QDir(dataDir).filePath(fileName()),
                                   QJsonDocument(report.toJson()).toJson(QJsonDocument::Compact), error);
}

QList<RecoveryReport> read(const QString &dataDir, int limit, QString *error)
{
    QList<RecoveryReport> reports;
    QFile file(QDir(dataDir).filePath(fileName()));
    if (!file.exists())
        return reports;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = file.errorString();
        return reports;
    }
    const qint64 size = file.size();
    if (size > TailBytes)
        file.seek(size - TailBytes);
    QByteArray data = file.read(TailBytes);
    if (size > TailBytes) {
        const int firstNewline = data.indexOf('\n');
        data = firstNewline < 0 ? QByteArray() : data.mid(firstNewline + 1); // drop the cut line
    }
    QSet<QString> seen;
    const QList<QByteArray> lines = data.split('\n');
    for (auto it = lines.crbegin(); it != lines.crend() && reports.size() < limit; ++it) {
        if (it->trimmed().isEmpty())
            continue;
        const QJsonDocument document = QJsonDocument::fromJson(*it);
        if (!document.isObject())
            continue; // a torn last line after a power cut, or junk
        RecoveryReport report = RecoveryReport::fromJson(document.object());
        const QString key = report.id.isEmpty() ? QString::number(report.startedAtMs) : report.id;
        if (seen.contains(key))
            continue;
        seen.insert(key);
        reports.append(report);
    }
    return reports;
}

} // namespace archy::History
