#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <unistd.h>

#include "TestSupport.h"
#include "state/RunMarker.h"

using archy::MarkerRecord;
namespace RunMarker = archy::RunMarker;
using archy::test::writeAll;

Q_DECLARE_METATYPE(archy::RunMarker::Verdict)

class TestRunMarker final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void processFacts();
    void serializeParseRoundTrip();
    void parse_data();
    void parse();
    void missingMarkerIsNoMarker();
    void unreadableMarkerIsCrash_data();
    void unreadableMarkerIsCrash();
    void deadPidIsCrash_data();
    void deadPidIsCrash();
    void reusedPidWithOtherStartTicksIsCrash();
    void seedPidOfUnrelatedProcessIsCrash();
    void otherBootIsCrash();
    void ownPidIsCrash_data();
    void ownPidIsCrash();
    void exactLiveProcessIsLiveInstance();
    void seedPidOfLiveSeedIsLiveInstance();
    void seedPidOfKernelThreadIsCrash();
    void markerThatIsNotAFileIsMovedAside();
    void seedPidOfSeedStartedAfterMarkerIsCrash();

private:
    QString markerPath() const { return QDir(m_dir->path()).filePath(RunMarker::fileName()); }
    qint64 spawn(const QString &program);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QProcess> m_process;
};

void TestRunMarker::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestRunMarker::cleanup()
{
    if (m_process) {
        m_process->kill();
        m_process->waitForFinished(5000);
        m_process.reset();
    }
}

qint64 TestRunMarker::spawn(const QString &program)
{
    m_process = std::make_unique<QProcess>();
    m_process->start(program, {QStringLiteral("30")});
    if (!m_process->waitForStarted(5000))
        return -1;
    const qint64 pid = m_process->processId();
    // The exec is done once /proc shows the new image, not the forking test.
    QElapsedTimer timer;
    timer.start();
    while (RunMarker::processExecutable(pid) != QFileInfo(program).canonicalFilePath() &&
           timer.elapsed() < 5000)
        QTest::qWait(10);
    return pid;
}

void TestRunMarker::processFacts()
{
    QVERIFY(RunMarker::processStartTicks(::getpid()) > 0);
    QCOMPARE(RunMarker::processStartTicks(999999999), -1);
    QCOMPARE(RunMarker::currentBootId().size(), 36); // a UUID
    QCOMPARE(RunMarker::processExecutable(::getpid()), QCoreApplication::applicationFilePath());
    QVERIFY(RunMarker::processExecutable(999999999).isEmpty());
}

void TestRunMarker::serializeParseRoundTrip()
{
    const MarkerRecord current = MarkerRecord::current();
    QCOMPARE(current.pid, qint64(::getpid()));
    QVERIFY(!current.legacy);
    QVERIFY(!current.bootId.isEmpty());
    QVERIFY(current.startTicks > 0);

    const QByteArray bytes = current.serialize();
    // The first line stays the bare pid: the seed (and people) read it that way.
    QCOMPARE(bytes.split('\n').first(), QByteArray::number(qint64(::getpid())));

    MarkerRecord parsed;
    QVERIFY(MarkerRecord::parse(bytes, &parsed));
    QCOMPARE(parsed.pid, current.pid);
    QCOMPARE(parsed.bootId, current.bootId);
    QCOMPARE(parsed.startTicks, current.startTicks);
    QCOMPARE(parsed.executable, current.executable);
    QCOMPARE(parsed.writtenAtMs, current.writtenAtMs);
    QCOMPARE(parsed.legacy, false);
}

