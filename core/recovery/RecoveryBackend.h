#pragma once

#include "FleetTypes.h"
#include "RecoveryTypes.h"

#include <QObject>

namespace archy {

/**
 * The one interface a front end talks to. The in-process engine (RecoveryAgent) implements it;
 * a remote engine across a socket can implement it too. A front end never runs podman itself.
 *
 * Everything is asynchronous: slots return at once, results arrive as signals.
 */
class RecoveryBackend : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecoveryBackend)

public:
    /// How this backend reaches the engine. A screen shows it at all times.
    enum class Connection
    {
        InProcess,  ///< the engine runs in this process
        Connecting, ///< first connection under way
        Connected,
        Reconnecting, ///< lost; trying again with backoff (the last state stays on screen)
        Refused,      ///< the agent refused us (token, version, changed certificate): not retried
    };
    Q_ENUM(Connection)

    explicit RecoveryBackend(QObject *parent = nullptr) : QObject(parent) {}
    ~RecoveryBackend() override = default;

    /// The current start-up: crash information and every container with its state.
    virtual RecoveryReport currentReport() const = 0;
    /// True while any container start (first run or retry) is in flight or queued.
    virtual bool isBusy() const = 0;
    /// Where the state lives (shown to people); empty for a remote engine.
    virtual QString dataDir() const = 0;
    virtual Connection connection() const { return Connection::InProcess; }
    /// Where it is connected to and, when not connected, why, for people.
    virtual QString connectionDetail() const { return QString(); }

    /**
     * Every container of the node with its live state (not only those the start-up acted on), and
     * whether podman itself works. Changes are announced with fleetChanged(). The default, for a
     * backend that knows only the report, lists the report's containers.
     */
    virtual Fleet fleet() const { return Fleet::fromReport(currentReport()); }
    /// Which node this is (name, certificate fingerprint, listen address); empty parts are unknown.
    virtual NodeIdentity nodeIdentity() const { return NodeIdentity(); }
    /// The SHA-256 fingerprint of the certificate the agent presented last; empty if none (local).
    virtual QString serverFingerprint() const { return QString(); }
    /// True when reconnect() can do something (a remote backend that is refused or lost).
    virtual bool canReconnect() const { return false; }

public slots:
    virtual void retry(const QString &name) = 0;
    virtual void retryAllFailed() = 0;
    virtual void acknowledgeCrash() = 0;
    /// Loads earlier start-ups; answers with historyLoaded().
    virtual void requestHistory() = 0;
    /// Reconciles with podman and writes the snapshot now.
    virtual void snapshotNow() = 0;
    /**
     * The last @p lines lines of the container's output (`podman logs --tail`); answers with
     * logsLoaded(). The default answers at once that logs are not available here.
     */
    virtual void requestLogs(const QString &name, int lines = 20);
    /// Remote: drop the connection (also a refused one) and connect again now. Default: nothing.
    virtual void reconnect() {}
    /**
     * Remote: accept the certificate with @p fingerprint from now on (the owner compared it with
     * the one the node shows) and reconnect; certificatePinned() follows. Default: nothing.
     */
    virtual void trustCertificate(const QString &fingerprint) { Q_UNUSED(fingerprint) }

signals:
    /// The whole state changed (start-up check done, reconnect...): reload everything.
    void reportReset(const archy::RecoveryReport &report);
    /// One container changed.
    void containerChanged(const archy::ContainerStatus &status);
    /// A run (start-up or retry) finished; the report as written to the history.
    void reportFinished(const archy::RecoveryReport &report);
    void busyChanged(bool busy);
    /// A container keeps dying soon after each start; it is no longer restarted automatically.
    void crashLoopDetected(const QString &name);
    void crashAcknowledged();
    /// Newest first.
    void historyLoaded(const QList<archy::RecoveryReport> &reports);
    /// Something went wrong that is not a container's fault (history unwritable...).
    void errorOccurred(const QString &message);
    void connectionChanged(archy::RecoveryBackend::Connection connection, const QString &detail);
    /// fleet() changed (a state, a container appeared or went, podman broke or recovered).
    void fleetChanged(const archy::Fleet &fleet);
    void nodeIdentityChanged(const archy::NodeIdentity &identity);
    /// The answer to requestLogs().
    void logsLoaded(const archy::ContainerLogs &logs);
    /// A certificate is now trusted for this backend (first use, or trustCertificate()): store it.
    void certificatePinned(const QString &fingerprint);
};

} // namespace archy
