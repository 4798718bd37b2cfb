#include "SystemdStarter.h"

#include <QCoreApplication>

#include "Logging.h"
#include "RecoveryPlan.h"
#include "RecoveryRun.h"

namespace archy {

SystemdStarter::SystemdStarter(const Podman &podman, const QString &systemctlProgram, bool userManager)
    : ContainerStarter(podman),
      m_systemctl(systemctlProgram.isEmpty() ? QStringLiteral("systemctl") : systemctlProgram,
                  podman.priority()),
      m_userManager(userManager)
{
}

bool SystemdStarter::canShareCall(const RecoveryTarget &target) const
{
    // One unit per call: systemctl's result is the unit's, not a list of names.
    return RecoveryPlan::systemdUnitOf(target.labels).isEmpty();
}

PodmanCall *SystemdStarter::start(const QList<RecoveryTarget> &targets, int timeoutMs, QObject *parent) const
{
    const QString unit =
        targets.size() == 1 ? RecoveryPlan::systemdUnitOf(targets.constFirst().labels) : QString();
    if (unit.isEmpty())
        return ContainerStarter::start(targets, timeoutMs, parent);
    const QString name = targets.constFirst().status.name;
    if (!m_systemctl.isAvailable()) {
        qCWarning(lcRecovery).noquote()
            << name << "is managed by" << unit << "but systemctl was not found: starting it with podman";
        return ContainerStarter::start(targets, timeoutMs, parent);
    }
    qCInfo(lcRecovery).noquote() << "starting" << name << "through its systemd unit" << unit;
    QStringList arguments;
    if (m_userManager)
        arguments << QStringLiteral("--user");
    // `systemctl start` returns once the start job is done: success means the unit is active.
    arguments << QStringLiteral("start") << QStringLiteral("--") << unit;
    return m_systemctl.call(arguments, timeoutMs, parent);
}

QString SystemdStarter::startedNote(const RecoveryTarget &target) const
{
    const QString unit = RecoveryPlan::systemdUnitOf(target.labels);
    if (unit.isEmpty() || !m_systemctl.isAvailable())
        return QString();
    return QCoreApplication::translate("archy::RecoveryRun", "Started by systemd: %1 is active.").arg(unit);
}

} // namespace archy
