#include "Notifier.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QHostInfo>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QProcess>
#include <QStandardPaths>
#include <QTimer>

#include "NotifyMessage.h"
#include "OpsLogging.h"
#include "recovery/RecoveryBackend.h"

namespace archy {

namespace {

constexpr int KillGraceMs = 5000;
constexpr qint64 MaxLoggedOutput = 1024;

QString programOf(const QString &command)
{
    QStringList parts;
    if (!splitCommandWords(command, &parts) || parts.isEmpty())
        return QString();
    const QString program = parts.constFirst();
    if (program.contains(QLatin1Char('/')))
        return program;
    return QStandardPaths::findExecutable(program);
}

} // namespace

Notifier::Notifier(RecoveryBackend *backend, Options options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_network(new QNetworkAccessManager(this))
{
    if (m_options.host.isEmpty())
        m_options.host = QHostInfo::localHostName();
    // Qt verifies TLS certificates by default; sslErrors are never ignored here, and a redirect
    // may not downgrade https to http.
    m_network->setRedirectPolicy(QNetworkRequest::NoLessSafeRedirectPolicy);
    if (!backend)
        return;
    connect(backend, &RecoveryBackend::reportFinished, this, [this](const RecoveryReport &report) {
        // Only the start-up's own report: later ones are retries the owner asked for.
        if (m_startupSeen)
            return;
        m_startupSeen = true;
        if (!isEnabled())
            return;
        if (!startupNeedsNotification(report)) {
            qCInfo(lcNotify) << "clean start-up with nothing failed: nobody to notify";
            return;
        }
        send(makeNotifyMessage(report, NotifyReason::Startup, m_options.host));
    });
    connect(backend, &RecoveryBackend::crashLoopDetected, this, [this, backend](const QString &name) {
        if (isEnabled())
            send(makeNotifyMessage(backend->currentReport(), NotifyReason::CrashLoop, m_options.host, name));
    });
}

Notifier::~Notifier() = default;

bool Notifier::checkCommand(const QString &command, QString *error)
{
    QStringList parts;
    if (!splitCommandWords(command, &parts)) {
        *error = QCoreApplication::translate("archy::Notifier", "--notify-command: unterminated quote in %1")
                     .arg(command);
        return false;
    }
    if (parts.isEmpty()) {
        *error = QCoreApplication::translate("archy::Notifier",
                                             "--notify-command needs a command, not an empty string.");
        return false;
    }
    const QString program = programOf(command);
    if (program.isEmpty() || !QFileInfo(program).isExecutable()) {
        *error = QCoreApplication::translate("archy::Notifier",
                                             "--notify-command: %1 is not an executable program.")
                     .arg(parts.constFirst());
        return false;
    }
    return true;
}

bool Notifier::checkUrl(const QString &text, QString *error)
{
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme();
    if (!url.isValid() || url.host().isEmpty() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http"))) {
        *error = QCoreApplication::translate("archy::Notifier",
                                             "--notify-url needs an http:// or https:// URL, not \"%1\".")
                     .arg(text);
        return false;
    }
    return true;
}

void Notifier::send(const NotifyMessage &message)
{
    qCInfo(lcNotify).noquote() << "notifying:" << message.title;
    for (const QString &command : std::as_const(m_options.commands))
        runCommand(command, message.json);
    for (const QUrl &url : std::as_const(m_options.urls))
        post(url, message, 1);
}

void Notifier::runCommand(const QString &command, const QByteArray &json)
{
    QStringList arguments;
    splitCommandWords(command, &arguments);
    const QString program = programOf(command);
    if (arguments.isEmpty() || program.isEmpty()) {
        qCWarning(lcNotify).noquote() << "notify command not found:" << withoutControlChars(command);
        emit commandFinished(command, -1, false);
        return;
    }
    arguments.removeFirst();
    ++m_pending;
    auto *process = new QProcess(this);
    process->setProgram(program);
    process->setArguments(arguments);
    process->setStandardOutputFile(QProcess::nullDevice());
    auto *timeout = new QTimer(process);
    timeout->setSingleShot(true);
    connect(timeout, &QTimer::timeout, process, [process, command] {
        qCWarning(lcNotify).noquote()
            << "notify command timed out, stopping it:" << withoutControlChars(command);
        process->setProperty("timedOut", true);
        process->terminate();
        QTimer::singleShot(KillGraceMs, process, &QProcess::kill);
    });
    auto done = std::make_shared<bool>(false);
    auto finish = [this, process, command, done](bool ok, int exitCode, const QString &how) {
        if (*done)
            return;
        *done = true;
        const QString output =
            withoutControlChars(QString::fromUtf8(process->readAllStandardError().left(MaxLoggedOutput)))
                .trimmed();
        if (ok)
            qCInfo(lcNotify).noquote() << "notify command" << withoutControlChars(command) << how;
        else
            qCWarning(lcNotify).noquote() << "notify command" << withoutControlChars(command) << how
                                          << (output.isEmpty() ? QString() : QStringLiteral("- ") + output);
        emit commandFinished(command, exitCode, ok);
        process->deleteLater();
        finishOne();
    };
    connect(process, &QProcess::started, process, [process, json, timeout, this] {
        timeout->start(m_options.commandTimeoutMs);
        process->write(json);
        process->closeWriteChannel();
    });
    connect(process, &QProcess::finished, this, [process, finish](int exitCode, QProcess::ExitStatus status) {
        if (process->property("timedOut").toBool())
            finish(false, -1, QStringLiteral("was stopped after its time limit"));
        else if (status != QProcess::NormalExit)
            finish(false, -1, QStringLiteral("crashed"));
        else
            finish(exitCode == 0, exitCode, QStringLiteral("exited with status %1").arg(exitCode));
    });
    connect(process, &QProcess::errorOccurred, this, [process, finish](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            finish(false, -1, QStringLiteral("could not start: %1").arg(process->errorString()));
    });
    process->start();
}

void Notifier::post(const QUrl &url, const NotifyMessage &message, int attempt)
{
    if (attempt == 1)
        ++m_pending;
    QNetworkRequest request(url);
    request.setTransferTimeout(m_options.requestTimeoutMs);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain; charset=utf-8"));
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArray("archy-recovery/" + QCoreApplication::applicationVersion().toLatin1()));
    // Header values must be plain ASCII: ntfy decodes RFC 2047 encoded words for anything else.
    const QByteArray title = message.title.toUtf8();
    bool ascii = true;
    for (const char c : title)
        ascii = ascii && uchar(c) < 0x80;
    request.setRawHeader("Title", ascii ? title : "=?UTF-8?B?" + title.toBase64() + "?=");
    request.setRawHeader("Priority", QByteArray::number(message.priority));
    request.setRawHeader("Tags", message.tags.toLatin1());
    QNetworkReply *reply = m_network->post(request, message.body.toUtf8());
    connect(reply, &QNetworkReply::finished, this, [this, reply, url, message, attempt] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        const bool ok = reply->error() == QNetworkReply::NoError && status >= 200 && status < 300;
        const QString where = url.toDisplayString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
        if (ok) {
            qCInfo(lcNotify).noquote() << "notified" << where << "- HTTP" << status;
            emit postFinished(url, true, attempt);
            finishOne();
            return;
        }
        // A refusal (4xx but 408/429) will not change on retry; anything else may.
        const bool permanent = status >= 400 && status < 500 && status != 408 && status != 429;
        const QString why = status > 0 ? QStringLiteral("HTTP %1").arg(status) : reply->errorString();
        if (permanent || attempt >= m_options.maxAttempts) {
            qCWarning(lcNotify).noquote()
                << "could not notify" << where << "after" << attempt
                << (attempt == 1 ? "attempt:" : "attempts:") << withoutControlChars(why);
            emit postFinished(url, false, attempt);
            finishOne();
            return;
        }
        const int delay = m_options.backoffInitialMs << qMin(attempt - 1, 10);
        qCWarning(lcNotify).noquote() << "notifying" << where << "failed:" << withoutControlChars(why)
                                      << "- retrying in" << delay << "ms";
        QTimer::singleShot(delay, this, [this, url, message, attempt] { post(url, message, attempt + 1); });
    });
}

void Notifier::finishOne()
{
    if (--m_pending == 0)
        emit idle();
}

} // namespace archy
