#include "StatusText.h"

#include <QDateTime>
#include <QLocale>
#include <QRegularExpression>

namespace archy {

QString StatusText::stateWord(FleetState state)
{
    switch (state) {
    case FleetState::Failed:
        return tr("Failed");
    case FleetState::CrashLoop:
        return tr("Crash loop");
    case FleetState::Retrying:
        return tr("Retrying");
    case FleetState::Waiting:
        return tr("Waiting");
    case FleetState::Starting:
        return tr("Starting");
    case FleetState::Running:
        return tr("Running");
    case FleetState::StoppedByOwner:
        return tr("Stopped by owner");
    case FleetState::Finished:
        return tr("Finished");
    case FleetState::Stopped:
        return tr("Not running");
    case FleetState::Ignored:
        return tr("Ignored");
    }
    return tr("Failed");
}

QString StatusText::waitText(const FleetEntry &entry, qint64 nowMs)
{
    const ContainerStatus &s = entry.status;
    if (entry.state == FleetState::Retrying && s.retryAtMs > 0) {
        const int seconds = int(qMax<qint64>(0, (s.retryAtMs - nowMs + 999) / 1000));
        return tr("Retrying in %n s", nullptr, seconds);
    }
    if (entry.state != FleetState::Waiting)
        return {};
    if (s.waitingFor.size() == 1)
        return tr("Waiting for %1").arg(s.waitingFor.constFirst());
    if (s.waitingFor.size() > 1)
        return tr("Waiting for %1 and %n more", nullptr, int(s.waitingFor.size()) - 1)
            .arg(s.waitingFor.constFirst());
    return tr("Waiting for its turn");
}

QString StatusText::rowText(const FleetEntry &entry, qint64 nowMs)
{
    const ContainerStatus &s = entry.status;
    switch (entry.state) {
    case FleetState::Failed:
        return failureReason(s);
    case FleetState::CrashLoop:
        return tr("Crash loop: keeps stopping after each start");
    case FleetState::Retrying:
    case FleetState::Waiting:
        return waitText(entry, nowMs);
    case FleetState::Starting:
        if (s.startedAtMs > 0) {
            const int seconds = int(qMax<qint64>(0, nowMs - s.startedAtMs) / 1000);
            return tr("Starting · %n s", nullptr, seconds);
        }
        return stateWord(entry.state);
    default:
        return stateWord(entry.state);
    }
}

QString StatusText::condensedError(const QString &error)
{
    QString text = error.simplified();
    if (text.startsWith(QLatin1String("Error: ")))
        text = text.mid(7);
    // podman nests causes as "a: b: c"; boilerplate clauses ("OCI runtime...", "runc create
    // failed") say nothing to the owner. The cause is the last clause that names something.
    static const QRegularExpression boilerplate(
        QStringLiteral(
            "^(unable to start container|runc|crun|runc create failed|unable to start container process|"
            "OCI runtime .*|error starting container|starting container|exec|OCI not found|"
            "error|Error|executable file not found in \\$PATH)$"),
        QRegularExpression::CaseInsensitiveOption);
    const QStringList clauses = text.split(QStringLiteral(": "), Qt::SkipEmptyParts);
    QStringList useful;
    for (const QString &clause : clauses) {
        const QString c = clause.trimmed();
        if (c.isEmpty() || boilerplate.match(c).hasMatch() ||
            c.startsWith(QLatin1String("unable to start container \"")))
            continue;
        useful.append(c);
    }
    if (useful.isEmpty())
        return text;
    // "stat /entrypoint.sh: no such file or directory": keep the object with the verdict.
    static const QRegularExpression verdict(
        QStringLiteral("^(no such file or directory|permission denied|address already in use|"
                       "no such container|no such image|image not known|not found|.*not found)$"),
        QRegularExpression::CaseInsensitiveOption);
    QString last = useful.constLast();
    if (useful.size() >= 2 && verdict.match(last).hasMatch()) {
        QString subject = useful.at(useful.size() - 2);
        if (subject.startsWith(QLatin1String("stat ")) || subject.startsWith(QLatin1String("open ")))
            subject = subject.mid(5);
        last = subject + QLatin1String(": ") + last;
    }
    return last;
}

StatusText::Cause StatusText::knownCause(const QString &error)
{
    const QString e = error.toLower();
    Cause cause;
    auto has = [&e](const char *needle) { return e.contains(QLatin1String(needle)); };
    if (error.isEmpty())
        return cause;
    if (has("podman was not found") || has("database") || has("storage") || has("cannot connect to podman") ||
        has("error opening database") || has("readlink /var/lib/containers")) {
        cause.title = tr("Podman itself is not working");
        cause.nextStep = tr("No service can start until podman works again. Restart the node; if this stays, "
                            "the container storage may need repair.");
        cause.podman = true;
    } else if ((has("entrypoint") || has("exec") || has("executable file")) &&
               (has("no such file") || has("not found"))) {
        cause.title = tr("The program it starts is missing");
        cause.nextStep =
            tr("The app's image is incomplete or its start command is wrong. Reinstall or update "
               "the app, then tap Retry.");
    } else if (has("image not known") || has("no such image") || has("image not found") ||
               has("unable to find image")) {
        cause.title = tr("Its image is missing");
        cause.nextStep = tr("The app's image was removed. Reinstall the app (this downloads the image), then "
                            "tap Retry.");
    } else if (has("address already in use") || has("port is already allocated") || has("bind: ")) {
        cause.title = tr("A port it needs is in use");
        cause.nextStep =
            tr("Another service uses the same network port. Stop that service or change the port, "
               "then tap Retry.");
    } else if (has("no container with name") || has("no such container")) {
        cause.title = tr("The container no longer exists");
        cause.nextStep =
            tr("It was removed after the snapshot was taken; there is nothing to start. Reinstall "
               "the app if you still need it.");
    } else if (has("dependency") || has("depends on") || has("waiting for")) {
        cause.title = tr("A service it depends on failed");
        cause.nextStep = tr("Fix the service it waits for first; it starts by itself once that one runs.");
    } else if (has("timed out") || has("timeout")) {
        cause.title = tr("It took too long to start");
        cause.nextStep =
            tr("The node may be busy or the disk slow. Tap Retry; if it keeps happening, check the "
               "app's log below.");
    } else if (has("permission denied")) {
        cause.title = tr("Permission denied");
        cause.nextStep =
            tr("A file or device it needs cannot be opened. Check the app's settings, then tap Retry.");
    }
    return cause;
}

QString StatusText::failureReason(const ContainerStatus &status)
{
    if (status.error.isEmpty())
        return tr("Failed");
    const Cause cause = knownCause(status.error);
    return cause.title.isEmpty() ? condensedError(status.error) : cause.title;
}

QString StatusText::headline(const Fleet &fleet, const RecoveryReport &report, bool busy)
{
    if (!fleet.podmanProblem.isEmpty())
        return tr("Podman is not working: services cannot be checked");
    const int problems = fleet.problems();
    if (problems > 0)
        return tr("%n services need attention", nullptr, problems);
    int running = 0;
    int moving = 0;
    for (const FleetEntry &entry : fleet.containers) {
        running += entry.state == FleetState::Running ? 1 : 0;
        moving += isInFlight(entry.state) ? 1 : 0;
    }
    if (moving > 0 || (busy && !fleet.listed))
        return tr("Starting services: %1 of %n running", nullptr, running + moving).arg(running);
    if (running == 0)
        return report.crashInfo.firstStart ? tr("Welcome: no services yet") : tr("No services are running");
    if (report.crashInfo.crash)
        return tr("All %n services are running again", nullptr, running);
    return tr("All %n services are running", nullptr, running);
}

QString StatusText::startKind(const RecoveryReport &report)
{
    if (report.crashInfo.crash)
        return tr(
            "The node stopped unexpectedly (a crash or a power cut). Services that ran before are being "
            "brought back.");
    if (report.crashInfo.firstStart)
        return tr(
            "First start on this node. From now on the services that run are remembered and brought back "
            "after a power cut.");
    if (report.id.isEmpty())
        return {};
    return tr("The node shut down cleanly last time; nothing needed recovering.");
}

QString StatusText::dateTime(qint64 epochMs)
{
    if (epochMs <= 0)
        return tr("unknown time");
    const QLocale locale;
    QString date = locale.dateFormat(QLocale::ShortFormat);
    if (!date.contains(QLatin1String("yyyy")))
        date.replace(QLatin1String("yy"), QLatin1String("yyyy"));
    QString time = locale.timeFormat(QLocale::ShortFormat);
    if (!time.contains(QLatin1Char('s')))
        time.replace(QLatin1String("mm"), QLatin1String("mm:ss"));
    return locale.toString(QDateTime::fromMSecsSinceEpoch(epochMs), date + QLatin1Char(' ') + time);
}

QString StatusText::duration(qint64 ms)
{
    const qint64 s = qMax<qint64>(0, ms) / 1000;
    if (s < 60)
        return tr("%n s", nullptr, int(s));
    if (s < 3600)
        return tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

} // namespace archy
