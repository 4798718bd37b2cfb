#include "Protocol.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <QSet>

#include "podman/PodmanParse.h"

namespace archy::Protocol {

namespace {
QJsonObject message(const QString &type)
{
    return QJsonObject{{QStringLiteral("type"), type}};
}

QString proof(const char *role, const QByteArray &token, const QString &serverNonce,
              const QString &clientNonce, const QString &fingerprint)
{
    QMessageAuthenticationCode code(QCryptographicHash::Sha256, token.trimmed().toLower());
    code.addData(QByteArray("archy-recovery/2 ") + role + '\n');
    code.addData(serverNonce.toLatin1().toLower() + '\n');
    code.addData(clientNonce.toLatin1().toLower() + '\n');
    code.addData(fingerprint.toLatin1().toUpper());
    return QString::fromLatin1(code.result().toHex());
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

bool decodeFromServer(const QByteArray &data, QJsonObject *object, QString *error)
{
    if (data.size() > MaxServerMessageBytes ||
        countJsonValues(data, MaxServerMessageValues) > MaxServerMessageValues) {
        if (error)
            *error = QCoreApplication::translate(
                "archy::Protocol", "The agent sent a message larger than this program accepts.");
        return false;
    }
    return decode(data, object, error);
}

int countJsonValues(const QByteArray &data, int limit)
{
    // Every value but the outermost follows '[', ':' or ',' outside a string; counting those
    // bounds the values without building any.
    int count = 1;
    bool inString = false;
    bool escaped = false;
    for (const char c : data) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '[' || c == ':' || c == ',') {
            if (++count > limit)
                return count;
        }
    }
    return count;
}

QString typeOf(const QJsonObject &object)
{
    return object.value(QLatin1String("type")).toString();
}

QString idOf(const QJsonObject &object)
{
    return object.value(QLatin1String("id")).toString();
}

QString makeNonce()
{
    QByteArray raw(32, Qt::Uninitialized);
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(raw.data()),
                                         reinterpret_cast<quint32 *>(raw.data() + raw.size()));
    return QString::fromLatin1(raw.toHex());
}

bool isValidNonce(const QString &nonce)
{
    if (nonce.size() != 64)
        return false;
    for (const QChar c : nonce) {
        const char16_t u = c.unicode();
        if (!((u >= '0' && u <= '9') || (u >= 'a' && u <= 'f') || (u >= 'A' && u <= 'F')))
            return false;
    }
    return true;
}

QString clientProof(const QByteArray &token, const QString &serverNonce, const QString &clientNonce,
                    const QString &fingerprint)
{
    return proof("client", token, serverNonce, clientNonce, fingerprint);
}

QString serverProof(const QByteArray &token, const QString &serverNonce, const QString &clientNonce,
                    const QString &fingerprint)
{
    return proof("server", token, serverNonce, clientNonce, fingerprint);
}

bool proofsEqual(const QString &a, const QString &b)
{
    // Hash first: equal-length digests, so neither length nor position of a difference leaks.
    const QByteArray da = QCryptographicHash::hash(a.toUtf8().toLower(), QCryptographicHash::Sha256);
    const QByteArray db = QCryptographicHash::hash(b.toUtf8().toLower(), QCryptographicHash::Sha256);
    unsigned char diff = 0;
    for (int i = 0; i < da.size(); ++i)
        diff |= static_cast<unsigned char>(da.at(i) ^ db.at(i));
    return diff == 0;
}

QJsonObject hello(const QString &nonce, const QString &proofHex)
{
    QJsonObject object = message(Type::hello());
    object.insert(QStringLiteral("protocol"), Version);
    if (!nonce.isEmpty())
        object.insert(QStringLiteral("nonce"), nonce);
    if (!proofHex.isEmpty())
        object.insert(QStringLiteral("proof"), proofHex);
    return object;
}

QJsonObject retry(const QString &id, const QString &name)
{
    QJsonObject object = command(Type::retry(), id);
    object.insert(QStringLiteral("name"), name);
    return object;
}

QJsonObject command(const QString &type, const QString &id)
{
    QJsonObject object = message(type);
    object.insert(QStringLiteral("id"), id);
    return object;
}

QJsonObject logs(const QString &id, const QString &name, int lines)
{
    QJsonObject object = command(Type::logs(), id);
    object.insert(QStringLiteral("name"), name);
    object.insert(QStringLiteral("lines"), lines);
    return object;
}

QJsonObject challenge(const QString &nonce)
{
    QJsonObject object = message(Type::challenge());
    object.insert(QStringLiteral("protocol"), Version);
    object.insert(QStringLiteral("nonce"), nonce);
    return object;
}

QJsonObject welcome(const QString &serverVersion, const QString &proofHex)
{
    QJsonObject object = message(Type::welcome());
    object.insert(QStringLiteral("protocol"), Version);
    object.insert(QStringLiteral("server"), QStringLiteral("archy-recovery"));
    object.insert(QStringLiteral("version"), serverVersion);
    if (!proofHex.isEmpty())
        object.insert(QStringLiteral("proof"), proofHex);
    return object;
}

