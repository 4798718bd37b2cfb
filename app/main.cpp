#include <QApplication>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>
#include <QTimer>

#include <memory>

#include "CommandLine.h"
#include "SystemdNotify.h"
#include "Translations.h"
#include "UnixSignalWatcher.h"
#include "MainWindow.h"
#include "recovery/RecoveryAgent.h"

namespace {

enum ExitCode { ExitOk = 0, ExitContainerFailed = 1, ExitUsage = 2, ExitAlreadyRunning = 3 };


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
        out << QCoreApplication::translate("archy::main", "Crash detected: %1").arg(crash.reason) << '\n';
    else
        out << QCoreApplication::translate("archy::main", "Clean start: the previous run shut down cleanly.") << '\n';
    if (!crash.snapshotWarning.isEmpty())
        out << QCoreApplication::translate("archy::main", "Warning: %1").arg(crash.snapshotWarning) << '\n';
    out << QCoreApplication::translate("archy::main", "%1 of %2 containers started.").arg(report.recovered()).arg(report.total()) << '\n';
    for (const archy::ContainerStatus &c : report.containers) {
        out << "  " << (c.state == archy::ContainerState::Running ? QCoreApplication::translate("archy::main", "ok     ") : QCoreApplication::translate("archy::main", "FAILED "))
            << c.name;
        if (!c.image.isEmpty())
            out << " (" << c.image << ')';
        if (c.state != archy::ContainerState::Running)
            out << ": " << c.error;
        out << '\n';
    }
}

/// One flow for both applications: the agent is the same, only what shows it differs.
int run(QCoreApplication &app, const archy::AppOptions &options, bool gui)
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
    bool stopping = false;
    auto stop = [&] {
        if (stopping)
            return;
        stopping = true;
        archy::systemdNotify("STOPPING=1");
        agent.shutdown();
    };
    QObject::connect(&signalWatcher, &archy::UnixSignalWatcher::terminationRequested, &app, [&](int signalNumber) {
        qInfo().noquote() << QCoreApplication::translate("archy::main", "Signal %1 received, stopping.").arg(signalNumber);
        stop();
    });
    QObject::connect(&agent, &archy::RecoveryAgent::shutdownFinished, &app, [] { QCoreApplication::exit(ExitOk); });

    bool firstReport = true;
    QObject::connect(&agent, &archy::RecoveryAgent::reportFinished, &app, [&](const archy::RecoveryReport &report) {
        if (!firstReport)
            return;
        firstReport = false;
        if (options.once) {
            printReport(report, options.json);
            QCoreApplication::exit(report.failed().isEmpty() ? ExitOk : ExitContainerFailed);
            return;
        }
        archy::systemdNotify(QStringLiteral("READY=1\nSTATUS=%1 of %2 containers running")
                                 .arg(report.recovered()).arg(report.total()).toUtf8());
    });

    std::unique_ptr<archy::MainWindow> window;
    if (gui) {
        window = std::make_unique<archy::MainWindow>(
            &agent, options.kiosk ? archy::WindowMode::Kiosk : archy::WindowMode::Desktop);
        window->showForMode();
        // Closing the window (after the kiosk's confirmation) stops the agent cleanly.
        QGuiApplication::setQuitOnLastWindowClosed(false);
        QObject::connect(qApp, &QGuiApplication::lastWindowClosed, &app, stop);
    }
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

    // --no-gui never touches widgets, fonts or a display.
    const bool headless = archy::wantsHeadless(argc, argv);
    std::unique_ptr<QCoreApplication> app;
    if (headless)
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    archy::installTranslators(app.get(), archy::languageFromArguments(argc, argv));

    archy::AppOptions options;
    QString message;
    switch (archy::parseCommandLine(QCoreApplication::arguments(), &options, &message)) {
    case archy::ParseOutcome::Run:
        break;
    case archy::ParseOutcome::ExitOk:
        return ExitOk;
    case archy::ParseOutcome::ExitUsage:
        QTextStream(stderr) << "archy-recovery: " << message << '\n'
                            << QCoreApplication::translate("archy::main", "Try --help.") << '\n';
        return ExitUsage;
    }
    return run(*app, options, !headless);
}
