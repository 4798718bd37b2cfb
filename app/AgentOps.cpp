#include "AgentOps.h"

#include <QHostAddress>

#include "CommandLine.h"
#include "MetricsCollector.h"
#include "MetricsServer.h"
#include "Notifier.h"

namespace archy {

AgentOps::AgentOps(RecoveryBackend *backend, const AppOptions &options, QObject *parent)
    : QObject(parent), m_metricsAddress(options.metrics)
{
    if (!options.metrics.isEmpty()) {
        m_collector = new MetricsCollector(backend, this);
        m_metricsServer =
            new MetricsServer([collector = m_collector] { return collector->exposition(); }, this);
    }
    Notifier::Options notify;
    notify.commands = options.notifyCommands;
    for (const QString &url : options.notifyUrls)
        notify.urls.append(QUrl(url, QUrl::StrictMode));
    m_notifier = new Notifier(backend, notify, this);
}

AgentOps::~AgentOps() = default;

bool AgentOps::start(QString *error)
{
    if (!m_metricsServer)
        return true;
    QHostAddress address;
    quint16 port = 0;
    return MetricsServer::parseAddress(m_metricsAddress, &address, &port, error) &&
           m_metricsServer->listen(address, port, error);
}

void AgentOps::whenNotificationsDone(const std::function<void()> &then)
{
    // The start-up report reaches the notifier first (it connected before main's handler), so a
    // delivery it owes is already in flight here.
    if (m_notifier->isIdle()) {
        then();
        return;
    }
    connect(
        m_notifier, &Notifier::idle, this, [then] { then(); }, Qt::SingleShotConnection);
}

} // namespace archy
