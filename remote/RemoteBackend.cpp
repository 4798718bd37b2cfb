#include "RemoteBackend.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocalSocket>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslError>
#include <QSslSocket>
#include <QTimer>
#include <QWebSocket>

#include <memory>

#include "Async.h"
#include "RemoteLogging.h"
#include "TlsIdentity.h"
#include "protocol/Protocol.h"

namespace archy {

namespace {

/// Messages at least this big (a long history, the state of a large fleet) are parsed on the thread
/// pool: the GUI thread of a screen must not stall for them.
constexpr qsizetype AsyncDecodeBytes = 64 * 1024;

/// One server message, parsed: pure, so it runs on any thread.
struct Decoded
{
    bool ok = false;
    QString error;
    QJsonObject message;
    bool isHistory = false;
    QList<RecoveryReport> history; ///< parsed here too: it is the large part
};

Decoded decodeMessage(const QByteArray &data)
{
    Decoded decoded;
    decoded.ok = Protocol::decode(data, &decoded.message, &decoded.error);
    if (decoded.ok && Protocol::typeOf(decoded.message) == Protocol::Type::history()) {
        decoded.isHistory = true;
        const QJsonArray array = decoded.message.value(QLatin1String("reports")).toArray();
        decoded.history.reserve(array.size());
        for (const QJsonValue &value : array)
            decoded.history.append(RecoveryReport::fromJson(value.toObject()));
        decoded.message.remove(QLatin1String("reports"));
    }
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
        QObject::connect(handshakeTimer, &QTimer::timeout, q, [this] { lost(RemoteBackend::tr("the agent did not answer")); });
    }

    void open();
    void closeTransport();
    void onConnected();
    void onLocalData();
    void enqueue(const QByteArray &data);
    void pump();
    void onMessage(const Decoded &decoded);
    void onSslErrors(const QList<QSslError> &errors);
    void lost(const QString &reason);
    void refuse(const QString &detail);
    void setConnection(Connection connection, const QString &detail);
    bool send(const QJsonObject &message);
    void applyContainer(const ContainerStatus &status);

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
    QByteArray buffer;
    qsizetype scanned = 0;           ///< bytes of buffer known to hold no newline
    QList<QByteArray> pending;       ///< received messages not yet handled, in order
    bool decoding = false;           ///< the first pending message is being parsed on the pool
    quint64 transportGeneration = 0; ///< a parse finishing for a closed connection is dropped
    bool certificateChecked = false;
    bool hasState = false;
    bool started = false;
    bool stopping = false;

