#pragma once

#include <QObject>
#include <QString>

#include <memory>

#include "LanEndpoint.h"

class QHostAddress;

namespace archy {

class RecoveryBackend;
class TlsIdentity;

/**
 * Serves a RecoveryBackend (in practice the RecoveryAgent) over the control protocol
 * (docs/protocol.md): a Unix socket for local screens and CLI clients, and optionally WebSocket
 * over TLS for LAN screens. Keeps the listeners and broadcasts every backend signal as an event to
 * each authenticated ClientSession; commands go to the backend's slots.
 *
 * The LAN endpoint runs on a thread of its own (LanEndpoint) with its own limits: a LAN peer
 * cannot delay the agent's thread or take the local socket's connection slots.
 *
 * `history` answers go only to the sessions that sent `requestHistory` since the last answer (the
 * backend answers every request with one historyLoaded, so concurrent requests share an answer);
 * a request from the in-process UI reaches no remote session. `logs` answers likewise go to the
 * sessions waiting for that container's lines (ClientSession::answerLogs).
 *
 * The fleet is pushed at most once per Protocol::FleetPushIntervalMs: the first change at once,
 * those within the interval after it together, as the newest fleet.
 *
 * Destroying the server closes every connection, stops the LAN thread and removes the socket file.
 */
class ControlServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ControlServer)

public:
    struct Limits
    {
        int maxLocalConnections = 64;
        int maxLocalHandshakes = 16; ///< local connections that have not said hello yet
        qint64 maxUnsent = qint64(Protocol::MaxServerMessageBytes) + 4 * 1024 * 1024;
        LanLimits lan;
    };

    /// @p backend must outlive the server.
    explicit ControlServer(RecoveryBackend *backend, QObject *parent = nullptr);
    ~ControlServer() override;

    /// Before listening: the limits of both endpoints (tests lower them).
    void setLimits(const Limits &limits);
    Limits limits() const;

    /**
     * Listens on the Unix socket @p socketPath (mode 0660, group @p adminGroup when that group
     * exists). A leftover socket file is removed only if nobody answers on it. Peers are checked with
     * SO_PEERCRED: root, this process's user and members of @p adminGroup are let in; the local
     * hello needs no proof. False with @p error (for people) on failure.
     */
    bool listenLocal(const QString &socketPath, const QString &adminGroup, QString *error);

    /**
     * Listens for wss:// on @p address:@p port (0 picks a free port, see lanPort()) presenting
     * @p identity; clients prove they hold @p token without sending it. Plain TCP, bad TLS or a
     * slow peer only costs that connection, on the LAN thread.
     */
    bool listenLan(const QHostAddress &address, quint16 port, const TlsIdentity &identity,
                   const QByteArray &token, QString *error);

    /// The socket path being served, empty if not listening locally.
    QString localSocketPath() const;
    /// The LAN port actually bound, 0 if not listening on the LAN.
    quint16 lanPort() const;
    /// Sessions that completed the handshake.
    int sessionCount() const;
    /// What the LAN endpoint holds now and held at most.
    LanStats lanStats() const;

    /// Before listenLan for the LAN: connections that have not completed the handshake by then are
    /// closed (default 10 s).
    void setHandshakeTimeout(int ms);
    /**
     * Before listenLan: after a failed LAN authentication from an address its next answers wait
     * @p initialMs, doubling per failure up to @p maxMs (default 0.5 s to 4 s, below the client's
     * 10 s timeout).
     */
    void setAuthPenalty(int initialMs, int maxMs);

signals:
    void sessionCountChanged(int count);
    /// A local client was turned away (@p code is the protocol error code), for logs and tests.
    void clientRefused(const QString &peer, const QString &code);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace archy
