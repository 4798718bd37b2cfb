#include "MetricsServer.h"

#include <QCoreApplication>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTimer>

#include "OpsLogging.h"

namespace archy {

MetricsServer::MetricsServer(Exposition exposition, QObject *parent)
    : QObject(parent), m_exposition(std::move(exposition)), m_server(new QTcpServer(this))
{
    m_server->setMaxPendingConnections(MaxConnections);
    connect(m_server, &QTcpServer::newConnection, this, &MetricsServer::onNewConnection);
}

MetricsServer::~MetricsServer() = default;

bool MetricsServer::parseAddress(const QString &text, QHostAddress *address, quint16 *port, QString *error)
{
    const int colon = text.lastIndexOf(QLatin1Char(':'));
    QString host = colon > 0 ? text.left(colon) : QString();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const uint number = colon > 0 ? text.mid(colon + 1).toUInt(&ok) : 0;
    if (!ok || number == 0 || number > 65535 || !address->setAddress(host)) {
        *error = QCoreApplication::translate("archy::MetricsServer",
                                             "--metrics needs ADDRESS:PORT with a numeric address, e.g. "
                                             "127.0.0.1:9464, not \"%1\".")
                     .arg(text);
        return false;
    }
    *port = quint16(number);
    return true;
}

bool MetricsServer::listen(const QHostAddress &address, quint16 port, QString *error)
{
    if (!m_server->listen(address, port)) {
        *error = QCoreApplication::translate("archy::MetricsServer", "Cannot serve metrics on %1:%2: %3")
                     .arg(address.toString())
                     .arg(port)
                     .arg(m_server->errorString());
        return false;
    }
    qCInfo(lcMetrics).noquote() << QStringLiteral("serving Prometheus metrics on http://%1:%2/metrics")
                                       .arg(address.toString())
                                       .arg(m_server->serverPort());
    return true;
}

quint16 MetricsServer::serverPort() const
{
    return m_server->serverPort();
}

void MetricsServer::onNewConnection()
{
    while (QTcpSocket *socket = m_server->nextPendingConnection()) {
        if (m_open >= MaxConnections) {
            // Over the bound: refuse at once rather than queue; Prometheus retries next interval.
            socket->abort();
            socket->deleteLater();
            continue;
        }
        ++m_open;
        socket->setReadBufferSize(MaxRequestBytes + 1);
        auto *timeout = new QTimer(socket);
        timeout->setSingleShot(true);
        connect(timeout, &QTimer::timeout, socket, [socket] {
            socket->abort();
            socket->deleteLater();
        });
        timeout->start(RequestTimeoutMs);
        connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
        connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        connect(socket, &QObject::destroyed, this, [this] { --m_open; });
    }
}

void MetricsServer::onReadyRead(QTcpSocket *socket)
{
    if (socket->property("answered").toBool()) {
        socket->readAll(); // the request body, if any, is not ours to read
        return;
    }
    // The request is complete once the header block ends; nothing after it matters.
    const QByteArray buffered = socket->peek(MaxRequestBytes + 1);
    const qsizetype headerEnd = buffered.indexOf("\r\n\r\n");
    if (headerEnd < 0) {
        if (buffered.size() > MaxRequestBytes)
            respond(socket, "431 Request Header Fields Too Large", "text/plain; charset=utf-8",
                    "request too large\n");
        return;
    }
    const QByteArray requestLine = buffered.left(buffered.indexOf("\r\n"));
    const QList<QByteArray> parts = requestLine.split(' ');
    if (parts.size() != 3 || !parts.at(2).startsWith("HTTP/1.")) {
        respond(socket, "400 Bad Request", "text/plain; charset=utf-8", "bad request\n");
        return;
    }
    const QByteArray &method = parts.at(0);
    QByteArray path = parts.at(1);
    const qsizetype query = path.indexOf('?');
    if (query >= 0)
        path.truncate(query);
    if (path != "/metrics") {
        respond(socket, "404 Not Found", "text/plain; charset=utf-8", "only /metrics is served here\n");
        return;
    }
    if (method != "GET" && method != "HEAD") {
        respond(socket, "405 Method Not Allowed", "text/plain; charset=utf-8", "read-only: GET /metrics\n");
        return;
    }
    respond(socket, "200 OK", "text/plain; version=0.0.4; charset=utf-8", m_exposition(), method == "GET");
}

void MetricsServer::respond(QTcpSocket *socket, const QByteArray &status, const QByteArray &contentType,
                            const QByteArray &body, bool withBody)
{
    socket->setProperty("answered", true);
    QByteArray response = "HTTP/1.1 " + status + "\r\n";
    response += "Content-Type: " + contentType + "\r\n";
    response += "Content-Length: " + QByteArray::number(body.size()) + "\r\n";
    if (status.startsWith("405"))
        response += "Allow: GET, HEAD\r\n";
    response += "Cache-Control: no-store\r\nConnection: close\r\n\r\n";
    if (withBody)
        response += body;
    socket->write(response);
    socket->disconnectFromHost(); // closes once everything is written
}

} // namespace archy
