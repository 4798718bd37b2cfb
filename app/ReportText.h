#pragma once

#include <QList>

#include "recovery/RecoveryTypes.h"

namespace archy {

/// The report for a terminal or a script (--json: the report object alone).
void printReport(const RecoveryReport &report, bool json);
/// Earlier start-ups, newest first (--json: a list of report objects).
void printHistory(const QList<RecoveryReport> &reports, bool json);

} // namespace archy
