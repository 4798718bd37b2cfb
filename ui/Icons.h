#pragma once

#include <QIcon>

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
QIcon forState(ContainerState state);

} // namespace archy::icons
