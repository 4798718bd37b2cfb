#include "LanEndpoint.h"

#include <QCoreApplication>
#include <QHostAddress>
#include <QJsonObject>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTcpServer>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <cerrno>
#include <cstring>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "MessageChannel.h"
#include "RemoteLogging.h"

namespace archy {

namespace {

void raisePeak(std::atomic<int> &peak, int value)
{
    int seen = peak.load();
    while (value > seen && !peak.compare_exchange_weak(seen, value)) {
    }
}

QString addressText(const QHostAddress &address)
{
    bool mapped = false;
    const quint32 v4 = address.toIPv4Address(&mapped);
    return mapped ? QHostAddress(v4).toString() : address.toString();
}

} // namespace

LanStats LanCounters::snapshot() const
{
    LanStats stats;
    stats.connections = connections.load();
    stats.handshakes = handshakes.load();
    stats.awaitingUpgrade = awaitingUpgrade.load();
    stats.peakConnections = peakConnections.load();
    stats.peakHandshakes = peakHandshakes.load();
    stats.peakAwaitingUpgrade = peakAwaitingUpgrade.load();
    stats.turnedAway = turnedAway.load();
    return stats;
}

/// One LAN connection through its stages; the context of everything connected to its sockets.
class LanConnection final : public QObject
{
public:
    explicit LanConnection(QObject *parent)
        : QObject(parent), deadline(new QTimer(this)), stageTimer(new QTimer(this))
    {
        deadline->setSingleShot(true);
        stageTimer->setSingleShot(true);
    }

    quint64 id = 0;
    QString address;
    QString key; ///< address:port
    LanEndpoint *endpoint = nullptr;
    int stage = 0; ///< LanEndpoint::Stage
    QPointer<QSslSocket> ssl;
    WebSocketChannel *channel = nullptr;
    QTimer *deadline;
    QTimer *stageTimer;
    QString serverNonce;
    bool held = false;
    std::shared_ptr<LanOutbox> outbox;
};

/// Hands every accepted descriptor to the endpoint at once: nothing waits in Qt's pending queue.
class LanTcpServer final : public QTcpServer
{
public:
    LanTcpServer(LanEndpoint *endpoint) : QTcpServer(endpoint), m_endpoint(endpoint) {}

protected:
    void incomingConnection(qintptr fd) override { m_endpoint->accept(fd); }

private:
    LanEndpoint *m_endpoint;
};

LanEndpoint::LanEndpoint(const LanLimits &limits, std::shared_ptr<LanCounters> counters, Callbacks callbacks)
    : m_limits(limits), m_counters(std::move(counters)), m_callbacks(std::move(callbacks)),
      m_throttle(limits.penaltyInitialMs, limits.penaltyMaxMs)
{
}

LanEndpoint::~LanEndpoint()
{
    const QList<LanConnection *> connections = m_connections.values();
    m_connections.clear();
    for (LanConnection *connection : connections) {
        if (connection->channel)
            connection->channel->disconnect(this);
        if (connection->ssl)
            connection->ssl->disconnect(this);
        delete connection;
    }
}

qintptr LanEndpoint::bindListening(const QString &address, quint16 port, quint16 *boundPort, QString *error)
{
    const QHostAddress host(address);
    sockaddr_storage storage{};
    socklen_t length = 0;
    int family = AF_INET;
    if (host.protocol() == QAbstractSocket::IPv6Protocol) {
        family = AF_INET6;
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(&storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = host.toIPv6Address();
        std::memcpy(&in6->sin6_addr, bytes.c, 16);
        length = sizeof(sockaddr_in6);
    } else if (host.protocol() == QAbstractSocket::IPv4Protocol) {
        auto *in4 = reinterpret_cast<sockaddr_in *>(&storage);
        in4->sin_family = AF_INET;
        in4->sin_port = htons(port);
        in4->sin_addr.s_addr = htonl(host.toIPv4Address());
        length = sizeof(sockaddr_in);
    } else {
        *error = tr("%1 is not an IP address.").arg(address);
        return -1;
    }
    const int fd = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        return -1;
    }
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof(one));
    if (::bind(fd, reinterpret_cast<sockaddr *>(&storage), length) != 0 || ::listen(fd, 128) != 0) {
        *error = QString::fromLocal8Bit(std::strerror(errno));
        ::close(fd);
        return -1;
    }
    sockaddr_storage bound{};
    socklen_t boundLength = sizeof(bound);
    ::getsockname(fd, reinterpret_cast<sockaddr *>(&bound), &boundLength);
    *boundPort = family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6 *>(&bound)->sin6_port)
                                    : ntohs(reinterpret_cast<sockaddr_in *>(&bound)->sin_port);
    return fd;
}

