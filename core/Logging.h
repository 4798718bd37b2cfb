#pragma once

#include <QLoggingCategory>

namespace archy {
Q_DECLARE_LOGGING_CATEGORY(lcPodman)
Q_DECLARE_LOGGING_CATEGORY(lcState)
Q_DECLARE_LOGGING_CATEGORY(lcRecovery)
} // namespace archy
