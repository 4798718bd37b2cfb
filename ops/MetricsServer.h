#pragma once

#include <QHostAddress>
#include <QObject>
#include <QString>

#include <functional>

class QTcpServer;
class QTcpSocket;

namespace archy {

/**
 * A read-only HTTP endpoint for Prometheus on its own listener: `GET /metrics` answers the text
 * exposition format, anything else 404/405, and nothing is ever written. Connections are bounded
 * (count, request size, time) so a scanner on the LAN cannot tie the agent up.
 */
class MetricsServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MetricsServer)

public:
    static constexpr int MaxConnections = 16;
    static constexpr int MaxRequestBytes = 8192;
    static constexpr int RequestTimeoutMs = 10000;

    using Exposition = std::function<QByteArray()>;

    explicit MetricsServer(Exposition exposition, QObject *parent = nullptr);
    ~MetricsServer() override;

    /// Parses "ADDR:PORT" ("[v6]:PORT" for IPv6). On failure @p error says why, for people.
    static bool parseAddress(const QString &text, QHostAddress *address, quint16 *port, QString *error);

    bool listen(const QHostAddress &address, quint16 port, QString *error);
    quint16 serverPort() const;
    /// Connections accepted and not yet closed.
    int openConnections() const { return m_open; }

private:
    void onNewConnection();
    void onReadyRead(QTcpSocket *socket);
    void respond(QTcpSocket *socket, const QByteArray &status, const QByteArray &contentType,
                 const QByteArray &body, bool withBody = true);

    Exposition m_exposition;
    QTcpServer *m_server;
    int m_open = 0;
};

} // namespace archy
