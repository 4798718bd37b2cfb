// What recovery must do better than the seed, shown against real podman: event-driven snapshots,
// the owner's intent, health-gated dependencies, backoff.

#include <QDateTime>
#include <QDir>
#include <QHash>
#include <QJsonDocument>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <csignal>
#include <memory>

#include "IntegrationSupport.h"
#include "PodmanSandbox.h"

using namespace integration;

class TestRecoveryPolicy : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup() { m_fx->cleanup(); }

    void containerStartedJustBeforeCrashIsRecovered();
    void ownerStoppedContainerStaysStopped();
    void dependantWaitsForHealthyDependency();
    void alwaysFailingStartIsRetriedWithBackoff();
    void ignoreLabelExcludesContainer();
    void finishedJobStaysFinished();
    void retryAllFailedKeepsToTheSchedule();

private:
    void stopAgent(QProcess *agent);

    std::unique_ptr<AgentFixture> m_fx;
};

void TestRecoveryPolicy::initTestCase()
{
    m_fx = std::make_unique<AgentFixture>();
    QVERIFY(m_fx->isValid());
}

void TestRecoveryPolicy::stopAgent(QProcess *agent)
{
    agent->terminate();
    QVERIFY(agent->waitForFinished(30000));
    QCOMPARE(agent->exitCode(), 0);
}

