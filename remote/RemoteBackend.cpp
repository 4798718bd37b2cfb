#include "RemoteBackend.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QJsonArray>
#include <QHash>
#include <QJsonObject>
#include <QLocalSocket>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>
#include <QTimer>
#include <QWebSocket>
#include <QtConcurrent>

#include <deque>
#include <memory>

#include "MessageChannel.h"
#include "RemoteLogging.h"
#include "TlsIdentity.h"
#include "protocol/Protocol.h"

namespace archy {

namespace {

/// Messages from this size on are decoded on the thread pool.
constexpr int OffThreadDecodeBytes = 64 * 1024;

struct DecodedMessage
{
    bool ok = false;
    QJsonObject message;
    QString error;
};

DecodedMessage decodeServerMessage(const QByteArray &data)
{
    DecodedMessage decoded;
    decoded.ok = Protocol::decodeFromServer(data, &decoded.message, &decoded.error);
    return decoded;
}

} // namespace

class RemoteBackend::Private
{
public:
    explicit Private(RemoteBackend *q) : q(q), reconnectTimer(new QTimer(q)), handshakeTimer(new QTimer(q))
    {
        reconnectTimer->setSingleShot(true);
        handshakeTimer->setSingleShot(true);
        QObject::connect(reconnectTimer, &QTimer::timeout, q, [this] { open(); });
        QObject::connect(handshakeTimer, &QTimer::timeout, q, [this] {
            lost(RemoteBackend::tr("timed out: no answer from the agent within %1 s")
                     .arg(handshakeMs / 1000.0, 0, 'f', 1));
        });
    }

    void open();
    void closeTransport();
    void onConnected();
    void attach(MessageChannel *channel);
    void onMessage(const QByteArray &data);
    void drainInbox();
    void dispatch(const QJsonObject &message);
    void onChallenge(const QJsonObject &message);
    bool onWelcome(const QJsonObject &message);
    QString command(QJsonObject message);
    QString localError(QLocalSocket::LocalSocketError error) const;
    QString webError(QAbstractSocket::SocketError error, const QString &text) const;
    void onSslErrors(const QList<QSslError> &errors);
    void lost(const QString &reason);
    void refuse(const QString &detail);
    void setConnection(Connection connection, const QString &detail);
    bool send(const QJsonObject &message);
    void applyContainer(const ContainerStatus &status);
    void applyFleet(const QJsonObject &message, bool announce);
    void applyNode(const QJsonObject &message);
    bool answerLogs(const QString &id, const QJsonObject &message, QString *error);
    /// Answers the screen's pending requestLogs with @p error (refused, or the connection is gone).
    void failLogs(const QString &id, const QString &error);
    void failAllLogs(const QString &error);

    RemoteBackend *q;
    bool lan = false;
    QString socketPath;
    QUrl url;
    QByteArray token;
    QString pinned;
    QString seenFingerprint;
    QString serverVersion;

    QPointer<QLocalSocket> local;
    QPointer<QWebSocket> web;
    QPointer<MessageChannel> channel;
    /// Messages of the current channel not handled yet, in arrival order: one being decoded on the
    /// thread pool holds back those behind it.
    std::deque<QByteArray> inbox;
    QFutureWatcher<DecodedMessage> *decoding = nullptr;
    bool certificateChecked = false;
    QString serverNonce;
    QString clientNonce;
    bool challenged = false;
    bool welcomed = false;
    quint64 nextCommand = 0;
    QString lastCommandId;
    QHash<QString, QString> pending; ///< command id -> type
    struct LogsRequest
    {
        QString name;
        int lines = 0;
    };
    QHash<QString, LogsRequest> pendingLogs; ///< `logs` command id -> what the screen asked
    bool hasState = false;
    bool started = false;
    bool stopping = false;

    RecoveryReport report;
    bool busy = false;
    Fleet fleet;
    bool hasFleet = false; ///< the agent sent a fleet (older agents do not)
    NodeIdentity node;
    Connection connection = Connection::Connecting;
    QString detail;
    QString lastReason; ///< why the last connection was lost, without the retry schedule

