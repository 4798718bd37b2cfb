#include <QDir>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <csignal>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include "TestSupport.h"
#include "state/InstanceLock.h"

using archy::InstanceLock;

class TestInstanceLock final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void acquireWritesPid();
    void secondLockInSameProcessIsHeldByOther();
    void unlockLetsTheNextOneIn();
    void destructorReleases();
    void otherProcessHoldsUntilItDies();
    void unusablePathIsError();

private:
    QString lockPath() const { return QDir(m_dir->path()).filePath(InstanceLock::fileName()); }

    std::unique_ptr<QTemporaryDir> m_dir;
    pid_t m_child = -1;
};

void TestInstanceLock::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestInstanceLock::cleanup()
{
    if (m_child > 0) {
        ::kill(m_child, SIGKILL);
        ::waitpid(m_child, nullptr, 0);
        m_child = -1;
    }
}

void TestInstanceLock::acquireWritesPid()
{
    InstanceLock lock(lockPath());
    QVERIFY(!lock.isLocked());
    QCOMPARE(lock.tryLock(), InstanceLock::Result::Acquired);
    QVERIFY(lock.isLocked());
    QCOMPARE(archy::test::readAll(lockPath()).trimmed(), QByteArray::number(qint64(::getpid())));
    QCOMPARE(archy::test::modeOf(lockPath()), 0600);
    QCOMPARE(lock.tryLock(), InstanceLock::Result::Acquired); // idempotent
}

void TestInstanceLock::secondLockInSameProcessIsHeldByOther()
{
    InstanceLock first(lockPath());
    QCOMPARE(first.tryLock(), InstanceLock::Result::Acquired);
    InstanceLock second(lockPath());
    QCOMPARE(second.tryLock(), InstanceLock::Result::HeldByOther);
    QVERIFY(!second.isLocked());
    QCOMPARE(second.holderPid(), qint64(::getpid()));
}

void TestInstanceLock::unlockLetsTheNextOneIn()
{
    InstanceLock first(lockPath());
    InstanceLock second(lockPath());
    QCOMPARE(first.tryLock(), InstanceLock::Result::Acquired);
    QCOMPARE(second.tryLock(), InstanceLock::Result::HeldByOther);
    first.unlock();
    QVERIFY(!first.isLocked());
    QVERIFY(QFile::exists(lockPath())); // the file stays; only the lock goes
    QCOMPARE(second.tryLock(), InstanceLock::Result::Acquired);
    QCOMPARE(first.tryLock(), InstanceLock::Result::HeldByOther);
}

void TestInstanceLock::destructorReleases()
{
    {
        InstanceLock first(lockPath());
        QCOMPARE(first.tryLock(), InstanceLock::Result::Acquired);
    }
    InstanceLock second(lockPath());
    QCOMPARE(second.tryLock(), InstanceLock::Result::Acquired);
}

void TestInstanceLock::otherProcessHoldsUntilItDies()
{
    const QByteArray path = QFile::encodeName(lockPath());
    int ready[2];
    QVERIFY(::pipe(ready) == 0);
    m_child = ::fork();
    QVERIFY(m_child >= 0);
    if (m_child == 0) {
        // Child: async-signal-safe calls only, then sleep until killed.
        ::close(ready[0]);
        const int fd = ::open(path.constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
        char ok = 0;
        if (fd >= 0 && ::flock(fd, LOCK_EX | LOCK_NB) == 0) {
            char digits[24];
            int n = 0;
            for (pid_t p = ::getpid(); p > 0; p /= 10)
                digits[n++] = char('0' + p % 10);
            char text[25];
            for (int i = 0; i < n; ++i)
                text[i] = digits[n - 1 - i];
            text[n] = '\n';
            if (::ftruncate(fd, 0) == 0 && ::write(fd, text, size_t(n + 1)) == n + 1)
                ok = 1;
        }
        if (::write(ready[1], &ok, 1) != 1)
            ::_exit(2);
        for (;;)
            ::pause();
    }
    ::close(ready[1]);
    char ok = 0;
    QCOMPARE(::read(ready[0], &ok, 1), ssize_t(1));
    ::close(ready[0]);
    QCOMPARE(ok, char(1));

    InstanceLock lock(lockPath());
    QCOMPARE(lock.tryLock(), InstanceLock::Result::HeldByOther);
    QCOMPARE(lock.holderPid(), qint64(m_child));

    // However the holder dies, the kernel drops its lock: no stale lock to clean up.
    QCOMPARE(::kill(m_child, SIGKILL), 0);
    QCOMPARE(::waitpid(m_child, nullptr, 0), m_child);
    m_child = -1;
    QCOMPARE(lock.tryLock(), InstanceLock::Result::Acquired);
    QCOMPARE(archy::test::readAll(lockPath()).trimmed(), QByteArray::number(qint64(::getpid())));
}

void TestInstanceLock::unusablePathIsError()
{
    const QString file = QDir(m_dir->path()).filePath(QStringLiteral("plain-file"));
    QVERIFY(archy::test::writeAll(file, "x"));
    const QString path = file + QStringLiteral("/") + InstanceLock::fileName();
    InstanceLock lock(path);
    QCOMPARE(lock.tryLock(), InstanceLock::Result::Error);
    QVERIFY(!lock.isLocked());
    QVERIFY2(lock.errorString().contains(path), qPrintable(lock.errorString()));
}

QTEST_GUILESS_MAIN(TestInstanceLock)
#include "tst_instancelock.moc"
