// Fault injection against the real archy-recovery executable: things planted in the data dir
// (FIFOs, directories, symlinks, untrusted owners and modes) and signals (SIGHUP). The fake podman
// stands in: these faults are about the data dir, not about podman.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "IntegrationSupport.h"

using namespace integration;

namespace {

QString fakePodman()
{
    return QStringLiteral(FAKE_PODMAN_PATH);
}

QByteArray fakeState(const QStringList &names, const QString &state)
{
    QJsonArray containers;
    for (const QString &name : names)
        containers.append(QJsonObject{{QStringLiteral("name"), name},
                                      {QStringLiteral("image"), QStringLiteral("localhost/bb:latest")},
                                      {QStringLiteral("state"), state}});
    return QJsonDocument(QJsonObject{{QStringLiteral("containers"), containers}})
        .toJson(QJsonDocument::Compact);
}

/// Names the fake podman's store says are running.
QStringList runningIn(const QString &stateFile)
{
    QFile file(stateFile);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QStringList names;
    const QJsonArray containers =
        QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("containers")).toArray();
    for (const QJsonValue &value : containers) {
        if (value.toObject().value(QLatin1String("state")).toString() == QLatin1String("running"))
            names.append(value.toObject().value(QLatin1String("name")).toString());
    }
    names.sort();
    return names;
}

bool isFifo(const QString &path)
{
    struct stat info = {};
    return ::lstat(QFile::encodeName(path).constData(), &info) == 0 && S_ISFIFO(info.st_mode);
}

bool isRegular(const QString &path)
{
    struct stat info = {};
    return ::lstat(QFile::encodeName(path).constData(), &info) == 0 && S_ISREG(info.st_mode);
}

QStringList movedAside(const QString &dir)
{
    return QDir(dir).entryList({QStringLiteral("*.not-a-file-*")},
                               QDir::AllEntries | QDir::System | QDir::Hidden);
}

enum class Obstacle
{
    Fifo,
    SymlinkToFifo,
    Directory
};

/// Plants @p obstacle at @p path; a symlink points at a FIFO in @p elsewhere.
bool plant(Obstacle obstacle, const QString &path, const QString &elsewhere)
{
    const QByteArray name = QFile::encodeName(path);
    switch (obstacle) {
    case Obstacle::Fifo:
        return ::mkfifo(name.constData(), 0600) == 0;
    case Obstacle::SymlinkToFifo: {
        const QByteArray fifo = QFile::encodeName(QDir(elsewhere).filePath(QStringLiteral("a-fifo")));
        return (::mkfifo(fifo.constData(), 0600) == 0 || errno == EEXIST) &&
               ::symlink(fifo.constData(), name.constData()) == 0;
    }
    case Obstacle::Directory:
        return QDir().mkpath(path) && QDir(path).mkpath(QStringLiteral("inside"));
    }
    return false;
}

} // namespace

Q_DECLARE_METATYPE(Obstacle)

class TestFaultInjection final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void obstacleAtStatePath_data();
    void obstacleAtStatePath();
    void residentAgentKeepsWritingSnapshots();
    void sighupNeitherKillsNorStops();
    void sigtermMidRecoveryKeepsTheCrash();
    void untrustedDataDirIsRefused_data();
    void untrustedDataDirIsRefused();
    void newDataDirIsPrivateFromTheStart();
    void fullDiskMakesOnceFail();

private:
    QString path(const QString &name) const { return m_tmp->filePath(name); }
    /// A data dir whose last run crashed while web and db were running; the fake store has them exited.
    QString crashedDataDir(const QString &name);
    QProcess *startResident(const QString &dataDir);

    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_state;
    QList<QProcess *> m_processes;
};

void TestFaultInjection::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
    m_state = path(QStringLiteral("podman-state.json"));
    writeFile(m_state, fakeState({QStringLiteral("db"), QStringLiteral("web")}, QStringLiteral("exited")));
    qputenv("FAKE_PODMAN_STATE", m_state.toUtf8());
    qputenv("FAKE_PODMAN_HANG_MAX_SEC", "60");
}