    QTimer *reconnectTimer;
    QTimer *handshakeTimer;
    int handshakeMs = 10000;
    int backoffInitialMs = 500;
    int backoffMaxMs = 15000;
    int backoffMs = 500;
};

RemoteBackend::RemoteBackend(QObject *parent) : RecoveryBackend(parent), d(std::make_unique<Private>(this)) {}

RemoteBackend::~RemoteBackend()
{
    d->closeTransport();
}

RemoteBackend *RemoteBackend::local(const QString &socketPath, QObject *parent)
{
    auto *backend = new RemoteBackend(parent);
    backend->d->socketPath = socketPath;
    backend->d->detail = RemoteBackend::tr("Connecting to %1").arg(backend->target());
    return backend;
}

RemoteBackend *RemoteBackend::lan(const QUrl &wssUrl, const QByteArray &token,
                                  const QString &pinnedFingerprint, QObject *parent)
{
    auto *backend = new RemoteBackend(parent);
    backend->d->lan = true;
    backend->d->url = wssUrl;
    backend->d->token = token;
    backend->d->pinned = pinnedFingerprint.trimmed().toUpper();
    backend->d->detail = RemoteBackend::tr("Connecting to %1").arg(backend->target());
    return backend;
}

void RemoteBackend::start()
{
    if (d->started)
        return;
    d->started = true;
    d->setConnection(Connection::Connecting, RemoteBackend::tr("Connecting to %1").arg(target()));
    d->open();
}

void RemoteBackend::stop()
{
    if (d->stopping)
        return;
    d->stopping = true;
    d->reconnectTimer->stop();
    d->handshakeTimer->stop();
    auto done = std::make_shared<bool>(false);
    auto finish = [this, done] {
        if (*done)
            return;
        *done = true;
        d->closeTransport();
        d->failAllLogs(RemoteBackend::tr("The connection to the agent was closed before it answered."));
        emit stopped();
    };
    QPointer<QLocalSocket> local = d->local;
    QPointer<QWebSocket> web = d->web;
    if (local && local->state() != QLocalSocket::UnconnectedState) {
        connect(local, &QLocalSocket::disconnected, this, finish);
        local->disconnectFromServer(); // writes what is pending first
    } else if (web && web->state() != QAbstractSocket::UnconnectedState) {
        connect(web, &QWebSocket::disconnected, this, finish);
        web->close();
    } else {
        QTimer::singleShot(0, this, finish);
        return;
    }
    // A peer that never confirms the close does not hold us up.
    QTimer::singleShot(2000, this, [local, web] {
        if (local)
            local->abort();
        if (web)
            web->abort();
    });
}

RecoveryReport RemoteBackend::currentReport() const
{
    return d->report;
}

bool RemoteBackend::isBusy() const
{
    return d->busy;
}

QString RemoteBackend::dataDir() const
{
    return {};
}

RecoveryBackend::Connection RemoteBackend::connection() const
{
    return d->connection;
}

QString RemoteBackend::connectionDetail() const
{
    return d->detail;
}

Fleet RemoteBackend::fleet() const
{
    return d->hasFleet ? d->fleet : RecoveryBackend::fleet();
}

NodeIdentity RemoteBackend::nodeIdentity() const
{
    return d->node;
}

bool RemoteBackend::hasState() const
{
    return d->hasState;
}

QString RemoteBackend::serverFingerprint() const
{
    return d->seenFingerprint;
}

QString RemoteBackend::lastFailure() const
{
    return d->lastReason;
}

QString RemoteBackend::serverVersion() const
{
    return d->serverVersion;
}

QString RemoteBackend::lastCommandId() const
{
    return d->lastCommandId;
}

QString RemoteBackend::target() const
{
    return d->lan ? d->url.toDisplayString() : d->socketPath;
}

void RemoteBackend::setTimeouts(int handshakeMs, int backoffInitialMs, int backoffMaxMs)
{
    d->handshakeMs = qMax(1, handshakeMs);
    d->backoffInitialMs = qMax(1, backoffInitialMs);
    d->backoffMaxMs = qMax(d->backoffInitialMs, backoffMaxMs);
    d->backoffMs = d->backoffInitialMs;
}

void RemoteBackend::retry(const QString &name)
{
    QJsonObject message = Protocol::command(Protocol::Type::retry(), QString());
    message.insert(QStringLiteral("name"), name);
    d->command(message);
}

void RemoteBackend::retryAllFailed()
{
    d->command(Protocol::command(Protocol::Type::retryAllFailed(), QString()));
}

void RemoteBackend::acknowledgeCrash()
{
    d->command(Protocol::command(Protocol::Type::acknowledge(), QString()));
}

void RemoteBackend::requestHistory()
{
    d->command(Protocol::command(Protocol::Type::requestHistory(), QString()));
}

void RemoteBackend::snapshotNow()
{
    d->command(Protocol::command(Protocol::Type::snapshotNow(), QString()));
}

void RemoteBackend::requestLogs(const QString &name, int lines)
{
    const int bounded = qBound(1, lines, Protocol::MaxLogLines);
    if (d->stopping || !d->hasState || !d->channel) {
        // The screen waits for an answer: it gets one, saying why there are no lines.
        QTimer::singleShot(0, this, [this, name, bounded] {
            ContainerLogs logs;
            logs.name = name;
            logs.requested = bounded;
            logs.error = RemoteBackend::tr("Not connected to the agent.");
            emit logsLoaded(logs);
        });
        return;
    }
    const QString id = d->command(Protocol::logs(QString(), name, bounded));
    if (id.isEmpty()) {
        QTimer::singleShot(0, this, [this, name, bounded] {
            ContainerLogs logs;
            logs.name = name;
            logs.requested = bounded;
            logs.error = RemoteBackend::tr("The request did not reach the agent.");
            emit logsLoaded(logs);
        });
        return;
    }
    d->pendingLogs.insert(id, Private::LogsRequest{name, bounded});
}

void RemoteBackend::Private::open()
{
    closeTransport();
    if (stopping || connection == Connection::Refused)
        return;
    hasState = false;
    certificateChecked = false;
    challenged = false;
    welcomed = false;
    serverNonce.clear();
    clientNonce.clear();
    pending.clear();
    failAllLogs(RemoteBackend::tr("The connection to the agent was lost before it answered."));
    handshakeTimer->start(handshakeMs);
    if (!lan) {
        auto *socket = new QLocalSocket(q);
        local = socket;
        QObject::connect(socket, &QLocalSocket::connected, q, [this, socket] {
            if (socket == local)
                onConnected();
        });
        QObject::connect(socket, &QLocalSocket::errorOccurred, q,
                         [this, socket](QLocalSocket::LocalSocketError error) {
                             // Errors while connecting (no such socket, refused) come before any state
                             // change.
                             if (socket == local && !channel)
                                 lost(localError(error));
                         });
        socket->connectToServer(socketPath);
        return;
    }

    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, q);
    web = socket;
    // Bounded before anything arrives: a hostile server's frame cannot grow past one message.
    socket->setMaxAllowedIncomingFrameSize(quint64(Protocol::MaxServerMessageBytes));
    socket->setMaxAllowedIncomingMessageSize(quint64(Protocol::MaxServerMessageBytes));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    // No trusted roots at all: every certificate fails verification, so sslErrors() always comes
    // and the pin and the agent's proof, not a CA, decide.
    configuration.setCaCertificates({});
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    socket->setSslConfiguration(configuration);
    QObject::connect(socket, &QWebSocket::sslErrors, q, [this, socket](const QList<QSslError> &errors) {
        if (socket == web)
            onSslErrors(errors);
    });
    QObject::connect(socket, &QWebSocket::connected, q, [this, socket] {
        if (socket == web)
            onConnected();
    });
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    const auto errorSignal = &QWebSocket::errorOccurred;
#else
    const auto errorSignal =
        QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error); // 6.4 has no errorOccurred
