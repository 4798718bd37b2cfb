#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

class QNetworkAccessManager;

namespace archy {

class RecoveryBackend;
struct NotifyMessage;

/**
 * Tells the owner when a start-up found a crash or left something failed, and when a crash loop
 * is flagged: runs each --notify-command (no shell, report JSON on stdin, bounded in time) and
 * POSTs to each --notify-url (ntfy-compatible, TLS verified, bounded, retried with backoff).
 * Everything is asynchronous; recovery never waits for it.
 */
class Notifier final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Notifier)

public:
    struct Options
    {
        QStringList commands;
        QList<QUrl> urls;
        QString host;                 ///< named in the message; default: this machine's host name
        int commandTimeoutMs = 30000; ///< then SIGTERM, and SIGKILL 5 s later
        int requestTimeoutMs = 15000; ///< one POST
        int maxAttempts = 4;          ///< POSTs per URL and message
        int backoffInitialMs = 2000;  ///< doubles after each failed POST
    };

    Notifier(RecoveryBackend *backend, Options options, QObject *parent = nullptr);
    ~Notifier() override;

    /// Checks a --notify-command / --notify-url value; @p error says why it is unusable.
    static bool checkCommand(const QString &command, QString *error);
    static bool checkUrl(const QString &url, QString *error);

    bool isEnabled() const { return !m_options.commands.isEmpty() || !m_options.urls.isEmpty(); }
    /// Nothing in flight (no command running, no POST pending or waiting to be retried).
    bool isIdle() const { return m_pending == 0; }

    /// Sends @p message to every command and URL.
    void send(const NotifyMessage &message);

signals:
    void commandFinished(const QString &command, int exitCode, bool ok);
    void postFinished(const QUrl &url, bool ok, int attempts);
    /// The last delivery in flight is over.
    void idle();

private:
    void runCommand(const QString &command, const QByteArray &json);
    void post(const QUrl &url, const NotifyMessage &message, int attempt);
    void finishOne();

    Options m_options;
    QNetworkAccessManager *m_network;
    int m_pending = 0;
    bool m_startupSeen = false;
};

} // namespace archy
