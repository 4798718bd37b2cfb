#include "DurableFile.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "Logging.h"

namespace archy::DurableFile {

namespace {

QString describe(const char *what, const QString &path, int error)
{
    return QCoreApplication::translate("archy::DurableFile", "%1 %2: %3")
        .arg(QCoreApplication::translate("archy::DurableFile", what), path,
             QString::fromLocal8Bit(std::strerror(error)));
}

bool writeAll(int fd, const QByteArray &data, int *savedErrno)
{
    const char *p = data.constData();
    qint64 left = data.size();
    while (left > 0) {
        const ssize_t n = ::write(fd, p, size_t(left));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            *savedErrno = errno;
            return false;
        }
        p += n;
        left -= n;
    }
    return true;
}

QString describeMode(mode_t mode)
{
    const char *what = QT_TRANSLATE_NOOP("archy::DurableFile", "something that is not a regular file");
    if (S_ISDIR(mode))
        what = QT_TRANSLATE_NOOP("archy::DurableFile", "a directory");
    else if (S_ISFIFO(mode))
        what = QT_TRANSLATE_NOOP("archy::DurableFile", "a FIFO");
    else if (S_ISLNK(mode))
        what = QT_TRANSLATE_NOOP("archy::DurableFile", "a symbolic link");
    else if (S_ISSOCK(mode))
        what = QT_TRANSLATE_NOOP("archy::DurableFile", "a socket");
    else if (S_ISCHR(mode) || S_ISBLK(mode))
        what = QT_TRANSLATE_NOOP("archy::DurableFile", "a device");
    return QCoreApplication::translate("archy::DurableFile", what);
}

/// Moves a non-file out of the way of a write; true if the path is now free or a regular file.
bool clearForWrite(const QString &path, QString *error)
{
    QString what;
    if (kindOf(path, &what) != Kind::Other)
        return true;
    return !moveAside(path, what, error).isEmpty();
}

} // namespace

Kind kindOf(const QString &path, QString *description)
{
    struct stat info = {};
    // Nothing that can be stat'ed (missing, under a file, no access): what the open then says counts.
    if (::lstat(QFile::encodeName(path).constData(), &info) != 0)
        return Kind::Missing;
    if (S_ISREG(info.st_mode))
        return Kind::Regular;
    if (description)
        *description = describeMode(info.st_mode);
    return Kind::Other;
}

int openRegular(const QString &path, int flags, Kind *kind, int *savedErrno)
{
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer for ever.
    const int fd =
        ::open(QFile::encodeName(path).constData(), flags | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC, 0600);
    if (fd < 0) {
        *savedErrno = errno;
        // ELOOP: a symlink; EISDIR/ENXIO: a directory or a FIFO opened for writing.
        // Anything else (EACCES, EIO...) is an error opening what may be a regular file.
        const bool other = errno == ELOOP || errno == EISDIR || errno == ENXIO;
        *kind = (errno == ENOENT || errno == ENOTDIR) ? Kind::Missing : other ? Kind::Other : Kind::Regular;
        return -1;
    }
    struct stat info = {};
    if (::fstat(fd, &info) != 0 || !S_ISREG(info.st_mode)) {
        *savedErrno = EINVAL;
        ::close(fd);
        *kind = Kind::Other;
        return -1;
    }
    ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
    *kind = Kind::Regular;
    return fd;
}

