#pragma once

#include <QByteArray>
#include <QHash>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>

#include "AuthThrottle.h"
#include "TlsIdentity.h"
#include "protocol/Protocol.h"

class QWebSocket;
class QWebSocketServer;

namespace archy {

class LanConnection;
class LanTcpServer;

/// Limits of the LAN endpoint; each connection stage has its own, so no stage can starve another
/// and none reaches the local socket's.
struct LanLimits
{
    int maxConnections = 64;    ///< every LAN connection, authenticated or not
    int maxHandshakes = 32;     ///< not yet authenticated (TLS, upgrade, hello)
    int maxPerAddress = 16;     ///< from one address
    int maxAwaitingUpgrade = 8; ///< TLS done, upgrade request not complete
    int maxUpgradeBytes = 8192; ///< the HTTP upgrade request
    int tlsTimeoutMs = 5000;
    int upgradeTimeoutMs = 5000;
    int handshakeTimeoutMs = 10000; ///< from accept to authenticated (penalty waits excepted)
    qint64 maxUnsent = qint64(Protocol::MaxServerMessageBytes) + 4 * 1024 * 1024;
    int penaltyInitialMs = 500;
    int penaltyMaxMs = 4000; ///< below the client's 10 s handshake timeout
};

/// What the LAN endpoint holds now and held at most, for tests and benchmarks.
struct LanStats
{
    int connections = 0;
    int handshakes = 0;
    int awaitingUpgrade = 0;
    int peakConnections = 0;
    int peakHandshakes = 0;
    int peakAwaitingUpgrade = 0;
    int turnedAway = 0; ///< dropped at accept by a cap
};

/// Counters shared between the LAN thread (writes) and the agent's thread (reads).
struct LanCounters
{
    std::atomic<int> connections{0}, handshakes{0}, awaitingUpgrade{0};
    std::atomic<int> peakConnections{0}, peakHandshakes{0}, peakAwaitingUpgrade{0}, turnedAway{0};
    LanStats snapshot() const;
};

/// Bytes posted to one LAN session and not yet on the wire, shared by both threads.
struct LanOutbox
{
    std::atomic<qint64> queued{0};  ///< posted by the agent's thread, not yet taken by the LAN thread
    std::atomic<qint64> backlog{0}; ///< in the socket, not yet handed to the kernel
};

/**
 * The wss:// endpoint, on a thread of its own: TLS, the WebSocket upgrade and the challenge-response
 * handshake (docs/protocol.md) happen here, bounded by LanLimits, so nothing a LAN peer does
 * delays recovery, podman calls or the local socket. Only authenticated sessions reach the agent's
 * thread, through the callbacks; they are posted there with QMetaObject::invokeMethod.
 */
class LanEndpoint final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LanEndpoint)

public:
    struct Callbacks
    {
        std::function<void(quint64 id, const QString &peer, std::shared_ptr<LanOutbox> outbox)> opened;
        std::function<void(quint64 id, const QByteArray &message)> received;
        std::function<void(quint64 id)> closed;
    };

    /// The callbacks are called on the LAN thread; they post to the agent's thread themselves.
    LanEndpoint(const LanLimits &limits, std::shared_ptr<LanCounters> counters, Callbacks callbacks);
    ~LanEndpoint() override;

    /// On the LAN thread: serves the listening socket @p fd (bound by the caller).
    void start(qintptr fd, const TlsIdentity &identity, const QByteArray &token);
    /// On the LAN thread: sends to an authenticated session (nothing if it is gone).
    void sendTo(quint64 id, const QByteArray &message);
    /// On the LAN thread: closes a session, gracefully (queued data first) or at once.
    void closeSession(quint64 id, bool graceful);

    /**
     * Binds and listens on @p address:@p port with a plain socket (any thread), so the caller
     * learns the port and any error at once. -1 with @p error on failure.
     */
    static qintptr bindListening(const QString &address, quint16 port, quint16 *boundPort, QString *error);

private:
    friend class LanTcpServer;
    enum class Stage
    {
        Tls,
        Upgrade,
        WebSocketHandshake,
        Hello,
        Open,
        Gone
    };

    void accept(qintptr fd);
    void onEncrypted(LanConnection *connection);
    void checkUpgrade(LanConnection *connection);
    void onUpgraded(QWebSocket *socket);
    void onMessage(LanConnection *connection, const QByteArray &data);
    void judge(LanConnection *connection, const QString &clientNonce, const QString &proof);
    void refuse(LanConnection *connection, const QString &code, const QString &text);
    void setStage(LanConnection *connection, Stage stage);
    void drop(LanConnection *connection);

    LanLimits m_limits;
    std::shared_ptr<LanCounters> m_counters;
    Callbacks m_callbacks;
    LanTcpServer *m_server = nullptr;
    QWebSocketServer *m_upgrader = nullptr;
    TlsIdentity m_identity;
    QString m_fingerprint;
    QByteArray m_token;
    AuthThrottle m_throttle;
    quint64 m_nextId = 1;
    QHash<quint64, LanConnection *> m_connections;
    QHash<QString, LanConnection *> m_upgrading; ///< by "address:port", while Qt reads the upgrade
    QHash<QString, int> m_perAddress;
};

} // namespace archy
