#include <QHostAddress>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "ControlServer.h"
#include "RemoteBackend.h"
#include "RemoteCommand.h"
#include "RemoteTestSupport.h"
#include "state/History.h"

using archy::ContainerState;
using archy::ControlServer;
using archy::RecoveryBackend;
using archy::RemoteBackend;
using archy::RemoteCommand;
using archy::test::AgentFixture;
using archy::test::findStatus;
using Connection = archy::RecoveryBackend::Connection;

class TestRemoteBackend final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void changedFingerprintIsRefused();
    void firstUseReportsFingerprint();
    void wrongTokenIsRefused();
    void reconnectsAndReloads();
    void unreachableKeepsTrying();
    void commandsWhileDisconnectedAreDropped();
    void commandStatus();
    void commandRetry();
    void commandRetryNotFailed();
    void commandHistoryAndAcknowledge();
    void commandNoAgent();
    void longHistoryArrivesWhole_data();
    void longHistoryArrivesWhole();

private:
    bool listen();
    QUrl lanUrl() const { return QUrl(QStringLiteral("wss://127.0.0.1:%1").arg(m_server->lanPort())); }
    static bool waitFor(RemoteBackend *backend, Connection connection)
    {
        return QTest::qWaitFor([=] { return backend->connection() == connection; }, 10000);
    }
    /// Runs @p command to its end.
    static bool run(RemoteCommand &command)
    {
        QSignalSpy finished(&command, &RemoteCommand::finished);
        command.start(15000);
        return finished.wait(20000);
    }

    QTemporaryDir m_identityDir;
    archy::TlsIdentity m_identity;
    QByteArray m_token;
    std::unique_ptr<AgentFixture> m_fixture;
    std::unique_ptr<ControlServer> m_server;
};

void TestRemoteBackend::initTestCase()
{
    archy::test::registerRemoteTypes();
    QString error;
    m_identity = archy::test::makeIdentity(m_identityDir.path(), &error);
    QVERIFY2(!m_identity.isNull(), qPrintable(error));
    m_token = archy::Token::ensureToken(m_identityDir.path(), &error);
    QVERIFY(!m_token.isEmpty());
}

void TestRemoteBackend::init()
{
    m_fixture = std::make_unique<AgentFixture>();
    QVERIFY(m_fixture->start());
    QVERIFY(listen());
}

void TestRemoteBackend::cleanup()
{
    m_server.reset();
    m_fixture.reset();
}

bool TestRemoteBackend::listen()
{
    m_server = std::make_unique<ControlServer>(m_fixture->agent.get());
    m_server->setAuthPenalty(10, 50);
    QString error;
    const bool ok = m_server->listenLocal(m_fixture->socketPath(), QString(), &error) &&
                    m_server->listenLan(QHostAddress::LocalHost, 0, m_identity, m_token, &error);
    if (!ok)
        qWarning("listen: %s", qPrintable(error));
    return ok;
}

void TestRemoteBackend::changedFingerprintIsRefused()
{
    const QString pinned =
        QStringLiteral("AB:CD:") + QStringLiteral("00:").repeated(29) + QStringLiteral("EF");
    std::unique_ptr<RemoteBackend> client(RemoteBackend::lan(lanUrl(), m_token, pinned));
    QSignalSpy changed(client.get(), &RecoveryBackend::connectionChanged);
    QSignalSpy reset(client.get(), &RecoveryBackend::reportReset);
    client->start();
    QVERIFY(waitFor(client.get(), Connection::Refused));
    const QString detail = client->connectionDetail();
    QVERIFY2(detail.contains(QLatin1String("CHANGED")), qPrintable(detail));
    QVERIFY(detail.contains(pinned));
    QVERIFY(detail.contains(m_identity.fingerprint()));
    QCOMPARE(client->serverFingerprint(), m_identity.fingerprint());
    QCOMPARE(changed.last().at(1).toString(), detail);
    QTest::qWait(700); // never retried, never fed
    QCOMPARE(client->connection(), Connection::Refused);
    QCOMPARE(reset.size(), 0);
    QCOMPARE(m_server->sessionCount(), 0);
}

