#include "ContainerStarter.h"

#include <QCoreApplication>
#include <QSet>

#include "RecoveryRun.h"

namespace archy {

ContainerStarter::ContainerStarter(const Podman &podman) : m_podman(podman) {}

ContainerStarter::~ContainerStarter() = default;

bool ContainerStarter::canShareCall(const RecoveryTarget &target) const
{
    Q_UNUSED(target)
    return true;
}

PodmanCall *ContainerStarter::start(const QList<RecoveryTarget> &targets, int timeoutMs,
                                    QObject *parent) const
{
    QStringList names;
    names.reserve(targets.size());
    for (const RecoveryTarget &target : targets)
        names.append(target.status.name);
    return m_podman.call(Podman::startArguments(names), timeoutMs, parent);
}

QString ContainerStarter::startedNote(const RecoveryTarget &target) const
{
    Q_UNUSED(target)
    return QString();
}

QStringList ContainerStarter::startedNames(const QByteArray &standardOutput)
{
    QStringList names;
    const QList<QByteArray> lines = standardOutput.split('\n');
    for (const QByteArray &line : lines) {
        const QString name = QString::fromUtf8(line.trimmed());
        if (!name.isEmpty())
            names.append(name);
    }
    return names;
}

QHash<QString, PodmanResult> ContainerStarter::results(const PodmanCall &call, const QStringList &names) const
{
    QHash<QString, PodmanResult> out;
    const PodmanResult &whole = call.result();
    if (names.size() == 1) {
        out.insert(names.constFirst(), whole);
        return out;
    }
    // podman prints each container it started, by the name it was given, and carries on past one
    // that fails (4.3 gives up on all when one name is unknown): what it printed is what started.
    const QStringList printed = startedNames(whole.standardOutput);
    const QSet<QString> started(printed.cbegin(), printed.cend());
    for (const QString &name : names) {
        PodmanResult result;
        result.exitCode = whole.exitCode;
        result.timedOut = whole.timedOut;
        if (started.contains(name)) {
            result.ok = true;
            result.exitCode = 0;
        } else {
            result.standardError = whole.standardError;
            result.errorText =
                whole.errorText.isEmpty()
                    ? QCoreApplication::translate("archy::RecoveryRun", "podman did not start it.")
                    : whole.errorText;
        }
        out.insert(name, result);
    }
    return out;
}

} // namespace archy
