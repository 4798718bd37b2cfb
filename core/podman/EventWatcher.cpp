#include "EventWatcher.h"

#include <QDateTime>
#include <QTimer>

#include "Logging.h"

namespace archy {

namespace {
constexpr int MaxRestartDelayMs = 60000;
constexpr int StableRunMs = 30000;
} // namespace

EventWatcher::EventWatcher(const Podman &podman, QObject *parent)
    : QObject(parent)
    , m_podman(podman)
    , m_restartTimer(new QTimer(this))
{
    m_restartTimer->setSingleShot(true);
    connect(m_restartTimer, &QTimer::timeout, this, &EventWatcher::launch);
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

void EventWatcher::stop()
{
    m_stopped = true;
    m_restartTimer->stop();
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
    m_process->setStandardErrorFile(QProcess::nullDevice());
    connect(m_process, &QProcess::readyReadStandardOutput, this, &EventWatcher::onReadyRead);
    connect(m_process, &QProcess::finished, this, &EventWatcher::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            onFinished();
    });
    QTimer::singleShot(StableRunMs, m_process, [this] { m_restartDelayMs = 1000; });
    m_process->start();
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
