#include "DurableFile.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace archy::DurableFile {

namespace {


QString describe(const char *what, const QString &path, int error)
{
    return QCoreApplication::translate("archy::DurableFile", "%1 %2: %3").arg(QCoreApplication::translate("archy::DurableFile", what), path, QString::fromLocal8Bit(std::strerror(error)));
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

} // namespace

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
    const QByteArray target = QFile::encodeName(path);
    const QByteArray temp = target + ".tmp-XXXXXX";
    QByteArray tempName = temp;
    const int fd = ::mkostemp(tempName.data(), O_CLOEXEC);
    if (fd < 0) {
        if (error)
            *error = describe(QT_TRANSLATE_NOOP("archy::DurableFile", "Cannot create a temporary file next to"), path, errno);
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
        if (::rename(target.constData(), QFile::encodeName(previousPath).constData()) != 0
            && errno != ENOENT) {
            savedErrno = errno;
            ::unlink(tempName.constData());
            if (error)
                *error = describe(QT_TRANSLATE_NOOP("archy::DurableFile", "Cannot keep the previous generation of"), path, savedErrno);
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
    const QByteArray name = QFile::encodeName(path);
    const bool existed = ::access(name.constData(), F_OK) == 0;
    const int fd = ::open(name.constData(), O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        if (error)
            *error = describe(QT_TRANSLATE_NOOP("archy::DurableFile", "Cannot open"), path, errno);
        return false;
    }
    QByteArray data = line;
    if (!data.endsWith('\n'))
        data += '\n';
    struct stat info = {};
    char last = '\n';
    if (::fstat(fd, &info) == 0 && info.st_size > 0 && ::pread(fd, &last, 1, info.st_size - 1) == 1 && last != '\n')
        data.prepend('\n');
    int savedErrno = 0;
    bool ok = writeAll(fd, data, &savedErrno);
    ok = ok && (::fsync(fd) == 0 || (savedErrno = errno, false));
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
    QFile file(path);
    if (!file.exists())
        return ReadStatus::Missing;
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QCoreApplication::translate("archy::DurableFile", "Cannot read %1: %2").arg(path, file.errorString());
        return ReadStatus::Error;
    }
    // Check the size of what was opened, not of the path, and read one byte past the limit in case
    // the file grows meanwhile.
    if (file.size() > maxBytes) {
        if (error)
            *error = QCoreApplication::translate("archy::DurableFile", "%1 is %2 bytes, more than the %3 bytes allowed; refused.")
                         .arg(path).arg(file.size()).arg(maxBytes);
        return ReadStatus::TooBig;
    }
    *data = file.read(maxBytes + 1);
    if (data->size() > maxBytes) {
        data->clear();
        if (error)
            *error = QCoreApplication::translate("archy::DurableFile", "%1 is more than the %2 bytes allowed; refused.").arg(path).arg(maxBytes);
        return ReadStatus::TooBig;
    }
    if (file.error() != QFileDevice::NoError) {
        if (error)
            *error = QCoreApplication::translate("archy::DurableFile", "Cannot read %1: %2").arg(path, file.errorString());
        return ReadStatus::Error;
    }
    return ReadStatus::Ok;
}

} // namespace archy::DurableFile