#endif
    QObject::connect(socket, errorSignal, q, [this, socket](QAbstractSocket::SocketError error) {
        if (socket == web && !channel)
            lost(webError(error, socket->errorString()));
    });
    QObject::connect(socket, &QWebSocket::disconnected, q, [this, socket] {
        if (socket == web && !channel)
            lost(RemoteBackend::tr("the connection closed before the WebSocket handshake finished"));
    });
    socket->open(url);
}

QString RemoteBackend::Private::localError(QLocalSocket::LocalSocketError error) const
{
    switch (error) {
    case QLocalSocket::ServerNotFoundError:
        return RemoteBackend::tr("nothing listens at %1 (is the agent running?)").arg(socketPath);
    case QLocalSocket::ConnectionRefusedError:
        return RemoteBackend::tr("connection refused at %1 (the agent is not running or is overloaded)")
            .arg(socketPath);
    case QLocalSocket::SocketAccessError:
        return RemoteBackend::tr("permission denied on %1 (root, the agent's user or its admin group only)")
            .arg(socketPath);
    case QLocalSocket::SocketTimeoutError:
        return RemoteBackend::tr("timed out connecting to %1").arg(socketPath);
    case QLocalSocket::PeerClosedError:
        return RemoteBackend::tr("the agent closed the connection");
    default:
        return local ? local->errorString() : RemoteBackend::tr("connection failed");
    }
}