void TestRemoteBackend::firstUseReportsFingerprint()
{
    std::unique_ptr<RemoteBackend> client(RemoteBackend::lan(lanUrl(), m_token, QString()));
    QSignalSpy seen(client.get(), &RemoteBackend::fingerprintSeen);
    client->start();
    QVERIFY2(waitFor(client.get(), Connection::Connected), qPrintable(client->connectionDetail()));
    QCOMPARE(seen.size(), 1);
    QCOMPARE(seen.at(0).at(0).toString(), m_identity.fingerprint());

    // The same fingerprint in lower case pins fine too.
    std::unique_ptr<RemoteBackend> pinned(
        RemoteBackend::lan(lanUrl(), m_token, m_identity.fingerprint().toLower()));
    QSignalSpy pinnedSeen(pinned.get(), &RemoteBackend::fingerprintSeen);
    pinned->start();
    QVERIFY(waitFor(pinned.get(), Connection::Connected));
    QCOMPARE(pinnedSeen.size(), 0);
}

void TestRemoteBackend::wrongTokenIsRefused()
{
    std::unique_ptr<RemoteBackend> client(
        RemoteBackend::lan(lanUrl(), QByteArray(64, '1'), m_identity.fingerprint()));
    client->start();
    QVERIFY(waitFor(client.get(), Connection::Refused));
    QVERIFY2(client->connectionDetail().contains(QLatin1String("token")),
             qPrintable(client->connectionDetail()));
    QVERIFY(!client->hasState());
}

void TestRemoteBackend::reconnectsAndReloads()
{
    std::unique_ptr<RemoteBackend> client(RemoteBackend::local(m_fixture->socketPath()));
    client->setTimeouts(2000, 50, 200);
    QSignalSpy changed(client.get(), &RecoveryBackend::connectionChanged);
    QSignalSpy reset(client.get(), &RecoveryBackend::reportReset);
    client->start();
    QVERIFY(waitFor(client.get(), Connection::Connected));
    QCOMPARE(reset.size(), 1);

    m_server.reset();
    QVERIFY(waitFor(client.get(), Connection::Reconnecting));
    QVERIFY(!client->connectionDetail().isEmpty());
    QCOMPARE(client->currentReport().containers.size(), 2); // the last state stays on screen
    QTest::qWait(300); // a few failed attempts against the missing socket

    QVERIFY(listen());
    QVERIFY2(waitFor(client.get(), Connection::Connected), qPrintable(client->connectionDetail()));
    QCOMPARE(reset.size(), 2);
    const auto reloaded = reset.last().at(0).value<archy::RecoveryReport>();
    QCOMPARE(reloaded.toJson(), m_fixture->agent->currentReport().toJson());
    QList<Connection> sequence;
    for (const QList<QVariant> &args : changed)
        sequence.append(args.at(0).value<Connection>());
    QCOMPARE(sequence.first(), Connection::Connected);
    QVERIFY(sequence.contains(Connection::Reconnecting));
    QCOMPARE(sequence.last(), Connection::Connected);
}

void TestRemoteBackend::unreachableKeepsTrying()
{
    QTemporaryDir dir;
    std::unique_ptr<RemoteBackend> client(RemoteBackend::local(dir.filePath(QStringLiteral("none.sock"))));
    client->setTimeouts(1000, 50, 100);
    QSignalSpy changed(client.get(), &RecoveryBackend::connectionChanged);
    client->start();
    QVERIFY(waitFor(client.get(), Connection::Reconnecting));
    QTest::qWait(400);
    QCOMPARE(client->connection(), Connection::Reconnecting);
    QVERIFY(client->connectionDetail().contains(QLatin1String("none.sock")));
}

void TestRemoteBackend::commandsWhileDisconnectedAreDropped()
{
    QTemporaryDir dir;
    std::unique_ptr<RemoteBackend> client(RemoteBackend::local(dir.filePath(QStringLiteral("none.sock"))));
    QSignalSpy errors(client.get(), &RecoveryBackend::errorOccurred);
    client->retry(QStringLiteral("bad"));
    QCOMPARE(errors.size(), 1);
}

void TestRemoteBackend::commandStatus()
{
    RemoteCommand command(RemoteBackend::local(m_fixture->socketPath()), RemoteCommand::Action::Status);
    QVERIFY(run(command));
    QVERIFY2(command.ok(), qPrintable(command.errorString()));
    QCOMPARE(command.report().toJson(), m_fixture->agent->currentReport().toJson());
    QTRY_COMPARE(m_server->sessionCount(), 0); // it closed behind itself
}

