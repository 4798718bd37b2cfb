#pragma once

#include <QString>

namespace archy {

/**
 * One instance per data dir: an flock(2) on `archy-recovery.lock`. The kernel drops the lock when its
 * holder dies, however it dies, so a stale lock cannot exist and pid reuse cannot fool it. The holder's
 * pid is written into the file for the "already running" message only.
 */
class InstanceLock final
{
public:
    enum class Result { Acquired, HeldByOther, Error };

    explicit InstanceLock(const QString &path);
    ~InstanceLock();
    InstanceLock(const InstanceLock &) = delete;
    InstanceLock &operator=(const InstanceLock &) = delete;

    Result tryLock();
    void unlock();
    bool isLocked() const { return m_fd >= 0; }
    /// After HeldByOther: the holder's pid as it wrote it (0 if unknown). After Error: why.
    qint64 holderPid() const { return m_holderPid; }
    QString errorString() const { return m_error; }

    static QString fileName() { return QStringLiteral("archy-recovery.lock"); }

private:
    QString m_path;
    int m_fd = -1;
    qint64 m_holderPid = 0;
    QString m_error;
};

} // namespace archy
