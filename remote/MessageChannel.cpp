#include "MessageChannel.h"

#include <QCoreApplication>
#include <QLocalSocket>
#include <QWebSocket>

namespace archy {

LocalChannel::LocalChannel(QLocalSocket *socket, const Limits &limits, QObject *parent)
    : MessageChannel(limits, parent), m_socket(socket)
{
    socket->setParent(this);
    connect(socket, &QLocalSocket::readyRead, this, &LocalChannel::read);
    connect(socket, &QLocalSocket::disconnected, this, &LocalChannel::onDisconnected);
    connect(socket, &QLocalSocket::errorOccurred, this, [this] {
        if (m_socket && m_socket->state() == QLocalSocket::UnconnectedState)
            onDisconnected();
    });
}

LocalChannel::~LocalChannel()
{
    if (m_socket)
        m_socket->disconnect(this);
}

void LocalChannel::read()
{
    while (m_socket && !m_stopped && m_socket->bytesAvailable() > 0) {
        // Never hold more than one message and its newline: a flood costs at most that much.
        const qint64 room = limits().maxIncoming + 1 - m_buffer.size();
        m_buffer += m_socket->read(qMax<qint64>(1, room));
        for (;;) {
            const qsizetype newline = m_buffer.indexOf('\n');
            if (newline < 0)
                break;
            const QByteArray line = m_buffer.left(newline);
            m_buffer.remove(0, newline + 1);
            if (!line.trimmed().isEmpty())
                emit messageReceived(line);
            if (m_stopped || !m_socket)
                return;
        }
        if (m_buffer.size() > limits().maxIncoming) {
            m_stopped = true;
            m_buffer.clear();
            emit rejected(
                QStringLiteral("too-large"),
                QCoreApplication::translate("archy::MessageChannel", "A message may be at most %1 bytes.")
                    .arg(limits().maxIncoming));
            return;
        }
    }
}

bool LocalChannel::send(const QByteArray &message)
{
    if (!isOpen())
        return false;
    if (!hasRoomFor(message.size() + 1)) {
        abort();
        return false;
    }
    m_socket->write(message + '\n');
    return true;
}

void LocalChannel::close()
{
    m_stopped = true;
    if (m_socket)
        m_socket->disconnectFromServer(); // flushes what was written first
}

void LocalChannel::abort()
{
    m_stopped = true;
    if (m_socket)
        m_socket->abort();
    onDisconnected();
}

bool LocalChannel::isOpen() const
{
    return m_socket && !m_gone && m_socket->state() == QLocalSocket::ConnectedState;
}

qint64 LocalChannel::unsentBytes() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

void LocalChannel::onDisconnected()
{
    if (m_gone)
        return;
    m_gone = true;
    m_stopped = true;
    emit disconnected();
}

WebSocketChannel::WebSocketChannel(QWebSocket *socket, const Limits &limits, qint64 hardIncoming,
                                   QObject *parent)
    : MessageChannel(limits, parent), m_socket(socket)
{
    socket->setParent(this);
    const quint64 hard = quint64(qMax(limits.maxIncoming, hardIncoming));
    socket->setMaxAllowedIncomingFrameSize(hard);
    socket->setMaxAllowedIncomingMessageSize(hard);
    connect(socket, &QWebSocket::textMessageReceived, this, [this](const QString &text) {
        if (m_stopped)
            return;
        const QByteArray data = text.toUtf8();
        if (data.size() > this->limits().maxIncoming) {
            m_stopped = true;
            emit rejected(
                QStringLiteral("too-large"),
                QCoreApplication::translate("archy::MessageChannel", "A message may be at most %1 bytes.")
                    .arg(this->limits().maxIncoming));
            return;
        }
        emit messageReceived(data);
    });
    connect(socket, &QWebSocket::binaryMessageReceived, this, [this](const QByteArray &) {
        if (m_stopped)
            return;
        m_stopped = true;
        emit rejected(QStringLiteral("malformed"),
                      QCoreApplication::translate("archy::MessageChannel", "Messages are text frames."));
    });
    connect(socket, &QWebSocket::disconnected, this, &WebSocketChannel::onDisconnected);
}

WebSocketChannel::~WebSocketChannel()
{
    if (m_socket)
        m_socket->disconnect(this);
}

bool WebSocketChannel::send(const QByteArray &message)
{
    if (!isOpen())
        return false;
    if (!hasRoomFor(message.size())) {
        abort();
        return false;
    }
    m_socket->sendTextMessage(QString::fromUtf8(message));
    return true;
}

void WebSocketChannel::close()
{
    m_stopped = true;
    if (m_socket)
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
}

void WebSocketChannel::abort()
{
    m_stopped = true;
    if (m_socket)
        m_socket->abort();
    onDisconnected();
}

bool WebSocketChannel::isOpen() const
{
    return m_socket && !m_gone && m_socket->state() == QAbstractSocket::ConnectedState;
}

qint64 WebSocketChannel::unsentBytes() const
{
    return m_socket ? m_socket->bytesToWrite() : 0;
}

QString WebSocketChannel::peer() const
{
    return m_socket
               ? QStringLiteral("%1:%2").arg(m_socket->peerAddress().toString()).arg(m_socket->peerPort())
               : QString();
}

void WebSocketChannel::onDisconnected()
{
    if (m_gone)
        return;
    m_gone = true;
    m_stopped = true;
    emit disconnected();
}

} // namespace archy
