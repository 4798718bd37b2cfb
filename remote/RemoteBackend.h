#pragma once

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <memory>

#include "recovery/RecoveryBackend.h"

namespace archy {

/**
 * A RecoveryBackend whose engine runs in another process: the agent's ControlServer, over the
 * local socket or wss:// on the LAN. Screens use it exactly like the in-process agent: the same
 * slots send commands, the same signals carry the agent's events, currentReport() and isBusy()
 * follow the last state plus every event since.
 *
 * Connection life: Connecting, then Connected once the first state arrived (reportReset is
 * emitted with it). When the connection is lost the last state stays, connection() becomes
 * Reconnecting and new attempts follow with backoff (0.5 s doubling to 15 s); each reconnect
 * reloads the full state (reportReset). A refusal (wrong token, other protocol version, changed
 * certificate) is final: Refused, with connectionDetail() saying why.
 *
 * fleet() and nodeIdentity() follow the agent's `state`, `fleet` and `node` messages (an agent
 * that sends no fleet gets the default: the report's containers); requestLogs() asks the agent and
 * always answers with one logsLoaded(), with an error when the agent refused or the connection was
 * lost before the answer.
 *
 * Commands sent while not connected are dropped with errorOccurred().
 */
class RemoteBackend final : public RecoveryBackend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteBackend)

public:
    /// A client of the agent's Unix socket (no token: the agent checks who we are).
    static RemoteBackend *local(const QString &socketPath, QObject *parent = nullptr);
    /**
     * A client of wss://host:port. @p token is the agent's remote-token (it is never sent). The
     * agent's certificate is accepted only if its SHA-256 fingerprint (TlsIdentity::fingerprint()
     * form) equals @p pinnedFingerprint; with an empty pin any certificate may carry the handshake,
     * and once the agent proved it holds the token, that certificate is reported with
     * fingerprintSeen() for the caller to store, and pinned for the life of this object.
     */
    static RemoteBackend *lan(const QUrl &wssUrl, const QByteArray &token, const QString &pinnedFingerprint,
                              QObject *parent = nullptr);
    ~RemoteBackend() override;

    /// Connects (asynchronously). Call once, after connecting to the signals.
    void start();
    /**
     * Closes the connection gracefully (commands already sent are delivered first) and stops
     * reconnecting; emits stopped() when done. connection() keeps its last value.
     */
    void stop();

    RecoveryReport currentReport() const override;
    bool isBusy() const override;
    /// Always empty: the state lives with the remote agent.
    QString dataDir() const override;
    Connection connection() const override;
    QString connectionDetail() const override;
    Fleet fleet() const override;
    NodeIdentity nodeIdentity() const override;

    /// True once a state arrived on the current connection.
    bool hasState() const;
    /// The SHA-256 fingerprint of the certificate the agent presented last (LAN only).
    QString serverFingerprint() const override;
    /// The agent's version from its welcome.
    QString serverVersion() const;
    /// Why the last connection attempt or connection failed (no retry schedule), for one-shot clients.
    QString lastFailure() const;
    /// Where this backend connects to, for people ("/run/.../control.sock", "wss://host:port").
    QString target() const;

    /// The id the last command was sent with (empty if it was not sent).
    QString lastCommandId() const;

    /// Tests shorten these: no state this long after connecting counts as a lost connection
    /// (default 10 s); backoff between attempts (default 500 ms doubling to 15 s).
    void setTimeouts(int handshakeMs, int backoffInitialMs, int backoffMaxMs);

public slots:
    void retry(const QString &name) override;
    void retryAllFailed() override;
    void acknowledgeCrash() override;
    void requestHistory() override;
    void snapshotNow() override;
    void requestLogs(const QString &name, int lines = 20) override;

signals:
    /// No pin was given and the agent proved it holds the token over a certificate with this
    /// fingerprint: store it and pass it as the pin next time.
    void fingerprintSeen(const QString &fingerprint);
    /// The agent answered the command @p id: accepted (a result) or not (@p code and @p message).
    void commandAnswered(const QString &id, bool accepted, const QString &code, const QString &message);
    /// stop() finished: the connection is closed.
    void stopped();

private:
    explicit RemoteBackend(QObject *parent);

    class Private;
    std::unique_ptr<Private> d;
};

} // namespace archy
