#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/resource.h>
#include <unistd.h>

#include "TestSupport.h"
#include "podman/Podman.h"
#include "podman/PodmanCall.h"

using archy::Podman;
using archy::PodmanCall;
using archy::test::FakePodman;

class TestPodmanCall final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void okCapturesStdout();
    void failureGivesExitCodeAndStderr();
    void failureWithoutStderrSaysStatus();
    void crashIsReported();
    void timeout_data();
    void timeout();
    void cancelStopsTheProcess();
    void missingProgram();
    void podmanLookup();
    void hugeOutputIsRefused();
    void namesFollowDoubleDash();
    void deleteWhileRunningLeavesNothing();
    void priorityReachesTheChild_data();
    void priorityReachesTheChild();

private:
    /// Runs @p arguments through the fake and waits for done().
    std::unique_ptr<PodmanCall> run(const QStringList &arguments, int timeoutMs = 5000, int waitMs = 8000);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakePodman> m_fake;
};

void TestPodmanCall::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_fake = std::make_unique<FakePodman>(m_dir->path());
    QVERIFY(m_fake->setContainers({{QStringLiteral("web"), QStringLiteral("nginx:1"), QStringLiteral("exited")},
                                   {QStringLiteral("db"), QStringLiteral("postgres:16"), QStringLiteral("running")}}));
}

void TestPodmanCall::cleanup()
{
    m_fake.reset();
}

std::unique_ptr<PodmanCall> TestPodmanCall::run(const QStringList &arguments, int timeoutMs, int waitMs)
{
    auto call = std::make_unique<PodmanCall>(archy::test::fakePodmanPath(), arguments, timeoutMs);
    QSignalSpy done(call.get(), &PodmanCall::done);
    if (!done.wait(waitMs))
        return call;
    [&] { QCOMPARE(done.size(), 1); }();
    return call;
}

void TestPodmanCall::okCapturesStdout()
{
    const auto call = run(Podman::psAllArguments());
    QVERIFY(call->isFinished());
    const archy::PodmanResult &result = call->result();
    QVERIFY2(result.ok, qPrintable(result.errorText));
    QCOMPARE(result.exitCode, 0);
    QVERIFY(!result.timedOut);
    QVERIFY(result.errorText.isEmpty());
    QVERIFY(result.standardOutput.contains("\"db\""));
    QVERIFY(result.standardOutput.contains("\"web\"")); // exited: listed by ps -a
    QCOMPARE(call->arguments(), Podman::psAllArguments());
}

void TestPodmanCall::failureGivesExitCodeAndStderr()
{
    FakePodman::setMode(QStringLiteral("start=fail:125:Error: something broke, badly"));
    const auto call = run(Podman::startArguments({QStringLiteral("web")}));
    QVERIFY(call->isFinished());
    const archy::PodmanResult &result = call->result();
    QVERIFY(!result.ok);
    QCOMPARE(result.exitCode, 125);
    QVERIFY(!result.timedOut);
    QCOMPARE(result.errorText, QStringLiteral("Error: something broke, badly"));
    QCOMPARE(result.standardError.trimmed(), QByteArray("Error: something broke, badly"));
}

void TestPodmanCall::failureWithoutStderrSaysStatus()
{
    FakePodman::setMode(QStringLiteral("start=fail:3:"));
    const auto call = run(Podman::startArguments({QStringLiteral("web")}));
    QVERIFY(call->isFinished());
    QVERIFY(!call->result().ok);
    QCOMPARE(call->result().exitCode, 3);
    QVERIFY2(call->result().errorText.contains(QLatin1String("3")), qPrintable(call->result().errorText));
}

void TestPodmanCall::crashIsReported()
{
    FakePodman::setMode(QStringLiteral("ps=crash"));
    const auto call = run(Podman::psAllArguments());
    QVERIFY(call->isFinished());
    QVERIFY(!call->result().ok);
    QVERIFY(!call->result().timedOut);
    QVERIFY2(call->result().errorText.contains(QLatin1String("crashed")), qPrintable(call->result().errorText));
}

