// The protocol's clients as people use them: `status`, `retry`, `history` locally and over the LAN
// with the token, screens attaching to the agent that runs at boot. Real podman, real executable.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "IntegrationSupport.h"
#include "PodmanSandbox.h"

using namespace integration;

class TestClients : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void localStatusRetryHistory();
    void lanCommandsNeedTheToken();
    void screensAttachToTheAgent();
    void noAgentIsAClearError();

private:
    AgentRun client(const QStringList &args);
    QProcess *start(const QStringList &args, bool gui = false);
    void requirePodman();
    quint16 freePort();

    std::unique_ptr<PodmanSandbox> m_sandbox;
    QTemporaryDir m_tmp;
    QList<QProcess *> m_processes;
};

void TestClients::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    // Pins and window geometry go to a throwaway config, never the user's.
    qputenv("XDG_CONFIG_HOME", m_tmp.filePath(QStringLiteral("config")).toUtf8());
    m_sandbox = std::make_unique<PodmanSandbox>();
    if (!m_sandbox->ok())
        qWarning("REAL PODMAN UNAVAILABLE, podman tests will be skipped: %s", qPrintable(m_sandbox->skipReason()));
}

void TestClients::requirePodman()
{
    if (!m_sandbox->ok())
        QSKIP(qPrintable(QStringLiteral("podman cannot run a container here: ") + m_sandbox->skipReason()));
}

void TestClients::cleanup()
{
    for (QProcess *process : std::as_const(m_processes)) {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished();
        }
        delete process;
    }
    m_processes.clear();
    if (m_sandbox->ok())
        m_sandbox->podman({QStringLiteral("rm"), QStringLiteral("-af"), QStringLiteral("-t0")});
}