void TestRecoveryPolicy::containerStartedJustBeforeCrashIsRecovered()
{
    ARCHY_REQUIRE_PODMAN(*m_fx);
    QVERIFY(m_fx->sandbox().run(QStringLiteral("early")));
    const QString dir = m_fx->path(QStringLiteral("late"));
    // Default settings: no snapshot interval or delay is shortened.
    QProcess *agent = m_fx->start(QStringList{QStringLiteral("--no-gui")} + dataDirArgs(dir));
    QVERIFY(waitForSnapshot(dir, QStringLiteral("early"), true, 20000));

    QVERIFY(m_fx->sandbox().run(QStringLiteral("late")));
    QTest::qWait(3000);
    ::kill(pid_t(agent->processId()), SIGKILL);
    QVERIFY(agent->waitForFinished());
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("late")));
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("early")));

    const AgentRun run = runOnce(dataDirArgs(dir) + QStringList{QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    QCOMPARE(reportOf(run).value(QLatin1String("crash")).toBool(), true);
    QCOMPARE(m_fx->sandbox().state(QStringLiteral("late")), QStringLiteral("running"));
    QCOMPARE(m_fx->sandbox().state(QStringLiteral("early")), QStringLiteral("running"));
}

void TestRecoveryPolicy::ownerStoppedContainerStaysStopped()
{
    ARCHY_REQUIRE_PODMAN(*m_fx);
    const QStringList names{QStringLiteral("keep1"), QStringLiteral("parked"), QStringLiteral("keep2")};
    for (const QString &name : names)
        QVERIFY(m_fx->sandbox().run(name));
    const QString dir = m_fx->path(QStringLiteral("intent"));

    QProcess *agent = m_fx->start(QStringList{QStringLiteral("--no-gui")} + dataDirArgs(dir));
    QVERIFY(waitForSnapshot(dir, QStringLiteral("parked"), true, 20000));
    // The owner stops one on purpose while the agent runs.
    QVERIFY(m_fx->sandbox().stop(QStringLiteral("parked")));
    QVERIFY(waitForSnapshot(dir, QStringLiteral("parked"), false, 10000));

    // 1. Clean restart: the agent stops first (SIGTERM), then the system stops every container.
    stopAgent(agent);
    for (const QString &name : {QStringLiteral("keep1"), QStringLiteral("keep2")})
        QVERIFY(m_fx->sandbox().stop(name));
    agent = m_fx->start(QStringList{QStringLiteral("--no-gui")} + dataDirArgs(dir));
    QVERIFY2(waitFor([&] { return m_fx->sandbox().running().size() == 2; }, 20000),
             qPrintable(m_fx->sandbox().running().join(QLatin1Char(','))));
    QTest::qWait(1000);
    QCOMPARE(m_fx->sandbox().state(QStringLiteral("parked")), QStringLiteral("exited"));
    QCOMPARE(lastHistoryEntry(dir).value(QLatin1String("crash")).toBool(), false);

    // 2. Crash restart: the agent dies, power goes, every container dies with it.
    QVERIFY(waitForSnapshot(dir, QStringLiteral("keep2"), true, 10000));
    ::kill(pid_t(agent->processId()), SIGKILL);
    QVERIFY(agent->waitForFinished());
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("keep1")));
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("keep2")));
    const AgentRun run = runOnce(dataDirArgs(dir) + QStringList{QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject report = reportOf(run);
    QCOMPARE(report.value(QLatin1String("crash")).toBool(), true);
    QCOMPARE(report.value(QLatin1String("recovered")).toInt(), 2);
    QVERIFY(containerIn(report, QStringLiteral("parked")).isEmpty());
    QCOMPARE(m_fx->sandbox().state(QStringLiteral("keep1")), QStringLiteral("running"));
    QCOMPARE(m_fx->sandbox().state(QStringLiteral("keep2")), QStringLiteral("running"));
    QCOMPARE(m_fx->sandbox().state(QStringLiteral("parked")), QStringLiteral("exited"));
}

void TestRecoveryPolicy::dependantWaitsForHealthyDependency()
{
    ARCHY_REQUIRE_PODMAN(*m_fx);
    // db turns healthy only 3 s after it starts; app must not start before that.
    QVERIFY(m_fx->sandbox().run(QStringLiteral("db"),
                           {QStringLiteral("--health-cmd"), QStringLiteral("test -f /tmp/ready"),
                            QStringLiteral("--health-interval"), QStringLiteral("0")},
                           {QStringLiteral("sh"), QStringLiteral("-c"),
                            QStringLiteral("rm -f /tmp/ready; sleep 3; touch /tmp/ready; sleep 100000")}));
    QVERIFY(m_fx->sandbox().run(QStringLiteral("app"), {QStringLiteral("--label"), QStringLiteral("io.archipelago.recovery.after=db")}));
    QVERIFY(m_fx->sandbox().run(QStringLiteral("loner")));
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("app")));
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("db")));
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("loner")));

    const QString dir = m_fx->path(QStringLiteral("health"));
    QVERIFY(QDir().mkpath(dir));
    writeFile(QDir(dir).filePath(QStringLiteral("archipelago.pid")), QByteArray::number(deadPid()));
    // app first: snapshot order must not matter.
    writeFile(QDir(dir).filePath(QStringLiteral("running-containers.json")),
              seedSnapshot({QStringLiteral("app"), QStringLiteral("loner"), QStringLiteral("db")}, m_fx->sandbox().image()));

    const AgentRun run = runOnce(dataDirArgs(dir) + QStringList{QStringLiteral("--json")});
    QVERIFY2(run.exitCode == 0, run.err.constData());
    const QJsonObject report = reportOf(run);
    const QJsonObject db = containerIn(report, QStringLiteral("db"));
    const QJsonObject app = containerIn(report, QStringLiteral("app"));
    const QJsonObject loner = containerIn(report, QStringLiteral("loner"));
    QCOMPARE(db.value(QLatin1String("result")).toString(), QStringLiteral("recovered"));
    QCOMPARE(db.value(QLatin1String("note")).toString(), QStringLiteral("Healthy."));
    const qint64 dbStarted = qint64(db.value(QLatin1String("startedAtMs")).toDouble());
    const qint64 dbHealthy = qint64(db.value(QLatin1String("finishedAtMs")).toDouble());
    const qint64 appStarted = qint64(app.value(QLatin1String("startedAtMs")).toDouble());
    QVERIFY2(dbHealthy - dbStarted >= 2500, qPrintable(QString::number(dbHealthy - dbStarted)));
    QVERIFY2(appStarted >= dbHealthy, qPrintable(QStringLiteral("app %1, db healthy %2").arg(appStarted).arg(dbHealthy)));
    // An independent container does not wait for db's health.
    QVERIFY(qint64(loner.value(QLatin1String("startedAtMs")).toDouble()) < dbHealthy);
    QCOMPARE(m_fx->sandbox().state(QStringLiteral("app")), QStringLiteral("running"));
}