QString RemoteBackend::Private::webError(QAbstractSocket::SocketError error, const QString &text) const
{
    switch (error) {
    case QAbstractSocket::ConnectionRefusedError:
        return RemoteBackend::tr("connection refused (is the agent listening on %1?)").arg(url.authority());
    case QAbstractSocket::HostNotFoundError:
        return RemoteBackend::tr("host %1 not found").arg(url.host());
    case QAbstractSocket::SocketTimeoutError:
        return RemoteBackend::tr("timed out connecting to %1").arg(url.authority());
    case QAbstractSocket::SslHandshakeFailedError:
    case QAbstractSocket::SslInternalError:
    case QAbstractSocket::SslInvalidUserDataError:
        return RemoteBackend::tr("TLS failure: %1").arg(text);
    case QAbstractSocket::RemoteHostClosedError:
        return RemoteBackend::tr("the agent closed the connection");
    case QAbstractSocket::NetworkError:
        return RemoteBackend::tr("network error: %1").arg(text);
    default:
        return text;
    }
}

void RemoteBackend::Private::closeTransport()
{
    // Forget the pointers first: signals from a socket being dropped are ignored.
    MessageChannel *oldChannel = channel;
    QLocalSocket *oldLocal = local;
    QWebSocket *oldWeb = web;
    channel = nullptr;
    local = nullptr;
    web = nullptr;
    // What the old channel sent but was not handled yet is no longer this connection's.
    inbox.clear();
    decoding = nullptr;
    if (oldChannel) {
        oldChannel->disconnect(q);
        oldChannel->abort();
        oldChannel->deleteLater(); // owns its socket
        return;
    }
    if (oldLocal) {
        oldLocal->abort();
        oldLocal->deleteLater();
    }
    if (oldWeb) {
        oldWeb->abort();
        oldWeb->deleteLater();
    }
}

void RemoteBackend::Private::onSslErrors(const QList<QSslError> &errors)
{
    QSslCertificate certificate;
    if (const auto *ssl = web->findChild<QSslSocket *>())
        certificate = ssl->peerCertificate();
    if (certificate.isNull())
        certificate = web->sslConfiguration().peerCertificate();
    if (certificate.isNull()) {
        for (const QSslError &error : errors) {
            if (error.error() == QSslError::SelfSignedCertificate && !error.certificate().isNull()) {
                certificate = error.certificate();
                break;
            }
        }
    }
    if (certificate.isNull()) {
        refuse(RemoteBackend::tr("The agent at %1 presented no certificate that could be checked.")
                   .arg(q->target()));
        return;
    }
    const QString fingerprint = TlsIdentity::fingerprintOf(certificate);
    seenFingerprint = fingerprint;
    if (!pinned.isEmpty() && fingerprint != pinned) {
        refuse(RemoteBackend::tr(
                   "The agent's certificate CHANGED - refusing to connect to %1. "
                   "Expected SHA-256 %2 but the server presented %3. If the agent was reinstalled, "
                   "compare the new fingerprint with the one its screen shows and pin it again; "
                   "otherwise someone may be intercepting the connection.")
                   .arg(q->target(), pinned, fingerprint));
        return;
    }
    // With no pin the certificate only carries the handshake: the agent's proof, bound to this
    // fingerprint, decides whether it is believed and pinned.
    certificateChecked = true;
    web->ignoreSslErrors();
}

