#pragma once

#include <QByteArray>
#include <QString>

namespace archy::DurableFile {

/**
 * Replaces @p path with @p data atomically and durably: a temp file in the same directory (0600),
 * fsync, rename over the target, fsync the directory. QSaveFile ignores fsync errors and never syncs
 * the directory, so a power cut could lose the rename. A directory or other non-file at @p path or
 * @p previousPath would block the rename for ever: it is moved aside first.
 *
 * With @p previousPath set, the current file is first moved there, so one older generation survives.
 * Blocking: call it from a worker thread (QtConcurrent), never the GUI thread.
 */
bool write(const QString &path, const QByteArray &data, QString *error,
           const QString &previousPath = QString());

/**
 * Appends the line @p line to @p path (created 0600) and fsyncs; fsyncs the directory when it
 * created the file. If a power cut left the file's last line unfinished, a newline is put first so
 * the new line is never glued onto the torn one. A write that fails (disk full) is cut off again, so
 * it leaves no partial line. Anything but a regular file at @p path is moved aside first.
 */
bool appendLine(const QString &path, const QByteArray &line, QString *error);

/// Removes @p path and fsyncs its directory. A missing file is not an error.
bool remove(const QString &path, QString *error);

/// fsync() the directory holding @p path, so a create, rename or unlink survives a power cut.
bool syncDirectoryOf(const QString &path, QString *error);

/**
 * Reads at most @p maxBytes of @p path. A bigger file is refused without reading it, so a huge or
 * hostile file costs neither time nor memory.
 *
 * Only a regular file is read: the path is opened O_NOFOLLOW|O_NONBLOCK and checked with fstat, so a
 * FIFO, device, directory or symlink there is never followed or blocked on. Such a thing is moved
 * aside (moveAside()) and the result is Missing with @p error saying where it went.
 */
enum class ReadStatus
{
    Ok,
    Missing,
    TooBig,
    Error
};
ReadStatus read(const QString &path, qint64 maxBytes, QByteArray *data, QString *error);

/**
 * Renames whatever is at @p path to `path.not-a-file-<UTC time>` (a FIFO, a directory, a symlink: it
 * would block or mislead every reader and writer) and logs a warning. Returns the new name, or an
 * empty string (and @p error) when it could not be moved.
 */
QString moveAside(const QString &path, const QString &what, QString *error);

/// What is at @p path, not following a symlink: "missing", "regular" or a description for people.
enum class Kind
{
    Missing,
    Regular,
    Other
};
Kind kindOf(const QString &path, QString *description = nullptr);

/**
 * Opens @p path (open(2) @p flags) without following a symlink or blocking on a FIFO. Returns the
 * descriptor of a regular file, or -1: then @p kind is Missing, Other (a non-file is there), or
 * Regular when opening failed for another reason (@p savedErrno).
 */
int openRegular(const QString &path, int flags, Kind *kind, int *savedErrno);

} // namespace archy::DurableFile
