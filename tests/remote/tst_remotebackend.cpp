#include <QHostAddress>
#include <QLocalServer>
#include <QSignalSpy>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "ControlServer.h"
#include "RemoteBackend.h"
#include "RemoteCommand.h"
#include "RemoteTestSupport.h"
#include "state/History.h"

using archy::ContainerLogs;
using archy::ContainerState;
using archy::ControlServer;
using archy::Fleet;
using archy::FleetState;
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
    void fleetListsContainersOutsideTheRun_data();
    void fleetListsContainersOutsideTheRun();
    void fleetFollowsChanges();
    void cleanStartListsEveryRunningContainer();
    void logsOfAContainer_data();
    void logsOfAContainer();
    void logsWithoutConnectionAnswerAtOnce();
    void malformedFleetKeepsTheLastOne();
    void oversizedFleetIsBounded();
    void logsAnswersAreBoundedAndPlain();
    void unreadableLogsStillAnswer();
    void lostConnectionAnswersPendingLogs();
    void bigMessageKeepsTheOrder();

private:
    bool listen();
    QUrl lanUrl() const { return QUrl(QStringLiteral("wss://127.0.0.1:%1").arg(m_server->lanPort())); }
    /// The data of a test that runs over the local socket and over the LAN: column "lan".
    static void bothTransports()
    {
        QTest::addColumn<bool>("lan");
        QTest::newRow("local socket") << false;
        QTest::newRow("LAN") << true;
    }
    RemoteBackend *connectTo(bool lan) const
    {
        return lan ? RemoteBackend::lan(lanUrl(), m_token, m_identity.fingerprint())
                   : RemoteBackend::local(m_fixture->socketPath());
    }
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
    bothTransports();
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
    std::unique_ptr<RemoteBackend> client(connectTo(lan));
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

namespace {

/// The state of @p name in @p fleet ("failed", "running"...), "absent" if it is not listed.
QString stateIn(const Fleet &fleet, const QString &name)
{
    const archy::FleetEntry *entry = fleet.find(name);
    return entry ? archy::fleetStateKey(entry->state) : QStringLiteral("absent");
}

/**
 * A stand-in agent on a local socket that answers the hello with a welcome and @p state, then
 * sends whatever a test scripts: what a broken or hostile agent might say.
 */
class ScriptedAgent final
{
public:
    explicit ScriptedAgent(const QString &path)
    {
        QLocalServer::removeServer(path);
        server.listen(path);
        QObject::connect(&server, &QLocalServer::newConnection, &server, [this] {
            socket = server.nextPendingConnection();
            QObject::connect(socket, &QLocalSocket::readyRead, socket, [this] {
                buffer += socket->readAll();
                qsizetype newline;
                while ((newline = buffer.indexOf('\n')) >= 0) {
                    QJsonObject message;
                    archy::Protocol::decode(buffer.left(newline), &message, nullptr);
                    buffer.remove(0, newline + 1);
                    if (archy::Protocol::typeOf(message) == archy::Protocol::Type::hello()) {
                        send(archy::Protocol::welcome(QStringLiteral("9.9")));
                        send(state);
                    } else {
                        received.append(message);
                    }
                }
            });
        });
    }
    void send(const QJsonObject &message) { sendRaw(archy::Protocol::encode(message)); }
    void sendRaw(const QByteArray &line)
    {
        if (socket)
            socket->write(line + '\n');
    }
    /// The id of the last command of @p type received, once it came.
    QString waitCommand(const QString &type)
    {
        QString id;
        (void)QTest::qWaitFor(
            [&] {
                for (const QJsonObject &message : std::as_const(received)) {
                    if (archy::Protocol::typeOf(message) == type)
                        id = archy::Protocol::idOf(message);
                }
                return !id.isEmpty();
            },
            5000);
        return id;
    }

    QLocalServer server;
    QLocalSocket *socket = nullptr;
    QByteArray buffer;
    QJsonObject state;
    QList<QJsonObject> received;
};

QJsonObject fleetEntry(const QString &name, const QString &state)
{
    return QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("state"), state}};
}

QJsonObject fleetMessage(const QJsonValue &fleet)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("fleet")}, {QStringLiteral("fleet"), fleet}};
}

