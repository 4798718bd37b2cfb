#pragma once

#include <QString>
#include <QThread>

namespace archy {

/// Everything the command line can set; defaults are the shipped behaviour.
struct AgentOptions
{
    /// One start per core: more only queue for the CPU (and for podman's locks) and starve a screen.
    static int defaultParallel() { return qMax(1, QThread::idealThreadCount()); }

    QString dataDir;               ///< required
    QString podmanProgram;         ///< empty: found on PATH
    QString systemctlProgram;      ///< for containers systemd manages; empty: found on PATH
    int snapshotDelaySec = 120;    ///< first periodic snapshot
    int snapshotIntervalSec = 120; ///< then every this many seconds
    int startGapSec = 0;           ///< pause between container starts (throttle for low-power nodes)
    int startTimeoutSec = 30;      ///< bound on one `podman start`
    int podmanTimeoutSec = 30;     ///< bound on other podman calls (ps, inspect)
    int maxAttempts = 5;           ///< podman start attempts per container
    int backoffInitialMs = 1000;
    int backoffMaxMs = 60000;
    int parallel = defaultParallel(); ///< concurrent starts within a wave
    bool backgroundPodman = false; ///< podman children at a lower CPU and I/O priority (a screen runs here)
    int healthTimeoutSec = 120;    ///< how long dependants wait for a healthcheck to pass
    int debounceMs = 500;          ///< snapshot written this long after the first change
    int crashLoopDeaths = 3;       ///< quick deaths in a row that make a crash loop
    bool startStopped = true;      ///< restore on clean start-ups too (the seed started all exited)
    bool resident = true;          ///< keep a marker, follow events, snapshot (false for --once)
    /// Someone may look at the whole fleet (a screen, the socket): list it at start-up. A headless
    /// --once run has no one, and its one `podman ps -a` less is CPU and wall time at boot.
    bool listWholeFleet = true;
};

} // namespace archy
