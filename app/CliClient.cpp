#include "CliClient.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>
#include <QUrl>

#include "CommandLine.h"
#include "Logging.h"
#include "PinStore.h"
#include "RemoteBackend.h"
#include "RemoteCommand.h"
#include "ReportText.h"
#include "Token.h"

namespace archy {

RemoteBackend *makeClientBackend(const AppOptions &options, QString *error)
{
    if (options.connectUrl.isEmpty())
        return RemoteBackend::local(options.socketPath);

    const QUrl url(options.connectUrl);
    if (!url.isValid() || url.scheme() != QLatin1String("wss") || url.host().isEmpty()) {
        *error =
            QCoreApplication::translate("archy::CliClient", "--connect needs wss://HOST:PORT, not \"%1\".")
                .arg(options.connectUrl);
        return nullptr;
    }
    if (options.tokenFile.isEmpty()) {
        *error = QCoreApplication::translate("archy::CliClient",
                                             "--connect needs --token-file (the agent's remote-token file).");
        return nullptr;
    }
    const QByteArray token = Token::readFile(options.tokenFile, error);
    if (token.isEmpty())
        return nullptr;
    const QString pin = options.fingerprint.isEmpty() ? PinStore::pinned(url) : options.fingerprint;
    RemoteBackend *backend = RemoteBackend::lan(url, token, pin);
    QObject::connect(backend, &RemoteBackend::fingerprintSeen, backend, [url](const QString &fingerprint) {
        PinStore::pin(url, fingerprint);
        QTextStream(stderr)
            << QCoreApplication::translate(
                   "archy::CliClient",
                   "Pinned the certificate of %1 (the agent proved it holds the token): SHA-256 %2")
                   .arg(url.authority(), fingerprint)
            << '\n';
    });
    return backend;
}

int runClient(QCoreApplication &app, const AppOptions &options)
{
    if (options.connectUrl.isEmpty() && !QFileInfo::exists(options.socketPath)) {
        QTextStream(stderr) << "archy-recovery: "
                            << QCoreApplication::translate(
                                   "archy::CliClient",
                                   "Cannot reach the agent: nothing listens at %1 (is archy-recovery "
                                   "running on this data dir?)")
                                   .arg(options.socketPath)
                            << '\n';
        return ExitUnreachable;
    }
    QString error;
    RemoteBackend *backend = makeClientBackend(options, &error);
    if (!backend) {
        QTextStream(stderr) << "archy-recovery: " << error << '\n';
        return ExitUsage;
    }
    RemoteCommand::Action action = RemoteCommand::Action::Status;
    switch (options.command) {
    case ClientCommand::Status:
        action = RemoteCommand::Action::Status;
        break;
    case ClientCommand::Retry:
        action = options.allFailed ? RemoteCommand::Action::RetryAllFailed : RemoteCommand::Action::Retry;
        break;
    case ClientCommand::History:
        action = RemoteCommand::Action::History;
        break;
    case ClientCommand::None:
        break;
    }
    RemoteCommand command(backend, action, options.commandName);
    int exitCode = ExitOk;
    QObject::connect(&command, &RemoteCommand::finished, &app, [&] {
        if (!command.ok()) {
            QTextStream(stderr) << "archy-recovery: " << printableText(command.errorString()) << '\n';
            exitCode = command.report().id.isEmpty() ? ExitUnreachable : ExitContainerFailed;
            QCoreApplication::exit(exitCode);
            return;
        }
        const RecoveryReport report = command.report();
        switch (options.command) {
        case ClientCommand::History:
            printHistory(command.history(), options.json);
            break;
        case ClientCommand::Retry:
            if (options.allFailed) {
                printReport(report, options.json);
                exitCode = report.failed().isEmpty() ? ExitOk : ExitContainerFailed;
            } else {
                for (const ContainerStatus &status : report.containers) {
                    if (status.name != options.commandName)
                        continue;
                    RecoveryReport one = report;
                    one.containers = {status};
                    printReport(one, options.json);
                    exitCode = status.state == ContainerState::Running ? ExitOk : ExitContainerFailed;
                }
            }
            break;
        default:
            printReport(report, options.json);
            break;
        }
        QCoreApplication::exit(exitCode);
    });
    // A retry waits for its run, backoff included; the rest answer at once.
    command.start(action == RemoteCommand::Action::Status || action == RemoteCommand::Action::History
                      ? 15000
                      : 15 * 60 * 1000);
    return app.exec();
}

} // namespace archy
