#include "CommandLine.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSettings>
#include <QStandardPaths>

#include <cstring>
#include <unistd.h>

#include "MetricsServer.h"
#include "Notifier.h"

namespace archy {

namespace {

/// Default concurrent starts per core when podman runs at normal priority (measured: on 2 cores
/// under load, 8 at once recover 50 containers 1.25-1.35x faster than 2).
constexpr int HeadlessParallelPerCore = 4;

bool readInt(const QCommandLineParser &parser, const QCommandLineOption &option, int minimum, int *value,
             QString *error)
{
    if (!parser.isSet(option))
        return true;
    bool ok = false;
    const QString text = parser.value(option);
    const int parsed = text.toInt(&ok);
    if (!ok || parsed < minimum) {
        *error = QCoreApplication::translate("archy::CommandLine",
                                             "--%1 needs a whole number of at least %2, not \"%3\".")
                     .arg(option.names().constFirst())
                     .arg(minimum)
                     .arg(text);
        return false;
    }
    *value = parsed;
    return true;
}

/// Options an agent's config file may set: what a long-running agent needs, not one-off switches.
const QStringList &configurableOptions()
{
    static const QStringList names{QStringLiteral("data-dir"),       QStringLiteral("podman"),
                                   QStringLiteral("snapshot-delay"), QStringLiteral("snapshot-interval"),
                                   QStringLiteral("start-gap"),      QStringLiteral("start-timeout"),
                                   QStringLiteral("max-attempts"),   QStringLiteral("backoff-initial"),
                                   QStringLiteral("backoff-max"),    QStringLiteral("parallel"),
                                   QStringLiteral("health-timeout"), QStringLiteral("no-start-stopped"),
                                   QStringLiteral("socket"),         QStringLiteral("admin-group"),
                                   QStringLiteral("listen"),         QStringLiteral("tls-cert"),
                                   QStringLiteral("tls-key"),        QStringLiteral("metrics"),
                                   QStringLiteral("notify-command"), QStringLiteral("notify-url"),
                                   QStringLiteral("systemctl")};
    return names;
}

/**
 * Turns the config file's keys into arguments for the options the command line left unset, so the
 * command line wins (a repeatable option given there replaces the file's values, not adds to them).
 */
bool readConfigFile(const QString &path, bool required, const QCommandLineParser &parser,
                    QStringList *arguments, QString *error)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        if (!required)
            return true;
        *error =
            QCoreApplication::translate("archy::CommandLine", "The config file %1 does not exist.").arg(path);
        return false;
    }
    if (!info.isReadable()) {
        *error =
            QCoreApplication::translate("archy::CommandLine", "Cannot read the config file %1.").arg(path);
        return false;
    }
    QSettings settings(path, QSettings::IniFormat);
    if (settings.status() != QSettings::NoError) {
        *error =
            QCoreApplication::translate("archy::CommandLine", "The config file %1 is not a valid INI file.")
                .arg(path);
        return false;
    }
    const QStringList keys = settings.allKeys();
    for (const QString &key : keys) {
        if (!configurableOptions().contains(key)) {
            *error = QCoreApplication::translate("archy::CommandLine",
                                                 "%1: unknown setting \"%2\" (see man archy-recovery).")
                         .arg(path, key);
            return false;
        }
        if (parser.isSet(key))
            continue;
        const QVariant value = settings.value(key);
        // INI lists: "a, b" reads as two values; quote a value that holds a comma.
        const QStringList values = value.metaType().id() == QMetaType::QStringList
                                       ? value.toStringList()
                                       : QStringList{value.toString()};
        if (key == QLatin1String("no-start-stopped")) {
            const QString flag = values.join(QLatin1Char(',')).trimmed().toLower();
            if (flag != QLatin1String("true") && flag != QLatin1String("false")) {
                *error = QCoreApplication::translate("archy::CommandLine",
                                                     "%1: %2 must be true or false, not \"%3\".")
                             .arg(path, key, flag);
                return false;
            }
            if (flag == QLatin1String("true"))
                arguments->append(QStringLiteral("--") + key);
            continue;
        }
        for (const QString &one : values)
            arguments->append(QStringLiteral("--%1=%2").arg(key, one));
    }
    return true;
}

} // namespace

