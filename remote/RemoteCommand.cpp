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
                    fail(tr("Cannot reach the agent at %1: %2.")
                             .arg(m_backend->target(), m_backend->lastFailure()));
            });
    connect(m_backend, &RecoveryBackend::reportReset, this, [this] {
        if (!m_acted)
            onState();
    });
    connect(m_backend, &RemoteBackend::commandAnswered, this, &RemoteCommand::onAnswer);
    // The result comes before any event the command causes, so these count only after it.
    connect(m_backend, &RecoveryBackend::reportFinished, this, [this] {
        if (!m_accepted)
            return;
        m_sawFinished = true;
        if ((m_action == Action::Retry || m_action == Action::RetryAllFailed) && !m_backend->isBusy())
            succeed();
    });
    connect(m_backend, &RecoveryBackend::busyChanged, this, [this](bool busy) {
        if (m_accepted && !busy && m_sawFinished &&
            (m_action == Action::Retry || m_action == Action::RetryAllFailed))
            succeed();
    });
    connect(m_backend, &RecoveryBackend::historyLoaded, this, [this](const QList<RecoveryReport> &reports) {
        if (m_acted && m_action == Action::History && !m_commandId.isEmpty())
            m_history = reports;
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
    case Action::Retry:
        m_backend->retry(m_name);
        break;
    case Action::RetryAllFailed:
        if (m_report.failed().isEmpty()) {
            succeed();
            return;
        }
        m_backend->retryAllFailed();
        break;
    case Action::Acknowledge:
        m_backend->acknowledgeCrash();
        break;
    case Action::History:
        m_backend->requestHistory();
        break;
    case Action::SnapshotNow:
        m_backend->snapshotNow();
        break;
    }
    m_commandId = m_backend->lastCommandId();
    if (m_commandId.isEmpty())
        fail(tr("The command could not be sent to the agent."));
}

void RemoteCommand::onAnswer(const QString &id, bool accepted, const QString &code, const QString &message)
{
    if (m_done || id != m_commandId)
        return;
    if (!accepted) {
        Q_UNUSED(code)
        fail(message);
        return;
    }
    m_accepted = true;
    switch (m_action) {
    case Action::Retry:
    case Action::RetryAllFailed:
        return; // wait for the run to finish
    case Action::Status:
    case Action::Acknowledge:
    case Action::History:
    case Action::SnapshotNow:
        succeed();
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
