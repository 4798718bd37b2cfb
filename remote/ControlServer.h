#pragma once

#include <QObject>
#include <QString>

#include <memory>

class QHostAddress;

namespace archy {

class RecoveryBackend;
class TlsIdentity;

/**
 * Serves a RecoveryBackend (in practice the RecoveryAgent) over the control protocol
 * (docs/protocol.md): a Unix socket for local screens and CLI clients, and optionally WebSocket
 * over TLS for LAN screens. Every authenticated session gets each backend signal as an event and
 * may send commands, which are passed to the backend's slots.
 *
 * `history` answers go only to the sessions that sent `requestHistory` since the last answer (the
 * backend answers every request with one historyLoaded, so concurrent requests share an answer);
 * a request from the in-process UI reaches no remote session.
 *
 * Destroying the server closes every connection and removes the socket file.
 */
class ControlServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ControlServer)

public:
    /// @p backend must outlive the server.
    explicit ControlServer(RecoveryBackend *backend, QObject *parent = nullptr);
    ~ControlServer() override;

    /**
     * Listens on the Unix socket @p socketPath (mode 0660, group @p adminGroup when that group
     * exists). A leftover socket file is removed only if nobody answers on it. Peers are checked with
     * SO_PEERCRED: root, this process's user and members of @p adminGroup are let in; the local
     * hello needs no token. False with @p error (for people) on failure.
     */
    bool listenLocal(const QString &socketPath, const QString &adminGroup, QString *error);

    /**
     * Listens for wss:// on @p address:@p port (0 picks a free port, see lanPort()) presenting
     * @p identity; clients must send @p token in their hello. Plain TCP or bad TLS on the port only
     * costs that connection.
     */
    bool listenLan(const QHostAddress &address, quint16 port, const TlsIdentity &identity,
                   const QByteArray &token, QString *error);

    /// The socket path being served, empty if not listening locally.
    QString localSocketPath() const;
    /// The LAN port actually bound, 0 if not listening on the LAN.
    quint16 lanPort() const;
    /// Sessions that completed the handshake.
    int sessionCount() const;

    /// Connections that have not completed the handshake by then are closed (default 10 s).
    void setHandshakeTimeout(int ms);
    /**
     * After a failed LAN authentication from an address its next error reply (and any new
     * connection's hello) waits @p initialMs, doubling per failure up to @p maxMs
     * (default 1 s to 30 s). Tests shorten it.
     */
    void setAuthPenalty(int initialMs, int maxMs);

signals:
    void sessionCountChanged(int count);
    /// A client was turned away (@p code is the protocol error code), for logs and tests.
    void clientRefused(const QString &peer, const QString &code);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace archy