void TestRemoteBackend::commandRetry()
{
    const int before = m_fixture->startsOf(QStringLiteral("bad"));
    RemoteCommand command(RemoteBackend::lan(lanUrl(), m_token, m_identity.fingerprint()),
                          RemoteCommand::Action::Retry, QStringLiteral("bad"));
    QVERIFY(run(command));
    QVERIFY2(command.ok(), qPrintable(command.errorString()));
    QCOMPARE(findStatus(command.report(), QStringLiteral("bad")).state, ContainerState::Running);
    QCOMPARE(m_fixture->startsOf(QStringLiteral("bad")), before + 1);
}

void TestRemoteBackend::commandRetryNotFailed()
{
    RemoteCommand command(RemoteBackend::local(m_fixture->socketPath()), RemoteCommand::Action::Retry,
                          QStringLiteral("good"));
    QVERIFY(run(command));
    QVERIFY(!command.ok());
    QVERIFY(command.errorString().contains(QLatin1String("good")));
}

void TestRemoteBackend::commandHistoryAndAcknowledge()
{
    RemoteCommand ack(RemoteBackend::local(m_fixture->socketPath()), RemoteCommand::Action::Acknowledge);
    QVERIFY(run(ack));
    QVERIFY2(ack.ok(), qPrintable(ack.errorString()));
    QVERIFY(m_fixture->agent->currentReport().acknowledged);

    RemoteCommand history(RemoteBackend::local(m_fixture->socketPath()), RemoteCommand::Action::History);
    QVERIFY(run(history));
    QVERIFY2(history.ok(), qPrintable(history.errorString()));
    QVERIFY(!history.history().isEmpty());

    RemoteCommand snapshot(RemoteBackend::local(m_fixture->socketPath()), RemoteCommand::Action::SnapshotNow);
    QVERIFY(run(snapshot));
    QVERIFY(snapshot.ok());
}

void TestRemoteBackend::commandNoAgent()
{
    QTemporaryDir dir;
    RemoteCommand command(RemoteBackend::local(dir.filePath(QStringLiteral("none.sock"))),
                          RemoteCommand::Action::Status);
    QVERIFY(run(command));
    QVERIFY(!command.ok());
    QVERIFY(!command.errorString().isEmpty());
}

void TestRemoteBackend::longHistoryArrivesWhole_data()
{
    QTest::addColumn<bool>("lan");
    QTest::newRow("local socket") << false;
    QTest::newRow("LAN") << true;
}

void TestRemoteBackend::longHistoryArrivesWhole()
{
    // Megabytes of history: the message is parsed on the thread pool (a screen's GUI thread must not
    // stall on it) and still reaches the screen whole and in order.
    QFETCH(bool, lan);
    constexpr int Reports = 150;
    for (int i = 0; i < Reports; ++i) {
        archy::RecoveryReport report;
        report.id = QStringLiteral("old-%1").arg(i);
        report.startedAtMs = 1000 + i;
        for (int c = 0; c < 40; ++c) {
            archy::ContainerStatus status;
            status.name = QStringLiteral("c%1").arg(c);
            status.image = QStringLiteral("img:1");
            status.state = ContainerState::Failed;
            status.error = QStringLiteral("x").repeated(200);
            report.containers.append(status);
        }
        QString error;
        QVERIFY2(archy::History::append(m_fixture->dataDir(), report, &error), qPrintable(error));
    }
    std::unique_ptr<RemoteBackend> client(
        lan ? RemoteBackend::lan(lanUrl(), m_token, m_identity.fingerprint())
            : RemoteBackend::local(m_fixture->socketPath()));
    QSignalSpy loaded(client.get(), &RecoveryBackend::historyLoaded);
    client->start();
    QVERIFY(waitFor(client.get(), Connection::Connected));
    client->requestHistory();
    QVERIFY(loaded.wait(20000));
    const auto reports = loaded.first().first().value<QList<archy::RecoveryReport>>();
    QCOMPARE(reports.size(), Reports + 1); // and the fixture's own start-up, oldest
    for (int i = 0; i < Reports; ++i) {
        QCOMPARE(reports.at(i).id, QStringLiteral("old-%1").arg(Reports - 1 - i)); // newest first
        QCOMPARE(reports.at(i).containers.size(), 40);
        QCOMPARE(reports.at(i).containers.last().error.size(), 200);
    }
    // The connection goes on: messages after the long one are still handled.
    QSignalSpy changed(client.get(), &RecoveryBackend::containerChanged);
    client->retry(QStringLiteral("bad"));
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), 10000);
    QCOMPARE(client->connection(), Connection::Connected);
}

QTEST_GUILESS_MAIN(TestRemoteBackend)
#include "tst_remotebackend.moc"
