#include "Podman.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QStandardPaths>

#include "PodmanCall.h"

namespace archy {

Podman::Podman(const QString &program, PodmanPriority priority)
    : m_requested(program.isEmpty() ? QStringLiteral("podman") : program), m_priority(priority)
{
    if (program.isEmpty()) {
        m_program = QStandardPaths::findExecutable(m_requested);
    } else {
        const QFileInfo info(program);
        if (program.contains(QLatin1Char('/')))
            m_program = info.isFile() && info.isExecutable() ? info.absoluteFilePath() : QString();
        else
            m_program = QStandardPaths::findExecutable(program);
    }
}

QString Podman::unavailableReason() const
{
    if (isAvailable())
        return {};
    return QCoreApplication::translate("archy::Podman", "podman was not found (looked for \"%1\").")
        .arg(m_requested);
}

PodmanCall *Podman::call(const QStringList &arguments, int timeoutMs, QObject *parent) const
{
    auto *call = new PodmanCall(m_program.isEmpty() ? m_requested : m_program, arguments, timeoutMs, parent);
    call->setPriority(m_priority);
    return call;
}

PodmanCall *Podman::call(const QStringList &arguments, int timeoutMs, QObject *context,
                         std::function<void(const PodmanResult &)> onDone) const
{
    PodmanCall *call = this->call(arguments, timeoutMs, context);
    QObject::connect(call, &PodmanCall::done, context, [call, onDone = std::move(onDone)] {
        call->deleteLater();
        if (onDone)
            onDone(call->result());
    });
    return call;
}

QStringList Podman::startArguments(const QStringList &names)
{
    return QStringList{QStringLiteral("start"), QStringLiteral("--")} + names;
}

QStringList Podman::repairArguments(const QString &name)
{
    return {QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("0"), QStringLiteral("--"), name};
}

QStringList Podman::psAllArguments()
{
    return {QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--format"), QStringLiteral("json")};
}

QStringList Podman::inspectArguments(const QStringList &names)
{
    return QStringList{QStringLiteral("container"), QStringLiteral("inspect"), QStringLiteral("--format"),
                       QStringLiteral("json"), QStringLiteral("--")}
        + names;
}

QStringList Podman::healthcheckArguments(const QString &name)
{
    return {QStringLiteral("healthcheck"), QStringLiteral("run"), QStringLiteral("--"), name};
}

QStringList Podman::eventsArguments(qint64 sinceSeconds)
{
    return {QStringLiteral("events"), QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--filter"),
            QStringLiteral("type=container"), QStringLiteral("--since"), QString::number(sinceSeconds)};
}

} // namespace archy