QString moveAside(const QString &path, const QString &what, QString *error)
{
    const QString stamp = QDateTime::currentDateTimeUtc().toString(QStringLiteral("yyyyMMdd'T'HHmmss'Z'"));
    QString aside = QStringLiteral("%1.not-a-file-%2").arg(path, stamp);
    for (int n = 2; kindOf(aside) != Kind::Missing && n < 100; ++n)
        aside = QStringLiteral("%1.not-a-file-%2-%3").arg(path, stamp).arg(n);
    if (::rename(QFile::encodeName(path).constData(), QFile::encodeName(aside).constData()) != 0) {
        const int savedErrno = errno;
        if (error)
            *error = QCoreApplication::translate(
                         "archy::DurableFile", "%1 is %2, not a regular file, and cannot be moved aside: %3")
                         .arg(path, what, QString::fromLocal8Bit(std::strerror(savedErrno)));
        qCWarning(lcState).noquote() << path << "is" << what
                                     << "and cannot be moved aside:" << std::strerror(savedErrno);
        return {};
    }
    qCWarning(lcState).noquote() << path << "was" << what << "instead of a regular file; moved aside to"
                                 << aside;
    syncDirectoryOf(path, nullptr);
    if (error)
        *error = QCoreApplication::translate("archy::DurableFile",
                                             "%1 was %2, not a regular file; it was moved aside to %3.")
                     .arg(path, what, aside);
    return aside;
}

