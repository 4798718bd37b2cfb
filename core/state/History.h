#pragma once

#include <QList>
#include <QString>

#include "recovery/RecoveryTypes.h"

namespace archy::History {

inline QString fileName() { return QStringLiteral("recovery-history.jsonl"); }

/// Appends @p report as one JSON line, durably. Blocking: call it off the GUI thread.
bool append(const QString &dataDir, const RecoveryReport &report, QString *error);

/**
 * Reads the newest start-ups, newest first, at most @p limit. A start-up written several times
 * (retries, acknowledgement) appears once, in its highest revision. Torn or foreign lines are skipped.
 * Only the file's tail is read, so a long history costs little. Blocking.
 */
QList<RecoveryReport> read(const QString &dataDir, int limit = 200, QString *error = nullptr);

} // namespace archy::History
