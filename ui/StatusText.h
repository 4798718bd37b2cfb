#pragma once

#include <QCoreApplication>
#include <QString>

#include "recovery/FleetTypes.h"
#include "recovery/RecoveryTypes.h"

namespace archy {

/**
 * Every human word about a container's or the node's state, in one place, so the overview, the
 * details page, the history and the node list say the same thing the same way.
 */
class StatusText final
{
    Q_DECLARE_TR_FUNCTIONS(archy::StatusText)

public:
    /// A known cause of a failure, with what to do about it.
    struct Cause
    {
        QString title;       ///< short, for the row: "The program it starts is missing"
        QString nextStep;    ///< for the details page
        bool podman = false; ///< podman itself is broken, not this container
    };

    /// One or two words: "Running", "Crash loop", "Stopped by owner"...
    static QString stateWord(FleetState state);
    /// The row's status line: "Starting · 45 s", "Waiting for db", "Retrying in 12 s", the failure's cause.
    static QString rowText(const FleetEntry &entry, qint64 nowMs);
    /// What a waiting or retrying container waits for; empty if it does not wait.
    static QString waitText(const FleetEntry &entry, qint64 nowMs);

    /// The useful part of podman's error: the last clause that says what went wrong.
    static QString condensedError(const QString &error);
    /// A known cause with a next step; empty title if the error is not a known one.
    static Cause knownCause(const QString &error);
    /// The row's reason for a failure: the known cause's title, else the condensed error.
    static QString failureReason(const ContainerStatus &status);

    /// The overview's headline: "All 8 services are running", "2 services need attention"...
    static QString headline(const Fleet &fleet, const RecoveryReport &report, bool busy);
    /// The calm or alarmed line under it that says what kind of start this was.
    static QString startKind(const RecoveryReport &report);

    /// A locale date and time with a four-digit year and seconds; "unknown time" for 0.
    static QString dateTime(qint64 epochMs);
    static QString duration(qint64 ms);
};

} // namespace archy
