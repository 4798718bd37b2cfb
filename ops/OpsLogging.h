#pragma once

#include <QLoggingCategory>

namespace archy {
Q_DECLARE_LOGGING_CATEGORY(lcMetrics)
Q_DECLARE_LOGGING_CATEGORY(lcNotify)
} // namespace archy