void TestRecoveryPolicy::alwaysFailingStartIsRetriedWithBackoff()
{
    ARCHY_REQUIRE_PODMAN(*m_fx);
    // A start that always fails: its command does not exist in the image.
    QVERIFY(m_fx->sandbox().podman({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("broken"),
                               m_fx->sandbox().image(), QStringLiteral("/no/such/program")})
                .size() > 0);
    QVERIFY(m_fx->sandbox().run(QStringLiteral("fine")));
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("fine")));
    const QString dir = m_fx->path(QStringLiteral("backoff"));
    QVERIFY(QDir().mkpath(dir));
    writeFile(QDir(dir).filePath(QStringLiteral("archipelago.pid")), QByteArray::number(deadPid()));
    writeFile(QDir(dir).filePath(QStringLiteral("running-containers.json")),
              seedSnapshot({QStringLiteral("broken"), QStringLiteral("fine")}, m_fx->sandbox().image()));

    const AgentRun run = runOnce(dataDirArgs(dir)
                                 + QStringList{QStringLiteral("--json"), QStringLiteral("--max-attempts"), QStringLiteral("3"),
                                               QStringLiteral("--backoff-initial"), QStringLiteral("1")});
    QCOMPARE(run.exitCode, 1);
    const QJsonObject report = reportOf(run);
    const QJsonObject broken = containerIn(report, QStringLiteral("broken"));
    QCOMPARE(broken.value(QLatin1String("result")).toString(), QStringLiteral("failed"));
    QCOMPARE(broken.value(QLatin1String("attempts")).toInt(), 3);
    QVERIFY2(broken.value(QLatin1String("error")).toString().contains(QLatin1String("/no/such/program")),
             qPrintable(broken.value(QLatin1String("error")).toString()));
    // Backoff: 1 s then 2 s between the three attempts.
    const qint64 spent = qint64(broken.value(QLatin1String("finishedAtMs")).toDouble() - broken.value(QLatin1String("startedAtMs")).toDouble());
    QVERIFY2(spent >= 3000, qPrintable(QString::number(spent)));
    // The independent container did not wait for it.
    const QJsonObject fine = containerIn(report, QStringLiteral("fine"));
    QCOMPARE(fine.value(QLatin1String("result")).toString(), QStringLiteral("recovered"));
    QVERIFY(fine.value(QLatin1String("finishedAtMs")).toDouble() < broken.value(QLatin1String("finishedAtMs")).toDouble());
    QCOMPARE(report.value(QLatin1String("failed")).toArray(), QJsonArray{QStringLiteral("broken")});
}