bool wantsHeadless(int argc, char **argv)
{
    for (int i = 1; i < argc; ++i) {
        const char *arg = argv[i];
        for (const char *command : {"status", "retry", "history"}) {
            if (std::strcmp(arg, command) == 0)
                return true;
        }
        for (const char *headless : {"--no-gui", "--once", "--help", "-h", "--help-all", "--version", "-v"}) {
            if (std::strcmp(arg, headless) == 0)
                return true;
        }
    }
    return false;
}

QString defaultDataDir()
{
    if (::geteuid() == 0)
        return QStringLiteral("/var/lib/archy-recovery");
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("archy-recovery"));
}

ParseOutcome parseCommandLine(const QStringList &arguments, AppOptions *options, QString *exitMessage)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "archy::CommandLine",
        "Restarts the podman containers that were running before a crash or power loss, and "
        "shows it.\n\nAs a client of a running agent (locally, or with --connect):\n"
        "  status [--json]                  the current recovery\n"
        "  retry NAME | retry --all-failed  start failed containers again\n"
        "  history [--json]                 earlier start-ups"));
    parser.addPositionalArgument(
        QStringLiteral("command"),
        QCoreApplication::translate("archy::CommandLine", "status, retry NAME or history (optional)."),
        QStringLiteral("[command]"));
    parser.addHelpOption();
    parser.addVersionOption();

    const AgentOptions defaults;
    const QCommandLineOption noGui(
        QStringLiteral("no-gui"),
        QCoreApplication::translate("archy::CommandLine", "Run headless (no display needed)."));
    const QCommandLineOption once(
        QStringLiteral("once"),
        QCoreApplication::translate("archy::CommandLine",
                                    "Run the start-up check and recovery, print the report and exit."));
    const QCommandLineOption json(
        QStringLiteral("json"),
        QCoreApplication::translate("archy::CommandLine", "With --once: print the report as JSON."));
    const QCommandLineOption kiosk(
        QStringLiteral("kiosk"),
        QCoreApplication::translate("archy::CommandLine", "Fullscreen touch-screen mode."));
    const QCommandLineOption lang(
        QStringLiteral("lang"),
        QCoreApplication::translate("archy::CommandLine", "Language of the interface (de, es, en...)."),
        QCoreApplication::translate("archy::CommandLine", "code"));
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"),
        QCoreApplication::translate("archy::CommandLine",
                                    "Where the marker, snapshot and history live (default: %1).")
            .arg(defaultDataDir()),
        QCoreApplication::translate("archy::CommandLine", "dir"));
    const QCommandLineOption podman(
        QStringLiteral("podman"),
        QCoreApplication::translate("archy::CommandLine", "The podman program (default: from PATH)."),
        QCoreApplication::translate("archy::CommandLine", "path"));
    const QCommandLineOption snapshotDelay(
        QStringLiteral("snapshot-delay"),
        QCoreApplication::translate("archy::CommandLine", "Seconds before the first snapshot (default %1).")
            .arg(defaults.snapshotDelaySec),
        QCoreApplication::translate("archy::CommandLine", "seconds"));
    const QCommandLineOption snapshotInterval(
        QStringLiteral("snapshot-interval"),
        QCoreApplication::translate("archy::CommandLine", "Seconds between snapshots (default %1).")
            .arg(defaults.snapshotIntervalSec),
        QCoreApplication::translate("archy::CommandLine", "seconds"));
    const QCommandLineOption startGap(
        QStringLiteral("start-gap"),
        QCoreApplication::translate("archy::CommandLine",
                                    "Seconds between two container starts (default %1).")
            .arg(defaults.startGapSec),
        QCoreApplication::translate("archy::CommandLine", "seconds"));
    const QCommandLineOption startTimeout(
        QStringLiteral("start-timeout"),
        QCoreApplication::translate("archy::CommandLine", "Seconds one podman start may take (default %1).")
            .arg(defaults.startTimeoutSec),
        QCoreApplication::translate("archy::CommandLine", "seconds"));
    const QCommandLineOption maxAttempts(
        QStringLiteral("max-attempts"),
        QCoreApplication::translate("archy::CommandLine", "Start attempts per container (default %1).")
            .arg(defaults.maxAttempts),
        QCoreApplication::translate("archy::CommandLine", "count"));
    const QCommandLineOption backoffInitial(
        QStringLiteral("backoff-initial"),
        QCoreApplication::translate("archy::CommandLine",
                                    "Seconds before the first retry, doubling (default %1).")
            .arg(defaults.backoffInitialMs / 1000),
        QCoreApplication::translate("archy::CommandLine", "seconds"));
    const QCommandLineOption backoffMax(
        QStringLiteral("backoff-max"),
        QCoreApplication::translate("archy::CommandLine",
                                    "Longest wait between retries in seconds (default %1).")
            .arg(defaults.backoffMaxMs / 1000),
        QCoreApplication::translate("archy::CommandLine", "seconds"));
    const QCommandLineOption parallel(
        QStringLiteral("parallel"),
        QCoreApplication::translate(
            "archy::CommandLine",
            "Containers started at once (default: one per core when podman runs in the background, "
            "else four per core: %1 or %2 here).")
            .arg(defaults.parallel)
            .arg(HeadlessParallelPerCore * defaults.parallel),
        QCoreApplication::translate("archy::CommandLine", "count"));
    const QCommandLineOption podmanPriority(
        QStringLiteral("podman-priority"),
        QCoreApplication::translate(
            "archy::CommandLine",
            "background: podman runs at a lower CPU and I/O priority so a screen stays smooth; "
            "normal: like this program (default: background when this process shows a screen, "
            "normal with --no-gui)."),
        QCoreApplication::translate("archy::CommandLine", "background|normal"));
    const QCommandLineOption healthTimeout(
        QStringLiteral("health-timeout"),
        QCoreApplication::translate("archy::CommandLine",
                                    "Seconds dependants wait for a healthcheck to pass (default %1).")
            .arg(defaults.healthTimeoutSec),
        QCoreApplication::translate("archy::CommandLine", "seconds"));
    const QCommandLineOption allFailed(
        QStringLiteral("all-failed"),
        QCoreApplication::translate("archy::CommandLine", "With retry: every failed container."));
    const QCommandLineOption socket(
        QStringLiteral("socket"),
        QCoreApplication::translate("archy::CommandLine",
                                    "The local control socket (default: control.sock in the data dir)."),
        QCoreApplication::translate("archy::CommandLine", "path"));
    const QCommandLineOption adminGroup(
        QStringLiteral("admin-group"),
        QCoreApplication::translate(
            "archy::CommandLine",
            "Group allowed on the local socket besides root and the agent's user (default %1).")
            .arg(QStringLiteral("archy-admin")),
        QCoreApplication::translate("archy::CommandLine", "group"));
    const QCommandLineOption listen(
        QStringLiteral("listen"),
        QCoreApplication::translate("archy::CommandLine",
                                    "Serve LAN screens over TLS WebSocket on this address (off by default)."),
        QCoreApplication::translate("archy::CommandLine", "addr:port"));
    const QCommandLineOption tlsCert(
        QStringLiteral("tls-cert"),
        QCoreApplication::translate(
            "archy::CommandLine",
            "PEM certificate for --listen (default: self-signed, made on first start)."),
        QCoreApplication::translate("archy::CommandLine", "file"));
    const QCommandLineOption tlsKey(
        QStringLiteral("tls-key"),
        QCoreApplication::translate("archy::CommandLine", "PEM private key for --tls-cert."),
        QCoreApplication::translate("archy::CommandLine", "file"));
    const QCommandLineOption connect(
        QStringLiteral("connect"),
        QCoreApplication::translate("archy::CommandLine",
                                    "Show or command a remote agent (wss://HOST:PORT)."),
        QCoreApplication::translate("archy::CommandLine", "url"));
    const QCommandLineOption tokenFile(
        QStringLiteral("token-file"),
        QCoreApplication::translate("archy::CommandLine",
                                    "With --connect: a copy of the agent's remote-token file."),
        QCoreApplication::translate("archy::CommandLine", "file"));
    const QCommandLineOption fingerprint(
        QStringLiteral("fingerprint"),
        QCoreApplication::translate(
            "archy::CommandLine",
            "With --connect: the certificate SHA-256 to expect (default: pinned on first use)."),
        QCoreApplication::translate("archy::CommandLine", "sha256"));
    const QCommandLineOption noStartStopped(
        QStringLiteral("no-start-stopped"),
        QCoreApplication::translate("archy::CommandLine",
                                    "On a clean start-up, restore nothing (crash recovery still runs)."));
    parser.addOptions({noGui,          once,          json,
                       kiosk,          lang,          dataDir,
                       podman,         snapshotDelay, snapshotInterval,
                       startGap,       startTimeout,  maxAttempts,
                       backoffInitial, backoffMax,    parallel,
                       podmanPriority, healthTimeout, noStartStopped,
                       allFailed,      socket,        adminGroup,
                       listen,         tlsCert,       tlsKey,
                       connect,        tokenFile,     fingerprint});
    // Ecosystem: monitoring, notifications, the config file.
    const QCommandLineOption metrics(
        QStringLiteral("metrics"),
        QCoreApplication::translate("archy::CommandLine",
                                    "Serve Prometheus metrics at http://ADDR:PORT/metrics (off by default)."),
        QCoreApplication::translate("archy::CommandLine", "addr:port"));
    const QCommandLineOption notifyCommand(
        QStringLiteral("notify-command"),
        QCoreApplication::translate("archy::CommandLine",
                                    "After a crash, a failure or a crash loop, run this command (no shell) "
                                    "with the report JSON on stdin. Repeatable."),
        QCoreApplication::translate("archy::CommandLine", "command"));
    const QCommandLineOption notifyUrl(
        QStringLiteral("notify-url"),
        QCoreApplication::translate("archy::CommandLine",
                                    "After a crash, a failure or a crash loop, POST a message to this URL "
                                    "(ntfy-compatible). Repeatable."),
        QCoreApplication::translate("archy::CommandLine", "url"));
    const QCommandLineOption config(
        QStringLiteral("config"),
        QCoreApplication::translate(
            "archy::CommandLine",
            "Read options from this INI file (default %1 if it exists); the command line wins.")
            .arg(QLatin1String(DefaultConfigFile)),
        QCoreApplication::translate("archy::CommandLine", "file"));
    const QCommandLineOption systemctl(
        QStringLiteral("systemctl"),
        QCoreApplication::translate(
            "archy::CommandLine",
            "The systemctl program, for containers systemd manages (default: from PATH)."),
        QCoreApplication::translate("archy::CommandLine", "path"));
    parser.addOptions({metrics, notifyCommand, notifyUrl, config, systemctl});

    if (!parser.parse(arguments)) {
        *exitMessage = parser.errorText();
        return ParseOutcome::ExitUsage;
    }
    // --help-all must print help too, never fall through to running an agent.
    const bool wantsHelp = parser.isSet(QStringLiteral("help")) || parser.isSet(QStringLiteral("help-all"));
    if (!wantsHelp && !parser.isSet(QStringLiteral("version"))) {
        const QString configPath =
            parser.isSet(config) ? parser.value(config) : QLatin1String(DefaultConfigFile);
        QStringList fromConfig;
        if (!readConfigFile(configPath, parser.isSet(config), parser, &fromConfig, exitMessage))
            return ParseOutcome::ExitUsage;
        if (QFileInfo::exists(configPath))
            options->configFile = configPath;
        // Config values go before the command line's, which are parsed again unchanged.
        if (!fromConfig.isEmpty() &&
            !parser.parse(QStringList{arguments.value(0)} + fromConfig + arguments.mid(1))) {
            *exitMessage = parser.errorText();
            return ParseOutcome::ExitUsage;
        }
    }
    if (wantsHelp) {
        parser.showHelp(0); // exits
    }
    if (parser.isSet(QStringLiteral("version"))) {
        parser.showVersion(); // exits
    }
    const QStringList positional = parser.positionalArguments();
    if (!positional.isEmpty()) {
        const QString command = positional.constFirst();
        if (command == QLatin1String("status") && positional.size() == 1) {
            options->command = ClientCommand::Status;
        } else if (command == QLatin1String("history") && positional.size() == 1) {
            options->command = ClientCommand::History;
        } else if (command == QLatin1String("retry") && positional.size() == 2 && !parser.isSet(allFailed)) {
            options->command = ClientCommand::Retry;
            options->commandName = positional.at(1);
        } else if (command == QLatin1String("retry") && positional.size() == 1 && parser.isSet(allFailed)) {
            options->command = ClientCommand::Retry;
            options->allFailed = true;
        } else {
            *exitMessage = QCoreApplication::translate("archy::CommandLine", "Unexpected argument: %1")
                               .arg(positional.join(QLatin1Char(' ')));
            return ParseOutcome::ExitUsage;
        }
    }

    AgentOptions &agent = options->agent;
    options->noGui = parser.isSet(noGui);
    options->once = parser.isSet(once);
    options->json = parser.isSet(json);
    options->kiosk = parser.isSet(kiosk);
    options->language = parser.value(lang);
    agent.dataDir = parser.isSet(dataDir) ? parser.value(dataDir) : defaultDataDir();
    agent.podmanProgram = parser.value(podman);
    agent.startStopped = !parser.isSet(noStartStopped);
    agent.resident = !options->once;
    options->socketPath = parser.isSet(socket) ? parser.value(socket)
                                               : QDir(agent.dataDir).filePath(QStringLiteral("control.sock"));
    options->adminGroup = parser.isSet(adminGroup) ? parser.value(adminGroup) : QStringLiteral("archy-admin");
    options->listen = parser.value(listen);
    options->tlsCert = parser.value(tlsCert);
    options->tlsKey = parser.value(tlsKey);
    options->connectUrl = parser.value(connect);
    options->tokenFile = parser.value(tokenFile);
    options->fingerprint = parser.value(fingerprint);
    int backoffInitialSec = agent.backoffInitialMs / 1000;
    int backoffMaxSec = agent.backoffMaxMs / 1000;
    if (!readInt(parser, snapshotDelay, 0, &agent.snapshotDelaySec, exitMessage) ||
        !readInt(parser, snapshotInterval, 1, &agent.snapshotIntervalSec, exitMessage) ||
        !readInt(parser, startGap, 0, &agent.startGapSec, exitMessage) ||
        !readInt(parser, startTimeout, 1, &agent.startTimeoutSec, exitMessage) ||
        !readInt(parser, maxAttempts, 1, &agent.maxAttempts, exitMessage) ||
        !readInt(parser, backoffInitial, 0, &backoffInitialSec, exitMessage) ||
        !readInt(parser, backoffMax, 0, &backoffMaxSec, exitMessage) ||
        !readInt(parser, parallel, 1, &agent.parallel, exitMessage) ||
        !readInt(parser, healthTimeout, 0, &agent.healthTimeoutSec, exitMessage)) {
        return ParseOutcome::ExitUsage;
    }
    if (parser.isSet(podmanPriority)) {
        const QString value = parser.value(podmanPriority);
        if (value != QLatin1String("background") && value != QLatin1String("normal")) {
            *exitMessage = QCoreApplication::translate(
                               "archy::CommandLine", "--podman-priority is background or normal, not \"%1\".")
                               .arg(value);
            return ParseOutcome::ExitUsage;
        }
        agent.backgroundPodman = value == QLatin1String("background");
    } else {
        // A screen in this process competes with podman for the CPU; the headless agent at boot does not.
        agent.backgroundPodman = !options->noGui && !options->once && options->command == ClientCommand::None;
    }
    // Background podman yields the CPU, so more starts than cores would only queue; at normal priority
    // (the agent at boot) starts overlap podman's waits on locks and disk and finish sooner.
    if (!parser.isSet(parallel) && !agent.backgroundPodman)
        agent.parallel = HeadlessParallelPerCore * AgentOptions::defaultParallel();
    agent.backoffInitialMs = backoffInitialSec * 1000;
    agent.backoffMaxMs = backoffMaxSec * 1000;
    const bool listing = options->command == ClientCommand::Status ||
                         options->command == ClientCommand::History ||
                         options->command == ClientCommand::Retry;
    if (options->json && !options->once && !listing) {
        *exitMessage = QCoreApplication::translate("archy::CommandLine",
                                                   "--json needs --once, status, retry or history.");
        return ParseOutcome::ExitUsage;
    }
    agent.systemctlProgram = parser.value(systemctl);
    options->metrics = parser.value(metrics);
    options->notifyCommands = parser.values(notifyCommand);
    options->notifyUrls = parser.values(notifyUrl);
    if (!options->metrics.isEmpty()) {
        QHostAddress address;
        quint16 port = 0;
        if (!MetricsServer::parseAddress(options->metrics, &address, &port, exitMessage))
            return ParseOutcome::ExitUsage;
    }
    for (const QString &command : std::as_const(options->notifyCommands)) {
        if (!Notifier::checkCommand(command, exitMessage))
            return ParseOutcome::ExitUsage;
    }
    for (const QString &url : std::as_const(options->notifyUrls)) {
        if (!Notifier::checkUrl(url, exitMessage))
            return ParseOutcome::ExitUsage;
    }
    if (options->once && !options->connectUrl.isEmpty()) {
        *exitMessage = QCoreApplication::translate(
            "archy::CommandLine", "--once runs the agent here; it cannot go with --connect.");
        return ParseOutcome::ExitUsage;
    }
    return ParseOutcome::Run;
}

} // namespace archy