QJsonObject scriptedState(const QJsonArray &fleetContainers)
{
    QJsonObject state =
        archy::Protocol::state(archy::RecoveryReport(), false, Fleet(), archy::NodeIdentity());
    state.insert(QStringLiteral("fleet"), QJsonObject{{QStringLiteral("listed"), true},
                                                      {QStringLiteral("containers"), fleetContainers}});
    state.insert(QStringLiteral("node"),
                 QJsonObject{{QStringLiteral("name"), QStringLiteral("pi\u001b[2Jnode")},
                             {QStringLiteral("fingerprint"), QStringLiteral("AB:CD")}});
    return state;
}

} // namespace

void TestRemoteBackend::fleetListsContainersOutsideTheRun_data()
{
    bothTransports();
}

void TestRemoteBackend::fleetListsContainersOutsideTheRun()
{
    QFETCH(bool, lan);
    std::unique_ptr<RemoteBackend> client(connectTo(lan));
    QSignalSpy fleetChanged(client.get(), &RecoveryBackend::fleetChanged);
    QSignalSpy identityChanged(client.get(), &RecoveryBackend::nodeIdentityChanged);
    client->start();
    QVERIFY(waitFor(client.get(), Connection::Connected));
    // extra runs but was never part of a start-up: only the agent's fleet knows it.
    QCOMPARE(client->currentReport().containers.size(), 2);
    const Fleet fleet = client->fleet();
    QVERIFY(fleet.listed);
    QCOMPARE(fleet.containers.size(), 3);
    QCOMPARE(stateIn(fleet, QStringLiteral("extra")), QStringLiteral("running"));
    QVERIFY(!fleet.find(QStringLiteral("extra"))->inRun);
    QCOMPARE(stateIn(fleet, QStringLiteral("good")), QStringLiteral("running"));
    QCOMPARE(stateIn(fleet, QStringLiteral("bad")), QStringLiteral("failed"));
    QCOMPARE(fleet.containers.constFirst().name(), QStringLiteral("bad")); // problems first
    QCOMPARE(fleet.toJson(), m_fixture->agent->fleet().toJson());
    QVERIFY(!fleetChanged.isEmpty());
    QCOMPARE(fleetChanged.constLast().at(0).value<Fleet>().toJson(), fleet.toJson());

    QCOMPARE(identityChanged.size(), 1);
    QCOMPARE(client->nodeIdentity().name, QSysInfo::machineHostName());
    QVERIFY(!client->nodeIdentity().version.isEmpty());
    // The LAN endpoint of this test is not the agent's own: the agent learns of it now.
    m_fixture->agent->setLanEndpoint(QStringLiteral("wss://127.0.0.1:8443"), m_identity.fingerprint());
    QTRY_COMPARE(client->nodeIdentity().fingerprint, m_identity.fingerprint());
    QCOMPARE(client->nodeIdentity().listenAddress, QStringLiteral("wss://127.0.0.1:8443"));
    QCOMPARE(identityChanged.size(), 2);
}

void TestRemoteBackend::fleetFollowsChanges()
{
    std::unique_ptr<RemoteBackend> client(RemoteBackend::local(m_fixture->socketPath()));
    QSignalSpy fleetChanged(client.get(), &RecoveryBackend::fleetChanged);
    client->start();
    QVERIFY(waitFor(client.get(), Connection::Connected));
    auto lastState = [&](const QString &name) {
        return fleetChanged.isEmpty() ? QString()
                                      : stateIn(fleetChanged.constLast().at(0).value<Fleet>(), name);
    };

    // A change of the engine: bad is retried and runs.
    client->retry(QStringLiteral("bad"));
    QTRY_COMPARE_WITH_TIMEOUT(lastState(QStringLiteral("bad")), QStringLiteral("running"), 10000);
    QCOMPARE(client->fleet().toJson(), fleetChanged.constLast().at(0).value<Fleet>().toJson());

    // A change only podman's listing shows: extra, outside any run, stopped.
    QVERIFY(m_fixture->setExtraState(QStringLiteral("exited")));
    client->snapshotNow(); // reconciles with `podman ps -a`
    QTRY_COMPARE_WITH_TIMEOUT(lastState(QStringLiteral("extra")), QStringLiteral("stopped"), 10000);
    QCOMPARE(stateIn(client->fleet(), QStringLiteral("bad")), QStringLiteral("running"));
}

