#include "Protocol.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>

namespace archy::Protocol {

namespace {
QJsonObject message(const QString &type)
{
    return QJsonObject{{QStringLiteral("type"), type}};
}
} // namespace

QByteArray encode(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

bool decode(const QByteArray &data, QJsonObject *object, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
        if (error)
            *error = QCoreApplication::translate("archy::Protocol", "Malformed message: %1")
                         .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                           : QStringLiteral("not an object"));
        return false;
    }
    *object = document.object();
    if (!object->value(QLatin1String("type")).isString()) {
        if (error)
            *error = QCoreApplication::translate("archy::Protocol", "Malformed message: no \"type\".");
        return false;
    }
    return true;
}

QString typeOf(const QJsonObject &object)
{
    return object.value(QLatin1String("type")).toString();
}

QJsonObject hello(const QString &token)
{
    QJsonObject object = message(Type::hello());
    object.insert(QStringLiteral("protocol"), Version);
    if (!token.isEmpty())
        object.insert(QStringLiteral("token"), token);
    return object;
}

QJsonObject retry(const QString &name)
{
    QJsonObject object = message(Type::retry());
    object.insert(QStringLiteral("name"), name);
    return object;
}

QJsonObject command(const QString &type)
{
    return message(type);
}

QJsonObject welcome(const QString &serverVersion)
{
    QJsonObject object = message(Type::welcome());
    object.insert(QStringLiteral("protocol"), Version);
    object.insert(QStringLiteral("server"), QStringLiteral("archy-recovery"));
    object.insert(QStringLiteral("version"), serverVersion);
    return object;
}

QJsonObject error(const QString &code, const QString &text)
{
    QJsonObject object = message(Type::error());
    object.insert(QStringLiteral("code"), code);
    object.insert(QStringLiteral("message"), text);
    return object;
}

QJsonObject state(const RecoveryReport &report, bool busy)
{
    QJsonObject object = message(Type::state());
    object.insert(QStringLiteral("report"), report.toJson());
    object.insert(QStringLiteral("busy"), busy);
    return object;
}

QJsonObject container(const ContainerStatus &status)
{
    QJsonObject object = message(Type::container());
    object.insert(QStringLiteral("status"), status.toJson());
    return object;
}

QJsonObject report(const RecoveryReport &report)
{
    QJsonObject object = message(Type::report());
    object.insert(QStringLiteral("report"), report.toJson());
    return object;
}

QJsonObject busy(bool busy)
{
    QJsonObject object = message(Type::busy());
    object.insert(QStringLiteral("busy"), busy);
    return object;
}

QJsonObject acknowledged()
{
    return message(Type::acknowledged());
}

QJsonObject crashLoop(const QString &name)
{
    QJsonObject object = message(Type::crashLoop());
    object.insert(QStringLiteral("name"), name);
    return object;
}

QJsonObject history(const QList<RecoveryReport> &reports)
{
    QJsonArray array;
    for (const RecoveryReport &report : reports)
        array.append(report.toJson());
    QJsonObject object = message(Type::history());
    object.insert(QStringLiteral("reports"), array);
    return object;
}

QJsonObject notice(const QString &text)
{
    QJsonObject object = message(Type::notice());
    object.insert(QStringLiteral("message"), text);
    return object;
}

QString checkHello(const QJsonObject &object)
{
    if (typeOf(object) != Type::hello())
        return Error::malformed();
    if (object.value(QLatin1String("protocol")).toInt(-1) != Version)
        return Error::unsupportedVersion();
    return {};
}

} // namespace archy::Protocol
