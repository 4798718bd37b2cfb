#include "PodmanCall.h"

#include <cerrno>
#include <functional>

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <QProcessEnvironment>
#include <QTimer>

#include "Logging.h"
#include "PodmanParse.h"

namespace archy {

namespace {
constexpr int KillGraceMs = 2000;
constexpr int BackgroundNice = 10;
// <linux/ioprio.h> is not in every libc's headers; these values are the kernel ABI.
constexpr int IoprioWhoProcess = 1;
constexpr int IoprioClassShift = 13;
constexpr int IoprioClassBestEffort = 2;
constexpr int IoprioLowestLevel = 7;

/// Runs in the child between fork and exec: async-signal-safe calls only, errors ignored (a child
/// that cannot lower its priority still does its job).
void lowerOwnPriority()
{
    // A session of its own is a scheduling group of its own where the kernel groups by session
    // (autogroup, the default without a cgroup CPU controller): the screen's group then stays idle
    // and wins the CPU as soon as it wakes, however busy podman keeps its own. Where CPU cgroups
    // decide instead, the nice value does the same within the shared cgroup.
    ::setsid();
    errno = 0;
    const int current = ::getpriority(PRIO_PROCESS, 0);
    if (errno == 0 && current < BackgroundNice)
        ::setpriority(PRIO_PROCESS, 0, BackgroundNice);
    ::syscall(SYS_ioprio_set, IoprioWhoProcess, 0,
              (IoprioClassBestEffort << IoprioClassShift) | IoprioLowestLevel);
}

QString commandLineForPeople(const QString &program, const QStringList &arguments)
{
    return QStringList{program, arguments.join(QLatin1Char(' '))}.join(QLatin1Char(' '));
}
} // namespace

PodmanCall::PodmanCall(const QString &program, const QStringList &arguments, int timeoutMs,
                       QObject *parent)
    : QObject(parent)
    , m_program(program)
    , m_arguments(arguments)
    , m_timeoutMs(timeoutMs)
    , m_process(new QProcess(this))
    , m_timeout(new QTimer(this))
    , m_killTimer(new QTimer(this))
{
    m_timeout->setSingleShot(true);
    m_killTimer->setSingleShot(true);
    m_process->setProgram(m_program);
    m_process->setArguments(m_arguments);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->setProcessEnvironment(childEnvironment());

    connect(m_process, &QProcess::finished, this, &PodmanCall::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &PodmanCall::onErrorOccurred);
    connect(m_process, &QProcess::readyReadStandardOutput, this, [this] {
        if (m_outputOverflow) {
            m_process->readAllStandardOutput(); // discard until the process is gone
            return;
        }
        if (m_result.standardOutput.size() + m_process->bytesAvailable() > MaxOutputBytes) {
            m_outputOverflow = true;
            m_result.standardOutput.clear();
            m_process->closeReadChannel(QProcess::StandardOutput);
            stopProcess();
            return;
        }
        m_result.standardOutput += m_process->readAllStandardOutput();
    });
    connect(m_process, &QProcess::readyReadStandardError, this, [this] {
        // stderr is only for the error text: keep its tail bounded
        m_result.standardError += m_process->readAllStandardError();
        if (m_result.standardError.size() > 64 * 1024)
            m_result.standardError = m_result.standardError.right(64 * 1024);
    });
    connect(m_timeout, &QTimer::timeout, this, &PodmanCall::onTimeout);
    connect(m_killTimer, &QTimer::timeout, m_process, &QProcess::kill);

    QTimer::singleShot(0, this, &PodmanCall::startProcess);
}

PodmanCall::~PodmanCall()
{
    if (m_process->state() != QProcess::NotRunning) {
        // QProcess's destructor kills and reaps; disconnect so no signal reaches a half-dead object.
        m_process->disconnect(this);
        m_process->kill();
    }
}

QProcessEnvironment PodmanCall::childEnvironment()
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // podman 5 warns about cgroups v1 on every call; the warning is noise in our error texts.
    environment.insert(QStringLiteral("PODMAN_IGNORE_CGROUPSV1_WARNING"), QStringLiteral("1"));
    return environment;
}

void setChildPriority(QProcess *process, PodmanPriority priority)
{
    process->setChildProcessModifier(priority == PodmanPriority::Background
                                         ? std::function<void()>(lowerOwnPriority)
                                         : std::function<void()>());
}

void PodmanCall::setPriority(PodmanPriority priority)
{
    setChildPriority(m_process, priority);
}

void PodmanCall::startProcess()
{
    if (m_finished)
        return;
    qCDebug(lcPodman).noquote() << "run" << commandLineForPeople(m_program, m_arguments);
    if (m_timeoutMs > 0)
        m_timeout->start(m_timeoutMs);
    m_process->start();
}

void PodmanCall::cancel()
{
    if (m_finished)
        return;
    if (m_process->state() == QProcess::NotRunning) {
        m_result.errorText = tr("Cancelled.");
        finish();
        return;
    }
    m_result.errorText = tr("Cancelled.");
    stopProcess();
}

void PodmanCall::stopProcess()
{
    m_timeout->stop();
    if (m_process->state() == QProcess::NotRunning)
        return;
    m_process->terminate();
    if (!m_killTimer->isActive())
        m_killTimer->start(KillGraceMs);
}

void PodmanCall::onTimeout()
{
    m_result.timedOut = true;
    qCWarning(lcPodman).noquote() << "timed out after" << m_timeoutMs << "ms:"
                                  << commandLineForPeople(m_program, m_arguments);
    stopProcess();
}

void PodmanCall::onFinished(int exitCode, QProcess::ExitStatus status)
{
    if (!m_outputOverflow)
        m_result.standardOutput += m_process->readAllStandardOutput();
    m_result.standardError += m_process->readAllStandardError();
    m_result.exitCode = status == QProcess::NormalExit ? exitCode : -1;
    // Known warnings (podman 5 on cgroups v1) are not the error a person needs to read.
    const QString stderrText = QString::fromUtf8(PodmanParse::withoutKnownWarnings(m_result.standardError)).trimmed();

    if (m_result.timedOut) {
        m_result.errorText = tr("podman did not answer within %n seconds and was stopped.", nullptr,
                                qMax(1, (m_timeoutMs + 999) / 1000));
    } else if (m_outputOverflow) {
        m_result.errorText = tr("podman printed more than %1 MiB and was stopped.")
                                 .arg(MaxOutputBytes / (1024 * 1024));
    } else if (!m_result.errorText.isEmpty()) {
        // cancelled
    } else if (status != QProcess::NormalExit) {
        m_result.errorText = stderrText.isEmpty() ? tr("podman crashed.")
                                                  : tr("podman crashed: %1").arg(stderrText);
    } else if (exitCode != 0) {
        m_result.errorText = stderrText.isEmpty()
            ? tr("podman exited with status %1.").arg(exitCode)
            : stderrText;
    } else {
        m_result.ok = true;
    }
    finish();
}

void PodmanCall::onErrorOccurred(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart)
        return; // crashes and timeouts arrive through finished()
    m_result.errorText = tr("Could not run podman (%1): %2").arg(m_program, m_process->errorString());
    finish();
}

void PodmanCall::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_timeout->stop();
    m_killTimer->stop();
    if (!m_result.ok)
        qCDebug(lcPodman).noquote() << "failed:" << m_result.errorText;
    emit done();
}

} // namespace archy
