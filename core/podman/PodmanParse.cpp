#include "PodmanParse.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace archy {

bool isValidContainerName(const QString &name)
{
    static const QRegularExpression rule(QStringLiteral("\\A[a-zA-Z0-9][a-zA-Z0-9_.-]*\\z"));
    return !name.isEmpty() && name.size() <= MaxContainerNameLength && rule.match(name).hasMatch();
}

namespace PodmanParse {

namespace {
QMap<QString, QString> labelsOf(const QJsonValue &value)
{
    QMap<QString, QString> labels;
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it)
        labels.insert(it.key(), it.value().toString());
    return labels;
}
} // namespace

bool parsePs(const QByteArray &json, QList<PsEntry> *entries, QString *error)
{
    entries->clear();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (json.trimmed().isEmpty()) // podman 4 prints "[]", some versions print nothing
        return true;
    if (parseError.error != QJsonParseError::NoError || !document.isArray()) {
        if (error) {
            *error = QCoreApplication::translate("archy::PodmanParse",
                                                 "podman ps printed something that is not a JSON list: %1")
                         .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                           : QStringLiteral("not an array"));
        }
        return false;
    }
    const QJsonArray array = document.array();
    entries->reserve(array.size());
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        PsEntry entry;
        const QJsonValue names = object.value(QLatin1String("Names"));
        if (names.isArray())
            entry.name = names.toArray().first().toString();
        else
            entry.name = names.toString();
        if (entry.name.isEmpty())
            continue;
        entry.image = object.value(QLatin1String("Image")).toString();
        if (entry.image.isEmpty())
            entry.image = QStringLiteral("unknown");
        entry.state = object.value(QLatin1String("State")).toString();
        entry.id = object.value(QLatin1String("Id")).toString();
        entry.labels = labelsOf(object.value(QLatin1String("Labels")));
        entry.isInfra = object.value(QLatin1String("IsInfra")).toBool();
        entries->append(entry);
    }
    return true;
}

bool parseEvent(const QByteArray &line, PodmanEvent *event)
{
    const QJsonDocument document = QJsonDocument::fromJson(line);
    if (!document.isObject())
        return false;
    const QJsonObject object = document.object();
    const QString type = object.value(QLatin1String("Type")).toString();
    if (!type.isEmpty() && type != QLatin1String("container"))
        return false;
    *event = PodmanEvent();
    event->id = object.value(QLatin1String("ID")).toString();
    event->name = object.value(QLatin1String("Name")).toString();
    event->image = object.value(QLatin1String("Image")).toString();
    event->status = object.value(QLatin1String("Status")).toString();
    event->labels = labelsOf(object.value(QLatin1String("Attributes")));
    event->exitCode = object.value(QLatin1String("ContainerExitCode")).toInt(-1);
    // "2026-11-28T05:23:27.126185457Z": nanoseconds; milliseconds are all we need.
    QString time = object.value(QLatin1String("Time")).toString();
    static const QRegularExpression fraction(QStringLiteral("(\\.\\d{3})\\d+"));
    time.replace(fraction, QStringLiteral("\\1"));
    const QDateTime parsed = QDateTime::fromString(time, Qt::ISODateWithMs);
    event->timeMs = parsed.isValid() ? parsed.toMSecsSinceEpoch() : 0;
    return !event->status.isEmpty() && (!event->id.isEmpty() || !event->name.isEmpty());
}

bool parseInspect(const QByteArray &json, QList<InspectEntry> *entries, QString *error)
{
    entries->clear();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (json.trimmed().isEmpty())
        return true;
    if (!document.isArray()) {
        if (error) {
            *error = QCoreApplication::translate("archy::PodmanParse",
                                                 "podman inspect printed something that is not a JSON list: %1")
                         .arg(parseError.errorString());
        }
        return false;
    }
    const QJsonArray array = document.array();
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        InspectEntry entry;
        entry.id = object.value(QLatin1String("Id")).toString();
        entry.name = object.value(QLatin1String("Name")).toString();
        if (entry.name.isEmpty())
            continue;
        const QJsonArray dependencies = object.value(QLatin1String("Dependencies")).toArray();
        for (const QJsonValue &dependency : dependencies)
            entry.dependencyIds.append(dependency.toString());
        const QJsonObject config = object.value(QLatin1String("Config")).toObject();
        const QJsonArray test = config.value(QLatin1String("Healthcheck")).toObject().value(QLatin1String("Test")).toArray();
        entry.hasHealthcheck = !test.isEmpty() && test.first().toString() != QLatin1String("NONE");
        entry.labels = labelsOf(config.value(QLatin1String("Labels")));
        entry.oomKilled = object.value(QLatin1String("State")).toObject().value(QLatin1String("OOMKilled")).toBool();
        entries->append(entry);
    }
    return true;
}

} // namespace PodmanParse
} // namespace archy
