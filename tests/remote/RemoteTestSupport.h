#pragma once

// Shared by the remote tests: an agent on the fake podman that has one failed container, a TLS
// identity and token, and raw protocol clients that ignore certificates.

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocalSocket>
#include <QSignalSpy>
#include <QSslError>
#include <QTemporaryDir>
#include <QTest>
#include <QWebSocket>

#include <memory>

#include "TestSupport.h"
#include "TlsIdentity.h"
#include "Token.h"
#include "protocol/Protocol.h"
#include "recovery/RecoveryAgent.h"
#include "state/RunMarker.h"
#include "state/Snapshot.h"

namespace archy::test {

inline void registerRemoteTypes()
{
    qRegisterMetaType<ContainerStatus>();
    qRegisterMetaType<RecoveryReport>();
    qRegisterMetaType<QList<RecoveryReport>>();
    qRegisterMetaType<RecoveryBackend::Connection>();
    qRegisterMetaType<Fleet>();
    qRegisterMetaType<NodeIdentity>();
    qRegisterMetaType<ContainerLogs>();
}

inline ContainerStatus findStatus(const RecoveryReport &report, const QString &name)
{
    for (const ContainerStatus &status : report.containers) {
        if (status.name == name)
            return status;
    }
    return {};
}

/**
 * A crash start-up with containers "good" and "bad": bad failed to start (the fake refused it),
 * and the fault has since been fixed, so a retry of bad succeeds. "extra" runs but is not in the
 * snapshot, so the start-up never acts on it; good's output is "starting", "ready", "serving".
 */
class AgentFixture final
{
public:
    AgentFixture() : m_fake(m_fakeDir.path()) {}
    AgentFixture(const AgentFixture &) = delete;
    AgentFixture &operator=(const AgentFixture &) = delete;

    bool start()
    {
        if (!m_dataDir.isValid() || !m_fakeDir.isValid())
            return false;
        const QDir dir(m_dataDir.path());
        QJsonArray containers;
        for (const char *name : {"good", "bad"})
            containers.append(QJsonObject{{QStringLiteral("name"), QLatin1String(name)},
                                          {QStringLiteral("image"), QStringLiteral("img:1")}});
        const QByteArray snapshot = QJsonDocument(QJsonObject{{QStringLiteral("timestamp"), 1000},
                                                              {QStringLiteral("containers"), containers}})
                                        .toJson(QJsonDocument::Compact);
        if (!writeAll(dir.filePath(RunMarker::fileName()), "999999999") ||
            !writeAll(dir.filePath(SnapshotStore::fileName()), snapshot) ||
            !setExtraState(QStringLiteral("running")))
            return false;
        FakePodman::setFailNames(QStringLiteral("bad"));

        AgentOptions o;
        o.dataDir = m_dataDir.path();
        o.podmanProgram = fakePodmanPath();
        o.snapshotDelaySec = 3600;
        o.snapshotIntervalSec = 3600;
        o.startTimeoutSec = 5;
        o.podmanTimeoutSec = 5;
        o.maxAttempts = 1;
        o.backoffInitialMs = 50;
        o.backoffMaxMs = 100;
        o.startStopped = false;
        o.resident = false;
        agent = std::make_unique<RecoveryAgent>(o);
        if (agent->open() != RecoveryAgent::OpenResult::Ok)
            return false;
        QSignalSpy finished(agent.get(), &RecoveryAgent::reportFinished);
        agent->start();
        if (!finished.wait(10000))
            return false;
        FakePodman::clearBehaviour(); // fixed: the next start of bad works
        // The agent's own listing of the whole fleet runs beside the start-up.
        if (!QTest::qWaitFor([this] { return agent->fleet().listed; }, 10000))
            return false;
        return findStatus(agent->currentReport(), QStringLiteral("bad")).state == ContainerState::Failed;
    }

    /**
     * Rewrites the fake's containers: good and bad as they are (exited at first), extra in
     * @p extraState ("running", "exited"...).
     */
    bool setExtraState(const QString &extraState) const
    {
        QJsonArray containers;
        for (const QString &name : {QStringLiteral("good"), QStringLiteral("bad"), QStringLiteral("extra")}) {
            QString state = name == QLatin1String("extra") ? extraState : m_fake.stateOf(name);
            QJsonObject container{
                {QStringLiteral("name"), name},
                {QStringLiteral("image"), QStringLiteral("img:1")},
                {QStringLiteral("state"), state.isEmpty() ? QStringLiteral("exited") : state}};
            if (name == QLatin1String("good"))
                container.insert(QStringLiteral("logs"),
                                 QJsonArray{QStringLiteral("starting"), QStringLiteral("ready"),
                                            QStringLiteral("serving")});
            containers.append(container);
        }
        return writeAll(m_fake.statePath(),
                        QJsonDocument(QJsonObject{{QStringLiteral("containers"), containers}}).toJson());
    }

    /// `podman start` calls that named @p name.
    int startsOf(const QString &name) const
    {
        int count = 0;
        for (const QStringList &args : m_fake.startCalls())
            count += args.contains(name) ? 1 : 0;
        return count;
    }