void TestPodmanCall::timeout_data()
{
    QTest::addColumn<QString>("mode");
    QTest::addColumn<int>("minimumMs");
    QTest::newRow("hang: SIGTERM is enough") << QStringLiteral("start=hang") << 300;
    // KillGraceMs (2 s) after the terminate, SIGKILL follows.
    QTest::newRow("hang-ignore-term: killed after the grace") << QStringLiteral("start=hang-ignore-term") << 300 + 1500;
}

void TestPodmanCall::timeout()
{
    QFETCH(QString, mode);
    QFETCH(int, minimumMs);
    FakePodman::setMode(mode);
    QElapsedTimer timer;
    timer.start();
    const auto call = run(Podman::startArguments({QStringLiteral("web")}), 300, 8000);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(call->isFinished(), "done() never came");
    const archy::PodmanResult &result = call->result();
    QVERIFY(!result.ok);
    QVERIFY(result.timedOut);
    QVERIFY2(result.errorText.contains(QLatin1String("did not answer")), qPrintable(result.errorText));
    // QTimer is a coarse timer: it may fire up to 5 % early.
    QVERIFY2(elapsed >= minimumMs * 9 / 10, qPrintable(QString::number(elapsed)));
    const QList<qint64> pids = m_fake->pids();
    QCOMPARE(pids.size(), 1);
    QVERIFY2(!archy::test::processExists(pids.first()), "the fake podman outlived its call");
    QCOMPARE(m_fake->stateOf(QStringLiteral("web")), QStringLiteral("exited"));
}

void TestPodmanCall::cancelStopsTheProcess()
{
    FakePodman::setMode(QStringLiteral("start=hang"));
    PodmanCall call(archy::test::fakePodmanPath(), Podman::startArguments({QStringLiteral("web")}), 0);
    QSignalSpy done(&call, &PodmanCall::done);
    QTRY_COMPARE(m_fake->pids().size(), 1); // it runs
    call.cancel();
    QVERIFY(done.wait(5000));
    QCOMPARE(done.size(), 1);
    QVERIFY(!call.result().ok);
    QVERIFY(!call.result().timedOut);
    QVERIFY2(call.result().errorText.contains(QLatin1String("Cancelled")), qPrintable(call.result().errorText));
    QVERIFY(!archy::test::processExists(m_fake->pids().first()));
    call.cancel(); // a second cancel is harmless and signals nothing
    QTest::qWait(50);
    QCOMPARE(done.size(), 1);
}

void TestPodmanCall::missingProgram()
{
    const QString missing = m_dir->filePath(QStringLiteral("no-such-podman"));
    PodmanCall call(missing, Podman::psAllArguments(), 5000);
    QSignalSpy done(&call, &PodmanCall::done);
    QVERIFY(done.wait(5000));
    QCOMPARE(done.size(), 1);
    QVERIFY(!call.result().ok);
    QVERIFY(!call.result().timedOut);
    QVERIFY2(call.result().errorText.contains(missing), qPrintable(call.result().errorText));
    QVERIFY2(call.result().errorText.contains(QLatin1String("Could not run podman")), qPrintable(call.result().errorText));
    QTest::qWait(50);
    QCOMPARE(done.size(), 1); // errorOccurred and finished never both signal
}

void TestPodmanCall::podmanLookup()
{
    const Podman fake(archy::test::fakePodmanPath());
    QVERIFY(fake.isAvailable());
    QCOMPARE(fake.program(), archy::test::fakePodmanPath());
    QVERIFY(fake.unavailableReason().isEmpty());

    const QString missing = m_dir->filePath(QStringLiteral("no-such-podman"));
    const Podman none(missing);
    QVERIFY(!none.isAvailable());
    QVERIFY2(none.unavailableReason().contains(missing), qPrintable(none.unavailableReason()));

    // A directory or a non-executable file is not podman either.
    QVERIFY(!Podman(m_dir->path()).isAvailable());
    QVERIFY(archy::test::writeAll(m_dir->filePath(QStringLiteral("not-executable")), "#!/bin/sh\n"));
    QVERIFY(!Podman(m_dir->filePath(QStringLiteral("not-executable"))).isAvailable());
}