bool syncDirectoryOf(const QString &path, QString *error)
{
    const QString dir = QFileInfo(path).absolutePath();
    const int fd = ::open(QFile::encodeName(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0) {
        if (error)
            *error = describe(QT_TRANSLATE_NOOP("archy::DurableFile", "Cannot open directory"), dir, errno);
        return false;
    }
    const bool ok = ::fsync(fd) == 0;
    const int savedErrno = errno;
    ::close(fd);
    if (!ok && error)
        *error = describe(QT_TRANSLATE_NOOP("archy::DurableFile", "Cannot sync directory"), dir, savedErrno);
    return ok;
}

bool write(const QString &path, const QByteArray &data, QString *error, const QString &previousPath)
{
    if (!clearForWrite(path, error) || (!previousPath.isEmpty() && !clearForWrite(previousPath, error)))
        return false;
    const QByteArray target = QFile::encodeName(path);
    const QByteArray temp = target + ".tmp-XXXXXX";
    QByteArray tempName = temp;
    const int fd = ::mkostemp(tempName.data(), O_CLOEXEC);
    if (fd < 0) {
        if (error)
            *error =
                describe(QT_TRANSLATE_NOOP("archy::DurableFile", "Cannot create a temporary file next to"),
                         path, errno);
        return false;
    }
    int savedErrno = 0;
    bool ok = ::fchmod(fd, 0600) == 0 || (savedErrno = errno, false);
    ok = ok && writeAll(fd, data, &savedErrno);
    ok = ok && (::fsync(fd) == 0 || (savedErrno = errno, false));
    if (::close(fd) != 0 && ok) {
        savedErrno = errno;
        ok = false;
    }
    if (!ok) {
        ::unlink(tempName.constData());
        if (error)
            *error = describe(QT_TRANSLATE_NOOP("archy::DurableFile", "Cannot write"), path, savedErrno);
        return false;
    }
    if (!previousPath.isEmpty()) {
        // A crash between the two renames leaves only the previous generation, which readers fall
        // back to; never a torn file.
        if (::rename(target.constData(), QFile::encodeName(previousPath).constData()) != 0 &&
            errno != ENOENT) {
            savedErrno = errno;
            ::unlink(tempName.constData());
            if (error)
                *error = describe(
                    QT_TRANSLATE_NOOP("archy::DurableFile", "Cannot keep the previous generation of"), path,
                    savedErrno);
            return false;
        }
    }
    if (::rename(tempName.constData(), target.constData()) != 0) {
        savedErrno = errno;
        ::unlink(tempName.constData());
        if (error)
            *error = describe(QT_TRANSLATE_NOOP("archy::DurableFile", "Cannot replace"), path, savedErrno);
        return false;
    }
    return syncDirectoryOf(path, error);
}

bool appendLine(const QString &path, const QByteArray &line, QString *error)
{
    if (!clearForWrite(path, error))
        return false;
    const bool existed = kindOf(path) == Kind::Regular;
    Kind kind = Kind::Missing;
    int openErrno = 0;
    const int fd = openRegular(path, O_RDWR | O_APPEND | O_CREAT, &kind, &openErrno);
    if (fd < 0) {
        if (error)
            *error = describe(QT_TRANSLATE_NOOP("archy::DurableFile", "Cannot open"), path, openErrno);
        return false;
    }
    QByteArray data = line;
    if (!data.endsWith('\n'))
        data += '\n';
    struct stat info = {};
    char last = '\n';
    const bool sized = ::fstat(fd, &info) == 0;
    if (sized && info.st_size > 0 && ::pread(fd, &last, 1, info.st_size - 1) == 1 && last != '\n')
        data.prepend('\n');
    int savedErrno = 0;
    bool ok = writeAll(fd, data, &savedErrno);
    ok = ok && (::fsync(fd) == 0 || (savedErrno = errno, false));
    // A full disk can take part of the line: cut it off again so no torn line is left behind.
    if (!ok && sized && ::ftruncate(fd, info.st_size) == 0)
        ::fsync(fd);
    ::close(fd);
    if (!ok) {
        if (error)
            *error = describe(QT_TRANSLATE_NOOP("archy::DurableFile", "Cannot append to"), path, savedErrno);
        return false;
    }
    return existed || syncDirectoryOf(path, error);
}

bool remove(const QString &path, QString *error)
{
    if (::unlink(QFile::encodeName(path).constData()) != 0) {
        if (errno == ENOENT)
            return true;
        if (error)
            *error = describe(QT_TRANSLATE_NOOP("archy::DurableFile", "Cannot remove"), path, errno);
        return false;
    }
    return syncDirectoryOf(path, error);
}

ReadStatus read(const QString &path, qint64 maxBytes, QByteArray *data, QString *error)
{
    data->clear();
    Kind kind = Kind::Missing;
    int savedErrno = 0;
    const int fd = openRegular(path, O_RDONLY, &kind, &savedErrno);
    if (fd < 0) {
        if (kind == Kind::Missing)
            return ReadStatus::Missing;
        QString what;
        if (kind == Kind::Other && kindOf(path, &what) == Kind::Other) {
            QString moveError;
            moveAside(path, what, &moveError);
            if (error)
                *error = moveError;
            return ReadStatus::Missing;
        }
        if (error)
            *error = QCoreApplication::translate("archy::DurableFile", "Cannot read %1: %2")
                         .arg(path, QString::fromLocal8Bit(std::strerror(savedErrno)));
        return ReadStatus::Error;
    }
    // Check the size of what was opened, not of the path, and read one byte past the limit in case
    // the file grows meanwhile.
    struct stat info = {};
    ::fstat(fd, &info);
    if (info.st_size > maxBytes) {
        ::close(fd);
        if (error)
            *error = QCoreApplication::translate("archy::DurableFile",
                                                 "%1 is %2 bytes, more than the %3 bytes allowed; refused.")
                         .arg(path)
                         .arg(qint64(info.st_size))
                         .arg(maxBytes);
        return ReadStatus::TooBig;
    }
    data->resize(qsizetype(info.st_size) + 1);
    qint64 got = 0;
    while (got < data->size()) {
        const ssize_t n = ::read(fd, data->data() + got, size_t(data->size() - got));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            savedErrno = errno;
            ::close(fd);
            data->clear();
            if (error)
                *error = QCoreApplication::translate("archy::DurableFile", "Cannot read %1: %2")
                             .arg(path, QString::fromLocal8Bit(std::strerror(savedErrno)));
            return ReadStatus::Error;
        }
        if (n == 0)
            break;
        got += n;
        if (got == data->size() && got <= maxBytes)
            data->resize(qMin<qint64>(maxBytes + 1, got * 2)); // it grew since fstat
    }
    ::close(fd);
    data->resize(qsizetype(got));
    if (data->size() > maxBytes) {
        data->clear();
        if (error)
            *error = QCoreApplication::translate("archy::DurableFile",
                                                 "%1 is more than the %2 bytes allowed; refused.")
                         .arg(path)
                         .arg(maxBytes);
        return ReadStatus::TooBig;
    }
    return ReadStatus::Ok;
}

} // namespace archy::DurableFile
