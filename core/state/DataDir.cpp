#include "DataDir.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <sys/stat.h>
#include <unistd.h>

#include "History.h"
#include "InstanceLock.h"
#include "RunMarker.h"
#include "Snapshot.h"

namespace archy::DataDir {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("archy::DataDir", text);
}

/// Empty if @p info (of @p path) is owned by us and writable by nobody else, else why not.
QString untrusted(const QString &path, const struct stat &info)
{
    if (info.st_uid != ::geteuid()) {
        return tr("%1 belongs to user id %2, not to the user running archy-recovery (%3); refused. "
                  "Give it to that user (chown) or use another --data-dir.")
            .arg(path)
            .arg(info.st_uid)
            .arg(::geteuid());
    }
    if (info.st_mode & (S_IWGRP | S_IWOTH)) {
        return tr("%1 is writable by other users (mode %2); refused. Make it private: chmod go-w %1.")
            .arg(path)
            .arg(info.st_mode & 07777, 4, 8, QLatin1Char('0'));
    }
    return {};
}

} // namespace

QStringList stateFileNames()
{
    return {RunMarker::fileName(), SnapshotStore::fileName(), SnapshotStore::previousFileName(),
            History::fileName(),   InstanceLock::fileName(),  QStringLiteral("remote-token")};
}

bool prepare(const QString &dir, QString *error)
{
    const QByteArray name = QFile::encodeName(dir);
    const QString parent = QFileInfo(dir).absolutePath();
    if (!QFileInfo::exists(parent) && !QDir().mkpath(parent)) {
        *error = tr("Cannot create %1, the parent of the data directory.").arg(parent);
        return false;
    }
    if (::mkdir(name.constData(), 0700) != 0 && errno != EEXIST) {
        *error = tr("Cannot create the data directory %1: %2")
                     .arg(dir, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    // stat, not lstat: a data dir reached through a symlink the admin made is fine; what it leads
    // to is what must be ours.
    struct stat info = {};
    if (::stat(name.constData(), &info) != 0) {
        *error =
            tr("Cannot use the data directory %1: %2").arg(dir, QString::fromLocal8Bit(std::strerror(errno)));
        return false;
    }
    if (!S_ISDIR(info.st_mode)) {
        *error = tr("The data directory %1 is not a directory.").arg(dir);
        return false;
    }
    if (const QString why = untrusted(dir, info); !why.isEmpty()) {
        *error = why;
        return false;
    }
    for (const QString &file : stateFileNames()) {
        const QString path = QDir(dir).filePath(file);
        struct stat fileInfo = {};
        if (::lstat(QFile::encodeName(path).constData(), &fileInfo) != 0 || !S_ISREG(fileInfo.st_mode))
            continue;
        if (const QString why = untrusted(path, fileInfo); !why.isEmpty()) {
            *error = why;
            return false;
        }
    }
    return true;
}

} // namespace archy::DataDir
