#include "FleetTypes.h"

#include <QJsonArray>

#include <algorithm>

namespace archy {

namespace {

struct StateKey
{
    FleetState state;
    const char *key;
};

constexpr StateKey stateKeys[] = {
    {FleetState::Failed, "failed"},
    {FleetState::CrashLoop, "crash-loop"},
    {FleetState::Retrying, "retrying"},
    {FleetState::Waiting, "waiting"},
    {FleetState::Starting, "starting"},
    {FleetState::Running, "running"},
    {FleetState::StoppedByOwner, "stopped-by-owner"},
    {FleetState::Finished, "finished"},
    {FleetState::Stopped, "stopped"},
    {FleetState::Ignored, "ignored"},
};

} // namespace

QString fleetStateKey(FleetState state)
{
    for (const StateKey &entry : stateKeys) {
        if (entry.state == state)
            return QString::fromLatin1(entry.key);
    }
    return QStringLiteral("failed");
}

FleetState fleetStateFromKey(const QString &key)
{
    for (const StateKey &entry : stateKeys) {
        if (key == QLatin1String(entry.key))
            return entry.state;
    }
    return FleetState::Failed;
}

int fleetRank(FleetState state)
{
    if (isProblem(state))
        return 0;
    return isInFlight(state) ? 1 : 2;
}

bool isProblem(FleetState state)
{
    return state == FleetState::Failed || state == FleetState::CrashLoop;
}

bool isInFlight(FleetState state)
{
    return state == FleetState::Retrying || state == FleetState::Waiting || state == FleetState::Starting;
}

QJsonObject FleetEntry::toJson() const
{
    QJsonObject object = status.toJson();
    object.insert(QStringLiteral("state"), fleetStateKey(state));
    if (inRun)
        object.insert(QStringLiteral("inRun"), true);
    return object;
}

FleetEntry FleetEntry::fromJson(const QJsonObject &object)
{
    FleetEntry entry;
    entry.status = ContainerStatus::fromJson(object);
    entry.state = fleetStateFromKey(object.value(QLatin1String("state")).toString());
    entry.inRun = object.value(QLatin1String("inRun")).toBool();
    return entry;
}

bool FleetEntry::operator==(const FleetEntry &other) const
{
    return state == other.state && inRun == other.inRun && status == other.status;
}

int Fleet::count(FleetState state) const
{
    return int(std::count_if(containers.cbegin(), containers.cend(),
                             [state](const FleetEntry &entry) { return entry.state == state; }));
}

int Fleet::problems() const
{
    return int(std::count_if(containers.cbegin(), containers.cend(),
                             [](const FleetEntry &entry) { return isProblem(entry.state); }));
}

const FleetEntry *Fleet::find(const QString &name) const
{
    for (const FleetEntry &entry : containers) {
        if (entry.status.name == name)
            return &entry;
    }
    return nullptr;
}

QJsonObject Fleet::toJson() const
{
    QJsonArray array;
    for (const FleetEntry &entry : containers)
        array.append(entry.toJson());
    QJsonObject object;
    object.insert(QStringLiteral("containers"), array);
    object.insert(QStringLiteral("listed"), listed);
    if (!podmanProblem.isEmpty())
        object.insert(QStringLiteral("podmanProblem"), podmanProblem);
    return object;
}

Fleet Fleet::fromJson(const QJsonObject &object)
{
    Fleet fleet;
    const QJsonArray array = object.value(QLatin1String("containers")).toArray();
    for (const QJsonValue &value : array)
        fleet.containers.append(FleetEntry::fromJson(value.toObject()));
    fleet.listed = object.value(QLatin1String("listed")).toBool();
    fleet.podmanProblem = object.value(QLatin1String("podmanProblem")).toString();
    return fleet;
}

FleetState Fleet::stateOf(const ContainerStatus &status)
{
    switch (status.state) {
    case ContainerState::Waiting:
        return status.retryAtMs > 0 ? FleetState::Retrying : FleetState::Waiting;
    case ContainerState::Starting:
        return FleetState::Starting;
    case ContainerState::Running:
        return FleetState::Running;
    case ContainerState::Failed:
        return status.crashLoop ? FleetState::CrashLoop : FleetState::Failed;
    }
    return FleetState::Failed;
}

Fleet Fleet::fromReport(const RecoveryReport &report)
{
    Fleet fleet;
    for (const ContainerStatus &status : report.containers) {
        FleetEntry entry;
        entry.status = status;
        entry.state = stateOf(status);
        entry.inRun = true;
        fleet.containers.append(entry);
    }
    return fleet;
}

QJsonObject NodeIdentity::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("name"), name);
    object.insert(QStringLiteral("fingerprint"), fingerprint);
    object.insert(QStringLiteral("listenAddress"), listenAddress);
    object.insert(QStringLiteral("version"), version);
    return object;
}

NodeIdentity NodeIdentity::fromJson(const QJsonObject &object)
{
    NodeIdentity identity;
    identity.name = object.value(QLatin1String("name")).toString();
    identity.fingerprint = object.value(QLatin1String("fingerprint")).toString();
    identity.listenAddress = object.value(QLatin1String("listenAddress")).toString();
    identity.version = object.value(QLatin1String("version")).toString();
    return identity;
}

bool NodeIdentity::operator==(const NodeIdentity &other) const
{
    return name == other.name && fingerprint == other.fingerprint && listenAddress == other.listenAddress &&
           version == other.version;
}

QJsonObject ContainerLogs::toJson() const
{
    QJsonObject object;
    object.insert(QStringLiteral("name"), name);
    object.insert(QStringLiteral("lines"), QJsonArray::fromStringList(lines));
    if (!error.isEmpty())
        object.insert(QStringLiteral("error"), error);
    return object;
}

QString ContainerLogs::plainLine(const QString &line)
{
    QString clean;
    clean.reserve(qMin(line.size(), qsizetype(MaxLineLength)));
    for (const QChar c : line) {
        if (c == QLatin1Char('\t'))
            clean.append(QLatin1String("    "));
        else if (c.isPrint() || (c.isSpace() && c != QLatin1Char('\n') && c != QLatin1Char('\r')))
            clean.append(c);
        if (clean.size() > MaxLineLength)
            break;
    }
    if (clean.size() > MaxLineLength)
        clean = clean.left(MaxLineLength - 1) + QChar(0x2026);
    return clean;
}

ContainerLogs ContainerLogs::fromJson(const QJsonObject &object)
{
    ContainerLogs logs;
    logs.name = object.value(QLatin1String("name")).toString();
    const QJsonArray lines = object.value(QLatin1String("lines")).toArray();
    for (const QJsonValue &line : lines)
        logs.lines.append(line.toString());
    logs.error = object.value(QLatin1String("error")).toString();
    return logs;
}

} // namespace archy
