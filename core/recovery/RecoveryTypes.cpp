#include "RecoveryTypes.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonArray>
#include <QTimeZone>

#include <algorithm>

namespace archy {

namespace {

// toUTC(): Qt 6.4's QTimeZone::utc() would print "+00:00"; the history has always said "Z".
QString isoUtc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).toUTC().toString(Qt::ISODateWithMs);
}

/// A JSON number as an integer. Out of range (1e300, NaN) reads as 0: casting such a double is
/// undefined behaviour, and these values come from files and the network (found by fuzzing).
qint64 integerFrom(const QJsonValue &value)
{
    const double number = value.toDouble();
    constexpr double Limit = 9007199254740992.0; // 2^53: every integer below is exact
    return number > -Limit && number < Limit ? qint64(number) : 0;
}
} // namespace

QString containerStateKey(ContainerState state)
{
    switch (state) {
    case ContainerState::Waiting:
        return QStringLiteral("waiting");
    case ContainerState::Starting:
        return QStringLiteral("starting");
    case ContainerState::Running:
        return QStringLiteral("running");
    case ContainerState::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("failed");
}

ContainerState containerStateFromKey(const QString &key)
{
    if (key == QLatin1String("waiting"))
        return ContainerState::Waiting;
    if (key == QLatin1String("starting"))
        return ContainerState::Starting;
    if (key == QLatin1String("running") || key == QLatin1String("recovered"))
        return ContainerState::Running;
    return ContainerState::Failed;
}

QString containerStateText(ContainerState state)
{
    switch (state) {
    case ContainerState::Waiting:
        return QCoreApplication::translate("archy::ContainerState", "Waiting");
    case ContainerState::Starting:
        return QCoreApplication::translate("archy::ContainerState", "Starting");
    case ContainerState::Running:
        return QCoreApplication::translate("archy::ContainerState", "Running");
    case ContainerState::Failed:
        return QCoreApplication::translate("archy::ContainerState", "Failed");
    }
    return QCoreApplication::translate("archy::ContainerState", "Failed");
}

qint64 ContainerStatus::elapsedMs() const
{
    if (startedAtMs <= 0)
        return 0;
    const qint64 end = finishedAtMs > 0 ? finishedAtMs : QDateTime::currentMSecsSinceEpoch();
    return qMax<qint64>(0, end - startedAtMs);
}

QJsonObject ContainerStatus::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("name"), name);
    object.insert(QStringLiteral("image"), image);
    // "result" is what the report calls it; "recovered" for Running keeps the seed's wording.
    object.insert(QStringLiteral("result"),
                  state == ContainerState::Running ? QStringLiteral("recovered") : containerStateKey(state));
    object.insert(QStringLiteral("error"), error);
    object.insert(QStringLiteral("attempts"), attempts);
    object.insert(QStringLiteral("startedAtMs"), startedAtMs);
    object.insert(QStringLiteral("finishedAtMs"), finishedAtMs);
    if (crashLoop)
        object.insert(QStringLiteral("crashLoop"), true);
    if (!note.isEmpty())
        object.insert(QStringLiteral("note"), note);
    if (!waitingFor.isEmpty())
        object.insert(QStringLiteral("waitingFor"), QJsonArray::fromStringList(waitingFor));
    if (retryAtMs > 0)
        object.insert(QStringLiteral("retryAtMs"), retryAtMs);
    return object;
}

ContainerStatus ContainerStatus::fromJson(const QJsonObject &object)
{
    ContainerStatus status;
    status.name = object.value(QLatin1String("name")).toString();
    status.image = object.value(QLatin1String("image")).toString();
    status.state = containerStateFromKey(object.value(QLatin1String("result")).toString());
    status.error = object.value(QLatin1String("error")).toString();
    status.attempts = object.value(QLatin1String("attempts")).toInt();
    status.startedAtMs = integerFrom(object.value(QLatin1String("startedAtMs")));
    status.finishedAtMs = integerFrom(object.value(QLatin1String("finishedAtMs")));
    status.crashLoop = object.value(QLatin1String("crashLoop")).toBool();
    status.note = object.value(QLatin1String("note")).toString();
    const QJsonArray waits = object.value(QLatin1String("waitingFor")).toArray();
    for (const QJsonValue &wait : waits)
        status.waitingFor.append(wait.toString());
    status.retryAtMs = integerFrom(object.value(QLatin1String("retryAtMs")));
    return status;
}

