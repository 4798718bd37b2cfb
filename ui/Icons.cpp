#include "Icons.h"

#include <QHash>

namespace archy::icons {

namespace {

/// One QIcon per file for the life of the program. A QIcon made afresh from an SVG parses the file
/// again for each size it is asked for, and views ask for every row on every change: during a
/// recovery of 50 containers that was a tenth of the GUI thread's time. GUI thread only.
QIcon load(const char *name)
{
    // Never destroyed: QIcons must not outlive the application object in a static destructor.
    static auto *cache = new QHash<QByteArray, QIcon>;
    const QByteArray key(name);
    auto it = cache->constFind(key);
    if (it == cache->cend())
        it = cache->insert(key, QIcon(QStringLiteral(":/archy/icons/%1.svg").arg(QLatin1String(name))));
    return *it;
}

} // namespace

QIcon app()
{
    return load("app");
}
QIcon retry()
{
    return load("retry");
}
QIcon ok()
{
    return load("ok");
}
QIcon failed()
{
    return load("failed");
}
QIcon waiting()
{
    return load("waiting");
}
QIcon starting()
{
    return load("starting");
}
QIcon history()
{
    return load("history");
}
QIcon warning()
{
    return load("warning");
}
QIcon quit()
{
    return load("quit");
}
QIcon back()
{
    return load("back");
}

QIcon crashLoop()
{
    return load("crashloop");
}

QIcon stopped()
{
    return load("stopped");
}

QIcon info()
{
    return load("info");
}

QIcon forFleetState(FleetState state)
{
    switch (state) {
    case FleetState::Failed:
        return failed();
    case FleetState::CrashLoop:
        return crashLoop();
    case FleetState::Retrying:
    case FleetState::Waiting:
        return waiting();
    case FleetState::Starting:
        return starting();
    case FleetState::Running:
        return ok();
    case FleetState::StoppedByOwner:
    case FleetState::Finished:
    case FleetState::Stopped:
    case FleetState::Ignored:
        return stopped();
    }
    return {};
}

QIcon forState(ContainerState state)
{
    switch (state) {
    case ContainerState::Waiting:
        return waiting();
    case ContainerState::Starting:
        return starting();
    case ContainerState::Running:
        return ok();
    case ContainerState::Failed:
        return failed();
    }
    return {};
}

QIcon forStatus(const ContainerStatus &status)
{
    return status.crashLoop ? crashLoop() : forState(status.state);
}

} // namespace archy::icons
