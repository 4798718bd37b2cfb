#pragma once

#include <QList>
#include <QStringList>

#include "RecoveryRun.h"
#include "podman/PodmanParse.h"
#include "state/Snapshot.h"

namespace archy::RecoveryPlan {

/// What a start-up knows when it decides what to start.
struct Input
{
    bool crash = false;
    bool snapshotFound = false;
    Snapshot snapshot;          ///< the last good snapshot (may be empty)
    bool podmanListed = false;  ///< `ps -a` answered; otherwise current states are unknown
    QList<PsEntry> current;     ///< `podman ps -a`
    bool startStopped = true;   ///< restore on clean start-ups too
};

/**
 * Decides what to start: on a crash, what the snapshot says ran; on a clean start-up, the same
 * (what ran at the last good snapshot, never what the owner stopped). Without any snapshot, the
 * seed's rule: every exited or created container. Ignored containers are left out; hostile names
 * come back Failed and never reach podman; on a crash, a container already running is reported so.
 * Pure: no IO.
 */
QList<RecoveryTarget> targets(const Input &input);

/// The systemd unit a container's labels name (PODMAN_SYSTEMD_UNIT), if it is a plausible unit
/// name; empty otherwise.
QString systemdUnitOf(const QMap<QString, QString> &labels);

/// The names whose dependencies and healthchecks must be inspected before starting.
QStringList namesToInspect(const QList<RecoveryTarget> &targets);

/**
 * Adds dependencies (podman's own `--requires` and pods, from inspect, plus the
 * `io.archipelago.recovery.after` label) and marks which targets gate others on their health.
 * Dependencies on containers outside the run are dropped: they are not ours to wait for.
 */
void addDependencies(QList<RecoveryTarget> *targets, const QList<InspectEntry> &inspected,
                     const QList<PsEntry> &current);

} // namespace archy::RecoveryPlan
