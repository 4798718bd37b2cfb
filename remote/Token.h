#pragma once

#include <QByteArray>
#include <QString>

namespace archy::Token {

/// The token file in the data dir: 64 hex digits, mode 0600.
inline QString fileName()
{
    return QStringLiteral("remote-token");
}

/**
 * Returns the LAN token of @p dataDir, making it on first use: 32 random bytes from the system
 * generator, hex-encoded, written durably (DurableFile::write, 0600). An existing file is read back;
 * if it is not exactly 64 hex digits the result is empty and @p error says so (the file is left alone
 * for the owner to inspect or remove). A file readable by others is tightened to 0600.
 *
 * Blocking (a few small file operations and an fsync): call it once at start-up.
 */
QByteArray ensureToken(const QString &dataDir, QString *error);

/**
 * Reads a token file a client was given (the agent's remote-token, copied): the first line, which
 * must be 64 hex digits. Empty with @p error (for people) if the file cannot be read or holds no
 * token. Used by the CLI and the desktop alike.
 */
QByteArray readFile(const QString &path, QString *error);

/// True if @p token is 64 hex digits.
bool isValidToken(const QByteArray &token);

/**
 * Compares two secrets in time that does not depend on where they differ: both are hashed with
 * SHA-256 first (so their lengths leak nothing either) and the digests compared with an
 * XOR-accumulate loop.
 */
bool constantTimeEquals(const QByteArray &a, const QByteArray &b);

} // namespace archy::Token