void LanEndpoint::start(qintptr fd, const TlsIdentity &identity, const QByteArray &token)
{
    m_identity = identity;
    m_fingerprint = identity.fingerprint();
    m_token = token.trimmed().toLower();
    m_server = new LanTcpServer(this);
    m_server->setMaxPendingConnections(1);
    if (!m_server->setSocketDescriptor(fd)) {
        qCCritical(lcRemote).noquote() << "LAN endpoint cannot use its socket:" << m_server->errorString();
        ::close(int(fd));
        return;
    }
    // Parses only complete upgrade requests (checkUpgrade waits for the end of the header), so a
    // peer dribbling its header costs one bounded peek per TLS record.
    m_upgrader =
        new QWebSocketServer(QStringLiteral("archy-recovery"), QWebSocketServer::NonSecureMode, this);
    m_upgrader->setHandshakeTimeout(m_limits.upgradeTimeoutMs);
    connect(m_upgrader, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *socket = m_upgrader->nextPendingConnection())
            onUpgraded(socket);
    });
}

void LanEndpoint::accept(qintptr fd)
{
    auto *ssl = new QSslSocket(this);
    if (!ssl->setSocketDescriptor(fd)) {
        ::close(int(fd));
        delete ssl;
        return;
    }
    const QString address = addressText(ssl->peerAddress());
    const int handshakes = m_counters->handshakes.load();
    if (m_connections.size() >= m_limits.maxConnections || handshakes >= m_limits.maxHandshakes ||
        m_perAddress.value(address) >= m_limits.maxPerAddress) {
        m_counters->turnedAway.fetch_add(1);
        qCDebug(lcRemote).noquote() << "LAN: turning away" << address << "(" << m_connections.size()
                                    << "connections," << handshakes << "in their handshake)";
        ssl->abort();
        ssl->deleteLater();
        return;
    }
    auto *connection = new LanConnection(this);
    connection->id = m_nextId++;
    connection->endpoint = this;
    connection->address = address;
    connection->key = QStringLiteral("%1:%2").arg(addressText(ssl->peerAddress())).arg(ssl->peerPort());
    connection->ssl = ssl;
    ssl->setParent(connection);
    m_connections.insert(connection->id, connection);
    m_perAddress[address] += 1;
    m_counters->connections.store(int(m_connections.size()));
    raisePeak(m_counters->peakConnections, int(m_connections.size()));
    connection->stage = int(Stage::Tls);
    m_counters->handshakes.fetch_add(1);
    raisePeak(m_counters->peakHandshakes, m_counters->handshakes.load());

    connect(connection->deadline, &QTimer::timeout, connection, [this, connection] {
        qCDebug(lcRemote).noquote() << "LAN:" << connection->key << "did not complete its handshake in time";
        drop(connection);
    });
    connect(connection->stageTimer, &QTimer::timeout, connection, [this, connection] { drop(connection); });
    connection->deadline->start(m_limits.handshakeTimeoutMs);
    connection->stageTimer->start(m_limits.tlsTimeoutMs);

    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(m_identity.certificate());
    configuration.setPrivateKey(m_identity.privateKey());
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    ssl->setSslConfiguration(configuration);
    connect(ssl, &QSslSocket::encrypted, connection, [this, connection] { onEncrypted(connection); });
    connect(ssl, &QSslSocket::disconnected, connection, [this, connection] { drop(connection); });
    connect(ssl, &QSslSocket::errorOccurred, connection, [this, connection](QAbstractSocket::SocketError) {
        if (connection->ssl && connection->ssl->state() == QAbstractSocket::UnconnectedState)
            drop(connection);
    });
    ssl->startServerEncryption();
}

