#pragma once

// A local HTTP(S) listener that records the requests it gets and answers with scripted statuses:
// the other end of --notify-url in tests.

#include <QHostAddress>
#include <QList>
#include <QMap>
#include <QSslServer>
#include <QTcpServer>
#include <QTcpSocket>

namespace archy::test {

struct HttpRequest
{
    QByteArray method;
    QByteArray path;
    QMap<QByteArray, QByteArray> headers; ///< names lower-cased
    QByteArray body;
};

class HttpListener final : public QObject
{
    Q_OBJECT

public:
    /// With @p tls, serves HTTPS with @p tls's certificate (which clients will not trust).
    explicit HttpListener(const QSslConfiguration *tls = nullptr, QObject *parent = nullptr)
        : QObject(parent), m_server(tls ? new QSslServer(this) : new QTcpServer(this))
    {
        if (tls)
            static_cast<QSslServer *>(m_server)->setSslConfiguration(*tls);
        connect(m_server, &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
            }
        });
        m_server->listen(QHostAddress::LocalHost, 0);
    }

    quint16 port() const { return m_server->serverPort(); }
    QString url(const QString &scheme = QStringLiteral("http")) const
    {
        return QStringLiteral("%1://127.0.0.1:%2/archy").arg(scheme).arg(port());
    }

    /// Statuses for the next requests, in order; 200 once they run out.
    QList<int> statuses;
    QList<HttpRequest> requests;
    int connections = 0;

signals:
    void requestReceived();

private:
    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        if (buffer.isEmpty())
            ++connections;
        buffer += socket->readAll();
        const qsizetype end = buffer.indexOf("\r\n\r\n");
        if (end < 0)
            return;
        HttpRequest request;
        const QList<QByteArray> lines = buffer.left(end).split('\n');
        const QList<QByteArray> first = lines.constFirst().trimmed().split(' ');
        request.method = first.value(0);
        request.path = first.value(1);
        for (qsizetype i = 1; i < lines.size(); ++i) {
            const qsizetype colon = lines.at(i).indexOf(':');
            if (colon > 0)
                request.headers.insert(lines.at(i).left(colon).trimmed().toLower(),
                                       lines.at(i).mid(colon + 1).trimmed());
        }
        const qsizetype length = request.headers.value("content-length").toLongLong();
        if (buffer.size() < end + 4 + length)
            return;
        request.body = buffer.mid(end + 4, length);
        m_buffers.remove(socket);
        requests.append(request);
        const int status = statuses.isEmpty() ? 200 : statuses.takeFirst();
        socket->write("HTTP/1.1 " + QByteArray::number(status) +
                      " X\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        socket->disconnectFromHost();
        emit requestReceived();
    }

    QTcpServer *m_server;
    QMap<QTcpSocket *, QByteArray> m_buffers;
};

} // namespace archy::test
