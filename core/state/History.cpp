#include "History.h"

#include <cstring>
#include <fcntl.h>
#include <unistd.h>

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
    const QString path = QDir(dataDir).filePath(fileName());
    // Never follow a symlink or block on a FIFO: only a regular file is read; anything else is moved
    // aside for the next append to start a fresh file.
    DurableFile::Kind kind = DurableFile::Kind::Missing;
    int openErrno = 0;
    const int fd = DurableFile::openRegular(path, O_RDONLY, &kind, &openErrno);
    if (fd < 0) {
        QString what;
        if (kind == DurableFile::Kind::Other && DurableFile::kindOf(path, &what) == DurableFile::Kind::Other)
            DurableFile::moveAside(path, what, error);
        else if (kind != DurableFile::Kind::Missing && error)
            *error = QString::fromLocal8Bit(std::strerror(openErrno));
        return reports;
    }
    QFile file;
    if (!file.open(fd, QIODevice::ReadOnly, QFileDevice::AutoCloseHandle)) {
        ::close(fd);
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
