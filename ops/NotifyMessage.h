#pragma once

#include <QByteArray>
#include <QString>
#include <QStringList>

#include "recovery/RecoveryTypes.h"

namespace archy {

/// Why the owner is told.
enum class NotifyReason
{
    Startup,   ///< a start-up that found a crash or left a container failed
    CrashLoop, ///< a container was flagged as crash looping
};

/// A clean start-up with nothing failed tells nobody; a crash or a failure does.
bool startupNeedsNotification(const RecoveryReport &report);

/// A short human message, ntfy-compatible: a text body and Title/Priority/Tags headers.
struct NotifyMessage
{
    QString title;
    QString body;
    int priority = 3; ///< ntfy: 1 (min) .. 5 (urgent)
    QString tags;     ///< ntfy emoji short codes, comma separated

    /// The report JSON that --notify-command reads on stdin: the report plus what triggered it.
    QByteArray json;
};

NotifyMessage makeNotifyMessage(const RecoveryReport &report, NotifyReason reason, const QString &host,
                                const QString &crashLoopName = QString());

/**
 * Splits a --notify-command into words the way a POSIX shell splits them ('single', "double" and
 * backslash quoting), without any expansion: no variables, globs or operators. False for an
 * unterminated quote.
 */
bool splitCommandWords(const QString &command, QStringList *words);

/// @p text with control characters (except newline) replaced, for a log line or an HTTP header.
QString withoutControlChars(const QString &text, bool keepNewlines = false);

} // namespace archy
