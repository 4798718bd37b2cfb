#pragma once

#include <QByteArray>
#include <QLocalSocket>
#include <QObject>
#include <QPointer>
#include <QWebSocket>

namespace archy {

/**
 * One connection carrying protocol messages (docs/protocol.md), on either end: framing, the size
 * limit on what comes in and the cap on what waits to go out. The agent's sessions and the
 * clients use the same implementations, so both ends frame and bound messages alike.
 *
 * A channel never buffers more than one incoming message beyond its limit: an oversized one is
 * reported with rejected() and nothing more is read.
 */
class MessageChannel : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageChannel)

public:
    struct Limits
    {
        qint64 maxIncoming = 64 * 1024;      ///< largest message accepted
        qint64 maxUnsent = 20 * 1024 * 1024; ///< a peer that lets more than this pile up is dropped
    };

    explicit MessageChannel(const Limits &limits, QObject *parent = nullptr)
        : QObject(parent), m_limits(limits)
    {
    }
    ~MessageChannel() override = default;

    /**
     * Queues one message. False if the channel is closed or the peer does not read: more than
     * maxUnsent bytes would wait; the channel is then aborted (disconnected() follows).
     */
    virtual bool send(const QByteArray &message) = 0;
    /// Delivers what is queued, then closes.
    virtual void close() = 0;
    /// Drops the connection now.
    virtual void abort() = 0;
    virtual bool isOpen() const = 0;
    /// Bytes queued and not yet handed to the kernel.
    virtual qint64 unsentBytes() const = 0;
    /// Who is at the other end, for logs.
    virtual QString peer() const = 0;

    const Limits &limits() const { return m_limits; }

signals:
    void messageReceived(const QByteArray &message);
    /// The peer broke the framing: @p code is too-large or malformed. Nothing more is read.
    void rejected(const QString &code, const QString &detail);
    void disconnected();

protected:
    /// True if @p bytes more would fit under maxUnsent (an idle channel always takes one message).
    bool hasRoomFor(qint64 bytes) const
    {
        const qint64 pending = unsentBytes();
        return pending == 0 || pending + bytes <= m_limits.maxUnsent;
    }

private:
    Limits m_limits;
};

/// Newline-delimited JSON over a Unix socket. Takes ownership of the socket.
class LocalChannel final : public MessageChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LocalChannel)

public:
    LocalChannel(QLocalSocket *socket, const Limits &limits, QObject *parent = nullptr);
    ~LocalChannel() override;

    bool send(const QByteArray &message) override;
    void close() override;
    void abort() override;
    bool isOpen() const override;
    qint64 unsentBytes() const override;
    QString peer() const override { return m_peer; }
    void setPeer(const QString &peer) { m_peer = peer; }
    QLocalSocket *socket() const { return m_socket; }

private:
    void read();
    void onDisconnected();

    QPointer<QLocalSocket> m_socket;
    QByteArray m_buffer;
    QString m_peer;
    bool m_stopped = false;
    bool m_gone = false;
};

/// One message per text frame over a WebSocket. Takes ownership of the socket.
class WebSocketChannel final : public MessageChannel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WebSocketChannel)

public:
    /**
     * Messages up to @p hardIncoming are read (and refused as too-large when over
     * limits().maxIncoming, so the peer is told); beyond it Qt closes the connection itself without
     * buffering the rest. 0 means limits().maxIncoming.
     */
    WebSocketChannel(QWebSocket *socket, const Limits &limits, qint64 hardIncoming = 0,
                     QObject *parent = nullptr);
    ~WebSocketChannel() override;

    bool send(const QByteArray &message) override;
    void close() override;
    void abort() override;
    bool isOpen() const override;
    qint64 unsentBytes() const override;
    QString peer() const override;
    QWebSocket *socket() const { return m_socket; }

private:
    void onDisconnected();

    QPointer<QWebSocket> m_socket;
    bool m_stopped = false;
    bool m_gone = false;
};

} // namespace archy
