// The seed's seven tests (crash_recovery.rs, `mod tests`) ported to core, first at the level of the
// pieces (RunMarker, SnapshotStore, DurableFile), then through RecoveryAgent where it is cheap.

#include <QDir>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <unistd.h>

#include "TestSupport.h"
#include "recovery/RecoveryAgent.h"
#include "state/DurableFile.h"
#include "state/RunMarker.h"
#include "state/Snapshot.h"

using archy::MarkerRecord;
using archy::RecoveryAgent;
using archy::RecoveryReport;
namespace RunMarker = archy::RunMarker;
namespace SnapshotStore = archy::SnapshotStore;
namespace DurableFile = archy::DurableFile;
using archy::test::FakePodman;
using archy::test::writeAll;

class TestSeedParity final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();

    // The seed's tests, one for one.
    void noCrashWithoutPidFile();
    void crashDetectedWithPidFile();
    void crashWithSnapshot();
    void writeAndRemovePidMarker();
    void pidMarkerContainsCurrentPid();
    void cleanShutdownNoCrashOnRestart();
    void corruptSnapshotHandled();

    // The same scenarios through the agent.
    void agentLevel_data();
    void agentLevel();
    void agentCleanShutdownNoCrashOnRestart();

private:
    QString dataDir() const { return m_dir->path(); }
    QString markerPath() const { return QDir(dataDir()).filePath(RunMarker::fileName()); }
    QString snapshotPath() const { return QDir(dataDir()).filePath(SnapshotStore::fileName()); }
    archy::AgentOptions agentOptions(bool resident) const;
    static QStringList validNames(const archy::Snapshot &snapshot);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QTemporaryDir> m_fakeDir;
    std::unique_ptr<FakePodman> m_fake;
};

void TestSeedParity::initTestCase()
{
    qRegisterMetaType<RecoveryReport>();
}

void TestSeedParity::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_fakeDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    QVERIFY(m_fakeDir->isValid());
    m_fake = std::make_unique<FakePodman>(m_fakeDir->path());
    QVERIFY(m_fake->setContainers({{QStringLiteral("archy-bitcoin-knots"), QStringLiteral("bitcoin-knots:27.1"),
                                    QStringLiteral("exited")},
                                   {QStringLiteral("archy-mempool-web"), QStringLiteral("mempool/frontend:3.0"),
                                    QStringLiteral("exited")}}));
}

void TestSeedParity::cleanup()
{
    m_fake.reset();
}

archy::AgentOptions TestSeedParity::agentOptions(bool resident) const
{
    archy::AgentOptions options;
    options.dataDir = dataDir();
    options.podmanProgram = archy::test::fakePodmanPath();
    options.snapshotDelaySec = 3600;
    options.snapshotIntervalSec = 3600;
    options.startGapSec = 0;
    options.startTimeoutSec = 5;
    options.podmanTimeoutSec = 5;
    options.startStopped = false; // only the crash pass, like check_for_crash + recover_containers
    options.resident = resident;
    return options;
}

QStringList TestSeedParity::validNames(const archy::Snapshot &snapshot)
{
    QStringList names;
    for (const archy::SnapshotEntry &entry : snapshot.containers) {
        if (entry.isValid())
            names.append(entry.name);
    }
    return names;
}

// test_no_crash_without_pid_file
void TestSeedParity::noCrashWithoutPidFile()
{
    const RunMarker::Judgement judgement = RunMarker::judge(markerPath());
    QCOMPARE(judgement.verdict, RunMarker::Verdict::NoMarker);
}

// test_crash_detected_with_pid_file: a crash, but no snapshot, so nothing to recover.
void TestSeedParity::crashDetectedWithPidFile()
{
    QVERIFY(writeAll(markerPath(), "999999999"));
    const RunMarker::Judgement judgement = RunMarker::judge(markerPath());
    QCOMPARE(judgement.verdict, RunMarker::Verdict::Crash);
    QCOMPARE(judgement.pid, 999999999);
    const SnapshotStore::ReadResult snapshot = SnapshotStore::read(dataDir());
    QVERIFY(!snapshot.found);
    QVERIFY(validNames(snapshot.snapshot).isEmpty());
    QVERIFY2(snapshot.warning.isEmpty(), qPrintable(snapshot.warning)); // missing is not corrupt
}

// test_crash_with_snapshot
void TestSeedParity::crashWithSnapshot()
{
    QVERIFY(writeAll(markerPath(), "999999999"));
    QVERIFY(writeAll(snapshotPath(), archy::test::seedSnapshotJson()));
    QCOMPARE(RunMarker::judge(markerPath()).verdict, RunMarker::Verdict::Crash);
    const SnapshotStore::ReadResult snapshot = SnapshotStore::read(dataDir());
    QVERIFY(snapshot.found);
    QVERIFY2(snapshot.warning.isEmpty(), qPrintable(snapshot.warning));
    QCOMPARE(validNames(snapshot.snapshot),
             (QStringList{QStringLiteral("archy-bitcoin-knots"), QStringLiteral("archy-mempool-web")}));
    QCOMPARE(snapshot.snapshot.timestamp, 1000);
}

// test_write_and_remove_pid_marker
void TestSeedParity::writeAndRemovePidMarker()
{
    QString error;
    QVERIFY2(DurableFile::write(markerPath(), MarkerRecord::current().serialize(), &error), qPrintable(error));
    QVERIFY(QFile::exists(markerPath()));
    QVERIFY2(DurableFile::remove(markerPath(), &error), qPrintable(error));
    QVERIFY(!QFile::exists(markerPath()));
}