void LanEndpoint::setStage(LanConnection *connection, Stage stage)
{
    const Stage old = Stage(connection->stage);
    if (old == stage)
        return;
    const bool wasHandshake = old != Stage::Open && old != Stage::Gone;
    const bool isHandshake = stage != Stage::Open && stage != Stage::Gone;
    if (wasHandshake && !isHandshake)
        m_counters->handshakes.fetch_sub(1);
    if (old == Stage::Upgrade)
        m_counters->awaitingUpgrade.fetch_sub(1);
    if (stage == Stage::Upgrade) {
        m_counters->awaitingUpgrade.fetch_add(1);
        raisePeak(m_counters->peakAwaitingUpgrade, m_counters->awaitingUpgrade.load());
    }
    connection->stage = int(stage);
}

void LanEndpoint::onEncrypted(LanConnection *connection)
{
    if (m_counters->awaitingUpgrade.load() >= m_limits.maxAwaitingUpgrade) {
        m_counters->turnedAway.fetch_add(1);
        drop(connection);
        return;
    }
    setStage(connection, Stage::Upgrade);
    connection->stageTimer->start(m_limits.upgradeTimeoutMs);
    connect(connection->ssl, &QSslSocket::readyRead, connection,
            [this, connection] { checkUpgrade(connection); });
    checkUpgrade(connection);
}

void LanEndpoint::checkUpgrade(LanConnection *connection)
{
    QSslSocket *ssl = connection->ssl;
    if (!ssl || Stage(connection->stage) != Stage::Upgrade)
        return;
    const QByteArray head = ssl->peek(m_limits.maxUpgradeBytes + 1);
    if (!head.contains("\r\n\r\n")) {
        if (head.size() > m_limits.maxUpgradeBytes) {
            qCDebug(lcRemote).noquote() << "LAN:" << connection->key << "sent an oversized upgrade request";
            drop(connection);
        }
        return;
    }
    disconnect(ssl, &QSslSocket::readyRead, connection, nullptr);
    setStage(connection, Stage::WebSocketHandshake);
    m_upgrading.insert(connection->key, connection);
    m_upgrader->handleConnection(ssl);
}

void LanEndpoint::onUpgraded(QWebSocket *socket)
{
    const QString key =
        QStringLiteral("%1:%2").arg(addressText(socket->peerAddress())).arg(socket->peerPort());
    LanConnection *connection = m_upgrading.take(key);
    if (!connection || Stage(connection->stage) != Stage::WebSocketHandshake) {
        socket->abort();
        socket->deleteLater();
        return;
    }
    connection->stageTimer->stop();
    setStage(connection, Stage::Hello);
    MessageChannel::Limits limits;
    limits.maxIncoming = Protocol::MaxClientMessageBytes;
    limits.maxUnsent = m_limits.maxUnsent;
    connection->channel =
        new WebSocketChannel(socket, limits, 4 * qint64(Protocol::MaxClientMessageBytes), connection);
    connect(connection->channel, &MessageChannel::messageReceived, connection,
            [this, connection](const QByteArray &data) { onMessage(connection, data); });
    connect(
        connection->channel, &MessageChannel::rejected, connection,
        [this, connection](const QString &code, const QString &detail) { refuse(connection, code, detail); });
    connect(connection->channel, &MessageChannel::disconnected, connection,
            [this, connection] { drop(connection); });
    connect(socket, &QWebSocket::bytesWritten, connection, [connection] {
        if (connection->outbox && connection->channel)
            connection->outbox->backlog.store(connection->channel->unsentBytes());
    });
    connection->serverNonce = Protocol::makeNonce();
    connection->channel->send(Protocol::encode(Protocol::challenge(connection->serverNonce)));
}

void LanEndpoint::onMessage(LanConnection *connection, const QByteArray &data)
{
    const Stage stage = Stage(connection->stage);
    if (stage == Stage::Open) {
        if (m_callbacks.received)
            m_callbacks.received(connection->id, data);
        return;
    }
    if (stage != Stage::Hello)
        return;
    if (connection->held) {
        // Nothing is queued before the handshake: one hello, then wait for the answer.
        refuse(connection, Protocol::Error::unauthorized(), tr("Wait for the answer to hello."));
        return;
    }
    QJsonObject message;
    QString error;
    if (!Protocol::decode(data, &message, &error)) {
        refuse(connection, Protocol::Error::malformed(), error);
        return;
    }
    if (Protocol::typeOf(message) != Protocol::Type::hello()) {
        refuse(connection, Protocol::Error::unauthorized(), tr("Send hello first."));
        return;
    }
    if (Protocol::checkHello(message) == Protocol::Error::unsupportedVersion()) {
        refuse(connection, Protocol::Error::unsupportedVersion(),
               tr("This agent speaks protocol %1, not %2; update the older program.")
                   .arg(Protocol::Version)
                   .arg(message.value(QLatin1String("protocol")).toVariant().toString().left(20)));
        return;
    }
    const QString nonce = message.value(QLatin1String("nonce")).toString();
    const QString proof = message.value(QLatin1String("proof")).toString();
    connection->held = true;
    connection->deadline->stop(); // from here the penalty, bounded below the client's timeout, decides
    const int wait = m_throttle.waitMs(connection->address);
    QTimer::singleShot(wait, connection,
                       [this, connection, nonce, proof] { judge(connection, nonce, proof); });
}