void TestRemoteBackend::cleanStartListsEveryRunningContainer()
{
    // A clean start with eight services running: the start-up acts on none, the screen lists all.
    m_server.reset();
    m_fixture.reset();
    QTemporaryDir dataDir;
    QTemporaryDir fakeDir;
    QTemporaryDir socketDir;
    archy::test::FakePodman fake(fakeDir.path());
    QList<archy::test::FakePodman::Container> containers;
    for (int i = 1; i <= 8; ++i)
        containers.append(
            {QStringLiteral("svc-%1").arg(i), QStringLiteral("img:1"), QStringLiteral("running")});
    QVERIFY(fake.setContainers(containers));
    archy::AgentOptions o;
    o.dataDir = dataDir.path();
    o.podmanProgram = archy::test::fakePodmanPath();
    o.snapshotDelaySec = 3600;
    o.snapshotIntervalSec = 3600;
    o.podmanTimeoutSec = 5;
    o.resident = false;
    archy::RecoveryAgent agent(o);
    QCOMPARE(agent.open(), archy::RecoveryAgent::OpenResult::Ok);
    QSignalSpy finished(&agent, &archy::RecoveryAgent::reportFinished);
    agent.start();
    QVERIFY(finished.wait(10000));
    ControlServer server(&agent);
    const QString socket = QDir(socketDir.path()).filePath(QStringLiteral("control.sock"));
    QString error;
    QVERIFY2(server.listenLocal(socket, QString(), &error), qPrintable(error));

    std::unique_ptr<RemoteBackend> client(RemoteBackend::local(socket));
    QSignalSpy fleetChanged(client.get(), &RecoveryBackend::fleetChanged);
    client->start();
    QVERIFY(waitFor(client.get(), Connection::Connected));
    QVERIFY(client->currentReport().containers.isEmpty());
    // The listing may still be under way at connect: a push brings it.
    QTRY_VERIFY_WITH_TIMEOUT(client->fleet().listed, 10000);
    QCOMPARE(client->fleet().containers.size(), 8);
    QCOMPARE(client->fleet().count(FleetState::Running), 8);
}

void TestRemoteBackend::logsOfAContainer_data()
{
    bothTransports();
}

void TestRemoteBackend::logsOfAContainer()
{
    QFETCH(bool, lan);
    std::unique_ptr<RemoteBackend> client(connectTo(lan));
    QSignalSpy loaded(client.get(), &RecoveryBackend::logsLoaded);
    QSignalSpy errors(client.get(), &RecoveryBackend::errorOccurred);
    client->start();
    QVERIFY(waitFor(client.get(), Connection::Connected));

    client->requestLogs(QStringLiteral("good"), 2);
    QVERIFY(loaded.wait(10000));
    auto logs = loaded.takeFirst().at(0).value<ContainerLogs>();
    QCOMPARE(logs.name, QStringLiteral("good"));
    QCOMPARE(logs.lines, (QStringList{QStringLiteral("ready"), QStringLiteral("serving")}));
    QVERIFY2(logs.error.isEmpty(), qPrintable(logs.error));

    // Two requests in flight for one container, with different lengths: each gets its own lines.
    client->requestLogs(QStringLiteral("good"), 1);
    client->requestLogs(QStringLiteral("good"), 200);
    QTRY_COMPARE_WITH_TIMEOUT(loaded.size(), 2, 10000);
    QList<qsizetype> sizes{loaded.at(0).at(0).value<ContainerLogs>().lines.size(),
                           loaded.at(1).at(0).value<ContainerLogs>().lines.size()};
    std::sort(sizes.begin(), sizes.end());
    QCOMPARE(sizes, (QList<qsizetype>{1, 3}));
    loaded.clear();

    // A container podman does not know, and a name that is none: an answer with an error each.
    client->requestLogs(QStringLiteral("nosuch"));
    QVERIFY(loaded.wait(10000));
    logs = loaded.takeFirst().at(0).value<ContainerLogs>();
    QCOMPARE(logs.name, QStringLiteral("nosuch"));
    QVERIFY(logs.lines.isEmpty());
    QVERIFY2(logs.error.contains(QLatin1String("no such container")), qPrintable(logs.error));
    client->requestLogs(QStringLiteral("../etc/passwd"));
    QVERIFY(loaded.wait(10000));
    logs = loaded.takeFirst().at(0).value<ContainerLogs>();
    QCOMPARE(logs.name, QStringLiteral("../etc/passwd"));
    QVERIFY(!logs.error.isEmpty());
    // Refused logs are the details page's business, not a notice for the whole window.
    QCOMPARE(errors.size(), 0);
    QCOMPARE(client->connection(), Connection::Connected);
}