    QString dataDir() const { return m_dataDir.path(); }
    QString socketPath() const { return QDir(m_socketDir.path()).filePath(QStringLiteral("control.sock")); }

private:
    QTemporaryDir m_dataDir;
    QTemporaryDir m_fakeDir;
    QTemporaryDir m_socketDir;
    FakePodman m_fake;

public:
    std::unique_ptr<RecoveryAgent> agent; ///< last: goes before its directories
};

/// Makes a self-signed identity in @p dir (runs openssl), waiting for it.
inline TlsIdentity makeIdentity(const QString &dir, QString *error)
{
    QObject receiver;
    TlsIdentity result;
    bool done = false;
    TlsIdentity::ensureSelfSigned(dir, &receiver, [&](const TlsIdentity &identity, const QString &e) {
        result = identity;
        *error = e;
        done = true;
    });
    if (!QTest::qWaitFor([&] { return done; }, 20000))
        *error = QStringLiteral("timed out");
    return result;
}

/// Messages a raw client received, by type.
class Received final
{
public:
    void add(const QByteArray &data)
    {
        QJsonObject message;
        QString error;
        if (Protocol::decode(data, &message, &error))
            messages.append(message);
        else
            garbage += 1;
    }
    bool has(const QString &type) const { return indexOf(type) >= 0; }
    int indexOf(const QString &type) const
    {
        for (int i = 0; i < messages.size(); ++i) {
            if (Protocol::typeOf(messages.at(i)) == type)
                return i;
        }
        return -1;
    }
    QString errorCode() const
    {
        const int i = indexOf(Protocol::Type::error());
        return i < 0 ? QString() : messages.at(i).value(QLatin1String("code")).toString();
    }

    QList<QJsonObject> messages;
    int garbage = 0;
};

/// A raw wss client that accepts any certificate and records what it gets.
class RawWebClient final
{
public:
    explicit RawWebClient(quint16 port)
    {
        QObject::connect(&socket, &QWebSocket::sslErrors, &socket,
                         [this](const QList<QSslError> &) { socket.ignoreSslErrors(); });
        QObject::connect(&socket, &QWebSocket::textMessageReceived, &socket,
                         [this](const QString &text) { received.add(text.toUtf8()); });
        QObject::connect(&socket, &QWebSocket::disconnected, &socket, [this] { closed = true; });
        socket.open(QUrl(QStringLiteral("wss://127.0.0.1:%1").arg(port)));
    }
    bool waitConnected()
    {
        return QTest::qWaitFor([this] { return socket.state() == QAbstractSocket::ConnectedState; }, 5000);
    }
    void send(const QByteArray &data) { socket.sendTextMessage(QString::fromUtf8(data)); }
    void send(const QJsonObject &message) { send(Protocol::encode(message)); }
    bool waitClosed(int ms = 5000)
    {
        return QTest::qWaitFor([this] { return closed; }, ms);
    }
    /// The agent's challenge nonce, once it came.
    QString serverNonce() const
    {
        const int i = received.indexOf(Protocol::Type::challenge());
        return i < 0 ? QString() : received.messages.at(i).value(QLatin1String("nonce")).toString();
    }
    bool waitChallenge()
    {
        return QTest::qWaitFor([this] { return !serverNonce().isEmpty(); }, 5000);
    }
    /// A hello answering the challenge with a proof made from @p token and @p fingerprint.
    QJsonObject helloFor(const QByteArray &token, const QString &fingerprint)
    {
        const QString nonce = Protocol::makeNonce();
        return Protocol::hello(nonce, Protocol::clientProof(token, serverNonce(), nonce, fingerprint));
    }
    /// Connects, answers the challenge, waits for the state.
    bool authenticate(const QByteArray &token, const QString &fingerprint)
    {
        if (!waitConnected() || !waitChallenge())
            return false;
        send(helloFor(token, fingerprint));
        return QTest::qWaitFor([this] { return received.has(Protocol::Type::state()); }, 10000);
    }

    QWebSocket socket;
    Received received;
    bool closed = false;
};

/// A raw client of the local socket.
class RawLocalClient final
{
public:
    explicit RawLocalClient(const QString &path)
    {
        QObject::connect(&socket, &QLocalSocket::readyRead, &socket, [this] {
            buffer += socket.readAll();
            qsizetype newline;
            while ((newline = buffer.indexOf('\n')) >= 0) {
                received.add(buffer.left(newline));
                buffer.remove(0, newline + 1);
            }
        });
        QObject::connect(&socket, &QLocalSocket::disconnected, &socket, [this] { closed = true; });
        socket.connectToServer(path);
    }
    bool waitConnected()
    {
        return QTest::qWaitFor([this] { return socket.state() == QLocalSocket::ConnectedState; }, 5000);
    }
    void send(const QByteArray &line) { socket.write(line); }
    void send(const QJsonObject &message) { send(Protocol::encode(message) + '\n'); }
    bool waitClosed(int ms = 5000)
    {
        return QTest::qWaitFor([this] { return closed; }, ms);
    }

    QLocalSocket socket;
    QByteArray buffer;
    Received received;
    bool closed = false;
};

} // namespace archy::test