void TestRecoveryPolicy::ignoreLabelExcludesContainer()
{
    ARCHY_REQUIRE_PODMAN(*m_fx);
    QVERIFY(m_fx->sandbox().run(QStringLiteral("private"), {QStringLiteral("--label"), QStringLiteral("io.archipelago.recovery=ignore")}));
    QVERIFY(m_fx->sandbox().run(QStringLiteral("public")));
    const QString dir = m_fx->path(QStringLiteral("ignore"));
    QProcess *agent = m_fx->start(QStringList{QStringLiteral("--no-gui")} + dataDirArgs(dir));
    QVERIFY(waitForSnapshot(dir, QStringLiteral("public"), true, 20000));
    QVERIFY(waitForSnapshot(dir, QStringLiteral("private"), false, 1000));
    ::kill(pid_t(agent->processId()), SIGKILL);
    QVERIFY(agent->waitForFinished());
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("private")));
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("public")));
    const AgentRun run = runOnce(dataDirArgs(dir) + QStringList{QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    QCOMPARE(m_fx->sandbox().state(QStringLiteral("public")), QStringLiteral("running"));
    QCOMPARE(m_fx->sandbox().state(QStringLiteral("private")), QStringLiteral("exited"));
    QVERIFY(containerIn(reportOf(run), QStringLiteral("private")).isEmpty());
}

void TestRecoveryPolicy::finishedJobStaysFinished()
{
    ARCHY_REQUIRE_PODMAN(*m_fx);
    // podman 4.3.1 writes `died` without ContainerExitCode when the code is 0: a job that ends
    // well must not be taken for a crash, neither by the resident agent nor after its own crash.
    const auto startedAt = [this](const QString &name) {
        return QString::fromUtf8(m_fx->sandbox()
                                     .podman({QStringLiteral("inspect"), QStringLiteral("--format"),
                                              QStringLiteral("{{.State.StartedAt}}"), name})
                                     .trimmed());
    };
    const QString dir = m_fx->path(QStringLiteral("jobs"));
    const QStringList args = QStringList{QStringLiteral("--no-gui"), QStringLiteral("--snapshot-delay"), QStringLiteral("0"),
                                         QStringLiteral("--snapshot-interval"), QStringLiteral("1")}
        + dataDirArgs(dir);
    QProcess *agent = m_fx->start(args);
    QVERIFY(waitFor([&] { return QFile::exists(QDir(dir).filePath(QStringLiteral("running-containers.json"))); }, 20000));
    // Started while the agent watches: a service, a job that ends well and one that crashes at
    // the same time (20 s: long enough to be seen running on a busy machine).
    QVERIFY(m_fx->sandbox().run(QStringLiteral("service")));
    QVERIFY(m_fx->sandbox().run(QStringLiteral("job"), {}, {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("sleep 20; exit 0")}));
    QVERIFY(m_fx->sandbox().run(QStringLiteral("crasher"), {}, {QStringLiteral("sh"), QStringLiteral("-c"), QStringLiteral("sleep 20; exit 3")}));
    QVERIFY(waitForSnapshot(dir, QStringLiteral("job"), true, 15000));
    QVERIFY(waitForSnapshot(dir, QStringLiteral("service"), true, 15000));
    const QString jobStart = startedAt(QStringLiteral("job"));
    const QString crasherStart = startedAt(QStringLiteral("crasher"));

    // The crasher comes back (death grace, then backoff): once it has, the agent has judged the
    // job's death too, which came at the same moment, just as long ago.
    QVERIFY2(waitFor([&] { return startedAt(QStringLiteral("crasher")) != crasherStart; }, 60000),
             "the crashed container was not restarted");
    QVERIFY(waitForSnapshot(dir, QStringLiteral("job"), false, 10000));
    QCOMPARE(m_fx->sandbox().state(QStringLiteral("job")), QStringLiteral("exited"));
    QCOMPARE(startedAt(QStringLiteral("job")), jobStart);

    // Power cut: the agent is SIGKILLed, the service dies with the machine.
    ::kill(pid_t(agent->processId()), SIGKILL);
    QVERIFY(agent->waitForFinished());
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("service")));
    agent = m_fx->start(args);
    QVERIFY2(waitFor([&] { return m_fx->sandbox().state(QStringLiteral("service")) == QLatin1String("running"); }, 30000),
             "the killed service did not come back");
    // The start-up is over once its report is in the history: the job was not part of it.
    QVERIFY(waitFor([&] { return lastHistoryEntry(dir).value(QLatin1String("crash")).toBool(); }, 20000));
    const QJsonObject report = lastHistoryEntry(dir);
    QVERIFY(containerIn(report, QStringLiteral("job")).isEmpty());
    QVERIFY(!containerIn(report, QStringLiteral("service")).isEmpty());
    QCOMPARE(m_fx->sandbox().state(QStringLiteral("job")), QStringLiteral("exited"));
    QCOMPARE(startedAt(QStringLiteral("job")), jobStart);
    stopAgent(agent);
}