void TestRemoteBackend::logsWithoutConnectionAnswerAtOnce()
{
    QTemporaryDir dir;
    std::unique_ptr<RemoteBackend> client(RemoteBackend::local(dir.filePath(QStringLiteral("none.sock"))));
    QSignalSpy loaded(client.get(), &RecoveryBackend::logsLoaded);
    client->requestLogs(QStringLiteral("good"));
    QVERIFY(loaded.wait(1000));
    const auto logs = loaded.first().at(0).value<ContainerLogs>();
    QCOMPARE(logs.name, QStringLiteral("good"));
    QVERIFY(!logs.error.isEmpty());
}

void TestRemoteBackend::malformedFleetKeepsTheLastOne()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("scripted.sock"));
    ScriptedAgent agent(path);
    agent.state = scriptedState({fleetEntry(QStringLiteral("web"), QStringLiteral("running"))});
    std::unique_ptr<RemoteBackend> client(RemoteBackend::local(path));
    QSignalSpy errors(client.get(), &RecoveryBackend::errorOccurred);
    QSignalSpy fleetChanged(client.get(), &RecoveryBackend::fleetChanged);
    client->start();
    QVERIFY(waitFor(client.get(), Connection::Connected));
    QCOMPARE(stateIn(client->fleet(), QStringLiteral("web")), QStringLiteral("running"));
    // The agent's text is data: the node name arrives without its terminal escape.
    QCOMPARE(client->nodeIdentity().name, QStringLiteral("pi[2Jnode"));
    const int announced = int(fleetChanged.size());

    agent.send(fleetMessage(QStringLiteral("not a fleet")));
    QVERIFY(errors.wait(5000));
    QVERIFY2(errors.constLast().at(0).toString().contains(QLatin1String("container list")),
             qPrintable(errors.constLast().at(0).toString()));
    agent.send(fleetMessage(QJsonObject{{QStringLiteral("containers"), QStringLiteral("nope")}}));
    QTRY_COMPARE(errors.size(), 2);
    QCOMPARE(fleetChanged.size(), announced);
    QCOMPARE(stateIn(client->fleet(), QStringLiteral("web")), QStringLiteral("running"));
    QCOMPARE(client->connection(), Connection::Connected);

    // Bad entries are skipped, the good ones kept; an unknown state counts as a problem.
    agent.send(fleetMessage(
        QJsonObject{{QStringLiteral("containers"),
                     QJsonArray{42, QJsonObject{{QStringLiteral("state"), QStringLiteral("running")}},
                                fleetEntry(QStringLiteral("-rm -rf"), QStringLiteral("running")),
                                fleetEntry(QStringLiteral("db"), QStringLiteral("melting")),
                                fleetEntry(QStringLiteral("db"), QStringLiteral("running")),
                                fleetEntry(QStringLiteral("web"), QStringLiteral("stopped"))}}}));
    QTRY_COMPARE(fleetChanged.size(), announced + 1);
    const Fleet fleet = client->fleet();
    QCOMPARE(fleet.containers.size(), 2);
    QCOMPARE(stateIn(fleet, QStringLiteral("db")), QStringLiteral("failed"));
    QCOMPARE(stateIn(fleet, QStringLiteral("web")), QStringLiteral("stopped"));
    QCOMPARE(errors.size(), 2);
}

