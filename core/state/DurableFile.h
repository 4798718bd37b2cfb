#pragma once

#include <QByteArray>
#include <QString>

namespace archy::DurableFile {

/**
 * Replaces @p path with @p data atomically and durably: a temp file in the same directory (0600),
 * fsync, rename over the target, fsync the directory. QSaveFile ignores fsync errors and never syncs
 * the directory, so a power cut could lose the rename.
 *
 * With @p previousPath set, the current file is first moved there, so one older generation survives.
 * Blocking: call it from a worker thread (QtConcurrent), never the GUI thread.
 */
bool write(const QString &path, const QByteArray &data, QString *error,
           const QString &previousPath = QString());

/**
 * Appends the line @p line to @p path (created 0600) and fsyncs; fsyncs the directory when it
 * created the file. If a power cut left the file's last line unfinished, a newline is put first so
 * the new line is never glued onto the torn one.
 */
bool appendLine(const QString &path, const QByteArray &line, QString *error);

/// Removes @p path and fsyncs its directory. A missing file is not an error.
bool remove(const QString &path, QString *error);

/// fsync() the directory holding @p path, so a create, rename or unlink survives a power cut.
bool syncDirectoryOf(const QString &path, QString *error);

/**
 * Reads at most @p maxBytes of @p path. A bigger file is refused without reading it, so a huge or
 * hostile file costs neither time nor memory.
 */
enum class ReadStatus { Ok, Missing, TooBig, Error };
ReadStatus read(const QString &path, qint64 maxBytes, QByteArray *data, QString *error);

} // namespace archy::DurableFile
