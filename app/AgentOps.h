#pragma once

#include <QObject>
#include <QString>

#include <functional>

namespace archy {

class MetricsCollector;
class MetricsServer;
class Notifier;
class RecoveryBackend;
struct AppOptions;

/// The agent's ties to the owner's ecosystem: Prometheus metrics (--metrics) and notifications
/// (--notify-command, --notify-url). Built before the agent starts, so nothing is missed.
class AgentOps final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentOps)

public:
    AgentOps(RecoveryBackend *backend, const AppOptions &options, QObject *parent = nullptr);
    ~AgentOps() override;

    /// Opens the metrics listener. Returns false (with @p error for people) if it cannot.
    bool start(QString *error);

    /// Calls @p then once no notification is in flight (at once if none is): --once waits for them.
    void whenNotificationsDone(const std::function<void()> &then);

private:
    MetricsCollector *m_collector = nullptr;
    MetricsServer *m_metricsServer = nullptr;
    Notifier *m_notifier = nullptr;
    QString m_metricsAddress;
};

} // namespace archy