void TestRemoteBackend::oversizedFleetIsBounded()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("scripted.sock"));
    ScriptedAgent agent(path);
    agent.state = scriptedState({});
    std::unique_ptr<RemoteBackend> client(RemoteBackend::local(path));
    QSignalSpy fleetChanged(client.get(), &RecoveryBackend::fleetChanged);
    client->start();
    QVERIFY(waitFor(client.get(), Connection::Connected));
    const int announced = int(fleetChanged.size());
    QJsonArray many;
    for (int i = 0; i < archy::Protocol::MaxContainers + 500; ++i)
        many.append(fleetEntry(QStringLiteral("c%1").arg(i), QStringLiteral("running")));
    agent.send(fleetMessage(QJsonObject{{QStringLiteral("containers"), many}}));
    QTRY_COMPARE(fleetChanged.size(), announced + 1);
    QCOMPARE(client->fleet().containers.size(), archy::Protocol::MaxContainers);
    QCOMPARE(client->fleet().containers.constLast().name(),
             QStringLiteral("c%1").arg(archy::Protocol::MaxContainers - 1));
    QCOMPARE(client->connection(), Connection::Connected);
}

void TestRemoteBackend::logsAnswersAreBoundedAndPlain()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("scripted.sock"));
    ScriptedAgent agent(path);
    agent.state = scriptedState({});
    std::unique_ptr<RemoteBackend> client(RemoteBackend::local(path));
    QSignalSpy loaded(client.get(), &RecoveryBackend::logsLoaded);
    client->start();
    QVERIFY(waitFor(client.get(), Connection::Connected));

    client->requestLogs(QStringLiteral("web"), 500); // asks for the most there is: 200
    const QString id = agent.waitCommand(archy::Protocol::Type::logs());
    QVERIFY(!id.isEmpty());
    QCOMPARE(agent.received.constLast().value(QLatin1String("lines")).toInt(), archy::Protocol::MaxLogLines);
    QStringList lines;
    for (int i = 0; i < 300; ++i)
        lines << QStringLiteral("line %1").arg(i);
    lines.last() = QStringLiteral("\u001b[31m<b>red</b>\u0007\r\n") + QString(2000, QLatin1Char('x'));
    ContainerLogs sent;
    sent.name = QStringLiteral("other"); // the answer is for what was asked, whatever it says
    sent.lines = lines;
    agent.send(archy::Protocol::logsResult(id, sent));
    QVERIFY(loaded.wait(5000));
    const auto logs = loaded.first().at(0).value<ContainerLogs>();
    QCOMPARE(logs.name, QStringLiteral("web"));
    QCOMPARE(logs.lines.size(), archy::Protocol::MaxLogLines);
    QCOMPARE(logs.lines.constFirst(), QStringLiteral("line 100"));
    QCOMPARE(logs.lines.constLast().size(), ContainerLogs::MaxLineLength);
    QVERIFY(logs.lines.constLast().startsWith(QLatin1String("[31m<b>red</b>xxx"))); // markup stays text
    QVERIFY(logs.error.isEmpty());
}

void TestRemoteBackend::unreadableLogsStillAnswer()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("scripted.sock"));
    ScriptedAgent agent(path);
    agent.state = scriptedState({});
    std::unique_ptr<RemoteBackend> client(RemoteBackend::local(path));
    QSignalSpy loaded(client.get(), &RecoveryBackend::logsLoaded);
    QSignalSpy answered(client.get(), &RemoteBackend::commandAnswered);
    client->start();
    QVERIFY(waitFor(client.get(), Connection::Connected));

    const QList<QJsonValue> bad{QJsonValue(), QStringLiteral("text"),
                                QJsonObject{{QStringLiteral("name"), QStringLiteral("web")},
                                            {QStringLiteral("lines"), QStringLiteral("one line")}},
                                QJsonObject{{QStringLiteral("name"), QStringLiteral("web")},
                                            {QStringLiteral("lines"), QJsonArray{QStringLiteral("a"), 7}}}};
    for (const QJsonValue &value : bad) {
        loaded.clear();
        agent.received.clear();
        client->requestLogs(QStringLiteral("web"));
        const QString id = agent.waitCommand(archy::Protocol::Type::logs());
        QVERIFY(!id.isEmpty());
        QJsonObject answer = archy::Protocol::result(id);
        if (!value.isUndefined())
            answer.insert(QStringLiteral("logs"), value);
        agent.send(answer);
        QVERIFY(loaded.wait(5000));
        const auto logs = loaded.first().at(0).value<ContainerLogs>();
        QCOMPARE(logs.name, QStringLiteral("web"));
        QVERIFY(logs.lines.isEmpty());
        QVERIFY2(logs.error.contains(QLatin1String("cannot read")), qPrintable(logs.error));
        QCOMPARE(answered.constLast().at(0).toString(), id);
        QCOMPARE(answered.constLast().at(1).toBool(), false);
    }
    // A refusal reaches the screen the same way.
    loaded.clear();
    agent.received.clear();
    client->requestLogs(QStringLiteral("web"));
    const QString id = agent.waitCommand(archy::Protocol::Type::logs());
    agent.send(archy::Protocol::error(archy::Protocol::Error::busy(), QStringLiteral("Wait."), id));
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.first().at(0).value<ContainerLogs>().error, QStringLiteral("Wait."));
    QCOMPARE(client->connection(), Connection::Connected);
}

