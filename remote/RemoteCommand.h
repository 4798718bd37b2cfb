#pragma once

#include <QList>
#include <QObject>
#include <QString>

#include "recovery/RecoveryTypes.h"

namespace archy {

class RemoteBackend;

/**
 * One command for the CLI (`archy-recovery status|retry|history ...` against a running agent):
 * connect, wait for the state, send the command, wait for the agent's result (or error) with the
 * command's id and, for a retry, for its run to finish; close, emit finished(). Never retries a
 * lost connection. The caller runs the event loop and quits on finished().
 */
class RemoteCommand final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RemoteCommand)

public:
    enum class Action
    {
        Status,         ///< the current report
        Retry,          ///< retry one failed container (name), wait for its run to finish
        RetryAllFailed, ///< retry every failed container, wait until nothing is in flight
        Acknowledge,    ///< acknowledge the crash banner
        History,        ///< earlier start-ups, newest first
        SnapshotNow,    ///< ask for a snapshot (delivered, not waited for)
    };
    Q_ENUM(Action)

    /// Takes ownership of @p backend (not started yet). @p name is the container for Retry.
    RemoteCommand(RemoteBackend *backend, Action action, const QString &name = QString(),
                  QObject *parent = nullptr);
    ~RemoteCommand() override;

    /// Starts; finished() follows within @p timeoutMs.
    void start(int timeoutMs = 120000);

    /// After finished(): whether the command was carried out (a retried container may still have
    /// failed: look at report()).
    bool ok() const { return m_ok; }
    QString errorString() const { return m_error; }
    /// The current report when the command finished.
    RecoveryReport report() const { return m_report; }
    /// History: earlier start-ups, newest first.
    QList<RecoveryReport> history() const { return m_history; }

signals:
    void finished();

private:
    void onState();
    void onAnswer(const QString &id, bool accepted, const QString &code, const QString &message);
    void succeed();
    void fail(const QString &error);
    void finish();

    RemoteBackend *m_backend;
    Action m_action;
    QString m_name;
    bool m_acted = false;
    bool m_done = false;
    bool m_ok = false;
    bool m_sawFinished = false;
    bool m_accepted = false;
    QString m_commandId;
    QString m_error;
    RecoveryReport m_report;
    QList<RecoveryReport> m_history;
};

} // namespace archy
