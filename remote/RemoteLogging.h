#pragma once

#include <QLoggingCategory>

namespace archy {
Q_DECLARE_LOGGING_CATEGORY(lcRemote)
} // namespace archy