void RemoteBackend::Private::onConnected()
{
    MessageChannel::Limits limits;
    limits.maxIncoming = Protocol::MaxServerMessageBytes;
    limits.maxUnsent = 1024 * 1024;
    if (!lan) {
        attach(new LocalChannel(local, limits, q));
        channel->send(Protocol::encode(Protocol::hello()));
        return;
    }
    if (!certificateChecked) {
        // Fail closed: a certificate we never looked at is not trusted.
        refuse(RemoteBackend::tr("Could not check the certificate of %1.").arg(q->target()));
        return;
    }
    attach(new WebSocketChannel(web, limits, 0, q));
    // The agent speaks first on the LAN: its challenge.
}

void RemoteBackend::Private::attach(MessageChannel *newChannel)
{
    channel = newChannel;
    QObject::connect(newChannel, &MessageChannel::messageReceived, q,
                     [this, newChannel](const QByteArray &data) {
                         if (newChannel == channel)
                             onMessage(data);
                     });
    QObject::connect(newChannel, &MessageChannel::rejected, q,
                     [this, newChannel](const QString &, const QString &) {
                         if (newChannel == channel)
                             lost(RemoteBackend::tr("the agent sent an oversized or malformed message"));
                     });
    QObject::connect(newChannel, &MessageChannel::disconnected, q, [this, newChannel] {
        if (newChannel != channel)
            return;
        QString reason = RemoteBackend::tr("the agent closed the connection");
        if (web && !web->closeReason().isEmpty())
            reason = RemoteBackend::tr("the agent closed the connection: %1").arg(web->closeReason());
        else if (web && web->closeCode() == QWebSocketProtocol::CloseCodeTooMuchData)
            reason = RemoteBackend::tr("the agent sent a message larger than %1 bytes")
                         .arg(Protocol::MaxServerMessageBytes);
        lost(reason);
    });
}

void RemoteBackend::Private::onChallenge(const QJsonObject &message)
{
    const int protocol = message.value(QLatin1String("protocol")).toInt(-1);
    if (protocol != Protocol::Version) {
        refuse(RemoteBackend::tr(
                   "The agent at %1 speaks protocol %2; this program speaks %3. Update the older one.")
                   .arg(q->target())
                   .arg(protocol)
                   .arg(Protocol::Version));
        return;
    }
    serverNonce = message.value(QLatin1String("nonce")).toString();
    if (!Protocol::isValidNonce(serverNonce)) {
        refuse(RemoteBackend::tr(
                   "The server at %1 sent an invalid challenge; it is not an archy-recovery agent.")
                   .arg(q->target()));
        return;
    }
    challenged = true;
    clientNonce = Protocol::makeNonce();
    channel->send(Protocol::encode(Protocol::hello(
        clientNonce, Protocol::clientProof(token, serverNonce, clientNonce, seenFingerprint))));
}

bool RemoteBackend::Private::onWelcome(const QJsonObject &message)
{
    const int protocol = message.value(QLatin1String("protocol")).toInt(-1);
    if (protocol != Protocol::Version) {
        refuse(RemoteBackend::tr(
                   "The agent at %1 speaks protocol %2; this program speaks %3. Update the older one.")
                   .arg(q->target())
                   .arg(protocol)
                   .arg(Protocol::Version));
        return false;
    }
    if (lan) {
        const QString proof = message.value(QLatin1String("proof")).toString();
        if (!challenged ||
            !Protocol::proofsEqual(proof,
                                   Protocol::serverProof(token, serverNonce, clientNonce, seenFingerprint))) {
            refuse(RemoteBackend::tr(
                       "The server at %1 could not prove it holds the agent's token: it is not the agent, "
                       "or someone is intercepting the connection. Nothing was sent to it but a proof "
                       "it cannot reuse.")
                       .arg(q->target()));
            return false;
        }
        if (pinned.isEmpty()) {
            qCInfo(lcRemote).noquote()
                << "first connection to" << q->target() << "- pinning certificate" << seenFingerprint;
            pinned = seenFingerprint;
            emit q->fingerprintSeen(seenFingerprint);
        }
    }
    welcomed = true;
    serverVersion = message.value(QLatin1String("version")).toString().left(64);
    return true;
}

