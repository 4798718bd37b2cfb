#pragma once

#include <QString>
#include <QStringList>

namespace archy::DataDir {

/// The files the agent keeps in its data dir; each must be a regular file it owns when present.
QStringList stateFileNames();

/**
 * Makes @p dir usable as the agent's data dir, or says why not (for people, in @p error).
 *
 * A missing dir is created 0700 in one step (mkdir with that mode; its parents with mkpath), so it is
 * never briefly open to others. An existing dir, and every state file in it, must be owned by this
 * process's effective user and not writable by group or others: whoever else can write there could
 * plant a marker, a snapshot naming containers to start, or a symlink for us to write through.
 * Non-files at state paths are not refused here: readers and writers move them aside.
 */
bool prepare(const QString &dir, QString *error);

} // namespace archy::DataDir
