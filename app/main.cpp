#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>
#include <QUrl>

#include <memory>

#include "AgentEndpoints.h"
#include "AgentOps.h"
#include "CliClient.h"
#include "CommandLine.h"
#include "Logging.h"
#include "LanBackendFactory.h"
#include "RemoteBackend.h"
#include "ReportText.h"
#include "SystemdNotify.h"
#include "Translations.h"
#include "UnixSignalWatcher.h"
#include "MainWindow.h"
#include "recovery/RecoveryAgent.h"

namespace {

using namespace archy;

/// journald reads a "<N>" priority prefix on each stderr line; a terminal gets plain lines.
void setUpLogging()
{
    if (qEnvironmentVariableIsSet("JOURNAL_STREAM")) {
        qSetMessagePattern(
            QStringLiteral("%{if-debug}<7>%{endif}%{if-info}<6>%{endif}%{if-warning}<4>%{endif}"
                           "%{if-critical}<2>%{endif}%{if-fatal}<0>%{endif}"
                           "%{if-category}%{category}: %{endif}%{message}"));
    } else {
        qSetMessagePattern(
            QStringLiteral("%{time hh:mm:ss.zzz} %{if-debug}debug %{endif}%{if-warning}warning "
                           "%{endif}%{if-critical}error %{endif}%{if-category}%{category}: "
                           "%{endif}%{message}"));
    }
    // podman's stderr, snapshot strings and network text reach the log: no escape sequences.
    installPrintableMessageHandler();
}

/// A screen for an agent that runs elsewhere: the local one (already running on the data dir) or,
/// with --connect, one on the LAN.
int runAttached(QCoreApplication &app, const AppOptions &options)
{
    QString error;
    std::unique_ptr<RemoteBackend> backend(makeClientBackend(options, &error));
    if (!backend) {
        qCritical().noquote() << error;
        return ExitUsage;
    }
    UnixSignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &UnixSignalWatcher::terminationRequested, &app,
                     [] { QCoreApplication::exit(ExitOk); });
    // A window on a LAN agent names it by its address; "This node" is the local agent.
    const QString nodeName = options.connectUrl.isEmpty() ? QString() : QUrl(options.connectUrl).host();
    const std::unique_ptr<MainWindow> window =
        MainWindow::create(backend.get(), options.kiosk ? WindowMode::Kiosk : WindowMode::Desktop, nodeName);
    if (!options.connectUrl.isEmpty())
        window->setEndpointInfo(
            QCoreApplication::translate("archy::main", "Connected to %1").arg(options.connectUrl));
    window->showForMode();
    backend->start();
    return app.exec();
}

