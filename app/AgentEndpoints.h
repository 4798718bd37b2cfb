#pragma once

#include <QObject>
#include <QString>

namespace archy {

class ControlServer;
class RecoveryBackend;
struct AppOptions;

/**
 * Serves the agent to screens and CLI clients: the local socket always (a failure there is logged,
 * recovery goes on), the LAN endpoint with --listen. Token and TLS identity are made off the main
 * thread on first start.
 */
class AgentEndpoints final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentEndpoints)

public:
    AgentEndpoints(RecoveryBackend *backend, const AppOptions &options, QObject *parent = nullptr);
    ~AgentEndpoints() override;

    /// Starts listening. Returns false only for a usage error (a bad --listen address).
    bool start(QString *error);

signals:
    /// What a person comparing fingerprints needs: address and certificate SHA-256.
    void lanReady(const QString &endpointInfo);
    /// The same, in parts: "wss://host:port" and the certificate's SHA-256 fingerprint.
    void lanIdentity(const QString &listenAddress, const QString &fingerprint);

private:
    void shareDataDirWithAdminGroup();
    void startLan(const QByteArray &token);

    ControlServer *m_server;
    QString m_dataDir;
    QString m_socketPath;
    QString m_adminGroup;
    QString m_listen;
    QString m_tlsCert;
    QString m_tlsKey;
    QString m_lanHost;
    quint16 m_lanPort = 0;
};

} // namespace archy
