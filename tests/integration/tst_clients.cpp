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
    void cleanup() { m_fx->cleanup(); }

    void localStatusRetryHistory();
    void lanCommandsNeedTheToken();
    void screensAttachToTheAgent();
    void noAgentIsAClearError();
    void controlCharactersNeverReachTheTerminal();

private:
    quint16 freePort();

    std::unique_ptr<AgentFixture> m_fx;
};

void TestClients::initTestCase()
{
    m_fx = std::make_unique<AgentFixture>();
    QVERIFY(m_fx->isValid());
}

quint16 TestClients::freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

void TestClients::localStatusRetryHistory()
{
    ARCHY_REQUIRE_PODMAN(*m_fx);
    // "flaky" cannot start until its program exists: a failure the owner can fix, then retry.
    const QString mount = m_fx->path(QStringLiteral("flaky-bin"));
    QVERIFY(QDir().mkpath(mount));
    QVERIFY(m_fx->sandbox()
                .podman({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("flaky"),
                         QStringLiteral("-v"), mount + QStringLiteral(":/x"), m_fx->sandbox().image(),
                         QStringLiteral("/x/run")})
                .size() > 0);
    QVERIFY(m_fx->sandbox().run(QStringLiteral("steady")));
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("steady")));
    const QString dir = m_fx->path(QStringLiteral("local"));
    QVERIFY(QDir().mkpath(dir));
    writeFile(QDir(dir).filePath(QStringLiteral("archipelago.pid")), QByteArray::number(deadPid()));
    writeFile(QDir(dir).filePath(QStringLiteral("running-containers.json")),
              seedSnapshot({QStringLiteral("flaky"), QStringLiteral("steady")}, m_fx->sandbox().image()));

    QProcess *agent = m_fx->start(
        QStringList{QStringLiteral("--no-gui"), QStringLiteral("--max-attempts"), QStringLiteral("1")} +
        dataDirArgs(dir));
    QVERIFY(waitFor(
        [&] { return m_fx->sandbox().state(QStringLiteral("steady")) == QLatin1String("running"); }, 20000));
    QVERIFY(waitFor([&] { return QFile::exists(QDir(dir).filePath(QStringLiteral("control.sock"))); }, 5000));

    AgentRun status;
    QVERIFY(waitFor(
        [&] {
            status = runCommand(QStringList{QStringLiteral("status"), QStringLiteral("--json")} +
                                dataDirArgs(dir));
            return status.exitCode == 0 && reportOf(status).value(QLatin1String("failed")).toArray() ==
                                               QJsonArray{QStringLiteral("flaky")};
        },
        20000));
    QCOMPARE(reportOf(status).value(QLatin1String("crash")).toBool(), true);
    const AgentRun text = runCommand(QStringList{QStringLiteral("status")} + dataDirArgs(dir));
    QCOMPARE(text.exitCode, 0);
    QVERIFY2(text.out.contains("FAILED") && text.out.contains("flaky") && text.out.contains("/x/run"),
             text.out.constData());

    // Still broken: the retry runs and says so.
    AgentRun retry =
        runCommand(QStringList{QStringLiteral("retry"), QStringLiteral("flaky")} + dataDirArgs(dir));
    QCOMPARE(retry.exitCode, 1);
    QVERIFY2(retry.out.contains("FAILED"), retry.out.constData());

    // Fixed: the retry brings it back.
    writeFile(mount + QStringLiteral("/run"), "#!/bin/sh\nexec sleep 100000\n");
    QFile::setPermissions(mount + QStringLiteral("/run"), QFile::ReadOwner | QFile::ExeOwner |
                                                              QFile::ReadOther | QFile::ExeOther |
                                                              QFile::ReadGroup | QFile::ExeGroup);
    retry =
        runCommand(QStringList{QStringLiteral("retry"), QStringLiteral("flaky"), QStringLiteral("--json")} +
                   dataDirArgs(dir));
    QVERIFY2(retry.exitCode == 0, retry.err.constData());
    QCOMPARE(containerIn(reportOf(retry), QStringLiteral("flaky")).value(QLatin1String("result")).toString(),
             QStringLiteral("recovered"));
    QCOMPARE(m_fx->sandbox().state(QStringLiteral("flaky")), QStringLiteral("running"));

    // A retry of what is not failed is refused clearly.
    retry = runCommand(QStringList{QStringLiteral("retry"), QStringLiteral("steady")} + dataDirArgs(dir));
    QVERIFY(retry.exitCode != 0);
    QVERIFY2(retry.err.contains("steady"), retry.err.constData());

    const AgentRun history =
        runCommand(QStringList{QStringLiteral("history"), QStringLiteral("--json")} + dataDirArgs(dir));
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
    const QString dir = m_fx->path(QStringLiteral("lan"));
    const quint16 port = freePort();
    const QString url = QStringLiteral("wss://127.0.0.1:%1").arg(port);
    m_fx->start(QStringList{QStringLiteral("--no-gui"), QStringLiteral("--listen"),
                            QStringLiteral("127.0.0.1:%1").arg(port), QStringLiteral("--podman"),
                            QStringLiteral(FAKE_PODMAN_PATH)} +
                dataDirArgs(dir));
    const QString tokenFile = QDir(dir).filePath(QStringLiteral("remote-token"));
    QVERIFY(
        waitFor([&] { return QFile::exists(QDir(dir).filePath(QStringLiteral("tls-cert.pem"))); }, 30000));
    QVERIFY(QFile::exists(tokenFile));
    QCOMPARE(QFile::permissions(tokenFile) & (QFile::ReadGroup | QFile::ReadOther), QFile::Permissions());

    AgentRun run;
    QVERIFY(waitFor(
        [&] {
            run = runCommand({QStringLiteral("status"), QStringLiteral("--json"), QStringLiteral("--connect"),
                              url, QStringLiteral("--token-file"), tokenFile});
            return run.exitCode == 0;
        },
        20000));
    QCOMPARE(reportOf(run).value(QLatin1String("crash")).toBool(), false);
    QVERIFY2(run.err.contains("Pinned"), run.err.constData()); // trust on first use, said aloud
    run = runCommand({QStringLiteral("history"), QStringLiteral("--connect"), url,
                      QStringLiteral("--token-file"), tokenFile});
    QCOMPARE(run.exitCode, 0);

    // Without the token, with a wrong one, with another certificate expected: clear refusals.
    run = runCommand({QStringLiteral("status"), QStringLiteral("--connect"), url});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("--token-file"), run.err.constData());
    const QString wrong = m_fx->path(QStringLiteral("wrong-token"));
    writeFile(wrong, QByteArray(64, 'a'));
    run = runCommand(
        {QStringLiteral("status"), QStringLiteral("--connect"), url, QStringLiteral("--token-file"), wrong});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains("token"), run.err.constData());
    QVERIFY(run.out.isEmpty()); // no state leaked
    run = runCommand({QStringLiteral("status"), QStringLiteral("--connect"), url,
                      QStringLiteral("--token-file"), tokenFile, QStringLiteral("--fingerprint"),
                      QStringList(32, QStringLiteral("AB")).join(QLatin1Char(':'))});
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains("certificate") || run.err.contains("fingerprint"), run.err.constData());
}

