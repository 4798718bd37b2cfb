#include "RemoteLogging.h"

namespace archy {
Q_LOGGING_CATEGORY(lcRemote, "archy.remote", QtInfoMsg)
} // namespace archy
