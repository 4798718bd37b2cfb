#pragma once

#include "AgentOptions.h"
#include "RecoveryBackend.h"

#include <memory>

namespace archy {

/**
 * The in-process engine: takes the data dir, judges the previous run, recovers, snapshots.
 *
 * Life cycle: construct, call open() (synchronous, cheap: takes the instance lock and reads the
 * marker), then start() which runs recovery asynchronously and emits reportFinished() for the
 * start-up run. shutdown() stops the timers, lets a write in progress finish, removes the marker
 * and emits shutdownFinished().
 */
class RecoveryAgent final : public RecoveryBackend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecoveryAgent)

public:
    enum class OpenResult
    {
        Ok,
        DataDirError,
        AlreadyRunning
    };

    explicit RecoveryAgent(const AgentOptions &options, QObject *parent = nullptr);
    ~RecoveryAgent() override;

    /// Takes the data dir. On failure errorString() says why, for people.
    OpenResult open();
    QString errorString() const;

    /// Starts the start-up recovery (and, when resident, the snapshot timers).
    void start();
    /// Graceful stop; emits shutdownFinished() once nothing is left in flight.
    void shutdown();

    /// Why the history could not be written (after retries), empty if the last write succeeded.
    QString historyError() const;

    RecoveryReport currentReport() const override;
    bool isBusy() const override;
    QString dataDir() const override;
    Fleet fleet() const override;
    NodeIdentity nodeIdentity() const override;

    /// Where the LAN endpoint listens and its certificate's fingerprint, for nodeIdentity().
    void setLanEndpoint(const QString &listenAddress, const QString &fingerprint);

public slots:
    void retry(const QString &name) override;
    void retryAllFailed() override;
    void acknowledgeCrash() override;
    void requestHistory() override;
    void snapshotNow() override;
    void requestLogs(const QString &name, int lines = 20) override;

signals:
    void snapshotWritten(int containerCount);
    void shutdownFinished();

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace archy