void RemoteBackend::Private::onMessage(const QByteArray &data)
{
    inbox.push_back(data);
    drainInbox();
}

void RemoteBackend::Private::drainInbox()
{
    while (!decoding && !inbox.empty()) {
        const QByteArray data = std::move(inbox.front());
        inbox.pop_front();
        if (data.size() < OffThreadDecodeBytes) {
            const DecodedMessage decoded = decodeServerMessage(data);
            if (!decoded.ok) {
                lost(decoded.error);
                return;
            }
            dispatch(decoded.message);
            continue;
        }
        // A long history or fleet takes tens of milliseconds to parse: not on the GUI thread,
        // where a screen would stutter. The messages behind it wait, so the order holds.
        auto *watcher = new QFutureWatcher<DecodedMessage>(q);
        decoding = watcher;
        QObject::connect(watcher, &QFutureWatcherBase::finished, q, [this, watcher] {
            watcher->deleteLater();
            if (decoding != watcher)
                return; // the connection it came from was closed meanwhile
            decoding = nullptr;
            const DecodedMessage decoded = watcher->result();
            if (!decoded.ok) {
                lost(decoded.error);
                return;
            }
            dispatch(decoded.message);
            drainInbox();
        });
        watcher->setFuture(QtConcurrent::run(decodeServerMessage, data));
    }
}

