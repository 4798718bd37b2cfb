#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimer>

#include <memory>

#include "CommandLine.h"
#include "SystemdNotify.h"
#include "Translations.h"
#include "UnixSignalWatcher.h"
#include "recovery/RecoveryAgent.h"

namespace {

enum ExitCode { ExitOk = 0, ExitContainerFailed = 1, ExitUsage = 2, ExitAlreadyRunning = 3 };

QString tr(const char *text)
{
    return QCoreApplication::translate("archy::main", text);
}

/// journald reads a "<N>" priority prefix on each stderr line; a terminal gets plain lines.
void setUpLogging()
{
    if (qEnvironmentVariableIsSet("JOURNAL_STREAM")) {
        qSetMessagePattern(QStringLiteral("%{if-debug}<7>%{endif}%{if-info}<6>%{endif}%{if-warning}<4>%{endif}"
                                          "%{if-critical}<2>%{endif}%{if-fatal}<0>%{endif}"
                                          "%{if-category}%{category}: %{endif}%{message}"));
    } else {
        qSetMessagePattern(QStringLiteral("%{time hh:mm:ss.zzz} %{if-debug}debug %{endif}%{if-warning}warning "
                                          "%{endif}%{if-critical}error %{endif}%{if-category}%{category}: "
                                          "%{endif}%{message}"));
    }
}

void printReport(const archy::RecoveryReport &report, bool json)
{
    QTextStream out(stdout);
    if (json) {
        out << QJsonDocument(report.toJson()).toJson(QJsonDocument::Indented);
        return;
    }
    const archy::CrashInfo &crash = report.crashInfo;
    if (crash.crash)
        out << tr("Crash detected: %1").arg(crash.reason) << '\n';
    else
        out << tr("Clean start: the previous run shut down cleanly.") << '\n';
    if (!crash.snapshotWarning.isEmpty())
        out << tr("Warning: %1").arg(crash.snapshotWarning) << '\n';
    out << tr("%1 of %2 containers started.").arg(report.recovered()).arg(report.total()) << '\n';
    for (const archy::ContainerStatus &c : report.containers) {
        out << "  " << (c.state == archy::ContainerState::Running ? tr("ok     ") : tr("FAILED "))
            << c.name;
        if (!c.image.isEmpty())
            out << " (" << c.image << ')';
        if (c.state != archy::ContainerState::Running)
            out << ": " << c.error;
        out << '\n';
    }
}

int runHeadless(QCoreApplication &app, const archy::AppOptions &options)
{
    archy::RecoveryAgent agent(options.agent);
    switch (agent.open()) {
    case archy::RecoveryAgent::OpenResult::Ok:
        break;
    case archy::RecoveryAgent::OpenResult::DataDirError:
        qCritical().noquote() << agent.errorString();
        return ExitUsage;
    case archy::RecoveryAgent::OpenResult::AlreadyRunning:
        qCritical().noquote() << agent.errorString();
        return ExitAlreadyRunning;
    }

    archy::UnixSignalWatcher signalWatcher;
    int exitCode = ExitOk;
    bool stopping = false;
    QObject::connect(&signalWatcher, &archy::UnixSignalWatcher::terminationRequested, &app,
                     [&](int signalNumber) {
                         if (stopping)
                             return;
                         stopping = true;
                         qInfo().noquote() << tr("Signal %1 received, stopping.").arg(signalNumber);
                         archy::systemdNotify("STOPPING=1");
                         agent.shutdown();
                     });
    QObject::connect(&agent, &archy::RecoveryAgent::shutdownFinished, &app,
                     [&] { QCoreApplication::exit(exitCode); });

    bool firstReport = true;
    QObject::connect(&agent, &archy::RecoveryAgent::reportFinished, &app,
                     [&](const archy::RecoveryReport &report) {
                         if (!firstReport)
                             return;
                         firstReport = false;
                         if (options.once) {
                             printReport(report, options.json);
                             QCoreApplication::exit(report.failed().isEmpty() ? ExitOk : ExitContainerFailed);
                             return;
                         }
                         archy::systemdNotify(
                             QStringLiteral("READY=1\nSTATUS=%1 of %2 containers recovered")
                                 .arg(report.recovered()).arg(report.total()).toUtf8());
                     });
    agent.start();
    return app.exec();
}

} // namespace

int main(int argc, char **argv)
{
    setUpLogging();
    QCoreApplication::setOrganizationName(QStringLiteral("Archipelago"));
    QCoreApplication::setApplicationName(QStringLiteral("archy-recovery"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ARCHY_VERSION));

    const bool headless = archy::wantsHeadless(argc, argv);
    if (!headless) {
        QTextStream(stderr) << "archy-recovery: there is no GUI yet; use --no-gui.\n";
        return ExitUsage;
    }
    QCoreApplication app(argc, argv);
    archy::installTranslators(&app, archy::languageFromArguments(argc, argv));

    archy::AppOptions options;
    QString message;
    switch (archy::parseCommandLine(QCoreApplication::arguments(), &options, &message)) {
    case archy::ParseOutcome::Run:
        break;
    case archy::ParseOutcome::ExitOk:
        return ExitOk;
    case archy::ParseOutcome::ExitUsage:
        QTextStream(stderr) << "archy-recovery: " << message << '\n'
                            << tr("Try --help.") << '\n';
        return ExitUsage;
    }
    return runHeadless(app, options);
}
