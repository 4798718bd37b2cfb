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

qint64 eventTimeMs(const QJsonObject &object)
{
    // podman 5: "timeNano" (ns) and "time" (s); podman 4: "Time", RFC 3339 with nanoseconds.
    // Casting a double beyond qint64 (1e300 from a garbled line) is undefined behaviour, and so is
    // the overflow of seconds * 1000: anything past year ~285000 reads as no time at all.
    constexpr double LimitMs = 9007199254740992.0; // 2^53 ms; every integer below is exact
    const QJsonValue nano = object.value(QLatin1String("timeNano"));
    if (nano.isDouble() && nano.toDouble() > 0) {
        // A double holds ns since 1970 to about 0.2 us: plenty for milliseconds.
        const double ms = nano.toDouble() / 1e6;
        return ms < LimitMs ? qint64(ms) : 0;
    }
    const QJsonValue seconds = object.value(QLatin1String("time"));
    if (seconds.isDouble() && seconds.toDouble() > 0) {
        const double ms = seconds.toDouble() * 1000;
        return ms < LimitMs ? qint64(seconds.toDouble()) * 1000 : 0;
    }
    QString time = object.value(QLatin1String("Time")).toString();
    if (time.isEmpty())
        return 0;
    // "2026-11-28T05:23:27.126185457Z": milliseconds are all we need.
    static const QRegularExpression fraction(QStringLiteral("(\\.\\d{3})\\d+"));
    time.replace(fraction, QStringLiteral("\\1"));
    const QDateTime parsed = QDateTime::fromString(time, Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toMSecsSinceEpoch() : 0;
}

QByteArray withoutKnownWarnings(const QByteArray &standardError)
{
    if (!standardError.contains("level=warning"))
        return standardError;
    QList<QByteArray> kept;
    const QList<QByteArray> lines = standardError.split('\n');
    for (const QByteArray &line : lines) {
        // podman 5 on a cgroups v1 host says so before every command's own output.
        if (line.contains("level=warning") && line.contains("cgroups-v1"))
            continue;
        kept.append(line);
    }
    return kept.join('\n');
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
    const QJsonValue exitCode = object.value(QLatin1String("ContainerExitCode"));
    if (exitCode.isDouble())
        event->exitCode = exitCode.toInt(-1);
    else if (event->status == QLatin1String("died"))
        event->exitCode = 0; // podman 4 leaves a zero exit code out (omitempty)
    event->timeMs = eventTimeMs(object);
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
            *error = QCoreApplication::translate(
                         "archy::PodmanParse", "podman inspect printed something that is not a JSON list: %1")
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
        const QJsonArray test =
            config.value(QLatin1String("Healthcheck")).toObject().value(QLatin1String("Test")).toArray();
        entry.hasHealthcheck = !test.isEmpty() && test.first().toString() != QLatin1String("NONE");
        entry.labels = labelsOf(config.value(QLatin1String("Labels")));
        const QJsonObject state = object.value(QLatin1String("State")).toObject();
        entry.oomKilled = state.value(QLatin1String("OOMKilled")).toBool();
        entry.state = state.value(QLatin1String("Status")).toString();
        entry.image = object.value(QLatin1String("ImageName")).toString();
        if (entry.image.isEmpty())
            entry.image = config.value(QLatin1String("Image")).toString();
        entry.isInfra = object.value(QLatin1String("IsInfra")).toBool();
        entries->append(entry);
    }
    return true;
}

QList<PsEntry> psEntriesFrom(const QList<InspectEntry> &inspected)
{
    QList<PsEntry> entries;
    entries.reserve(inspected.size());
    for (const InspectEntry &entry : inspected) {
        PsEntry ps;
        ps.name = entry.name;
        ps.image = entry.image.isEmpty() ? QStringLiteral("unknown") : entry.image;
        // podman ps says "created" for what inspect calls "configured" (created, never initialised).
        ps.state = entry.state == QLatin1String("configured") ? QStringLiteral("created") : entry.state;
        ps.id = entry.id;
        ps.labels = entry.labels;
        ps.isInfra = entry.isInfra;
        entries.append(ps);
    }
    return entries;
}

} // namespace PodmanParse
} // namespace archy
