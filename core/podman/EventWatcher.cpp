#include "EventWatcher.h"

#include <QDateTime>
#include <QFile>
#include <QTimer>

#include "Logging.h"
#include "PodmanCall.h"

namespace archy {

namespace {
// Blind for at most this long after repeated deaths (the bound is 10 s).
constexpr int MaxRestartDelayMs = 10000;
constexpr int StableRunMs = 30000;

/// The state letter of /proc/PID/stat: R, S, D, T (stopped), t (traced), Z (zombie)...
char processState(qint64 pid)
{
    QFile file(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray stat = file.read(1024);
    // The command name (field 2) may hold spaces and parentheses: the state follows the last ')'.
    const int close = stat.lastIndexOf(')');
    return close >= 0 && close + 2 < stat.size() ? stat.at(close + 2) : 0;
}
} // namespace

EventWatcher::EventWatcher(const Podman &podman, QObject *parent)
    : QObject(parent), m_podman(podman), m_restartTimer(new QTimer(this)), m_heartbeat(new QTimer(this))
{
    m_restartTimer->setSingleShot(true);
    connect(m_restartTimer, &QTimer::timeout, this, &EventWatcher::launch);
    m_heartbeat->setInterval(HeartbeatMs);
    connect(m_heartbeat, &QTimer::timeout, this, &EventWatcher::checkHeartbeat);
}

EventWatcher::~EventWatcher()
{
    stop();
}

bool EventWatcher::isRunning() const
{
    return m_process && m_process->state() != QProcess::NotRunning;
}

void EventWatcher::start()
{
    if (!m_stopped)
        return;
    m_stopped = false;
    m_restartDelayMs = 1000;
    m_sinceMs = QDateTime::currentMSecsSinceEpoch() - 1000;
    launch();
}

qint64 EventWatcher::processId() const
{
    return m_process ? m_process->processId() : 0;
}

void EventWatcher::checkHeartbeat()
{
    if (!m_process || m_process->state() != QProcess::Running)
        return;
    // A stream that is stopped (SIGSTOP, a debugger) delivers nothing and never ends by itself:
    // without this, exits would not be restarted and owner stops not recorded for as long as it
    // stays stuck. Killing it goes the usual way: finished, restart, restarted(), reconcile.
    const char state = processState(m_process->processId());
    if (state == 'T' || state == 't') {
        qCWarning(lcPodman) << "podman events is stopped (state" << state << "); restarting it";
        m_restartDelayMs = qMin(m_restartDelayMs, 1000);
        m_process->kill();
    }
}

void EventWatcher::stop()
{
    m_stopped = true;
    m_restartTimer->stop();
    m_heartbeat->stop();
    if (!m_process)
        return;
    QProcess *dying = m_process;
    m_process = nullptr;
    dying->disconnect(this);
    if (dying->state() == QProcess::NotRunning) {
        dying->deleteLater();
        return;
    }
    // Killing a reader of the event log loses nothing; the QProcess goes once it is reaped, so
    // nothing ever waits for it (QProcess's destructor would).
    ++m_dying;
    connect(dying, &QProcess::finished, this, [this, dying] {
        dying->deleteLater();
        if (--m_dying == 0)
            emit stopped();
    });
    dying->kill();
}

void EventWatcher::launch()
{
    if (m_stopped || !m_podman.isAvailable())
        return;
    m_buffer.clear();
    m_discarding = false;
    m_process = new QProcess(this);
    m_process->setProgram(m_podman.program());
    setChildPriority(m_process, m_podman.priority());
    m_process->setArguments(Podman::eventsArguments(m_sinceMs / 1000));
    m_process->setStandardInputFile(QProcess::nullDevice());
    m_process->setProcessEnvironment(PodmanCall::childEnvironment());
    m_process->setStandardErrorFile(QProcess::nullDevice());
    connect(m_process, &QProcess::readyReadStandardOutput, this, &EventWatcher::onReadyRead);
    connect(m_process, &QProcess::finished, this, &EventWatcher::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            onFinished();
    });
    QTimer::singleShot(StableRunMs, m_process, [this] { m_restartDelayMs = 1000; });
    m_process->start();
    m_heartbeat->start();
    qCDebug(lcPodman) << "following podman events";
    emit restarted();
}

void EventWatcher::onReadyRead()
{
    m_buffer += m_process->readAllStandardOutput();
    int start = 0;
    for (;;) {
        const int newline = m_buffer.indexOf('\n', start);
        if (newline < 0)
            break;
        if (!m_discarding && newline - start > MaxLineBytes) {
            qCWarning(lcPodman) << "dropping an event line longer than" << MaxLineBytes << "bytes";
        } else if (!m_discarding) {
            PodmanEvent event;
            if (PodmanParse::parseEvent(m_buffer.mid(start, newline - start), &event)) {
                m_sinceMs = qMax(m_sinceMs, event.timeMs);
                emit eventReceived(event);
            }
        }
        m_discarding = false;
        start = newline + 1;
    }
    m_buffer.remove(0, start);
    if (m_buffer.size() > MaxLineBytes) {
        qCWarning(lcPodman) << "dropping an event line longer than" << MaxLineBytes << "bytes";
        m_buffer.clear();
        m_discarding = true;
    }
}

void EventWatcher::onFinished()
{
    if (!m_process)
        return;
    m_process->deleteLater();
    m_process = nullptr;
    if (m_stopped)
        return;
    qCWarning(lcPodman) << "podman events stopped; following again in" << m_restartDelayMs << "ms";
    m_restartTimer->start(m_restartDelayMs);
    m_restartDelayMs = qMin(m_restartDelayMs * 2, MaxRestartDelayMs);
}

} // namespace archy