void TestFaultInjection::cleanup()
{
    for (QProcess *process : std::as_const(m_processes)) {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished();
        }
        delete process;
    }
    m_processes.clear();
    qunsetenv("FAKE_PODMAN_STATE");
    m_tmp.reset();
}

QString TestFaultInjection::crashedDataDir(const QString &name)
{
    const QString dir = path(name);
    if (!QDir().mkpath(dir))
        return {};
    QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    const QByteArray snapshot =
        seedSnapshot({QStringLiteral("db"), QStringLiteral("web")}, QStringLiteral("localhost/bb:latest"));
    writeFile(QDir(dir).filePath(QStringLiteral("running-containers.json")), snapshot);
    writeFile(QDir(dir).filePath(QStringLiteral("running-containers.json.prev")), snapshot);
    writeFile(QDir(dir).filePath(QStringLiteral("archipelago.pid")), QByteArray::number(deadPid()) + '\n');
    return dir;
}

QProcess *TestFaultInjection::startResident(const QString &dataDir)
{
    auto *process = new QProcess;
    m_processes.append(process);
    process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
    process->start(QStringLiteral(AGENT_PATH),
                   QStringList{QStringLiteral("--no-gui"), QStringLiteral("--snapshot-delay"), QStringLiteral("0"),
                               QStringLiteral("--snapshot-interval"), QStringLiteral("1"), QStringLiteral("--parallel"),
                               QStringLiteral("1"), QStringLiteral("--podman"), fakePodman()} +
                       dataDirArgs(dataDir));
    return process;
}

void TestFaultInjection::obstacleAtStatePath_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<Obstacle>("obstacle");
    QTest::addColumn<bool>("crash"); ///< the crash is still seen (the marker was not the obstacle)

    const QString snapshot = QStringLiteral("running-containers.json");
    const QString previous = QStringLiteral("running-containers.json.prev");
    const QString marker = QStringLiteral("archipelago.pid");
    const QString history = QStringLiteral("recovery-history.jsonl");
    const QString lock = QStringLiteral("archy-recovery.lock");
    QTest::newRow("FIFO as the snapshot") << snapshot << Obstacle::Fifo << true;
    QTest::newRow("FIFO as .prev") << previous << Obstacle::Fifo << true;
    QTest::newRow("FIFO as the marker") << marker << Obstacle::Fifo << false;
    QTest::newRow("FIFO as the history") << history << Obstacle::Fifo << true;
    QTest::newRow("FIFO as the lock") << lock << Obstacle::Fifo << true;
    QTest::newRow("symlink to a FIFO as the snapshot") << snapshot << Obstacle::SymlinkToFifo << true;
    QTest::newRow("symlink to a FIFO as .prev") << previous << Obstacle::SymlinkToFifo << true;
    QTest::newRow("symlink to a FIFO as the marker") << marker << Obstacle::SymlinkToFifo << false;
    QTest::newRow("directory as the snapshot") << snapshot << Obstacle::Directory << true;
    QTest::newRow("directory as .prev") << previous << Obstacle::Directory << true;
    QTest::newRow("directory as the marker") << marker << Obstacle::Directory << false;
    QTest::newRow("directory as the history") << history << Obstacle::Directory << true;
}

