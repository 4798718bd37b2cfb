#include "RemoteCommand.h"

#include <QCoreApplication>
#include <QTimer>

#include "RemoteBackend.h"

namespace archy {

RemoteCommand::RemoteCommand(RemoteBackend *backend, Action action, const QString &name, QObject *parent)
    : QObject(parent), m_backend(backend), m_action(action), m_name(name)
{
    m_backend->setParent(this);
    connect(m_backend, &RecoveryBackend::connectionChanged, this,
            [this](RecoveryBackend::Connection connection, const QString &detail) {
                if (m_done)
                    return;
                if (connection == RecoveryBackend::Connection::Refused)
                    fail(detail);
                else if (connection == RecoveryBackend::Connection::Reconnecting)
                    fail(tr("Cannot reach the agent at %1: %2.").arg(m_backend->target(), m_backend->lastFailure()));
            });
    connect(m_backend, &RecoveryBackend::reportReset, this, [this] {
        if (!m_acted)
            onState();
    });
    connect(m_backend, &RecoveryBackend::reportFinished, this, [this] {
        m_sawFinished = true;
        if (m_acted && (m_action == Action::Retry || m_action == Action::RetryAllFailed) && !m_backend->isBusy())
            succeed();
    });
    connect(m_backend, &RecoveryBackend::busyChanged, this, [this](bool busy) {
        if (m_acted && !busy && m_sawFinished && (m_action == Action::Retry || m_action == Action::RetryAllFailed))
            succeed();
    });
    connect(m_backend, &RecoveryBackend::crashAcknowledged, this, [this] {
        if (m_acted && m_action == Action::Acknowledge)
            succeed();
    });
    connect(m_backend, &RecoveryBackend::historyLoaded, this, [this](const QList<RecoveryReport> &reports) {
        if (m_acted && m_action == Action::History) {
            m_history = reports;
            succeed();
        }
    });
    connect(m_backend, &RemoteBackend::stopped, this, [this] { emit finished(); });
}

RemoteCommand::~RemoteCommand() = default;

void RemoteCommand::start(int timeoutMs)
{
    QTimer::singleShot(timeoutMs, this, [this] {
        if (!m_done)
            fail(tr("No answer from the agent in time."));
    });
    m_backend->start();
}

void RemoteCommand::onState()
{
    m_acted = true;
    m_report = m_backend->currentReport();
    switch (m_action) {
    case Action::Status:
        succeed();
        return;
    case Action::Retry: {
        const ContainerStatus *found = nullptr;
        for (const ContainerStatus &status : m_report.containers) {
            if (status.name == m_name)
                found = &status;
        }
        if (!found) {
            fail(tr("No container named \"%1\" in the current start-up.").arg(m_name));
            return;
        }
        if (found->state != ContainerState::Failed) {
            fail(tr("%1 has not failed (%2); nothing to retry.").arg(m_name, containerStateText(found->state)));
            return;
        }
        m_backend->retry(m_name);
        return;
    }
    case Action::RetryAllFailed:
        if (m_report.failed().isEmpty()) {
            succeed();
            return;
        }
        m_backend->retryAllFailed();
        return;
    case Action::Acknowledge:
        if (m_report.acknowledged) {
            succeed();
            return;
        }
        m_backend->acknowledgeCrash();
        return;
    case Action::History:
        m_backend->requestHistory();
        return;
    case Action::SnapshotNow:
        m_backend->snapshotNow();
        succeed(); // stop() delivers it before closing
        return;
    }
}

void RemoteCommand::succeed()
{
    if (m_done)
        return;
    m_ok = true;
    finish();
}

void RemoteCommand::fail(const QString &error)
{
    if (m_done)
        return;
    m_ok = false;
    m_error = error;
    finish();
}

void RemoteCommand::finish()
{
    m_done = true;
    if (m_backend->hasState())
        m_report = m_backend->currentReport();
    m_backend->stop();
}

} // namespace archy
