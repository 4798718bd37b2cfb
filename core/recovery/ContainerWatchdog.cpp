#include "ContainerWatchdog.h"

#include <QDateTime>
#include <QTimer>

#include "Logging.h"
#include "PendingWork.h"
#include "RecoveryRun.h"
#include "podman/EventWatcher.h"
#include "podman/PodmanCall.h"

namespace archy {

namespace {
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

ContainerWatchdog::ContainerWatchdog(const Podman &podman, const AgentOptions &options, PendingWork *pending,
                                     QObject *parent)
    : QObject(parent), m_podman(podman), m_options(options), m_pending(pending)
{
}

ContainerWatchdog::~ContainerWatchdog() = default;

Snapshot ContainerWatchdog::toSnapshot() const
{
    return m_tracker.toSnapshot(nowMs() / 1000);
}

PodmanCall *ContainerWatchdog::podmanCall(const QStringList &arguments,
                                          std::function<void(const PodmanResult &)> onDone)
{
    m_pending->begin();
    return m_podman.call(arguments, m_options.podmanTimeoutSec * 1000, this,
                         [this, onDone = std::move(onDone)](const PodmanResult &result) {
                             if (!m_stopped)
                                 onDone(result);
                             m_pending->end();
                         });
}

void ContainerWatchdog::start(const Snapshot &snapshot)
{
    if (m_started || m_stopped)
        return;
    m_started = true;
    m_tracker.load(snapshot);
    m_events = new EventWatcher(m_podman, this);
    connect(m_events, &EventWatcher::eventReceived, this, &ContainerWatchdog::onEvent);
    // Each (re)start of the stream may follow a gap: reconcile with a full listing.
    connect(m_events, &EventWatcher::restarted, this, &ContainerWatchdog::reconcile);
    m_events->start();
}

void ContainerWatchdog::reconcile()
{
    if (m_stopped || m_reconcile || !m_podman.isAvailable())
        return;
    m_reconcile = podmanCall(Podman::psAllArguments(), [this](const PodmanResult &result) {
        QList<PsEntry> entries;
        QString parseError;
        if (!result.ok) {
            qCDebug(lcState).noquote() << "reconcile skipped:" << result.errorText;
            emit podmanProblem(result.errorText);
            return;
        }
        if (!PodmanParse::parsePs(result.standardOutput, &entries, &parseError)) {
            qCWarning(lcState).noquote() << "reconcile skipped:" << parseError;
            emit podmanProblem(parseError);
            return;
        }
        m_tracker.reconcile(entries);
        emit listed(entries);
        emit reconciled();
    });
}

void ContainerWatchdog::stop()
{
    if (m_stopped)
        return;
    m_stopped = true;
    m_tracker.setRecording(false);
    if (m_events) {
        m_events->stop();
        if (m_events->isStopping()) { // the killed stream is reaped from the event loop
            m_pending->begin();
            connect(m_events, &EventWatcher::stopped, this, [this] { m_pending->end(); });
        }
    }
    if (m_reconcile)
        m_reconcile->cancel();
    for (const QPointer<PodmanCall> &probe : std::as_const(m_probes)) {
        if (probe)
            probe->cancel();
    }
}

void ContainerWatchdog::onEvent(const PodmanEvent &event)
{
    if (m_stopped)
        return;
    qCDebug(lcState).noquote() << "event" << event.status << event.name;
    const ContainerTracker::Outcome outcome = m_tracker.apply(event, nowMs());
    if (outcome.changed)
        emit trackedChanged();
    emit eventApplied();
    if (event.status == QLatin1String("start") && isValidContainerName(event.name))
        emit containerStarted(event.name);
    if (outcome.deathPending)
        QTimer::singleShot(ContainerTracker::DeathGraceMs, this,
                           [this, name = outcome.name] { judgeDeath(name); });
}

void ContainerWatchdog::judgeDeath(const QString &name)
{
    if (m_stopped)
        return;
    auto resolve = [this, name](bool signalledFromOutside) {
        const ContainerTracker::Outcome resolved =
            m_tracker.resolveDeath(name, nowMs(), signalledFromOutside);
        if (resolved.changed)
            emit trackedChanged();
        if (resolved.unexpectedDeath && !m_stopped)
            onUnexpectedDeath(name, resolved.quickDeaths);
    };
    const int exitCode = m_tracker.pendingExitCode(name);
    constexpr int KilledBySigterm = 128 + 15;
    constexpr int KilledBySigkill = 128 + 9;
    if (exitCode != KilledBySigkill) {
        resolve(exitCode == KilledBySigterm);
        return;
    }
    // SIGKILL: the owner's `podman stop`/`kill`, or the kernel's OOM killer. Only podman knows.
    PodmanCall *probe = podmanCall(Podman::inspectArguments({name}), [resolve](const PodmanResult &result) {
        QList<InspectEntry> inspected;
        const bool known =
            PodmanParse::parseInspect(result.standardOutput, &inspected, nullptr) && !inspected.isEmpty();
        resolve(known && !inspected.constFirst().oomKilled);
    });
    m_probes.removeAll(nullptr);
    m_probes.append(probe);
}

void ContainerWatchdog::onUnexpectedDeath(const QString &name, int quickDeaths)
{
    if (quickDeaths >= m_options.crashLoopDeaths) {
        qCWarning(lcRecovery).noquote() << name << "is in a crash loop:" << quickDeaths << "quick deaths";
        emit crashLoop(name, quickDeaths);
        return;
    }
    // A wanted container died on its own: bring it back after a backoff that grows with each
    // quick death, so a broken container cannot make us hammer podman.
    const int delay = RecoveryRun::backoffMs(RunPolicy::fromOptions(m_options), qMax(1, quickDeaths));
    qCWarning(lcRecovery).noquote() << name << "stopped unexpectedly; restarting in" << delay << "ms";
    emit diedUnexpectedly(name, quickDeaths, delay);
    QTimer::singleShot(delay, this, [this, name, quickDeaths] {
        if (!m_stopped && m_tracker.isWanted(name))
            emit restartDue(name, quickDeaths);
    });
}

} // namespace archy