void TestFaultInjection::obstacleAtStatePath()
{
    QFETCH(QString, file);
    QFETCH(Obstacle, obstacle);
    QFETCH(bool, crash);

    const QString dir = crashedDataDir(QStringLiteral("data"));
    QVERIFY(!dir.isEmpty());
    const QString target = QDir(dir).filePath(file);
    QFile::remove(target);
    QVERIFY(plant(obstacle, target, m_tmp->path()));

    // Before the fix a FIFO blocked the start-up for ever: the bound is the 20 s.
    const AgentRun run = runOnce(
        dataDirArgs(dir) + QStringList{QStringLiteral("--json"), QStringLiteral("--podman"), fakePodman()},
        30000);
    QVERIFY2(run.elapsedMs > 0 && run.elapsedMs < 20000,
             qPrintable(QStringLiteral("%1 ms; %2").arg(run.elapsedMs).arg(QString::fromUtf8(run.err))));
    QCOMPARE(run.exitCode, 0);
    const QJsonObject report = reportOf(run);
    QCOMPARE(report.value(QLatin1String("crash")).toBool(), crash);
    // Recovered from what was valid: the other snapshot generation, or (marker gone) the snapshot
    // of a clean start.
    QCOMPARE(runningIn(m_state), (QStringList{QStringLiteral("db"), QStringLiteral("web")}));
    if (file.endsWith(QLatin1String(".prev"))) {
        // --once reads .prev only when the newest snapshot is bad, and never writes: it simply
        // did not block on it (the resident agent's writes move it aside: next test).
        QCOMPARE(movedAside(dir), QStringList());
        return;
    }
    QVERIFY2(run.err.contains("moved aside"), run.err.constData());
    const QStringList aside = movedAside(dir);
    QCOMPARE(aside.size(), 1);
    QVERIFY2(aside.constFirst().startsWith(file + QLatin1String(".not-a-file-")),
             qPrintable(aside.constFirst()));
    QVERIFY(!isFifo(target));
    if (file == QLatin1String("recovery-history.jsonl"))
        QVERIFY(isRegular(target)); // the run was recorded in a fresh history
}

void TestFaultInjection::residentAgentKeepsWritingSnapshots()
{
    const QString dir = crashedDataDir(QStringLiteral("resident"));
    const QString snapshot = QDir(dir).filePath(QStringLiteral("running-containers.json"));
    const QString previous = QDir(dir).filePath(QStringLiteral("running-containers.json.prev"));
    QFile::remove(snapshot);
    QFile::remove(previous);
    QVERIFY(plant(Obstacle::Fifo, snapshot, m_tmp->path()));
    QVERIFY(plant(Obstacle::Directory, previous, m_tmp->path()));
    // What the agent should snapshot: both running in podman.
    writeFile(m_state, fakeState({QStringLiteral("db"), QStringLiteral("web")}, QStringLiteral("running")));

    QProcess *agent = startResident(dir);
    QVERIFY(agent->waitForStarted());
    QVERIFY2(waitFor([&] { return isRegular(snapshot) && isRegular(previous); }, 20000),
             "no snapshot generation written within 20 s");
    QVERIFY(waitForSnapshot(dir, QStringLiteral("web"), true, 20000));
    QCOMPARE(movedAside(dir).size(), 2);

    ::kill(pid_t(agent->processId()), SIGTERM);
    QVERIFY(agent->waitForFinished(20000));
    QCOMPARE(agent->exitStatus(), QProcess::NormalExit);
    QCOMPARE(agent->exitCode(), 0);
    QVERIFY(!QFile::exists(QDir(dir).filePath(QStringLiteral("archipelago.pid"))));
}

void TestFaultInjection::sighupNeitherKillsNorStops()
{
    const QString dir = crashedDataDir(QStringLiteral("hup"));
    const QString marker = QDir(dir).filePath(QStringLiteral("archipelago.pid"));
    QProcess *agent = startResident(dir);
    QVERIFY(agent->waitForStarted());
    // Ready once it wrote its own marker and a snapshot after recovery.
    QVERIFY(waitFor(
        [&] {
            QFile file(marker);
            return file.open(QIODevice::ReadOnly) &&
                   file.readLine().trimmed().toLongLong() == agent->processId();
        },
        20000));
    QVERIFY(waitForSnapshot(dir, QStringLiteral("web"), true, 20000));

    for (int i = 0; i < 3; ++i)
        ::kill(pid_t(agent->processId()), SIGHUP);
    // SIGHUP's default action kills within milliseconds; 2 s also covers a clean stop it might start.
    QTest::qWait(2000);
    QCOMPARE(agent->state(), QProcess::Running);
    QVERIFY(QFile::exists(marker));

    ::kill(pid_t(agent->processId()), SIGTERM);
    QVERIFY(agent->waitForFinished(20000));
    QCOMPARE(agent->exitStatus(), QProcess::NormalExit);
    QCOMPARE(agent->exitCode(), 0);
    QVERIFY(!QFile::exists(marker));
}

