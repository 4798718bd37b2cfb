#include "InstanceLock.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QFile>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include "DurableFile.h"

namespace archy {

InstanceLock::InstanceLock(const QString &path) : m_path(path) {}

InstanceLock::~InstanceLock()
{
    unlock();
}

InstanceLock::Result InstanceLock::tryLock()
{
    if (m_fd >= 0)
        return Result::Acquired;
    // O_CLOEXEC (set by openRegular) matters: podman's conmon outlives us and must not inherit the
    // lock. A FIFO, directory or symlink at the path is moved aside, never followed.
    DurableFile::Kind kind = DurableFile::Kind::Missing;
    int openErrno = 0;
    int fd = DurableFile::openRegular(m_path, O_RDWR | O_CREAT, &kind, &openErrno);
    if (fd < 0 && kind == DurableFile::Kind::Other) {
        QString what;
        DurableFile::kindOf(m_path, &what);
        if (!DurableFile::moveAside(m_path, what, &m_error).isEmpty())
            fd = DurableFile::openRegular(m_path, O_RDWR | O_CREAT, &kind, &openErrno);
    }
    if (fd < 0) {
        m_error = QCoreApplication::translate("archy::InstanceLock", "Cannot open %1: %2")
                      .arg(m_path, QString::fromLocal8Bit(std::strerror(openErrno)));
        return Result::Error;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        const int savedErrno = errno;
        if (savedErrno == EWOULDBLOCK) {
            char buffer[32] = {};
            const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
            m_holderPid = n > 0 ? QByteArray(buffer, int(n)).trimmed().toLongLong() : 0;
            ::close(fd);
            return Result::HeldByOther;
        }
        ::close(fd);
        m_error = QCoreApplication::translate("archy::InstanceLock", "Cannot lock %1: %2")
                      .arg(m_path, QString::fromLocal8Bit(std::strerror(savedErrno)));
        return Result::Error;
    }
    const QByteArray pid = QByteArray::number(qint64(::getpid())) + '\n';
    // Only a second instance's message depends on this pid; the lock holds even if the write fails.
    [[maybe_unused]] const bool written =
        ::ftruncate(fd, 0) == 0 && ::pwrite(fd, pid.constData(), size_t(pid.size()), 0) == pid.size();
    m_fd = fd;
    return Result::Acquired;
}

void InstanceLock::unlock()
{
    if (m_fd < 0)
        return;
    ::close(m_fd); // releases the flock; the file stays so no unlink/lock race exists
    m_fd = -1;
}

} // namespace archy