void RemoteBackend::Private::dispatch(const QJsonObject &message)
{
    const QString type = Protocol::typeOf(message);
    if (type == Protocol::Type::error() && Protocol::idOf(message).isEmpty()) {
        const QString code = message.value(QLatin1String("code")).toString();
        const QString text = message.value(QLatin1String("message")).toString().left(1024);
        if (code == Protocol::Error::unauthorized()) {
            refuse(lan ? RemoteBackend::tr("The agent at %1 refused us (wrong token?): %2")
                             .arg(q->target(), text)
                       : RemoteBackend::tr("The agent at %1 refused this user: %2").arg(q->target(), text));
        } else if (code == Protocol::Error::unsupportedVersion()) {
            refuse(RemoteBackend::tr("The agent at %1 does not speak protocol %2: %3")
                       .arg(q->target())
                       .arg(Protocol::Version)
                       .arg(text));
        } else {
            emit q->errorOccurred(
                RemoteBackend::tr("The agent reported an error (%1): %2").arg(code.left(64), text));
        }
        return;
    }
    if (lan && !challenged) {
        if (type == Protocol::Type::challenge())
            onChallenge(message);
        else
            refuse(RemoteBackend::tr(
                       "The server at %1 did not start the protocol 2 handshake; it is not a current "
                       "archy-recovery agent.")
                       .arg(q->target()));
        return;
    }
    if (!welcomed) {
        if (type == Protocol::Type::welcome())
            onWelcome(message);
        else
            refuse(RemoteBackend::tr("The server at %1 sent \"%2\" before its welcome; not believing it.")
                       .arg(q->target(), type.left(64)));
        return;
    }
    if (type == Protocol::Type::state()) {
        report = Protocol::reportFromWire(message.value(QLatin1String("report")).toObject());
        applyFleet(message, false);
        applyNode(message);
        const bool wasBusy = busy;
        busy = message.value(QLatin1String("busy")).toBool();
        const bool first = !hasState;
        hasState = true;
        if (first) {
            handshakeTimer->stop();
            backoffMs = backoffInitialMs;
            connection = Connection::Connected;
            detail = serverVersion.isEmpty()
                         ? RemoteBackend::tr("Connected to %1").arg(q->target())
                         : RemoteBackend::tr("Connected to %1 (agent %2)").arg(q->target(), serverVersion);
        }
        emit q->reportReset(report);
        emit q->fleetChanged(q->fleet());
        if (busy != wasBusy)
            emit q->busyChanged(busy);
        if (first)
            emit q->connectionChanged(connection, detail);
    } else if (!hasState) {
        // Events before the first state would be applied to a stale report; the state follows.
        return;
    } else if (type == Protocol::Type::result() || type == Protocol::Type::error()) {
        const QString id = Protocol::idOf(message);
        if (!pending.contains(id))
            return;
        pending.remove(id);
        if (pendingLogs.contains(id)) {
            // A screen waits for these: it gets logsLoaded, whatever came.
            if (type == Protocol::Type::error()) {
                const QString code = message.value(QLatin1String("code")).toString().left(64);
                const QString text = message.value(QLatin1String("message")).toString().left(1024);
                failLogs(id, text);
                emit q->commandAnswered(id, false, code, text);
            } else if (QString error; answerLogs(id, message, &error)) {
                emit q->commandAnswered(id, true, QString(), QString());
            } else {
                emit q->commandAnswered(id, false, Protocol::Error::malformed(), error);
            }
            return;
        }
        if (type == Protocol::Type::result()) {
            emit q->commandAnswered(id, true, QString(), QString());
        } else {
            const QString code = message.value(QLatin1String("code")).toString().left(64);
            const QString text = message.value(QLatin1String("message")).toString().left(1024);
            emit q->commandAnswered(id, false, code, text);
            emit q->errorOccurred(text);
        }
    } else if (type == Protocol::Type::fleet()) {
        applyFleet(message, true);
    } else if (type == Protocol::Type::node()) {
        applyNode(message);
    } else if (type == Protocol::Type::container()) {
        const ContainerStatus status =
            ContainerStatus::fromJson(message.value(QLatin1String("status")).toObject());
        applyContainer(status);
        emit q->containerChanged(status);
    } else if (type == Protocol::Type::report()) {
        report = Protocol::reportFromWire(message.value(QLatin1String("report")).toObject());
        emit q->reportFinished(report);
    } else if (type == Protocol::Type::busy()) {
        const bool now = message.value(QLatin1String("busy")).toBool();
        if (now != busy) {
            busy = now;
            emit q->busyChanged(busy);
        }
    } else if (type == Protocol::Type::acknowledged()) {
        report.acknowledged = true;
        emit q->crashAcknowledged();
    } else if (type == Protocol::Type::crashLoop()) {
        const QString name = message.value(QLatin1String("name")).toString();
        for (ContainerStatus &status : report.containers) {
            if (status.name == name)
                status.crashLoop = true;
        }
        emit q->crashLoopDetected(name);
    } else if (type == Protocol::Type::history()) {
        const QString id = Protocol::idOf(message);
        if (!id.isEmpty()) {
            if (!pending.contains(id))
                return;
            pending.remove(id);
        }
        QList<RecoveryReport> reports;
        const QJsonArray array = message.value(QLatin1String("reports")).toArray();
        const qsizetype count = qMin<qsizetype>(array.size(), Protocol::MaxHistoryReports);
        reports.reserve(count);
        for (qsizetype i = 0; i < count; ++i)
            reports.append(Protocol::reportFromWire(array.at(i).toObject()));
        emit q->historyLoaded(reports);
        if (!id.isEmpty())
            emit q->commandAnswered(id, true, QString(), QString());
    } else if (type == Protocol::Type::notice()) {
        emit q->errorOccurred(message.value(QLatin1String("message")).toString().left(4096));
    }
    // Unknown server messages are ignored: a newer agent may add some.
}

void RemoteBackend::Private::applyContainer(const ContainerStatus &status)
{
    for (ContainerStatus &existing : report.containers) {
        if (existing.name == status.name) {
            existing = status;
            return;
        }
    }
    if (report.containers.size() < Protocol::MaxContainers)
        report.containers.append(status);
}

void RemoteBackend::Private::applyFleet(const QJsonObject &message, bool announce)
{
    const QJsonValue value = message.value(QLatin1String("fleet"));
    if (value.isUndefined() && !announce) {
        hasFleet = false; // an agent that does not send one: the report's containers stand in
        return;
    }
    Fleet read;
    QString error;
    if (!Protocol::fleetFromWire(value, &read, &error)) {
        // The fleet shown stays as it was; a later push replaces it.
        qCWarning(lcRemote).noquote() << q->target() << error;
        emit q->errorOccurred(error);
        return;
    }
    fleet = read;
    hasFleet = true;
    if (announce)
        emit q->fleetChanged(fleet);
}

