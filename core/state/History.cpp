#include "History.h"

#include <cstring>
#include <fcntl.h>
#include <unistd.h>

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QHash>

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
    // Ask for what is there, not for TailBytes: QIODevice::read() allocates all it is asked for, and
    // 8 MB per read of a small history is what made every read (and the fuzzer) slow.
    QByteArray data = file.read(qMin(size, TailBytes));
    if (size > TailBytes) {
        const int firstNewline = data.indexOf('\n');
        data = firstNewline < 0 ? QByteArray() : data.mid(firstNewline + 1); // drop the cut line
    }
    // A start-up is written again on every retry; writes are ordered, but a reader still takes the
    // highest revision, not the last line, so an old file (or a second writer) cannot go back in time.
    QHash<QString, qsizetype> indexByKey;
    const QList<QByteArray> lines = data.split('\n');
    for (auto it = lines.crbegin(); it != lines.crend(); ++it) {
        if (it->trimmed().isEmpty())
            continue;
        const QJsonDocument document = QJsonDocument::fromJson(*it);
        if (!document.isObject())
            continue; // a torn last line after a power cut, or junk
        RecoveryReport report = RecoveryReport::fromJson(document.object());
        const QString key = report.id.isEmpty() ? QString::number(report.startedAtMs) : report.id;
        const auto found = indexByKey.constFind(key);
        if (found != indexByKey.constEnd()) {
            if (reports.at(*found).revision < report.revision)
                reports[*found] = report;
            continue;
        }
        if (reports.size() >= limit)
            continue; // older start-ups beyond the limit; later revisions of listed ones still count
        indexByKey.insert(key, reports.size());
        reports.append(report);
    }
    return reports;
}

} // namespace archy::History
