#pragma once

#include "ContainerStarter.h"

namespace archy {

/**
 * Starts a container that systemd manages (label PODMAN_SYSTEMD_UNIT, set by quadlet and by
 * `podman generate systemd`) with `systemctl start UNIT`, never behind systemd's back with
 * `podman start`: its unit then says what really runs. Every other container goes the default way.
 * Rootless agents talk to the user's service manager (`systemctl --user`).
 */
class SystemdStarter final : public ContainerStarter
{
public:
    /// @p systemctlProgram: a path, or empty for `systemctl` on PATH.
    SystemdStarter(const Podman &podman, const QString &systemctlProgram, bool userManager);

    bool canShareCall(const RecoveryTarget &target) const override;
    PodmanCall *start(const QList<RecoveryTarget> &targets, int timeoutMs, QObject *parent) const override;
    QString startedNote(const RecoveryTarget &target) const override;

private:
    Podman m_systemctl;
    bool m_userManager;
};

} // namespace archy
