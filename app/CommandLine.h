#pragma once

#include <QString>
#include <QStringList>

#include "recovery/AgentOptions.h"

namespace archy {

enum ExitCode
{
    ExitOk = 0,
    ExitContainerFailed = 1,   ///< a container failed (--once, retry)
    ExitUsage = 2,             ///< bad arguments, unusable data dir
    ExitAlreadyRunning = 3,    ///< another instance runs on the data dir
    ExitUnreachable = 4,       ///< a client could not reach the agent, or was refused
    ExitHistoryNotWritten = 5, ///< --once: the run's history could not be written (after retries)
};

/// `archy-recovery status|retry|history`: a client of a running agent.
enum class ClientCommand
{
    None,
    Status,
    Retry,
    History
};

/// What the command line asked for.
struct AppOptions
{
    AgentOptions agent;
    bool noGui = false;
    bool once = false;
    bool json = false;
    bool kiosk = false;
    QString language; ///< empty: the system locale

    ClientCommand command = ClientCommand::None;
    QString commandName; ///< retry NAME
    bool allFailed = false;

    QString socketPath; ///< the local control socket (default: control.sock in the data dir)
    QString adminGroup; ///< may use the local socket besides root and the agent's user
    QString listen;     ///< ADDR:PORT for the LAN endpoint; empty: off
    QString tlsCert;
    QString tlsKey;
    QString connectUrl; ///< wss://HOST:PORT of a remote agent
    QString tokenFile;
    QString fingerprint; ///< expected certificate SHA-256 (else pinned on first use)

    QString metrics;            ///< ADDR:PORT for GET /metrics; empty: off
    QStringList notifyCommands; ///< run (no shell) with the report JSON on stdin
    QStringList notifyUrls;     ///< POSTed a short message (ntfy-compatible)
    QString configFile;         ///< the config file that was read; empty: none
};

/// Options may also come from this INI file; the command line wins.
inline constexpr const char *DefaultConfigFile = "/etc/archy-recovery.conf";

enum class ParseOutcome
{
    Run,
    ExitOk,
    ExitUsage
};

/// True when the arguments ask for no GUI, so main() can pick QCoreApplication before parsing.
bool wantsHeadless(int argc, char **argv);

/// The default data dir: /var/lib/archy-recovery as root, else the user's XDG data dir.
QString defaultDataDir();

/// Parses @p arguments. Prints help/version/errors itself; @p exitMessage gets usage errors.
ParseOutcome parseCommandLine(const QStringList &arguments, AppOptions *options, QString *exitMessage);

} // namespace archy