QJsonObject error(const QString &code, const QString &text, const QString &id)
{
    QJsonObject object = message(Type::error());
    if (!id.isEmpty())
        object.insert(QStringLiteral("id"), id);
    object.insert(QStringLiteral("code"), code);
    object.insert(QStringLiteral("message"), text);
    return object;
}

QJsonObject result(const QString &id)
{
    QJsonObject object = message(Type::result());
    object.insert(QStringLiteral("id"), id);
    return object;
}

QJsonObject logsResult(const QString &id, const ContainerLogs &logs)
{
    QJsonObject object = result(id);
    object.insert(QStringLiteral("logs"), logs.toJson());
    return object;
}

QJsonObject state(const RecoveryReport &report, bool busy, const Fleet &fleet, const NodeIdentity &node)
{
    QJsonObject object = message(Type::state());
    object.insert(QStringLiteral("report"), report.toJson());
    object.insert(QStringLiteral("busy"), busy);
    object.insert(QStringLiteral("fleet"), fleet.toJson());
    object.insert(QStringLiteral("node"), node.toJson());
    return object;
}

QJsonObject fleet(const Fleet &fleet)
{
    QJsonObject object = message(Type::fleet());
    object.insert(QStringLiteral("fleet"), fleet.toJson());
    return object;
}

QJsonObject node(const NodeIdentity &identity)
{
    QJsonObject object = message(Type::node());
    object.insert(QStringLiteral("node"), identity.toJson());
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

QJsonObject history(const QList<RecoveryReport> &reports, const QString &id)
{
    QJsonArray array;
    for (const RecoveryReport &report : reports)
        array.append(report.toJson());
    QJsonObject object = message(Type::history());
    if (!id.isEmpty())
        object.insert(QStringLiteral("id"), id);
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

RecoveryReport reportFromWire(const QJsonObject &object)
{
    QJsonObject bounded = object;
    const QJsonArray containers = object.value(QLatin1String("containers")).toArray();
    if (containers.size() > MaxContainers) {
        QJsonArray kept;
        for (qsizetype i = 0; i < MaxContainers; ++i)
            kept.append(containers.at(i));
        bounded.insert(QStringLiteral("containers"), kept);
    }
    return RecoveryReport::fromJson(bounded);
}

bool fleetFromWire(const QJsonValue &value, Fleet *fleet, QString *error)
{
    const QJsonValue containers = value.toObject().value(QLatin1String("containers"));
    if (!value.isObject() || !containers.isArray()) {
        if (error)
            *error = QCoreApplication::translate("archy::Protocol",
                                                 "The agent sent a container list this program cannot read.");
        return false;
    }
    const QJsonObject object = value.toObject();
    Fleet read;
    QSet<QString> names;
    const QJsonArray array = containers.toArray();
    for (const QJsonValue &entry : array) {
        if (read.containers.size() >= MaxContainers)
            break;
        const QString name = entry.toObject().value(QLatin1String("name")).toString();
        if (!entry.isObject() || !isValidContainerName(name) || names.contains(name))
            continue;
        names.insert(name);
        read.containers.append(FleetEntry::fromJson(entry.toObject()));
    }
    read.listed = object.value(QLatin1String("listed")).toBool();
    read.podmanProblem = object.value(QLatin1String("podmanProblem")).toString().left(4096);
    *fleet = read;
    return true;
}

bool nodeFromWire(const QJsonValue &value, NodeIdentity *node, QString *error)
{
    if (!value.isObject()) {
        if (error)
            *error = QCoreApplication::translate(
                "archy::Protocol", "The agent sent a node description this program cannot read.");
        return false;
    }
    const NodeIdentity read = NodeIdentity::fromJson(value.toObject());
    auto plain = [](const QString &text) { return ContainerLogs::plainLine(text.left(MaxNodeFieldLength)); };
    node->name = plain(read.name);
    node->fingerprint = plain(read.fingerprint);
    node->listenAddress = plain(read.listenAddress);
    node->version = plain(read.version);
    return true;
}

bool logsFromWire(const QJsonValue &value, ContainerLogs *logs, QString *error)
{
    const QJsonObject object = value.toObject();
    const QJsonValue lines = object.value(QLatin1String("lines"));
    bool readable = value.isObject() && object.value(QLatin1String("name")).isString() && lines.isArray();
    const QJsonArray array = lines.toArray();
    for (qsizetype i = 0; readable && i < array.size(); ++i)
        readable = array.at(i).isString();
    if (!readable) {
        if (error)
            *error = QCoreApplication::translate("archy::Protocol",
                                                 "The agent sent container logs this program cannot read.");
        return false;
    }
    ContainerLogs read;
    read.name = object.value(QLatin1String("name")).toString().left(256);
    // The newest lines are the ones worth keeping.
    for (qsizetype i = qMax<qsizetype>(0, array.size() - MaxLogLines); i < array.size(); ++i)
        read.lines.append(ContainerLogs::plainLine(array.at(i).toString()));
    read.error = object.value(QLatin1String("error")).toString().left(4096);
    *logs = read;
    return true;
}

} // namespace archy::Protocol