void TestRunMarker::parse_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("pid");
    QTest::addColumn<bool>("legacy");

    QTest::newRow("seed bare pid") << QByteArray("999999999") << true << qint64(999999999) << true;
    QTest::newRow("bare pid, newline") << QByteArray("4242\n") << true << qint64(4242) << true;
    QTest::newRow("bare pid, spaces") << QByteArray("  4242  \r\n") << true << qint64(4242) << true;
    QTest::newRow("unknown keys only") << QByteArray("4242\ncolour=blue\n") << true << qint64(4242) << true;
    QTest::newRow("our format") << QByteArray("4242\nboot_id=abc\nstart_ticks=17\n") << true << qint64(4242)
                                << false;
    QTest::newRow("empty") << QByteArray() << false << qint64(0) << true;
    QTest::newRow("garbage") << QByteArray("not a pid") << false << qint64(0) << true;
    QTest::newRow("zero") << QByteArray("0") << false << qint64(0) << true;
    QTest::newRow("negative") << QByteArray("-5") << false << qint64(0) << true;
    QTest::newRow("binary") << QByteArray("\xff\xfe\x00\x01", 4) << false << qint64(0) << true;
}

void TestRunMarker::parse()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, ok);
    QFETCH(qint64, pid);
    QFETCH(bool, legacy);
    MarkerRecord record;
    record.pid = 77;
    QCOMPARE(MarkerRecord::parse(data, &record), ok);
    if (!ok)
        return;
    QCOMPARE(record.pid, pid);
    QCOMPARE(record.legacy, legacy);
}

void TestRunMarker::missingMarkerIsNoMarker()
{
    const RunMarker::Judgement judgement = RunMarker::judge(markerPath());
    QCOMPARE(judgement.verdict, RunMarker::Verdict::NoMarker);
}

void TestRunMarker::unreadableMarkerIsCrash_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::newRow("garbage") << QByteArray("garbage\x01\x02");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("too big") << QByteArray(8192, '1');
}

void TestRunMarker::unreadableMarkerIsCrash()
{
    QFETCH(QByteArray, data);
    QVERIFY(writeAll(markerPath(), data));
    const RunMarker::Judgement judgement = RunMarker::judge(markerPath());
    QCOMPARE(judgement.verdict, RunMarker::Verdict::Crash);
    QVERIFY2(judgement.reason.contains(QLatin1String("unreadable")), qPrintable(judgement.reason));
}

void TestRunMarker::deadPidIsCrash_data()
{
    QTest::addColumn<bool>("legacy");
    QTest::newRow("seed bare pid") << true;
    QTest::newRow("our format") << false;
}

void TestRunMarker::deadPidIsCrash()
{
    QFETCH(bool, legacy);
    // A pid that existed a moment ago and is gone now.
    QProcess gone;
    gone.start(QStringLiteral("true"), {});
    QVERIFY(gone.waitForFinished(5000));
    const qint64 pid = gone.processId() > 0 ? gone.processId() : 999999999;
    QVERIFY(!archy::test::processExists(pid));

    MarkerRecord record = MarkerRecord::current();
    record.pid = pid;
    QVERIFY(writeAll(markerPath(), legacy ? QByteArray::number(pid) : record.serialize()));
    const RunMarker::Judgement judgement = RunMarker::judge(markerPath());
    QCOMPARE(judgement.verdict, RunMarker::Verdict::Crash);
    QCOMPARE(judgement.pid, pid);
    QVERIFY2(judgement.reason.contains(QString::number(pid)), qPrintable(judgement.reason));
}

void TestRunMarker::reusedPidWithOtherStartTicksIsCrash()
{
    const qint64 pid = spawn(QStringLiteral("/usr/bin/sleep"));
    QVERIFY(pid > 0);
    const qint64 ticks = RunMarker::processStartTicks(pid);
    QVERIFY(ticks > 0);
    MarkerRecord record;
    record.pid = pid;
    record.bootId = RunMarker::currentBootId();
    record.startTicks = ticks - 1; // the run that wrote the marker started earlier
    record.executable = QCoreApplication::applicationFilePath();
    record.writtenAtMs = QDateTime::currentMSecsSinceEpoch();
    record.legacy = false;
    QVERIFY(writeAll(markerPath(), record.serialize()));
    const RunMarker::Judgement judgement = RunMarker::judge(markerPath());
    QCOMPARE(judgement.verdict, RunMarker::Verdict::Crash);
    QCOMPARE(judgement.pid, pid);
    QVERIFY2(judgement.reason.contains(QLatin1String("another process")), qPrintable(judgement.reason));
}