void LanEndpoint::judge(LanConnection *connection, const QString &clientNonce, const QString &proof)
{
    if (Stage(connection->stage) != Stage::Hello)
        return;
    const bool good = Protocol::isValidNonce(clientNonce) &&
                      clientNonce.toLower() != connection->serverNonce &&
                      Protocol::proofsEqual(proof, Protocol::clientProof(m_token, connection->serverNonce,
                                                                         clientNonce, m_fingerprint));
    if (!good) {
        const int delay = m_throttle.failed(connection->address);
        qCWarning(lcRemote).noquote()
            << "LAN: wrong proof from" << connection->key << "- answering in" << delay << "ms";
        QTimer::singleShot(delay, connection, [this, connection] {
            refuse(connection, Protocol::Error::unauthorized(),
                   tr("Wrong proof: this client does not hold the agent's token, or it sees another "
                      "certificate than the agent's."));
        });
        return;
    }
    m_throttle.succeeded(connection->address);
    connection->held = false;
    connection->channel->send(Protocol::encode(Protocol::welcome(
        QStringLiteral(ARCHY_VERSION),
        Protocol::serverProof(m_token, connection->serverNonce, clientNonce, m_fingerprint))));
    setStage(connection, Stage::Open);
    connection->outbox = std::make_shared<LanOutbox>();
    qCInfo(lcRemote).noquote() << "LAN client" << connection->key << "authenticated";
    if (m_callbacks.opened)
        m_callbacks.opened(connection->id, connection->key, connection->outbox);
}

void LanEndpoint::sendTo(quint64 id, const QByteArray &message)
{
    LanConnection *connection = m_connections.value(id);
    if (!connection)
        return;
    if (connection->outbox)
        connection->outbox->queued.fetch_sub(message.size());
    if (Stage(connection->stage) != Stage::Open || !connection->channel)
        return;
    if (!connection->channel->send(message)) {
        qCWarning(lcRemote).noquote()
            << "LAN client" << connection->key << "does not read its events; dropped it";
        return;
    }
    connection->outbox->backlog.store(connection->channel->unsentBytes());
}

void LanEndpoint::closeSession(quint64 id, bool graceful)
{
    LanConnection *connection = m_connections.value(id);
    if (!connection)
        return;
    if (graceful && connection->channel) {
        connection->channel->close();
        QTimer::singleShot(5000, connection, [this, connection] { drop(connection); });
    } else {
        drop(connection);
    }
}

void LanEndpoint::refuse(LanConnection *connection, const QString &code, const QString &text)
{
    if (!connection->channel) {
        drop(connection);
        return;
    }
    qCDebug(lcRemote).noquote() << "LAN: refusing" << connection->key << code << text;
    connection->channel->send(Protocol::encode(Protocol::error(code, text)));
    connection->channel->close();
    QTimer::singleShot(2000, connection, [this, connection] { drop(connection); });
}

void LanEndpoint::drop(LanConnection *connection)
{
    if (Stage(connection->stage) == Stage::Gone)
        return;
    const bool wasOpen = Stage(connection->stage) == Stage::Open;
    setStage(connection, Stage::Gone);
    m_connections.remove(connection->id);
    if (m_upgrading.value(connection->key) == connection)
        m_upgrading.remove(connection->key);
    if (--m_perAddress[connection->address] <= 0)
        m_perAddress.remove(connection->address);
    m_counters->connections.store(int(m_connections.size()));
    connection->deadline->stop();
    connection->stageTimer->stop();
    if (connection->channel)
        connection->channel->abort();
    else if (connection->ssl)
        connection->ssl->abort();
    if (wasOpen && m_callbacks.closed)
        m_callbacks.closed(connection->id);
    connection->deleteLater();
}

} // namespace archy
