#pragma once

#include <QString>

namespace archy {

/// Everything the command line can set; defaults are the shipped behaviour.
struct AgentOptions
{
    QString dataDir;               ///< required
    QString podmanProgram;         ///< empty: found on PATH
    int snapshotDelaySec = 120;    ///< first periodic snapshot
    int snapshotIntervalSec = 120; ///< then every this many seconds
    int startGapSec = 3;           ///< pause between container starts
    int startTimeoutSec = 30;      ///< bound on one `podman start`
    int podmanTimeoutSec = 30;     ///< bound on other podman calls (ps, inspect)
    int maxAttempts = 1;           ///< podman start attempts per container
    int backoffInitialMs = 1000;
    int backoffMaxMs = 60000;
    int parallel = 1;              ///< concurrent starts
    bool startStopped = true;      ///< also start exited/created containers (the seed's boot rule)
    bool resident = true;          ///< keep a marker and take snapshots (false for --once)
};

} // namespace archy
