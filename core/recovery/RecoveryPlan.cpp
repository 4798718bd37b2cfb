#include "RecoveryPlan.h"

#include <QCoreApplication>
#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include "podman/Labels.h"

namespace archy::RecoveryPlan {

QList<RecoveryTarget> targets(const Input &input)
{
    QHash<QString, PsEntry> current;
    for (const PsEntry &entry : input.current)
        current.insert(entry.name, entry);

    QList<SnapshotEntry> wanted;
    if (input.snapshotFound) {
        if (input.crash || input.startStopped)
            wanted = input.snapshot.containers;
    } else if (input.startStopped) {
        for (const PsEntry &entry : input.current) {
            if (!entry.isInfra && (entry.state == QLatin1String("exited") || entry.state == QLatin1String("created")
                                   || entry.state == QLatin1String("initialized")))
                wanted.append(SnapshotEntry{entry.name, entry.image, {}, {}});
        }
    }

    QList<RecoveryTarget> result;
    QSet<QString> seen;
    for (const SnapshotEntry &entry : std::as_const(wanted)) {
        if (seen.contains(entry.name))
            continue;
        seen.insert(entry.name);
        RecoveryTarget target;
        target.status.name = entry.name;
        target.status.image = entry.image;
        if (!entry.isValid()) {
            target.status.state = ContainerState::Failed;
            target.status.error = entry.invalidReason;
            result.append(target);
            continue;
        }
        const auto it = current.constFind(entry.name);
        if (it != current.constEnd()) {
            if (isIgnored(it->labels))
                continue;
            if (it->isRunning()) {
                if (!input.crash)
                    continue; // nothing to restore
                target.status.state = ContainerState::Running;
                target.status.note = QCoreApplication::translate("archy::RecoveryPlan", "Was already running.");
            }
            // A start that was cut off leaves it "initialized", where `podman start` fails.
            target.repairFirst = it->state == QLatin1String("initialized");
            if (target.status.image.isEmpty())
                target.status.image = it->image;
            target.labels = it->labels;
        }
        result.append(target);
    }
    return result;
}

QString systemdUnitOf(const QMap<QString, QString> &labels)
{
    // A label is data: only a plain unit name may reach systemctl (never an option, a path or a glob).
    static const QRegularExpression unit(QStringLiteral("^[A-Za-z0-9_][A-Za-z0-9:_.\\\\@-]{0,250}\\.service$"));
    const QString name = labels.value(QStringLiteral("PODMAN_SYSTEMD_UNIT"));
    return unit.match(name).hasMatch() ? name : QString();
}

QStringList namesToInspect(const QList<RecoveryTarget> &targets)
{
    QStringList names;
    for (const RecoveryTarget &target : targets) {
        if (target.status.state == ContainerState::Waiting)
            names.append(target.status.name);
    }
    return names;
}

void addDependencies(QList<RecoveryTarget> *targets, const QList<InspectEntry> &inspected,
                     const QList<PsEntry> &current)
{
    QHash<QString, QString> nameById;
    for (const PsEntry &entry : current)
        nameById.insert(entry.id, entry.name);
    QHash<QString, const InspectEntry *> byName;
    for (const InspectEntry &entry : inspected) {
        byName.insert(entry.name, &entry);
        nameById.insert(entry.id, entry.name);
    }
    QSet<QString> inRun;
    for (const RecoveryTarget &target : std::as_const(*targets))
        inRun.insert(target.status.name);

    QSet<QString> waitedFor;
    for (RecoveryTarget &target : *targets) {
        const InspectEntry *entry = byName.value(target.status.name);
        if (!entry)
            continue;
        QStringList after;
        for (const QString &id : entry->dependencyIds) {
            const QString name = nameById.value(id);
            if (!name.isEmpty())
                after.append(name);
        }
        after += afterNames(entry->labels);
        for (const QString &name : std::as_const(after)) {
            if (name != target.status.name && inRun.contains(name) && !target.after.contains(name)) {
                target.after.append(name);
                waitedFor.insert(name);
            }
        }
    }
    for (RecoveryTarget &target : *targets) {
        const InspectEntry *entry = byName.value(target.status.name);
        target.healthGate = entry && entry->hasHealthcheck && waitedFor.contains(target.status.name);
    }
}

} // namespace archy::RecoveryPlan