void TestPodmanCall::hugeOutputIsRefused()
{
    FakePodman::setMode(QStringLiteral("ps=huge"));
    const auto call = run(Podman::psAllArguments(), 20000, 20000);
    QVERIFY2(call->isFinished(), "done() never came");
    const archy::PodmanResult &result = call->result();
    QVERIFY(!result.ok);
    QVERIFY2(result.errorText.contains(QLatin1String("MiB")), qPrintable(result.errorText));
    // What is kept stays within the bound.
    QVERIFY2(result.standardOutput.size() <= PodmanCall::MaxOutputBytes,
             qPrintable(QStringLiteral("kept %1 bytes").arg(result.standardOutput.size())));
    QVERIFY(!archy::test::processExists(m_fake->pids().value(0)));
}

void TestPodmanCall::namesFollowDoubleDash()
{
    // "--all" as a container name must stay a name: after "--" podman reads no options.
    const auto call = run(Podman::startArguments({QStringLiteral("--all")}));
    QVERIFY(call->isFinished());
    QVERIFY(!call->result().ok);
    QVERIFY2(call->result().errorText.contains(QLatin1String("no container with name or ID \"--all\"")),
             qPrintable(call->result().errorText));
    const QList<QStringList> calls = m_fake->calls();
    QCOMPARE(calls.size(), 1);
    QCOMPARE(calls.first(), (QStringList{QStringLiteral("start"), QStringLiteral("--"), QStringLiteral("--all")}));
    QCOMPARE(m_fake->stateOf(QStringLiteral("web")), QStringLiteral("exited")); // nothing was started
}

void TestPodmanCall::deleteWhileRunningLeavesNothing()
{
    FakePodman::setMode(QStringLiteral("start=hang"));
    auto call = std::make_unique<PodmanCall>(archy::test::fakePodmanPath(),
                                             Podman::startArguments({QStringLiteral("web")}), 0);
    QTRY_COMPARE(m_fake->pids().size(), 1);
    const qint64 pid = m_fake->pids().first();
    QVERIFY(archy::test::processExists(pid));
    call.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!archy::test::processExists(pid), 5000);
}

void TestPodmanCall::priorityReachesTheChild_data()
{
    QTest::addColumn<bool>("background");
    QTest::newRow("normal") << false;
    QTest::newRow("background") << true;
}

void TestPodmanCall::priorityReachesTheChild()
{
    QFETCH(bool, background);
    // A shell stands in for podman; what it forks (nice, ionice) reports the priority it inherited,
    // as conmon and the container would.
    const Podman shell(QStringLiteral("/bin/sh"),
                       background ? archy::PodmanPriority::Background : archy::PodmanPriority::Normal);
    std::unique_ptr<PodmanCall> call(
        shell.call({QStringLiteral("-c"), QStringLiteral("nice; ionice; cut -d' ' -f6 /proc/self/stat")}, 5000, nullptr));
    QSignalSpy done(call.get(), &PodmanCall::done);
    QVERIFY(done.wait(8000));
    QVERIFY2(call->result().ok, qPrintable(call->result().errorText));
    const QList<QByteArray> lines = call->result().standardOutput.trimmed().split('\n');
    QCOMPARE(lines.size(), 3);
    bool ok = false;
    const int childNice = lines.at(0).toInt(&ok);
    QVERIFY(ok);
    const int ownNice = ::getpriority(PRIO_PROCESS, 0);
    const qint64 childSession = lines.at(2).toLongLong(&ok);
    QVERIFY(ok);
    if (background) {
        QCOMPARE(childNice, qMax(10, ownNice));
        QCOMPARE(lines.at(1), QByteArray("best-effort: prio 7"));
        QVERIFY(childSession != ::getsid(0)); // a scheduling group of its own
    } else {
        QCOMPARE(childNice, ownNice); // untouched (the headless agent at boot)
        QCOMPARE(childSession, qint64(::getsid(0)));
    }
}

QTEST_GUILESS_MAIN(TestPodmanCall)
#include "tst_podmancall.moc"