void TestRunMarker::seedPidOfUnrelatedProcessIsCrash()
{
    const qint64 pid = spawn(QStringLiteral("/usr/bin/sleep"));
    QVERIFY(pid > 0);
    QVERIFY(writeAll(markerPath(), QByteArray::number(pid)));
    const RunMarker::Judgement judgement = RunMarker::judge(markerPath());
    QCOMPARE(judgement.verdict, RunMarker::Verdict::Crash);
    QCOMPARE(judgement.pid, pid);
    QVERIFY2(judgement.reason.contains(QLatin1String("unrelated")), qPrintable(judgement.reason));
}

void TestRunMarker::otherBootIsCrash()
{
    const qint64 pid = spawn(QStringLiteral("/usr/bin/sleep"));
    QVERIFY(pid > 0);
    MarkerRecord record;
    record.pid = pid; // alive, and even with matching start ticks: that was another boot
    record.bootId = QStringLiteral("00000000-0000-0000-0000-000000000000");
    record.startTicks = RunMarker::processStartTicks(pid);
    record.executable = QStringLiteral("/usr/bin/sleep");
    record.legacy = false;
    QVERIFY(writeAll(markerPath(), record.serialize()));
    const RunMarker::Judgement judgement = RunMarker::judge(markerPath());
    QCOMPARE(judgement.verdict, RunMarker::Verdict::Crash);
    QVERIFY2(judgement.reason.contains(QLatin1String("restart")), qPrintable(judgement.reason));
}

void TestRunMarker::ownPidIsCrash_data()
{
    QTest::addColumn<bool>("legacy");
    QTest::newRow("seed bare pid") << true;
    QTest::newRow("our format") << false;
}

void TestRunMarker::ownPidIsCrash()
{
    QFETCH(bool, legacy);
    // Whoever wrote our pid was not us: we hold the lock and never wrote it.
    const MarkerRecord record = MarkerRecord::current();
    QVERIFY(writeAll(markerPath(), legacy ? QByteArray::number(qint64(::getpid())) : record.serialize()));
    const RunMarker::Judgement judgement = RunMarker::judge(markerPath());
    QCOMPARE(judgement.verdict, RunMarker::Verdict::Crash);
    QCOMPARE(judgement.pid, qint64(::getpid()));
    QVERIFY2(judgement.reason.contains(QLatin1String("reused")), qPrintable(judgement.reason));
}

void TestRunMarker::exactLiveProcessIsLiveInstance()
{
    const qint64 pid = spawn(QStringLiteral("/usr/bin/sleep"));
    QVERIFY(pid > 0);
    MarkerRecord record;
    record.pid = pid;
    record.bootId = RunMarker::currentBootId();
    record.startTicks = RunMarker::processStartTicks(pid);
    record.executable = RunMarker::processExecutable(pid);
    record.writtenAtMs = QDateTime::currentMSecsSinceEpoch();
    record.legacy = false;
    QVERIFY(writeAll(markerPath(), record.serialize()));
    const RunMarker::Judgement judgement = RunMarker::judge(markerPath());
    QCOMPARE(judgement.verdict, RunMarker::Verdict::LiveInstance);
    QCOMPARE(judgement.pid, pid);
    QVERIFY(QFile::exists(markerPath())); // judging never removes a live instance's marker
}