bool ContainerStatus::operator==(const ContainerStatus &other) const
{
    return name == other.name && image == other.image && state == other.state && error == other.error &&
           attempts == other.attempts && startedAtMs == other.startedAtMs &&
           finishedAtMs == other.finishedAtMs && crashLoop == other.crashLoop && note == other.note &&
           waitingFor == other.waitingFor && retryAtMs == other.retryAtMs;
}

QJsonObject CrashInfo::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("crash"), crash);
    object.insert(QStringLiteral("previousPid"), previousPid);
    object.insert(QStringLiteral("reason"), reason);
    object.insert(QStringLiteral("detectedAtMs"), detectedAtMs);
    object.insert(QStringLiteral("snapshotAtMs"), snapshotAtMs);
    object.insert(QStringLiteral("containersBefore"), containersBefore);
    if (!snapshotWarning.isEmpty())
        object.insert(QStringLiteral("snapshotWarning"), snapshotWarning);
    if (firstStart)
        object.insert(QStringLiteral("firstStart"), true);
    return object;
}

CrashInfo CrashInfo::fromJson(const QJsonObject &object)
{
    CrashInfo info;
    info.crash = object.value(QLatin1String("crash")).toBool();
    info.previousPid = integerFrom(object.value(QLatin1String("previousPid")));
    info.reason = object.value(QLatin1String("reason")).toString();
    info.detectedAtMs = integerFrom(object.value(QLatin1String("detectedAtMs")));
    info.snapshotAtMs = integerFrom(object.value(QLatin1String("snapshotAtMs")));
    info.containersBefore = object.value(QLatin1String("containersBefore")).toInt();
    info.snapshotWarning = object.value(QLatin1String("snapshotWarning")).toString();
    info.firstStart = object.value(QLatin1String("firstStart")).toBool();
    return info;
}

int RecoveryReport::recovered() const
{
    return int(std::count_if(containers.cbegin(), containers.cend(),
                             [](const ContainerStatus &c) { return c.state == ContainerState::Running; }));
}

QStringList RecoveryReport::failed() const
{
    QStringList names;
    for (const ContainerStatus &c : containers) {
        if (c.state == ContainerState::Failed)
            names.append(c.name);
    }
    return names;
}

QJsonObject RecoveryReport::toJson() const
{
    // Crash information sits at the top level too: that is where the report's readers look first.
    QJsonObject object = crashInfo.toJson();
    object.insert(QStringLiteral("id"), id);
    object.insert(QStringLiteral("revision"), revision);
    object.insert(QStringLiteral("total"), total());
    object.insert(QStringLiteral("recovered"), recovered());
    object.insert(QStringLiteral("failed"), QJsonArray::fromStringList(failed()));
    QJsonArray array;
    for (const ContainerStatus &c : containers)
        array.append(c.toJson());
    object.insert(QStringLiteral("containers"), array);
    object.insert(QStringLiteral("startedAt"), isoUtc(startedAtMs));
    object.insert(QStringLiteral("finishedAt"),
                  finishedAtMs > 0 ? QJsonValue(isoUtc(finishedAtMs)) : QJsonValue());
    object.insert(QStringLiteral("startedAtMs"), startedAtMs);
    object.insert(QStringLiteral("finishedAtMs"), finishedAtMs);
    object.insert(QStringLiteral("acknowledged"), acknowledged);
    return object;
}

RecoveryReport RecoveryReport::fromJson(const QJsonObject &object)
{
    RecoveryReport report;
    report.crashInfo = CrashInfo::fromJson(object);
    report.id = object.value(QLatin1String("id")).toString();
    report.revision = object.value(QLatin1String("revision")).toInt();
    const QJsonArray array = object.value(QLatin1String("containers")).toArray();
    for (const QJsonValue &value : array)
        report.containers.append(ContainerStatus::fromJson(value.toObject()));
    report.startedAtMs = integerFrom(object.value(QLatin1String("startedAtMs")));
    report.finishedAtMs = integerFrom(object.value(QLatin1String("finishedAtMs")));
    report.acknowledged = object.value(QLatin1String("acknowledged")).toBool();
    return report;
}

} // namespace archy