AgentRun TestClients::client(const QStringList &args)
{
    QProcess process;
    process.start(QStringLiteral(AGENT_PATH), args);
    AgentRun run;
    if (!process.waitForFinished(60000)) {
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

QProcess *TestClients::start(const QStringList &args, bool gui)
{
    auto *process = new QProcess;
    m_processes.append(process);
    if (gui) {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        process->setProcessEnvironment(environment);
    }
    process->start(QStringLiteral(AGENT_PATH), args);
    return process;
}

quint16 TestClients::freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

void TestClients::localStatusRetryHistory()
{
    requirePodman();
    // "flaky" cannot start until its program exists: a failure the owner can fix, then retry.
    const QString mount = m_tmp.filePath(QStringLiteral("flaky-bin"));
    QVERIFY(QDir().mkpath(mount));
    QVERIFY(m_sandbox->podman({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("flaky"),
                               QStringLiteral("-v"), mount + QStringLiteral(":/x"), m_sandbox->image(),
                               QStringLiteral("/x/run")})
                .size() > 0);
    QVERIFY(m_sandbox->run(QStringLiteral("steady")));
    QVERIFY(m_sandbox->kill(QStringLiteral("steady")));
    const QString dir = m_tmp.filePath(QStringLiteral("local"));
    QVERIFY(QDir().mkpath(dir));
    writeFile(QDir(dir).filePath(QStringLiteral("archipelago.pid")), QByteArray::number(deadPid()));
    writeFile(QDir(dir).filePath(QStringLiteral("running-containers.json")),
              seedSnapshot({QStringLiteral("flaky"), QStringLiteral("steady")}, m_sandbox->image()));

    QProcess *agent = start(QStringList{QStringLiteral("--no-gui"), QStringLiteral("--max-attempts"), QStringLiteral("1")}
                            + dataDirArgs(dir));
    QVERIFY(waitFor([&] { return m_sandbox->state(QStringLiteral("steady")) == QLatin1String("running"); }, 20000));
    QVERIFY(waitFor([&] { return QFile::exists(QDir(dir).filePath(QStringLiteral("control.sock"))); }, 5000));

    AgentRun status;
    QVERIFY(waitFor([&] {
        status = client(QStringList{QStringLiteral("status"), QStringLiteral("--json")} + dataDirArgs(dir));
        return status.exitCode == 0
            && reportOf(status).value(QLatin1String("failed")).toArray() == QJsonArray{QStringLiteral("flaky")};
    }, 20000));
    QCOMPARE(reportOf(status).value(QLatin1String("crash")).toBool(), true);
    const AgentRun text = client(QStringList{QStringLiteral("status")} + dataDirArgs(dir));
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("FAILED") && text.out.contains("flaky") && text.out.contains("/x/run"), text.out.constData());

    // Still broken: the retry runs and says so.
    AgentRun retry = client(QStringList{QStringLiteral("retry"), QStringLiteral("flaky")} + dataDirArgs(dir));
    QCOMPARE(retry.exitCode, 1);
    QVERIFY2(retry.out.contains("FAILED"), retry.out.constData());

    // Fixed: the retry brings it back.
    writeFile(mount + QStringLiteral("/run"), "#!/bin/sh\nexec sleep 100000\n");
    QFile::setPermissions(mount + QStringLiteral("/run"), QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther
                                                              | QFile::ExeOther | QFile::ReadGroup | QFile::ExeGroup);
    retry = client(QStringList{QStringLiteral("retry"), QStringLiteral("flaky"), QStringLiteral("--json")} + dataDirArgs(dir));
    QVERIFY2(retry.exitCode == 0, retry.err.constData());
    QCOMPARE(containerIn(reportOf(retry), QStringLiteral("flaky")).value(QLatin1String("result")).toString(),
             QStringLiteral("recovered"));
    QCOMPARE(m_sandbox->state(QStringLiteral("flaky")), QStringLiteral("running"));

    // A retry of what is not failed is refused clearly.
    retry = client(QStringList{QStringLiteral("retry"), QStringLiteral("steady")} + dataDirArgs(dir));
    QVERIFY(retry.exitCode != 0);
    QVERIFY2(retry.err.contains("steady"), retry.err.constData());

    const AgentRun history = client(QStringList{QStringLiteral("history"), QStringLiteral("--json")} + dataDirArgs(dir));
    QCOMPARE(history.exitCode, 0);
    const QJsonArray reports = QJsonDocument::fromJson(history.out).array();
    QCOMPARE(reports.size(), 1); // one start-up, in its latest revision
    QVERIFY(reports.first().toObject().value(QLatin1String("revision")).toInt() >= 2);
    QCOMPARE(reports.first().toObject().value(QLatin1String("recovered")).toInt(), 2);

    agent->terminate();
    QVERIFY(agent->waitForFinished(20000));
    QCOMPARE(agent->exitCode(), 0);
    QVERIFY(!QFile::exists(QDir(dir).filePath(QStringLiteral("control.sock"))));
}

void TestClients::lanCommandsNeedTheToken()
{
    const QString dir = m_tmp.filePath(QStringLiteral("lan"));
    const quint16 port = freePort();
    const QString url = QStringLiteral("wss://127.0.0.1:%1").arg(port);
    start(QStringList{QStringLiteral("--no-gui"), QStringLiteral("--listen"), QStringLiteral("127.0.0.1:%1").arg(port),
                      QStringLiteral("--podman"), QStringLiteral(FAKE_PODMAN_PATH)}
          + dataDirArgs(dir));
    const QString tokenFile = QDir(dir).filePath(QStringLiteral("remote-token"));
    QVERIFY(waitFor([&] { return QFile::exists(QDir(dir).filePath(QStringLiteral("tls-cert.pem"))); }, 30000));
    QVERIFY(QFile::exists(tokenFile));
    QCOMPARE(QFile::permissions(tokenFile) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

    AgentRun run;
    QVERIFY(waitFor([&] {
        run = client({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--connect"), url,
                      QStringLiteral("--token-file"), tokenFile});
        return run.exitCode == 0;
    }, 20000));
    QCOMPARE(reportOf(run).value(QLatin1String("crash")).toBool(), false);
    QVERIFY2(run.err.contains("Pinned"), run.err.constData()); // trust on first use, said aloud
    run = client({QStringLiteral("history"), QStringLiteral("--connect"), url, QStringLiteral("--token-file"), tokenFile});
    QCOMPARE(run.exitCode, 0);

    // Without the token, with a wrong one, with another certificate expected: clear refusals.
    run = client({QStringLiteral("status"), QStringLiteral("--connect"), url});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--token-file"), run.err.constData());
    const QString wrong = m_tmp.filePath(QStringLiteral("wrong-token"));
    writeFile(wrong, QByteArray(64, 'a'));
    run = client({QStringLiteral("status"), QStringLiteral("--connect"), url, QStringLiteral("--token-file"), wrong});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains("token"), run.err.constData());
    QVERIFY(run.out.isEmpty()); // no state leaked
    run = client({QStringLiteral("status"), QStringLiteral("--connect"), url, QStringLiteral("--token-file"), tokenFile,
                  QStringLiteral("--fingerprint"), QStringList(32, QStringLiteral("AB")).join(QLatin1Char(':'))});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains("certificate") || run.err.contains("fingerprint"), run.err.constData());
}

