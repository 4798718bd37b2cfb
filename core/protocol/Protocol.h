#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "recovery/FleetTypes.h"
#include "recovery/RecoveryTypes.h"

namespace archy::Protocol {

/**
 * The control protocol between the agent and its screens and CLI clients (docs/protocol.md).
 * One JSON object per message: a line on the local socket, a text frame over WebSocket. This file
 * only builds, reads and authenticates messages; transports live in the remote library.
 */
constexpr int Version = 2;
/// Largest message a client may send; anything longer closes the connection.
constexpr int MaxClientMessageBytes = 64 * 1024;
/// Largest message a server may send (the history can be long).
constexpr int MaxServerMessageBytes = 16 * 1024 * 1024;
/// A server message with more JSON values than this is refused before it is parsed into objects:
/// a 16 MiB message of empty objects would otherwise cost gigabytes.
constexpr int MaxServerMessageValues = 400 * 1000;
/// Bounds a client keeps on what it holds from one message.
constexpr int MaxContainers = 4096;
constexpr int MaxHistoryReports = 1000;
/// Longest command id accepted; longer ones are answered with bad-request.
constexpr int MaxIdLength = 128;
/// A `logs` command asks for 1 to MaxLogLines lines (DefaultLogLines without `lines`); a client
/// keeps at most that many of an answer, each cut to ContainerLogs::MaxLineLength characters.
constexpr int MaxLogLines = ContainerLogs::MaxLines;
constexpr int DefaultLogLines = 20;
/// `logs` commands of one connection still unanswered; more are answered with busy.
constexpr int MaxPendingLogs = 4;
/// The agent pushes the fleet at most once per this interval; changes in between are coalesced.
constexpr int FleetPushIntervalMs = 200;
/// Node identity strings a client keeps (a host name, an address, a fingerprint).
constexpr int MaxNodeFieldLength = 256;

namespace Type {
inline QString hello()
{
    return QStringLiteral("hello");
}
inline QString challenge()
{
    return QStringLiteral("challenge");
}
inline QString welcome()
{
    return QStringLiteral("welcome");
}
inline QString error()
{
    return QStringLiteral("error");
}
inline QString result()
{
    return QStringLiteral("result");
}
inline QString state()
{
    return QStringLiteral("state");
}
inline QString container()
{
    return QStringLiteral("container");
}
inline QString report()
{
    return QStringLiteral("report");
}
inline QString busy()
{
    return QStringLiteral("busy");
}
inline QString acknowledged()
{
    return QStringLiteral("acknowledged");
}
inline QString crashLoop()
{
    return QStringLiteral("crashLoop");
}
inline QString history()
{
    return QStringLiteral("history");
}
inline QString notice()
{
    return QStringLiteral("notice");
}
inline QString retry()
{
    return QStringLiteral("retry");
}
inline QString retryAllFailed()
{
    return QStringLiteral("retryAllFailed");
}
inline QString snapshotNow()
{
    return QStringLiteral("snapshotNow");
}
inline QString acknowledge()
{
    return QStringLiteral("acknowledge");
}
inline QString requestHistory()
{
    return QStringLiteral("requestHistory");
}
inline QString logs()
{
    return QStringLiteral("logs");
}
inline QString fleet()
{
    return QStringLiteral("fleet");
}
inline QString node()
{
    return QStringLiteral("node");
}
} // namespace Type

/// Error codes (docs/protocol.md lists which close the connection).
namespace Error {
inline QString unsupportedVersion()
{
    return QStringLiteral("unsupported-version");
}
inline QString unauthorized()
{
    return QStringLiteral("unauthorized");
}
inline QString malformed()
{
    return QStringLiteral("malformed");
}
inline QString tooLarge()
{
    return QStringLiteral("too-large");
}
inline QString unknownCommand()
{
    return QStringLiteral("unknown-command");
}
inline QString badRequest()
{
    return QStringLiteral("bad-request");
}
inline QString unknownContainer()
{
    return QStringLiteral("unknown-container");
}
inline QString notFailed()
{
    return QStringLiteral("not-failed");
}
inline QString busy()
{
    return QStringLiteral("busy");
}
} // namespace Error

QByteArray encode(const QJsonObject &message);
/// Parses one message; false (with @p error for people) for anything that is not a JSON object with
/// a string "type".
bool decode(const QByteArray &data, QJsonObject *message, QString *error);
/**
 * decode() for messages from a server: also refuses (before building any object) a message with
 * more than MaxServerMessageValues JSON values.
 */
bool decodeFromServer(const QByteArray &data, QJsonObject *message, QString *error);
/// JSON values (scalars, arrays, objects) in @p data, counted without parsing it; stops past @p limit.
int countJsonValues(const QByteArray &data, int limit);
QString typeOf(const QJsonObject &message);
/// The command id of @p message; empty if absent or not a string.
QString idOf(const QJsonObject &message);

// Authentication on the LAN: HMAC-SHA256 keyed by the token (its 64 lowercase hex digits as ASCII)
// over both nonces and the certificate fingerprint the client saw. The token itself never travels.
/// 32 random bytes from the system generator, as 64 lowercase hex digits.
QString makeNonce();
/// True if @p nonce is 64 hex digits.
bool isValidNonce(const QString &nonce);
QString clientProof(const QByteArray &token, const QString &serverNonce, const QString &clientNonce,
                    const QString &fingerprint);
QString serverProof(const QByteArray &token, const QString &serverNonce, const QString &clientNonce,
                    const QString &fingerprint);
/// Compares two proofs in time that does not depend on where they differ.
bool proofsEqual(const QString &a, const QString &b);

// client -> server
/// The local hello; with @p nonce and @p proof, the LAN one.
QJsonObject hello(const QString &nonce = QString(), const QString &proof = QString());
QJsonObject retry(const QString &id, const QString &name);
/// retryAllFailed, snapshotNow, acknowledge, requestHistory
QJsonObject command(const QString &type, const QString &id);
/// The last @p lines lines of container @p name's output.
QJsonObject logs(const QString &id, const QString &name, int lines);

// server -> client
QJsonObject challenge(const QString &nonce);
QJsonObject welcome(const QString &serverVersion, const QString &proof = QString());
/// An error; @p id is the command's, empty for errors that answer no command.
QJsonObject error(const QString &code, const QString &message, const QString &id = QString());
QJsonObject result(const QString &id);
/// The answer to a `logs` command: a result carrying @p logs.
QJsonObject logsResult(const QString &id, const ContainerLogs &logs);
QJsonObject state(const RecoveryReport &report, bool busy, const Fleet &fleet, const NodeIdentity &node);
QJsonObject fleet(const Fleet &fleet);
QJsonObject node(const NodeIdentity &identity);
QJsonObject container(const ContainerStatus &status);
QJsonObject report(const RecoveryReport &report);
QJsonObject busy(bool busy);
QJsonObject acknowledged();
QJsonObject crashLoop(const QString &name);
QJsonObject history(const QList<RecoveryReport> &reports, const QString &id = QString());
QJsonObject notice(const QString &message);

/// Checks a client's hello: empty result if fine, else the error code (unsupported-version...).
QString checkHello(const QJsonObject &hello);

/// Reads a report from the wire, keeping at most MaxContainers containers.
RecoveryReport reportFromWire(const QJsonObject &object);
/**
 * Reads a fleet from the wire: false (with @p error for people, @p fleet untouched) unless it is an
 * object with a "containers" list. Keeps at most MaxContainers entries; skips entries that are not
 * objects with a container name, and repeated names.
 */
bool fleetFromWire(const QJsonValue &value, Fleet *fleet, QString *error);
/// Reads a node identity: false (with @p error) unless it is an object; strings are cut to
/// MaxNodeFieldLength and made plain.
bool nodeFromWire(const QJsonValue &value, NodeIdentity *node, QString *error);
/**
 * Reads a `logs` answer: false (with @p error, @p logs untouched) unless it is an object whose
 * "lines" is a list of strings. Keeps the last MaxLogLines lines, each made plain text
 * (ContainerLogs::plainLine): the agent's text is data, never markup or terminal control.
 */
bool logsFromWire(const QJsonValue &value, ContainerLogs *logs, QString *error);

} // namespace archy::Protocol