void TestFaultInjection::sigtermMidRecoveryKeepsTheCrash()
{
    // Real podman does this with 20 containers in tst_interruptedrecovery; slow fake starts make
    // the window wide and the test quick.
    const QStringList names{QStringLiteral("a1"), QStringLiteral("a2"), QStringLiteral("a3"),
                            QStringLiteral("a4"), QStringLiteral("a5"), QStringLiteral("a6")};
    writeFile(m_state, fakeState(names, QStringLiteral("exited")));
    const QString dir = crashedDataDir(QStringLiteral("interrupted"));
    const QString marker = QDir(dir).filePath(QStringLiteral("archipelago.pid"));
    writeFile(QDir(dir).filePath(QStringLiteral("running-containers.json")),
              seedSnapshot(names, QStringLiteral("localhost/bb:latest")));
    qputenv("FAKE_PODMAN_MODE", "start=slow:700");
    QProcess *agent = startResident(dir);
    QVERIFY(agent->waitForStarted());
    QVERIFY(waitFor([&] { return !runningIn(m_state).isEmpty(); }, 20000));
    ::kill(pid_t(agent->processId()), SIGTERM);
    QVERIFY(agent->waitForFinished(30000));
    qunsetenv("FAKE_PODMAN_MODE");
    QCOMPARE(agent->exitStatus(), QProcess::NormalExit);
    QCOMPARE(agent->exitCode(), 0);
    const int startedBefore = int(runningIn(m_state).size());
    QVERIFY2(startedBefore < names.size(), "the recovery was not interrupted");

    // The crash stays pending; the history says what happened.
    QVERIFY(QFile::exists(marker));
    const QJsonObject interrupted = lastHistoryEntry(dir);
    QVERIFY(interrupted.value(QLatin1String("crash")).toBool());
    QCOMPARE(interrupted.value(QLatin1String("containers")).toArray().size(), names.size());
    QVERIFY(interrupted.value(QLatin1String("failed")).toArray().size() >= 1);

    const AgentRun next = runOnce(
        dataDirArgs(dir) + QStringList{QStringLiteral("--json"), QStringLiteral("--podman"), fakePodman()},
        30000);
    QCOMPARE(next.exitCode, 0);
    QVERIFY2(reportOf(next).value(QLatin1String("crash")).toBool(), next.out.constData());
    QCOMPARE(runningIn(m_state), names);
    QVERIFY(!QFile::exists(marker));
}

void TestFaultInjection::untrustedDataDirIsRefused_data()
{
    QTest::addColumn<QString>("what"); ///< "dir" or a state file name
    QTest::addColumn<int>("mode");     ///< applied with chmod, or -1
    QTest::addColumn<int>("owner");    ///< applied with chown, or -1
    QTest::addColumn<QString>("mentions");

    QTest::newRow("world-writable dir")
        << QStringLiteral("dir") << 0777 << -1 << QStringLiteral("writable by other users");
    QTest::newRow("group-writable dir")
        << QStringLiteral("dir") << 0770 << -1 << QStringLiteral("writable by other users");
    QTest::newRow("world-writable snapshot") << QStringLiteral("running-containers.json") << 0666 << -1
                                             << QStringLiteral("writable by other users");
    QTest::newRow("world-writable marker")
        << QStringLiteral("archipelago.pid") << 0602 << -1 << QStringLiteral("writable by other users");
    QTest::newRow("dir of another user")
        << QStringLiteral("dir") << -1 << 65534 << QStringLiteral("belongs to user id 65534");
    QTest::newRow("history of another user") << QStringLiteral("recovery-history.jsonl") << -1 << 65534
                                             << QStringLiteral("belongs to user id 65534");
}

