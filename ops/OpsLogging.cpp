#include "OpsLogging.h"

namespace archy {
Q_LOGGING_CATEGORY(lcMetrics, "archy.metrics", QtInfoMsg)
Q_LOGGING_CATEGORY(lcNotify, "archy.notify", QtInfoMsg)
} // namespace archy