void TestClients::screensAttachToTheAgent()
{
    const QString dir = m_fx->path(QStringLiteral("screens"));
    const quint16 port = freePort();
    QProcess *agent = m_fx->start(QStringList{QStringLiteral("--no-gui"), QStringLiteral("--listen"),
                                              QStringLiteral("127.0.0.1:%1").arg(port),
                                              QStringLiteral("--podman"), QStringLiteral(FAKE_PODMAN_PATH)} +
                                  dataDirArgs(dir));
    QVERIFY(
        waitFor([&] { return QFile::exists(QDir(dir).filePath(QStringLiteral("tls-cert.pem"))); }, 30000));
    const QString markerPath = QDir(dir).filePath(QStringLiteral("archipelago.pid"));
    QVERIFY(QFile::exists(markerPath));

    // The kiosk started after the agent shows the agent's state instead of running a second engine.
    QProcess *kiosk = m_fx->start(QStringList{QStringLiteral("--kiosk")} + dataDirArgs(dir), true);
    QProcess *desktop =
        m_fx->start({QStringLiteral("--connect"), QStringLiteral("wss://127.0.0.1:%1").arg(port),
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
    const QString dir = m_fx->path(QStringLiteral("nobody-home"));
    QVERIFY(QDir().mkpath(dir));
    const AgentRun run = runCommand(QStringList{QStringLiteral("status")} + dataDirArgs(dir));
    QCOMPARE(run.exitCode, 4);
    QVERIFY2(run.err.contains("Cannot reach the agent"), run.err.constData());
}

namespace {
/// Bytes a terminal would act on: every C0 control but newline and tab, DEL, and C1 (as UTF-8).
QByteArray controlBytesIn(const QByteArray &text)
{
    QByteArray found;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(text.at(i));
        if ((c < 0x20 && c != '\n' && c != '\t') || c == 0x7f)
            found += text.mid(qMax<qsizetype>(0, i - 10), 20).toHex() + ' ';
        if (c == 0xc2 && i + 1 < text.size() && static_cast<unsigned char>(text.at(i + 1)) >= 0x80 &&
            static_cast<unsigned char>(text.at(i + 1)) <= 0x9f)
            found += "C1 ";
    }
    return found;
}
} // namespace

void TestClients::controlCharactersNeverReachTheTerminal()
{
    // A podman whose start error carries escape sequences (retitle the terminal, erase the line and
    // print a fake "ok"), and a snapshot whose image name holds ESC and a C1 CSI. The fake podman
    // plays everything else.
    const QString dir = m_fx->path(QStringLiteral("escapes"));
    QVERIFY(QDir().mkpath(dir));
    const QString state = QDir(dir).filePath(QStringLiteral("fake-state.json"));
    const QString evilImage = QStringLiteral("img\u001b]0;pwned\u0007\u009b2J:1");
    writeFile(state,
              QJsonDocument(
                  QJsonObject{{QStringLiteral("containers"),
                               QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("evil")},
                                                      {QStringLiteral("image"), evilImage},
                                                      {QStringLiteral("state"), QStringLiteral("exited")}}}}})
                  .toJson());
    const QString wrapper = QDir(dir).filePath(QStringLiteral("podman"));
    writeFile(
        wrapper,
        QByteArray(
            "#!/bin/sh\n"
            "case \" $* \" in *\" start \"*)\n"
            "  printf 'Error: \\033]0;pwned\\007\\033[2K\\r  ok       evil\\033[31m\\n' >&2; exit 125;;\n"
            "esac\n"
            "exec '") +
            QByteArray(FAKE_PODMAN_PATH) + "' \"$@\"\n");
    QVERIFY(QFile::setPermissions(wrapper, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
    qputenv("FAKE_PODMAN_STATE", state.toUtf8());
    qputenv("FAKE_PODMAN_EVENTS", QDir(dir).filePath(QStringLiteral("events")).toUtf8());
    const QString data = QDir(dir).filePath(QStringLiteral("data"));
    QVERIFY(QDir().mkpath(data));
    writeFile(QDir(data).filePath(QStringLiteral("archipelago.pid")), QByteArray::number(deadPid()));
    writeFile(
        QDir(data).filePath(QStringLiteral("running-containers.json")),
        QJsonDocument(QJsonObject{{QStringLiteral("timestamp"), 1},
                                  {QStringLiteral("containers"),
                                   QJsonArray{QJsonObject{{QStringLiteral("name"), QStringLiteral("evil")},
                                                          {QStringLiteral("image"), evilImage}}}}})
            .toJson());
    const QStringList podmanArgs{QStringLiteral("--podman"), wrapper, QStringLiteral("--max-attempts"),
                                 QStringLiteral("1")};

    const AgentRun once = runOnce(podmanArgs + dataDirArgs(data));
    QCOMPARE(once.exitCode, 1);
    QVERIFY2(once.out.contains("evil") && once.out.contains("Error:"),
             once.out.constData()); // shown, defanged
    QVERIFY2(controlBytesIn(once.out).isEmpty(), controlBytesIn(once.out).constData());
    QVERIFY2(controlBytesIn(once.err).isEmpty(), controlBytesIn(once.err).constData()); // the log too

    writeFile(QDir(data).filePath(QStringLiteral("archipelago.pid")), QByteArray::number(deadPid()));
    QProcess *agent = m_fx->start(QStringList{QStringLiteral("--no-gui")} + podmanArgs + dataDirArgs(data));
    QVERIFY(
        waitFor([&] { return QFile::exists(QDir(data).filePath(QStringLiteral("control.sock"))); }, 10000));
    AgentRun status;
    QVERIFY(waitFor(
        [&] {
            status = runCommand(QStringList{QStringLiteral("status")} + dataDirArgs(data));
            return status.out.contains("FAILED");
        },
        20000));
    QVERIFY2(status.out.contains("Error:"), status.out.constData());
    QVERIFY2(controlBytesIn(status.out).isEmpty(), controlBytesIn(status.out).constData());
    const AgentRun history = runCommand(QStringList{QStringLiteral("history")} + dataDirArgs(data));
    QCOMPARE(history.exitCode, 0);
    QVERIFY2(history.out.contains("evil"), history.out.constData());
    QVERIFY2(controlBytesIn(history.out).isEmpty(), controlBytesIn(history.out).constData());
    agent->terminate();
    QVERIFY(agent->waitForFinished(10000));
    qunsetenv("FAKE_PODMAN_STATE");
    qunsetenv("FAKE_PODMAN_EVENTS");
}

QTEST_GUILESS_MAIN(TestClients)
#include "tst_clients.moc"
