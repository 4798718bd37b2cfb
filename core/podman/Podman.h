#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include "PodmanCall.h"

class QObject;

namespace archy {

/// Where podman is and how long calls may take; makes PodmanCall objects.
class Podman final
{
public:
    /// @p program: a path, or empty to look `podman` up on PATH once.
    /// @p priority: how every call's child is scheduled (see PodmanPriority).
    explicit Podman(const QString &program = QString(), PodmanPriority priority = PodmanPriority::Normal);

    bool isAvailable() const { return !m_program.isEmpty(); }
    QString program() const { return m_program; }
    PodmanPriority priority() const { return m_priority; }
    /// Why isAvailable() is false, for people.
    QString unavailableReason() const;

    PodmanCall *call(const QStringList &arguments, int timeoutMs, QObject *parent) const;
    /**
     * The usual opening of a call: runs @p arguments and hands the result to @p onDone on
     * @p context's thread; the call deletes itself afterwards. If @p context dies first, nothing is
     * called. The returned pointer is for cancel() and is valid until @p onDone has run.
     */
    PodmanCall *call(const QStringList &arguments, int timeoutMs, QObject *context,
                     std::function<void(const PodmanResult &)> onDone) const;

    /// `podman start -- NAME...`: the `--` keeps a name from being read as an option.
    static QStringList startArguments(const QStringList &names);
    /// `stop -t 0`: takes a container a cut-off start left "initialized" back to a state it starts from.
    static QStringList repairArguments(const QString &name);
    static QStringList psAllArguments();
    static QStringList inspectArguments(const QStringList &names);
    static QStringList healthcheckArguments(const QString &name);
    /// Follows container events, replaying those since @p sinceSeconds (Unix time) first.
    static QStringList eventsArguments(qint64 sinceSeconds);

private:
    QString m_requested;
    QString m_program;
    PodmanPriority m_priority;
};

} // namespace archy