void RemoteBackend::Private::applyNode(const QJsonObject &message)
{
    const QJsonValue value = message.value(QLatin1String("node"));
    if (value.isUndefined())
        return;
    NodeIdentity read;
    QString error;
    if (!Protocol::nodeFromWire(value, &read, &error)) {
        qCWarning(lcRemote).noquote() << q->target() << error;
        return;
    }
    if (read == node)
        return;
    node = read;
    emit q->nodeIdentityChanged(node);
}

bool RemoteBackend::Private::answerLogs(const QString &id, const QJsonObject &message, QString *error)
{
    ContainerLogs logs;
    if (!Protocol::logsFromWire(message.value(QLatin1String("logs")), &logs, error)) {
        qCWarning(lcRemote).noquote() << q->target() << *error;
        failLogs(id, *error);
        return false;
    }
    const LogsRequest request = pendingLogs.take(id);
    // The answer is for the container asked about, whatever name it carries.
    logs.name = request.name;
    logs.requested = request.lines;
    if (logs.lines.size() > request.lines)
        logs.lines = logs.lines.mid(logs.lines.size() - request.lines);
    emit q->logsLoaded(logs);
    return true;
}

void RemoteBackend::Private::failLogs(const QString &id, const QString &error)
{
    if (!pendingLogs.contains(id))
        return;
    const LogsRequest request = pendingLogs.take(id);
    ContainerLogs logs;
    logs.name = request.name;
    logs.requested = request.lines;
    logs.error = error;
    emit q->logsLoaded(logs);
}

void RemoteBackend::Private::failAllLogs(const QString &error)
{
    const QStringList ids = pendingLogs.keys();
    for (const QString &id : ids)
        failLogs(id, error);
}

QString RemoteBackend::Private::command(QJsonObject message)
{
    lastCommandId.clear();
    const QString type = Protocol::typeOf(message);
    if (stopping || !hasState || !channel) {
        emit q->errorOccurred(
            RemoteBackend::tr("Not connected to the agent; \"%1\" was not sent.").arg(type));
        return {};
    }
    const QString id = QStringLiteral("c%1").arg(++nextCommand);
    message.insert(QStringLiteral("id"), id);
    if (!channel->send(Protocol::encode(message)))
        return {};
    pending.insert(id, type);
    lastCommandId = id;
    return id;
}

void RemoteBackend::Private::lost(const QString &reason)
{
    if (stopping || connection == Connection::Refused)
        return;
    closeTransport();
    handshakeTimer->stop();
    hasState = false;
    failAllLogs(RemoteBackend::tr("The connection to the agent was lost before it answered."));
    const int delay = backoffMs;
    backoffMs = qMin(backoffMs * 2, backoffMaxMs);
    qCInfo(lcRemote).noquote() << "connection to" << q->target() << "lost:" << reason;
    lastReason = reason;
    setConnection(Connection::Reconnecting,
                  RemoteBackend::tr("No connection to %1 (%2); trying again in %3 s.")
                      .arg(q->target(), reason)
                      .arg(delay / 1000.0, 0, 'f', 1));
    reconnectTimer->start(delay);
}

void RemoteBackend::Private::refuse(const QString &why)
{
    qCWarning(lcRemote).noquote() << why;
    reconnectTimer->stop();
    handshakeTimer->stop();
    hasState = false;
    // Set before closing: the disconnect that follows must not schedule a reconnect.
    connection = Connection::Refused;
    closeTransport();
    failAllLogs(why);
    lastReason = why;
    detail = why;
    emit q->connectionChanged(connection, detail);
}

void RemoteBackend::Private::setConnection(Connection newConnection, const QString &newDetail)
{
    if (connection == newConnection && detail == newDetail)
        return;
    connection = newConnection;
    detail = newDetail;
    emit q->connectionChanged(connection, detail);
}

} // namespace archy