void TestRunMarker::seedPidOfLiveSeedIsLiveInstance()
{
    // A process named like the seed, started before its bare-pid marker was written.
    const QString seed = QDir(m_dir->path()).filePath(QStringLiteral("archipelago"));
    QVERIFY(QFile::copy(QStringLiteral("/usr/bin/sleep"), seed));
    QVERIFY(QFile::setPermissions(seed, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const qint64 pid = spawn(seed);
    QVERIFY(pid > 0);
    QVERIFY(writeAll(markerPath(), QByteArray::number(pid)));
    const RunMarker::Judgement judgement = RunMarker::judge(markerPath());
    QCOMPARE(judgement.verdict, RunMarker::Verdict::LiveInstance);
    QCOMPARE(judgement.pid, pid);
}

void TestRunMarker::seedPidOfSeedStartedAfterMarkerIsCrash()
{
    const QString seed = QDir(m_dir->path()).filePath(QStringLiteral("archipelago"));
    QVERIFY(QFile::copy(QStringLiteral("/usr/bin/sleep"), seed));
    QVERIFY(QFile::setPermissions(seed, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    const qint64 pid = spawn(seed);
    QVERIFY(pid > 0);
    QVERIFY(writeAll(markerPath(), QByteArray::number(pid)));
    // The marker dates from an hour before that process started: its pid was reused.
    QFile marker(markerPath());
    QVERIFY(marker.open(QIODevice::ReadWrite));
    QVERIFY(
        marker.setFileTime(QDateTime::currentDateTime().addSecs(-3600), QFileDevice::FileModificationTime));
    marker.close();
    const RunMarker::Judgement judgement = RunMarker::judge(markerPath());
    QCOMPARE(judgement.verdict, RunMarker::Verdict::Crash);
    QVERIFY2(judgement.reason.contains(QLatin1String("reused")), qPrintable(judgement.reason));
}

void TestRunMarker::seedPidOfKernelThreadIsCrash()
{
    // After a reboot on a node whose clock went back, the seed's pid can name a kernel thread that
    // looks older than the marker. Its program cannot be read: it is not the seed.
    qint64 kernelThread = 0;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &entry : pids) {
        bool ok = false;
        const qint64 pid = entry.toLongLong(&ok);
        if (ok && pid > 1 && archy::test::readAll(QStringLiteral("/proc/%1/cmdline").arg(pid)).isEmpty() &&
            RunMarker::processStartTicks(pid) >= 0 && RunMarker::processExecutable(pid).isEmpty()) {
            kernelThread = pid;
            break;
        }
    }
    if (kernelThread == 0)
        QSKIP("no kernel thread is visible in this pid namespace");
    QVERIFY(writeAll(markerPath(), QByteArray::number(kernelThread) + '\n'));
    const RunMarker::Judgement judgement = RunMarker::judge(markerPath());
    QCOMPARE(judgement.verdict, RunMarker::Verdict::Crash);
    QCOMPARE(judgement.pid, kernelThread);
}

void TestRunMarker::markerThatIsNotAFileIsMovedAside()
{
    // A directory here made every start a "crash"; a FIFO blocked the start-up for ever.
    for (const bool fifo : {true, false}) {
        const QByteArray name = QFile::encodeName(markerPath());
        QVERIFY(fifo ? ::mkfifo(name.constData(), 0600) == 0 : ::mkdir(name.constData(), 0700) == 0);
        const RunMarker::Judgement judgement = RunMarker::judge(markerPath());
        QCOMPARE(judgement.verdict, RunMarker::Verdict::NoMarker);
        QVERIFY2(judgement.reason.contains(QLatin1String("moved aside")), qPrintable(judgement.reason));
        QVERIFY(!QFileInfo::exists(markerPath()));
        QCOMPARE(RunMarker::judge(markerPath()).verdict, RunMarker::Verdict::NoMarker);
        for (const QString &aside :
             QDir(m_dir->path())
                 .entryList({QStringLiteral("*.not-a-file-*")}, QDir::AllEntries | QDir::System))
            QVERIFY(QFileInfo(QDir(m_dir->path()).filePath(aside)).isDir()
                        ? QDir(QDir(m_dir->path()).filePath(aside)).removeRecursively()
                        : QFile::remove(QDir(m_dir->path()).filePath(aside)));
    }
}

QTEST_GUILESS_MAIN(TestRunMarker)
#include "tst_runmarker.moc"