// test_pid_marker_contains_current_pid: the first line, as the seed read the whole file.
void TestSeedParity::pidMarkerContainsCurrentPid()
{
    QString error;
    QVERIFY(DurableFile::write(markerPath(), MarkerRecord::current().serialize(), &error));
    const QByteArray content = archy::test::readAll(markerPath());
    bool ok = false;
    const qint64 saved = content.split('\n').first().toLongLong(&ok);
    QVERIFY(ok);
    QCOMPARE(saved, qint64(::getpid()));
    MarkerRecord record;
    QVERIFY(MarkerRecord::parse(content, &record));
    QCOMPARE(record.pid, qint64(::getpid()));
}

// test_clean_shutdown_no_crash_on_restart
void TestSeedParity::cleanShutdownNoCrashOnRestart()
{
    QString error;
    QVERIFY(DurableFile::write(markerPath(), MarkerRecord::current().serialize(), &error));
    QVERIFY(DurableFile::remove(markerPath(), &error));
    QCOMPARE(RunMarker::judge(markerPath()).verdict, RunMarker::Verdict::NoMarker);
}

// test_corrupt_snapshot_handled: no containers, a warning, no crash of ours.
void TestSeedParity::corruptSnapshotHandled()
{
    QVERIFY(writeAll(markerPath(), "999999999"));
    QVERIFY(writeAll(snapshotPath(), "not valid json"));
    QCOMPARE(RunMarker::judge(markerPath()).verdict, RunMarker::Verdict::Crash);
    const SnapshotStore::ReadResult snapshot = SnapshotStore::read(dataDir());
    QVERIFY(!snapshot.found);
    QVERIFY(snapshot.snapshot.containers.isEmpty());
    QVERIFY(!snapshot.warning.isEmpty());
}

void TestSeedParity::agentLevel_data()
{
    QTest::addColumn<QByteArray>("marker"); ///< empty: no marker file
    QTest::addColumn<QByteArray>("snapshot"); ///< empty: no snapshot file
    QTest::addColumn<bool>("crash");
    QTest::addColumn<QStringList>("recovered");
    QTest::addColumn<bool>("warning");

    const QStringList seedNames{QStringLiteral("archy-bitcoin-knots"), QStringLiteral("archy-mempool-web")};
    QTest::newRow("no pid file") << QByteArray() << QByteArray() << false << QStringList() << false;
    QTest::newRow("no pid file, snapshot ignored") << QByteArray() << archy::test::seedSnapshotJson() << false
                                                   << QStringList() << false;
    QTest::newRow("pid file, no snapshot") << QByteArray("999999999") << QByteArray() << true << QStringList()
                                           << false;
    QTest::newRow("pid file and seed snapshot") << QByteArray("999999999") << archy::test::seedSnapshotJson() << true
                                                << seedNames << false;
    QTest::newRow("corrupt snapshot") << QByteArray("999999999") << QByteArray("not valid json") << true
                                      << QStringList() << true;
}

void TestSeedParity::agentLevel()
{
    QFETCH(QByteArray, marker);
    QFETCH(QByteArray, snapshot);
    QFETCH(bool, crash);
    QFETCH(QStringList, recovered);
    QFETCH(bool, warning);
    if (!marker.isEmpty())
        QVERIFY(writeAll(markerPath(), marker));
    if (!snapshot.isEmpty())
        QVERIFY(writeAll(snapshotPath(), snapshot));

    RecoveryAgent agent(agentOptions(false));
    QCOMPARE(agent.open(), RecoveryAgent::OpenResult::Ok);
    QSignalSpy finished(&agent, &RecoveryAgent::reportFinished);
    agent.start();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.size(), 1);
    const auto report = finished.at(0).at(0).value<RecoveryReport>();
    QCOMPARE(report.crashInfo.crash, crash);
    QStringList names;
    for (const archy::ContainerStatus &status : report.containers) {
        QCOMPARE(status.state, archy::ContainerState::Running);
        names.append(status.name);
    }
    QCOMPARE(names, recovered);
    QCOMPARE(report.crashInfo.snapshotWarning.isEmpty(), !warning);
    QStringList started; // one call may name several containers
    for (const QStringList &args : m_fake->startCalls())
        started += args.mid(args.indexOf(QStringLiteral("--")) + 1);
    QCOMPARE(started, recovered);
    QVERIFY2(!QFile::exists(markerPath()), "the seed removed the stale pid file too");
}

// A clean shutdown of a resident agent leaves nothing for the next start-up to recover.
void TestSeedParity::agentCleanShutdownNoCrashOnRestart()
{
    QVERIFY(writeAll(snapshotPath(), archy::test::seedSnapshotJson()));
    {
        RecoveryAgent agent(agentOptions(true));
        QCOMPARE(agent.open(), RecoveryAgent::OpenResult::Ok);
        QSignalSpy finished(&agent, &RecoveryAgent::reportFinished);
        agent.start();
        QVERIFY(finished.wait(10000));
        QVERIFY(QFile::exists(markerPath()));
        QSignalSpy down(&agent, &RecoveryAgent::shutdownFinished);
        agent.shutdown();
        QVERIFY(down.wait(5000));
    }
    RecoveryAgent next(agentOptions(false));
    QCOMPARE(next.open(), RecoveryAgent::OpenResult::Ok);
    QSignalSpy finished(&next, &RecoveryAgent::reportFinished);
    next.start();
    QVERIFY(finished.wait(10000));
    const auto report = finished.at(0).at(0).value<RecoveryReport>();
    QVERIFY(!report.crashInfo.crash);
    QVERIFY(report.containers.isEmpty());
    QVERIFY(m_fake->startCalls().isEmpty());
}

QTEST_GUILESS_MAIN(TestSeedParity)
#include "tst_seedparity.moc"
