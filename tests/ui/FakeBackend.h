#pragma once

#include <QStringList>

#include "recovery/RecoveryBackend.h"

namespace archy::test {

/// A scripted backend: records the intents it receives and emits what the test tells it to.
class FakeBackend final : public RecoveryBackend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FakeBackend)

public:
    explicit FakeBackend(QObject *parent = nullptr) : RecoveryBackend(parent) {}

    RecoveryReport currentReport() const override { return m_report; }
    bool isBusy() const override { return m_busy; }
    QString dataDir() const override { return m_dataDir; }
    Connection connection() const override { return m_connection; }
    QString connectionDetail() const override { return m_connectionDetail; }
    Fleet fleet() const override { return m_hasFleet ? m_fleet : RecoveryBackend::fleet(); }
    NodeIdentity nodeIdentity() const override { return m_identity; }
    QString serverFingerprint() const override { return presentedFingerprint; }
    bool canReconnect() const override { return reconnectable; }

    // What the UI asked for.
    QStringList retried;
    int retryAllCount = 0;
    int acknowledgeCount = 0;
    int historyRequests = 0;
    int snapshotRequests = 0;
    int reconnectCount = 0;
    QStringList trustedFingerprints;
    /// What serverFingerprint() says (a remote agent's certificate).
    QString presentedFingerprint;
    /// What canReconnect() says.
    bool reconnectable = false;
    /// When true, acknowledgeCrash() confirms at once like a local engine would.
    bool confirmAcknowledge = true;

    void setDataDir(const QString &dir) { m_dataDir = dir; }
    /// Sets the report without telling anyone (state before the UI is built).
    void setReport(const RecoveryReport &report) { m_report = report; }

    void resetTo(const RecoveryReport &report)
    {
        m_report = report;
        emit reportReset(report);
    }

    void change(const ContainerStatus &status)
    {
        bool found = false;
        for (ContainerStatus &c : m_report.containers) {
            if (c.name == status.name) {
                c = status;
                found = true;
            }
        }
        if (!found)
            m_report.containers.append(status);
        emit containerChanged(status);
    }

    /// Like a remote backend: commands while not connected are dropped with an error.
    void setConnection(Connection connection, const QString &detail = QString())
    {
        m_connection = connection;
        m_connectionDetail = detail;
        emit connectionChanged(connection, detail);
    }
    /// Sets the connection without telling anyone (state before the UI is built).
    void presetConnection(Connection connection, const QString &detail = QString())
    {
        m_connection = connection;
        m_connectionDetail = detail;
    }

    /// From now on fleet() is @p fleet (not derived from the report), announced with fleetChanged().
    void setFleet(const Fleet &fleet)
    {
        m_fleet = fleet;
        m_hasFleet = true;
        emit fleetChanged(fleet);
    }
    void setIdentity(const NodeIdentity &identity)
    {
        m_identity = identity;
        emit nodeIdentityChanged(identity);
    }
    /// What requestLogs() answers.
    QStringList logLines;
    QStringList logsRequested;

    void setBusy(bool busy)
    {
        m_busy = busy;
        emit busyChanged(busy);
    }

public slots:
    void retry(const QString &name) override { retried << name; }
    void retryAllFailed() override { ++retryAllCount; }
    void acknowledgeCrash() override
    {
        ++acknowledgeCount;
        if (confirmAcknowledge) {
            m_report.acknowledged = true;
            emit crashAcknowledged();
        }
    }
    void requestHistory() override { ++historyRequests; }
    void snapshotNow() override { ++snapshotRequests; }
    void reconnect() override { ++reconnectCount; }
    void trustCertificate(const QString &fingerprint) override { trustedFingerprints << fingerprint; }
    void requestLogs(const QString &name, int lines) override
    {
        Q_UNUSED(lines)
        logsRequested << name;
        ContainerLogs logs;
        logs.name = name;
        logs.lines = logLines;
        emit logsLoaded(logs);
    }

private:
    RecoveryReport m_report;
    QString m_dataDir;
    Connection m_connection = Connection::InProcess;
    QString m_connectionDetail;
    bool m_busy = false;
    Fleet m_fleet;
    bool m_hasFleet = false;
    NodeIdentity m_identity;
};

inline ContainerStatus makeStatus(const QString &name, ContainerState state, const QString &error = {},
                                  int attempts = 0)
{
    ContainerStatus s;
    s.name = name;
    s.image = QStringLiteral("docker.io/archy/%1:latest").arg(name);
    s.state = state;
    s.error = error;
    s.attempts = attempts;
    if (state != ContainerState::Waiting)
        s.startedAtMs = 1700000000000;
    if (state == ContainerState::Running || state == ContainerState::Failed)
        s.finishedAtMs = 1700000004200;
    return s;
}

/// The screenshot scene: a crash, a running, a starting, a waiting and a failed container.
inline RecoveryReport makeCrashReport()
{
    RecoveryReport r;
    r.id = QStringLiteral("startup-1");
    r.crashInfo.crash = true;
    r.crashInfo.previousPid = 4242;
    r.crashInfo.reason = QStringLiteral("run marker of PID 4242 left behind, process gone");
    r.crashInfo.detectedAtMs = 1700000000000;
    r.crashInfo.snapshotAtMs = 1699999880000;
    r.crashInfo.containersBefore = 4;
    r.startedAtMs = 1700000000000;
    r.containers = {
        makeStatus(QStringLiteral("bitcoind"), ContainerState::Running, {}, 1),
        makeStatus(QStringLiteral("electrs"), ContainerState::Starting, {}, 1),
        makeStatus(QStringLiteral("mempool-web"), ContainerState::Waiting),
        makeStatus(QStringLiteral("lnd"), ContainerState::Failed,
                   QStringLiteral("Error: unable to start container \"lnd\": port 9735 already in use"), 1),
    };
    return r;
}

inline RecoveryReport makeCleanReport()
{
    RecoveryReport r;
    r.id = QStringLiteral("startup-2");
    r.crashInfo.crash = false;
    r.crashInfo.detectedAtMs = 1700000000000;
    r.startedAtMs = 1700000000000;
    r.containers = {makeStatus(QStringLiteral("bitcoind"), ContainerState::Running, {}, 1)};
    return r;
}

} // namespace archy::test