void TestClients::screensAttachToTheAgent()
{
    const QString dir = m_tmp.filePath(QStringLiteral("screens"));
    const quint16 port = freePort();
    QProcess *agent = start(QStringList{QStringLiteral("--no-gui"), QStringLiteral("--listen"),
                                        QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--podman"),
                                        QStringLiteral(FAKE_PODMAN_PATH)}
                            + dataDirArgs(dir));
    QVERIFY(waitFor([&] { return QFile::exists(QDir(dir).filePath(QStringLiteral("tls-cert.pem"))); }, 30000));
    const QString markerPath = QDir(dir).filePath(QStringLiteral("archipelago.pid"));
    QVERIFY(QFile::exists(markerPath));

    // The kiosk started after the agent shows the agent's state instead of running a second engine.
    QProcess *kiosk = start(QStringList{QStringLiteral("--kiosk")} + dataDirArgs(dir), true);
    QProcess *desktop = start({QStringLiteral("--connect"), QStringLiteral("wss://127.0.0.1:%1").arg(port),
                               QStringLiteral("--token-file"), QDir(dir).filePath(QStringLiteral("remote-token"))},
                              true);
    QVERIFY(kiosk->waitForStarted() && desktop->waitForStarted());
    QTest::qWait(3000);
    QCOMPARE(kiosk->state(), QProcess::Running);
    QCOMPARE(desktop->state(), QProcess::Running);
    QVERIFY2(kiosk->readAllStandardError().contains("Attaching"), "the kiosk did not attach to the agent");

    // Screens come and go; the agent stays.
    kiosk->terminate();
    desktop->terminate();
    QVERIFY(kiosk->waitForFinished(10000) && desktop->waitForFinished(10000));
    QCOMPARE(kiosk->exitCode(), 0);
    QCOMPARE(desktop->exitCode(), 0);
    QCOMPARE(agent->state(), QProcess::Running);
    QVERIFY(QFile::exists(markerPath));
    agent->terminate();
    QVERIFY(agent->waitForFinished(10000));
    QCOMPARE(agent->exitCode(), 0);
}

void TestClients::noAgentIsAClearError()
{
    const QString dir = m_tmp.filePath(QStringLiteral("nobody-home"));
    QVERIFY(QDir().mkpath(dir));
    const AgentRun run = client(QStringList{QStringLiteral("status")} + dataDirArgs(dir));
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains("Cannot reach the agent"), run.err.constData());
}

QTEST_GUILESS_MAIN(TestClients)
#include "tst_clients.moc"
