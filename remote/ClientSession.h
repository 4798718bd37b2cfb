#pragma once

#include <QList>
#include <QObject>
#include <QStringList>

#include "recovery/FleetTypes.h"
#include "recovery/RecoveryTypes.h"

class QJsonObject;
class QTimer;

namespace archy {

class MessageChannel;
class RecoveryBackend;

/**
 * One client of the ControlServer on the agent's thread: the local hello (a LAN peer arrives
 * already authenticated by the LAN endpoint), then commands, each answered with exactly one
 * result or error carrying its id (docs/protocol.md). Owns its channel.
 */
class ClientSession final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClientSession)

public:
    /// Pending requestHistory per session; more are answered with busy.
    static constexpr int MaxPendingHistory = 4;

    /// @p authenticated: the peer proved itself already (LAN); the state is sent on start().
    ClientSession(MessageChannel *channel, RecoveryBackend *backend, bool authenticated,
                  QObject *parent = nullptr);
    ~ClientSession() override;

    /// Starts reading; a peer that has not said hello within @p handshakeTimeoutMs is closed.
    void start(int handshakeTimeoutMs);
    bool isAuthenticated() const { return m_authenticated; }
    bool isClosing() const { return m_closing; }
    QString peer() const;
    MessageChannel *channel() const { return m_channel; }

    /// An event for every authenticated session, already encoded.
    void sendEvent(const QByteArray &message);
    bool wantsHistory() const { return !m_historyIds.isEmpty(); }
    /// Answers every pending requestHistory of this session.
    void answerHistory(const QList<RecoveryReport> &reports);
    /**
     * Answers the pending `logs` commands of this session that @p logs satisfies: same container,
     * no more lines asked for than it was fetched with (each gets its own last lines).
     */
    void answerLogs(const ContainerLogs &logs);
    /// Sends error @p code (no id) and closes.
    void refuse(const QString &code, const QString &text);

signals:
    void authenticated();
    void refused(const QString &code);
    /// The connection is gone; the server deletes the session.
    void finished();

private:
    void onMessage(const QByteArray &data);
    void onHello(const QJsonObject &hello);
    void onCommand(const QJsonObject &message);
    void send(const QJsonObject &message);
    void answerError(const QString &id, const QString &code, const QString &text);
    void onLogsCommand(const QString &id, const QJsonObject &message);
    QJsonObject stateMessage() const;
    void close();

    MessageChannel *m_channel;
    RecoveryBackend *m_backend;
    QTimer *m_deadline;
    QStringList m_historyIds;
    struct LogsRequest
    {
        QString id;
        QString name;
        int lines = 0;
    };
    QList<LogsRequest> m_logs; ///< `logs` commands not answered yet, oldest first
    bool m_authenticated;
    bool m_closing = false;
    bool m_finished = false;
};

} // namespace archy