void TestFaultInjection::untrustedDataDirIsRefused()
{
    QFETCH(QString, what);
    QFETCH(int, mode);
    QFETCH(int, owner);
    QFETCH(QString, mentions);
    if (owner >= 0 && ::geteuid() != 0)
        QSKIP("giving a file to another user needs root");

    const QString dir = crashedDataDir(QStringLiteral("untrusted"));
    writeFile(QDir(dir).filePath(QStringLiteral("recovery-history.jsonl")), "");
    const QString target = what == QLatin1String("dir") ? dir : QDir(dir).filePath(what);
    const QByteArray name = QFile::encodeName(target);
    if (mode >= 0)
        QCOMPARE(::chmod(name.constData(), mode_t(mode)), 0);
    if (owner >= 0)
        QCOMPARE(::chown(name.constData(), uid_t(owner), gid_t(-1)), 0);

    const AgentRun run =
        runOnce(dataDirArgs(dir) + QStringList{QStringLiteral("--podman"), fakePodman()}, 30000);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(mentions.toUtf8()), run.err.constData());
    QVERIFY2(run.err.contains(QFile::encodeName(target)), run.err.constData());
    // Refused before anything happened: nothing started, the marker and the crash still there.
    QCOMPARE(runningIn(m_state), QStringList());
    QVERIFY(QFile::exists(QDir(dir).filePath(QStringLiteral("archipelago.pid"))));
}

void TestFaultInjection::newDataDirIsPrivateFromTheStart()
{
    const QString dir = path(QStringLiteral("new/parent/data"));
    // With umask 0 a mkdir followed by chmod would leave the dir open to everyone in between.
    const mode_t previous = ::umask(0);
    const AgentRun run =
        runOnce(dataDirArgs(dir) + QStringList{QStringLiteral("--podman"), fakePodman()}, 30000);
    ::umask(previous);
    QCOMPARE(run.exitCode, 0);
    struct stat info = {};
    QCOMPARE(::stat(QFile::encodeName(dir).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0700));
    QCOMPARE(info.st_uid, ::geteuid());
}

void TestFaultInjection::fullDiskMakesOnceFail()
{
    // A real full disk: the data dir on a 64 KiB tmpfs. Mounting needs root (CI runs as root).
    const QString dir = path(QStringLiteral("small"));
    QVERIFY(QDir().mkpath(dir));
    const QByteArray point = QFile::encodeName(dir);
    if (::mount("tmpfs", point.constData(), "tmpfs", 0, "size=64k,mode=0700") != 0)
        QSKIP(qPrintable(QStringLiteral("cannot mount a tmpfs here (%1): the disk-full test needs root")
                             .arg(QString::fromLocal8Bit(std::strerror(errno)))));
    struct Unmount
    {
        QByteArray point;
        ~Unmount() { ::umount2(point.constData(), MNT_DETACH); }
    } unmount{point};
    writeFile(
        QDir(dir).filePath(QStringLiteral("running-containers.json")),
        seedSnapshot({QStringLiteral("db"), QStringLiteral("web")}, QStringLiteral("localhost/bb:latest")));
    writeFile(QDir(dir).filePath(QStringLiteral("archipelago.pid")), QByteArray::number(deadPid()) + '\n');
    {
        QFile filler(QDir(dir).filePath(QStringLiteral("filler")));
        QVERIFY(filler.open(QIODevice::WriteOnly));
        const QByteArray block(1024, 'x');
        while (filler.write(block) == block.size() && filler.flush()) {
        }
    }
    const AgentRun run =
        runOnce(dataDirArgs(dir) + QStringList{QStringLiteral("--podman"), fakePodman()}, 60000);
    QCOMPARE(run.exitCode, 5);
    QVERIFY2(run.err.contains("history could not be written"), run.err.constData());
    // Retried, not given up at once (1 + 2 + 4 s of backoff), and no torn line was left.
    QVERIFY2(run.elapsedMs >= 6000, qPrintable(QString::number(run.elapsedMs)));
    QFile history(QDir(dir).filePath(QStringLiteral("recovery-history.jsonl")));
    if (history.open(QIODevice::ReadOnly))
        QCOMPARE(history.readAll(), QByteArray());
    // The containers were still recovered.
    QCOMPARE(runningIn(m_state), (QStringList{QStringLiteral("db"), QStringLiteral("web")}));
}

QTEST_GUILESS_MAIN(TestFaultInjection)
#include "tst_faultinjection.moc"
