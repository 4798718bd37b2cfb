#pragma once

#include <QIcon>

#include "recovery/FleetTypes.h"
#include "recovery/RecoveryTypes.h"

namespace archy::icons {

QIcon app();
QIcon retry();
QIcon ok();
QIcon failed();
QIcon waiting();
QIcon starting();
QIcon history();
QIcon warning();
QIcon quit();
QIcon back();
QIcon crashLoop();
QIcon stopped();
QIcon info();
QIcon forFleetState(FleetState state);
QIcon forState(ContainerState state);
/// The state's icon, or the crash-loop one for a container that keeps dying.
QIcon forStatus(const ContainerStatus &status);

} // namespace archy::icons