void TestRecoveryPolicy::retryAllFailedKeepsToTheSchedule()
{
    ARCHY_REQUIRE_PODMAN(*m_fx);
    // Six containers that cannot start until their program exists (a failure the owner fixes).
    const QString mount = m_fx->path(QStringLiteral("six-bin"));
    QVERIFY(QDir().mkpath(mount));
    QStringList names;
    for (int i = 1; i <= 6; ++i) {
        names.append(QStringLiteral("six%1").arg(i));
        QVERIFY(m_fx->sandbox().podman({QStringLiteral("create"), QStringLiteral("--name"), names.last(), QStringLiteral("-v"),
                                        mount + QStringLiteral(":/x"), m_fx->sandbox().image(), QStringLiteral("/x/run")})
                    .size() > 0);
    }
    // podman behind a wrapper that logs when each call begins and ends.
    const QString log = m_fx->path(QStringLiteral("podman-calls.log"));
    const QString wrapper = m_fx->path(QStringLiteral("podman-logged"));
    writeFile(wrapper, QStringLiteral("#!/bin/sh\necho \"begin $$ $(date +%s%N) $1\" >>'%1'\n'%2' \"$@\"\nrc=$?\n"
                                      "echo \"end $$ $(date +%s%N) $1\" >>'%1'\nexit $rc\n")
                           .arg(log, m_fx->sandbox().podmanPath())
                           .toUtf8());
    QFile::setPermissions(wrapper, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);

    const QString dir = m_fx->path(QStringLiteral("six"));
    QVERIFY(QDir().mkpath(dir));
    writeFile(QDir(dir).filePath(QStringLiteral("archipelago.pid")), QByteArray::number(deadPid()));
    writeFile(QDir(dir).filePath(QStringLiteral("running-containers.json")), seedSnapshot(names, m_fx->sandbox().image()));
    m_fx->start(QStringList{QStringLiteral("--no-gui"), QStringLiteral("--parallel"), QStringLiteral("1"),
                            QStringLiteral("--max-attempts"), QStringLiteral("1"), QStringLiteral("--podman"), wrapper}
                + dataDirArgs(dir));
    AgentRun status;
    QVERIFY(waitFor([&] {
        status = runCommand(QStringList{QStringLiteral("status"), QStringLiteral("--json")} + dataDirArgs(dir));
        return status.exitCode == 0 && reportOf(status).value(QLatin1String("failed")).toArray().size() == 6;
    }, 60000));

    // Fixed; every failed one retried at once.
    writeFile(mount + QStringLiteral("/run"), "#!/bin/sh\nexec sleep 100000\n");
    QFile::setPermissions(mount + QStringLiteral("/run"), QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther
                                                              | QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup);
    QVERIFY(QFile::resize(log, 0));
    const AgentRun retry = runCommand(QStringList{QStringLiteral("retry"), QStringLiteral("--all-failed")} + dataDirArgs(dir), 120000);
    QVERIFY2(retry.exitCode == 0, retry.out.constData());
    for (const QString &name : std::as_const(names))
        QCOMPARE(m_fx->sandbox().state(name), QStringLiteral("running"));

    // --parallel 1: six `podman start` calls, one after another, none overlapping.
    QFile calls(log);
    QVERIFY(calls.open(QIODevice::ReadOnly));
    QHash<QString, qint64> begun;
    QList<QPair<qint64, qint64>> starts;
    for (const QByteArray &line : calls.readAll().split('\n')) {
        const QList<QByteArray> f = line.split(' ');
        if (f.size() < 4 || f.at(3) != "start")
            continue;
        if (f.at(0) == "begin")
            begun.insert(QString::fromLatin1(f.at(1)), f.at(2).toLongLong());
        else
            starts.append({begun.value(QString::fromLatin1(f.at(1))), f.at(2).toLongLong()});
    }
    QCOMPARE(starts.size(), 6);
    std::sort(starts.begin(), starts.end());
    for (int i = 1; i < starts.size(); ++i)
        QVERIFY2(starts.at(i).first >= starts.at(i - 1).second, qPrintable(QStringLiteral("start %1 overlaps").arg(i)));

    // The history's revisions of this start-up only grow; the latest says all six are back.
    QFile history(QDir(dir).filePath(QStringLiteral("recovery-history.jsonl")));
    QVERIFY(history.open(QIODevice::ReadOnly));
    int previous = -1;
    int lines = 0;
    for (const QByteArray &line : history.readAll().trimmed().split('\n')) {
        const int revision = QJsonDocument::fromJson(line).object().value(QLatin1String("revision")).toInt();
        QVERIFY2(revision > previous, qPrintable(QStringLiteral("revision %1 after %2").arg(revision).arg(previous)));
        previous = revision;
        ++lines;
    }
    QVERIFY(lines >= 2);
    const AgentRun shown = runCommand(QStringList{QStringLiteral("history"), QStringLiteral("--json")} + dataDirArgs(dir));
    QCOMPARE(shown.exitCode, 0);
    const QJsonObject latest = QJsonDocument::fromJson(shown.out).array().first().toObject();
    QCOMPARE(latest.value(QLatin1String("recovered")).toInt(), 6);
    QCOMPARE(latest.value(QLatin1String("failed")).toArray().size(), 0);
}

QTEST_GUILESS_MAIN(TestRecoveryPolicy)
#include "tst_recoverypolicy.moc"
