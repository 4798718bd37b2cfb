#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "recovery/RecoveryTypes.h"

namespace archy::Protocol {

/**
 * The control protocol between the agent and its screens and CLI clients (docs/protocol.md).
 * One JSON object per message: a line on the local socket, a text frame over WebSocket. This file
 * only builds and reads messages; transports live in the remote library.
 */
constexpr int Version = 1;
/// Largest message a client may send; anything longer closes the connection.
constexpr int MaxClientMessageBytes = 64 * 1024;
/// Largest message a server may send (the history can be long).
constexpr int MaxServerMessageBytes = 16 * 1024 * 1024;

namespace Type {
inline QString hello() { return QStringLiteral("hello"); }
inline QString welcome() { return QStringLiteral("welcome"); }
inline QString error() { return QStringLiteral("error"); }
inline QString state() { return QStringLiteral("state"); }
inline QString container() { return QStringLiteral("container"); }
inline QString report() { return QStringLiteral("report"); }
inline QString busy() { return QStringLiteral("busy"); }
inline QString acknowledged() { return QStringLiteral("acknowledged"); }
inline QString crashLoop() { return QStringLiteral("crashLoop"); }
inline QString history() { return QStringLiteral("history"); }
inline QString notice() { return QStringLiteral("notice"); }
inline QString retry() { return QStringLiteral("retry"); }
inline QString retryAllFailed() { return QStringLiteral("retryAllFailed"); }
inline QString snapshotNow() { return QStringLiteral("snapshotNow"); }
inline QString acknowledge() { return QStringLiteral("acknowledge"); }
inline QString requestHistory() { return QStringLiteral("requestHistory"); }
} // namespace Type

/// Error codes a server sends before closing.
namespace Error {
inline QString unsupportedVersion() { return QStringLiteral("unsupported-version"); }
inline QString unauthorized() { return QStringLiteral("unauthorized"); }
inline QString malformed() { return QStringLiteral("malformed"); }
inline QString tooLarge() { return QStringLiteral("too-large"); }
inline QString unknownCommand() { return QStringLiteral("unknown-command"); }
} // namespace Error

QByteArray encode(const QJsonObject &message);
/// Parses one message; false (with @p error for people) for anything that is not a JSON object with
/// a string "type".
bool decode(const QByteArray &data, QJsonObject *message, QString *error);
QString typeOf(const QJsonObject &message);

// client -> server
QJsonObject hello(const QString &token = QString());
QJsonObject retry(const QString &name);
QJsonObject command(const QString &type); ///< retryAllFailed, snapshotNow, acknowledge, requestHistory

// server -> client
QJsonObject welcome(const QString &serverVersion);
QJsonObject error(const QString &code, const QString &message);
QJsonObject state(const RecoveryReport &report, bool busy);
QJsonObject container(const ContainerStatus &status);
QJsonObject report(const RecoveryReport &report);
QJsonObject busy(bool busy);
QJsonObject acknowledged();
QJsonObject crashLoop(const QString &name);
QJsonObject history(const QList<RecoveryReport> &reports);
QJsonObject notice(const QString &message);

/// Checks a client's hello: empty result if fine, else the error code (unsupported-version...).
QString checkHello(const QJsonObject &hello);

} // namespace archy::Protocol