    RecoveryReport report;
    bool busy = false;
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

RemoteBackend *RemoteBackend::lan(const QUrl &wssUrl, const QByteArray &token, const QString &pinnedFingerprint,
                                  QObject *parent)
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
    QTimer::singleShot(2000, this, [this, local, web] {
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
    d->send(Protocol::retry(name));
}

void RemoteBackend::retryAllFailed()
{
    d->send(Protocol::command(Protocol::Type::retryAllFailed()));
}

void RemoteBackend::acknowledgeCrash()
{
    d->send(Protocol::command(Protocol::Type::acknowledge()));
}

void RemoteBackend::requestHistory()
{
    d->send(Protocol::command(Protocol::Type::requestHistory()));
}

void RemoteBackend::snapshotNow()
{
    d->send(Protocol::command(Protocol::Type::snapshotNow()));
}

void RemoteBackend::Private::open()
{
    closeTransport();
    if (stopping || connection == Connection::Refused)
        return;
    buffer.clear();
    hasState = false;
    certificateChecked = false;
    handshakeTimer->start(handshakeMs);
    if (!lan) {
        auto *socket = new QLocalSocket(q);
        local = socket;
        QObject::connect(socket, &QLocalSocket::connected, q, [this, socket] {
            if (socket == local)
                onConnected();
        });
        QObject::connect(socket, &QLocalSocket::readyRead, q, [this, socket] {
            if (socket == local)
                onLocalData();
        });
        QObject::connect(socket, &QLocalSocket::disconnected, q, [this, socket] {
            if (socket == local)
                lost(RemoteBackend::tr("the agent closed the connection"));
        });
        QObject::connect(socket, &QLocalSocket::errorOccurred, q, [this, socket](QLocalSocket::LocalSocketError) {
            // Errors while connecting (no such socket, refused) come before any state change.
            if (socket == local && socket->state() != QLocalSocket::ConnectedState)
                lost(socket->errorString());
        });
        socket->connectToServer(socketPath);
        return;
    }

    auto *socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, q);
    web = socket;
    socket->setMaxAllowedIncomingMessageSize(quint64(Protocol::MaxServerMessageBytes));
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    // No trusted roots at all: every certificate fails verification, so sslErrors() always comes
    // and the pin, not a CA, decides.
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
    QObject::connect(socket, &QWebSocket::textMessageReceived, q, [this, socket](const QString &text) {
        if (socket == web)
            enqueue(text.toUtf8());
    });
    QObject::connect(socket, &QWebSocket::disconnected, q, [this, socket] {
        if (socket == web)
            lost(socket->closeReason().isEmpty() ? RemoteBackend::tr("the agent closed the connection") : socket->closeReason());
    });
    QObject::connect(socket, QOverload<QAbstractSocket::SocketError>::of(&QWebSocket::error), q, [this, socket](QAbstractSocket::SocketError) {
        if (socket == web && socket->state() == QAbstractSocket::UnconnectedState)
            lost(socket->errorString());
    });
    socket->open(url);
}

void RemoteBackend::Private::closeTransport()
{
    // Forget the pointers first: signals from a socket being dropped are ignored.
    QLocalSocket *oldLocal = local;
    QWebSocket *oldWeb = web;
    local = nullptr;
    web = nullptr;
    ++transportGeneration;
    pending.clear();
    decoding = false;
    buffer.clear();
    scanned = 0;
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
        refuse(RemoteBackend::tr("The agent at %1 presented no certificate that could be checked.").arg(q->target()));
        return;
    }
    const QString fingerprint = TlsIdentity::fingerprintOf(certificate);
    seenFingerprint = fingerprint;
    if (pinned.isEmpty()) {
        qCInfo(lcRemote).noquote() << "first connection to" << q->target() << "- pinning certificate" << fingerprint;
        pinned = fingerprint;
        certificateChecked = true;
        web->ignoreSslErrors();
        emit q->fingerprintSeen(fingerprint);
        return;
    }
    if (fingerprint != pinned) {
        refuse(RemoteBackend::tr("The agent's certificate CHANGED - refusing to connect to %1. "
                  "Expected SHA-256 %2 but the server presented %3. If the agent was reinstalled, "
                  "compare the new fingerprint with the one its screen shows and pin it again; "
                  "otherwise someone may be intercepting the connection.")
                   .arg(q->target(), pinned, fingerprint));
        return;
    }
    certificateChecked = true;
    web->ignoreSslErrors();
}

void RemoteBackend::Private::onConnected()
{
    if (lan && !certificateChecked) {
        // Fail closed: a certificate we never looked at is not trusted.
        refuse(RemoteBackend::tr("Could not check the certificate of %1.").arg(q->target()));
        return;
    }
    send(Protocol::hello(lan ? QString::fromLatin1(token) : QString()));
}

void RemoteBackend::Private::onLocalData()
{
    QLocalSocket *socket = local;
    const quint64 generation = transportGeneration;
    while (socket == local && socket->bytesAvailable() > 0) {
        buffer += socket->readAll();
        // A big message arrives in many reads: scan each byte for the newline once, not per read.
        qsizetype start = 0;
        for (;;) {
            const qsizetype newline = buffer.indexOf('\n', qMax(start, scanned));
            if (newline < 0)
                break;
            const QByteArray line = buffer.mid(start, newline - start);
            start = newline + 1;
            scanned = start;
            if (!line.trimmed().isEmpty())
                enqueue(line);
            if (generation != transportGeneration)
                return;
        }
        buffer.remove(0, start);
        scanned = buffer.size();
        if (buffer.size() > Protocol::MaxServerMessageBytes) {
            lost(RemoteBackend::tr("the agent sent an oversized message"));
            return;
        }
    }
}

void RemoteBackend::Private::enqueue(const QByteArray &data)
{
    pending.append(data);
    pump();
}

void RemoteBackend::Private::pump()
{
    const quint64 generation = transportGeneration;
    while (!decoding && !pending.isEmpty() && generation == transportGeneration) {
        const QByteArray data = pending.takeFirst();
        if (data.size() < AsyncDecodeBytes) {
            onMessage(decodeMessage(data));
            continue;
        }
        // Later messages wait for this one: they must be applied in order.
        decoding = true;
        runAsync(
            q, [data] { return decodeMessage(data); },
            [this, generation](const Decoded &decoded) {
                if (generation != transportGeneration)
                    return; // the connection it came on is gone
                decoding = false;
                onMessage(decoded);
                pump();
            });
    }
}

void RemoteBackend::Private::onMessage(const Decoded &decoded)
{
    if (!decoded.ok) {
        lost(decoded.error);
        return;
    }
    const QJsonObject &message = decoded.message;
    const QString type = Protocol::typeOf(message);
    if (type == Protocol::Type::welcome()) {
        const int protocol = message.value(QLatin1String("protocol")).toInt(-1);
        if (protocol != Protocol::Version) {
            refuse(RemoteBackend::tr("The agent at %1 speaks protocol %2; this program speaks %3. Update the older one.")
                       .arg(q->target())
                       .arg(protocol)
                       .arg(Protocol::Version));
            return;
        }
        serverVersion = message.value(QLatin1String("version")).toString();
    } else if (type == Protocol::Type::state()) {
        report = RecoveryReport::fromJson(message.value(QLatin1String("report")).toObject());
        const bool wasBusy = busy;
        busy = message.value(QLatin1String("busy")).toBool();
        const bool first = !hasState;
        hasState = true;
        if (first) {
            handshakeTimer->stop();
            backoffMs = backoffInitialMs;
            connection = Connection::Connected;
            detail = serverVersion.isEmpty() ? RemoteBackend::tr("Connected to %1").arg(q->target())
                                             : RemoteBackend::tr("Connected to %1 (agent %2)").arg(q->target(), serverVersion);
        }
        emit q->reportReset(report);
        if (busy != wasBusy)
            emit q->busyChanged(busy);
        if (first)
            emit q->connectionChanged(connection, detail);
    } else if (!hasState && type != Protocol::Type::error()) {
        // Events before the first state would be applied to a stale report; the state follows.
        return;
    } else if (type == Protocol::Type::container()) {
        const ContainerStatus status = ContainerStatus::fromJson(message.value(QLatin1String("status")).toObject());
        applyContainer(status);
        emit q->containerChanged(status);
    } else if (type == Protocol::Type::report()) {
        report = RecoveryReport::fromJson(message.value(QLatin1String("report")).toObject());
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
    } else if (decoded.isHistory) {
        emit q->historyLoaded(decoded.history);
    } else if (type == Protocol::Type::notice()) {
        emit q->errorOccurred(message.value(QLatin1String("message")).toString());
    } else if (type == Protocol::Type::error()) {
        const QString code = message.value(QLatin1String("code")).toString();
        const QString text = message.value(QLatin1String("message")).toString();
        if (code == Protocol::Error::unauthorized()) {
            refuse(lan ? RemoteBackend::tr("The agent at %1 refused the token: %2").arg(q->target(), text)
                       : RemoteBackend::tr("The agent at %1 refused this user: %2").arg(q->target(), text));
        } else if (code == Protocol::Error::unsupportedVersion()) {
            refuse(RemoteBackend::tr("The agent at %1 does not speak protocol %2: %3").arg(q->target()).arg(Protocol::Version).arg(text));
        } else {
            emit q->errorOccurred(RemoteBackend::tr("The agent reported an error (%1): %2").arg(code, text));
        }
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
    report.containers.append(status);
}

bool RemoteBackend::Private::send(const QJsonObject &message)
{
    const bool handshake = Protocol::typeOf(message) == Protocol::Type::hello();
    if (stopping || (!handshake && !hasState)) {
        emit q->errorOccurred(RemoteBackend::tr("Not connected to the agent; \"%1\" was not sent.").arg(Protocol::typeOf(message)));
        return false;
    }
    const QByteArray data = Protocol::encode(message);
    if (local) {
        local->write(data + '\n');
        return true;
    }
    if (web) {
        web->sendTextMessage(QString::fromUtf8(data));
        return true;
    }
    return false;
}

void RemoteBackend::Private::lost(const QString &reason)
{
    if (stopping || connection == Connection::Refused)
        return;
    closeTransport();
    handshakeTimer->stop();
    hasState = false;
    const int delay = backoffMs;
    backoffMs = qMin(backoffMs * 2, backoffMaxMs);
    qCInfo(lcRemote).noquote() << "connection to" << q->target() << "lost:" << reason;
    lastReason = reason;
    setConnection(Connection::Reconnecting, RemoteBackend::tr("No connection to %1 (%2); trying again in %3 s.")
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