/// One flow for both applications: the agent is the same, only what shows it differs.
int runAgent(QCoreApplication &app, const AppOptions &options, bool gui)
{
    AgentOptions agentOptions = options.agent;
    // Only a screen or the socket (not a headless --once) ever shows the whole fleet.
    agentOptions.listWholeFleet = gui || !options.once;
    RecoveryAgent agent(agentOptions);
    switch (agent.open()) {
    case RecoveryAgent::OpenResult::Ok:
        break;
    case RecoveryAgent::OpenResult::DataDirError:
        qCritical().noquote() << agent.errorString();
        return ExitUsage;
    case RecoveryAgent::OpenResult::AlreadyRunning:
        if (gui) {
            // The agent started at boot owns the state: show it instead of starting a second engine.
            qInfo().noquote() << agent.errorString()
                              << QCoreApplication::translate("archy::main", "Attaching to it.");
            return runAttached(app, options);
        }
        qCritical().noquote() << agent.errorString();
        return ExitAlreadyRunning;
    }

    // Metrics and notifications follow the agent from its first signal on.
    AgentOps ops(&agent, options);
    {
        QString error;
        if (!ops.start(&error)) {
            qCritical().noquote() << error;
            return ExitUsage;
        }
    }

    UnixSignalWatcher signalWatcher;
    bool stopping = false;
    auto stop = [&] {
        if (stopping)
            return;
        stopping = true;
        systemdNotify("STOPPING=1");
        agent.shutdown();
    };
    QObject::connect(&signalWatcher, &UnixSignalWatcher::terminationRequested, &app, [&](int signalNumber) {
        qInfo().noquote()
            << QCoreApplication::translate("archy::main", "Signal %1 received, stopping.").arg(signalNumber);
        stop();
    });
    // Logs go to stderr (the journal under systemd), which needs no reopening, and options are read
    // only at start: SIGHUP changes nothing and never stops the agent.
    QObject::connect(&signalWatcher, &UnixSignalWatcher::hangupReceived, &app, [] {
        qInfo().noquote() << QCoreApplication::translate(
            "archy::main", "SIGHUP received: logs go to stderr and need no "
                           "reopening; nothing is reloaded (restart to change options).");
    });
    QObject::connect(&agent, &RecoveryAgent::shutdownFinished, &app, [] { QCoreApplication::exit(ExitOk); });

    bool firstReport = true;
    QObject::connect(&agent, &RecoveryAgent::reportFinished, &app, [&](const RecoveryReport &report) {
        if (!firstReport)
            return;
        firstReport = false;
        if (options.once) {
            printReport(report, options.json);
            // The history is how the owner sees what a boot-time run did: a run it misses is a failure.
            if (!agent.historyError().isEmpty()) {
                qCritical().noquote() << QCoreApplication::translate(
                                             "archy::main", "The recovery history could not be written: %1")
                                             .arg(agent.historyError());
                QCoreApplication::exit(ExitHistoryNotWritten);
                return;
            }
            const int code = report.failed().isEmpty() ? ExitOk : ExitContainerFailed;
            ops.whenNotificationsDone([code] { QCoreApplication::exit(code); });
            return;
        }
        systemdNotify(QStringLiteral("READY=1\nSTATUS=%1 of %2 containers running")
                          .arg(report.recovered())
                          .arg(report.total())
                          .toUtf8());
    });

    std::unique_ptr<AgentEndpoints> endpoints;
    if (!options.once) {
        endpoints = std::make_unique<AgentEndpoints>(&agent, options);
        QObject::connect(endpoints.get(), &AgentEndpoints::lanIdentity, &agent,
                         &RecoveryAgent::setLanEndpoint);
        QString error;
        if (!endpoints->start(&error)) {
            qCritical().noquote() << error;
            return ExitUsage;
        }
    }

    std::unique_ptr<MainWindow> window;
    if (gui) {
        window = MainWindow::create(&agent, options.kiosk ? WindowMode::Kiosk : WindowMode::Desktop);
        QObject::connect(endpoints.get(), &AgentEndpoints::lanReady, window.get(),
                         &MainWindow::setEndpointInfo);
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
    if (!headless && qEnvironmentVariableIsEmpty("DISPLAY") &&
        qEnvironmentVariableIsEmpty("WAYLAND_DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM")) {
        // Without this, Qt aborts with a core dump; at boot, under systemd, that is what would happen.
        QTextStream(stderr) << "archy-recovery: no display (neither DISPLAY nor WAYLAND_DISPLAY is set); "
                               "use --no-gui to run headless.\n";
        return archy::ExitUsage;
    }
    std::unique_ptr<QCoreApplication> app;
    if (headless)
        app = std::make_unique<QCoreApplication>(argc, argv);
    else
        app = std::make_unique<QApplication>(argc, argv);
    archy::installTranslators(app.get(), archy::languageFromArguments(argc, argv));
    if (!headless)
        archy::LanBackendFactory::installDefault();

    archy::AppOptions options;
    QString message;
    switch (archy::parseCommandLine(QCoreApplication::arguments(), &options, &message)) {
    case archy::ParseOutcome::Run:
        break;
    case archy::ParseOutcome::ExitOk:
        return archy::ExitOk;
    case archy::ParseOutcome::ExitUsage:
        QTextStream(stderr) << "archy-recovery: " << message << '\n'
                            << QCoreApplication::translate("archy::main", "Try --help.") << '\n';
        return archy::ExitUsage;
    }
    if (options.command != archy::ClientCommand::None)
        return archy::runClient(*app, options);
    if (!headless && !options.connectUrl.isEmpty())
        return runAttached(*app, options);
    if (headless && !options.connectUrl.isEmpty()) {
        QTextStream(stderr) << "archy-recovery: "
                            << QCoreApplication::translate(
                                   "archy::main",
                                   "--connect goes with the GUI or a command (status, retry, history).")
                            << '\n';
        return archy::ExitUsage;
    }
    return runAgent(*app, options, !headless);
}
