#include "Logging.h"

namespace archy {
Q_LOGGING_CATEGORY(lcPodman, "archy.podman", QtInfoMsg)
Q_LOGGING_CATEGORY(lcState, "archy.state", QtInfoMsg)
Q_LOGGING_CATEGORY(lcRecovery, "archy.recovery", QtInfoMsg)
} // namespace archy