void TestRemoteBackend::lostConnectionAnswersPendingLogs()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("scripted.sock"));
    auto agent = std::make_unique<ScriptedAgent>(path);
    agent->state = scriptedState({});
    std::unique_ptr<RemoteBackend> client(RemoteBackend::local(path));
    client->setTimeouts(2000, 20000, 20000);
    QSignalSpy loaded(client.get(), &RecoveryBackend::logsLoaded);
    client->start();
    QVERIFY(waitFor(client.get(), Connection::Connected));
    client->requestLogs(QStringLiteral("web"));
    QVERIFY(!agent->waitCommand(archy::Protocol::Type::logs()).isEmpty());
    agent.reset(); // the agent goes away without answering
    QVERIFY(loaded.wait(5000));
    QCOMPARE(loaded.size(), 1);
    QVERIFY(!loaded.first().at(0).value<ContainerLogs>().error.isEmpty());
    QCOMPARE(client->connection(), Connection::Reconnecting);
}

void TestRemoteBackend::bigMessageKeepsTheOrder()
{
    // A fleet of 3000 is far over the 64 KiB from which messages are decoded on the thread pool;
    // the small one behind it arrives while it is being decoded and must still be applied after it.
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("scripted.sock"));
    ScriptedAgent agent(path);
    agent.state = scriptedState({fleetEntry(QStringLiteral("web"), QStringLiteral("running"))});
    std::unique_ptr<RemoteBackend> client(RemoteBackend::local(path));
    QSignalSpy fleetChanged(client.get(), &RecoveryBackend::fleetChanged);
    client->start();
    QVERIFY(waitFor(client.get(), Connection::Connected));
    const int announced = int(fleetChanged.size());

    QJsonArray many;
    for (int i = 0; i < 3000; ++i)
        many.append(
            fleetEntry(QStringLiteral("service-%1-with-a-longer-name").arg(i, 4, 10, QLatin1Char('0')),
                       QStringLiteral("running")));
    const QJsonObject big = fleetMessage(QJsonObject{{QStringLiteral("containers"), many}});
    QVERIFY(archy::Protocol::encode(big).size() > 64 * 1024);
    agent.send(big);
    agent.send(fleetMessage(
        QJsonObject{{QStringLiteral("containers"),
                     QJsonArray{fleetEntry(QStringLiteral("last"), QStringLiteral("failed"))}}}));

    QTRY_COMPARE(fleetChanged.size(), announced + 2);
    QCOMPARE(fleetChanged.at(announced).at(0).value<Fleet>().containers.size(), 3000);
    QCOMPARE(fleetChanged.at(announced + 1).at(0).value<Fleet>().containers.size(), 1);
    QCOMPARE(client->fleet().containers.size(), 1);
    QCOMPARE(stateIn(client->fleet(), QStringLiteral("last")), QStringLiteral("failed"));
    QCOMPARE(client->connection(), Connection::Connected);
}

QTEST_GUILESS_MAIN(TestRemoteBackend)
#include "tst_remotebackend.moc"
