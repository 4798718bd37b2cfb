#pragma once

#include <QString>
#include <QStringList>

#include "recovery/AgentOptions.h"

namespace archy {

/// What the command line asked for.
struct AppOptions
{
    AgentOptions agent;
    bool noGui = false;
    bool once = false;
    bool json = false;
    bool kiosk = false;
    QString language; ///< empty: the system locale
};

enum class ParseOutcome { Run, ExitOk, ExitUsage };

/// True when the arguments ask for no GUI, so main() can pick QCoreApplication before parsing.
bool wantsHeadless(int argc, char **argv);

/// The default data dir: /var/lib/archy-recovery as root, else the user's XDG data dir.
QString defaultDataDir();

/// Parses @p arguments. Prints help/version/errors itself; @p exitMessage gets usage errors.
ParseOutcome parseCommandLine(const QStringList &arguments, AppOptions *options, QString *exitMessage);

} // namespace archy
