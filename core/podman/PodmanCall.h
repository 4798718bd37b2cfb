#pragma once

#include <QByteArray>
#include <QObject>
#include <QProcess>
#include <QStringList>

class QTimer;

namespace archy {

/// How podman children are scheduled against this process.
enum class PodmanPriority
{
    Normal,     ///< like this process (the headless agent at boot: recovery first)
    Background, ///< own session, nice 10, I/O best-effort 7: a screen in this process stays smooth
};

/// Makes @p process's child lower its own priority before exec when @p priority is Background.
/// Call before start().
void setChildPriority(QProcess *process, PodmanPriority priority);

/// What one podman call produced.
struct PodmanResult
{
    bool ok = false;          ///< started, finished normally, exit code 0
    int exitCode = -1;
    bool timedOut = false;
    QByteArray standardOutput;
    QByteArray standardError;
    QString errorText;        ///< for people: podman's stderr, or why it could not run
};

/**
 * One podman invocation: a QProcess child (never a shell), a timeout that terminates and then kills,
 * and a single done() signal. The process starts from the event loop, so callers can connect first.
 * The object deletes nothing by itself; the owner deletes it after done() (deleteLater is fine).
 */
class PodmanCall final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PodmanCall)

public:
    PodmanCall(const QString &program, const QStringList &arguments, int timeoutMs,
               QObject *parent = nullptr);
    ~PodmanCall() override;

    const QStringList &arguments() const { return m_arguments; }
    const PodmanResult &result() const { return m_result; }
    bool isFinished() const { return m_finished; }

    /// Set before the call starts (it starts from the event loop). The child lowers its own priority
    /// between fork and exec, so podman and what it forks (conmon, the container) inherit it.
    void setPriority(PodmanPriority priority);

    /// Stops the call now (terminate, then kill); done() follows.
    void cancel();

    /// The environment podman runs in: ours, plus what keeps podman's known noise out.
    static QProcessEnvironment childEnvironment();

    /// Output beyond this many bytes is a failure: protects memory against a runaway podman.
    static constexpr qint64 MaxOutputBytes = 64 * 1024 * 1024;

signals:
    void done();

private:
    void startProcess();
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onErrorOccurred(QProcess::ProcessError error);
    void onTimeout();
    void stopProcess();
    void finish();

    QString m_program;
    QStringList m_arguments;
    int m_timeoutMs;
    QProcess *m_process;
    QTimer *m_timeout;
    QTimer *m_killTimer;
    PodmanResult m_result;
    bool m_finished = false;
    bool m_outputOverflow = false;
};

} // namespace archy
