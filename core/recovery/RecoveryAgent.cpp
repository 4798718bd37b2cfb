#include "RecoveryAgent.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QTimer>

#include <functional>
#include <unistd.h>

#include "Async.h"
#include "ContainerWatchdog.h"
#include "FleetView.h"
#include "Logging.h"
#include "PendingWork.h"
#include "RecoveryRun.h"
#include "SnapshotWriter.h"
#include "StartupRecovery.h"
#include "SystemdStarter.h"
#include "podman/Podman.h"
#include "podman/PodmanParse.h"
#include "state/DataDir.h"
#include "state/DurableFile.h"
#include "state/History.h"
#include "state/HistoryWriter.h"
#include "state/InstanceLock.h"
#include "state/RunMarker.h"

namespace archy {

namespace {
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}
} // namespace

/*
 * The glue: StartupRecovery decides what to start and hands it to the one scheduler (RecoveryRun);
 * retries and automatic restarts (from the ContainerWatchdog) go through the same scheduler. Every
 * settle of the scheduler is a new revision of the report, written by the one HistoryWriter.
 */
class RecoveryAgent::Private
{
public:
    Private(RecoveryAgent *q, const AgentOptions &options);

    QString path(const QString &name) const { return QDir(options.dataDir).filePath(name); }

    void startupDone();
    void settled();
    void applyStatus(const ContainerStatus &status);
    ContainerStatus *findStatus(const QString &name);
    void setBusy();
    void startWatching();
    void onDiedUnexpectedly(const QString &name, int delayMs);
    void onRestartDue(const QString &name);
    void onCrashLoop(const QString &name, int quickDeaths);
    void writeHistory(std::function<void()> then = {});
    void maybeFinishShutdown();
    void finishShutdown(bool keepMarker);
    void removeMarker(std::function<void(const QString &error)> then);

    RecoveryAgent *q;
    AgentOptions options;
    Podman podman;
    InstanceLock lock;
    PendingWork *pending;
    RecoveryRun *scheduler;
    StartupRecovery *startup;
    ContainerWatchdog *watchdog;
    SnapshotWriter *snapshots;
    HistoryWriter *history;
    FleetView *fleet; ///< what screens see of the whole node
    QString error;
    RecoveryReport report;
    enum class Phase
    {
        Closed,
        Opened,
        Starting,
        Running,
        ShuttingDown,
        Down
    } phase = Phase::Closed;
    bool busy = false;
    /// shutdown() came before the start-up recovery finished (Opened or Starting).
    bool interrupted = false;
    /// ...after start(): the run got under way and is recorded in the history.
    bool interruptedRun = false;
};

RecoveryAgent::Private::Private(RecoveryAgent *q, const AgentOptions &options)
    : q(q), options(options),
      podman(options.podmanProgram,
             options.backgroundPodman ? PodmanPriority::Background : PodmanPriority::Normal),
      lock(QDir(options.dataDir).filePath(InstanceLock::fileName())), pending(new PendingWork(q))
{
    RunPolicy policy = RunPolicy::fromOptions(options);
    // Fleet-size speed: what is ready together shares `podman start` calls (unless --parallel 1 or
    // a start gap asks for one at a time).
    policy.batchStarts = true;
    // A container whose dependency failed is not started blindly: the resident agent holds it
    // until the dependency comes back; a one-shot run reports it failed, saying why.
    policy.failedDependency =
        options.resident ? RunPolicy::FailedDependency::Hold : RunPolicy::FailedDependency::Fail;
    scheduler = new RecoveryRun(podman, policy, {}, q);
    // Containers systemd manages come back through their units; rootless ones through the user's.
    scheduler->setStarter(
        std::make_shared<SystemdStarter>(podman, options.systemctlProgram, ::geteuid() != 0));
    startup = new StartupRecovery(podman, options, &report, scheduler, pending, q);
    watchdog = new ContainerWatchdog(podman, options, pending, q);
    snapshots = new SnapshotWriter(
        options.dataDir, options.debounceMs, [this] { return watchdog->toSnapshot(); }, pending, q);
    history = new HistoryWriter(options.dataDir, q);
    fleet = new FleetView(podman, options.podmanTimeoutSec * 1000, q);
    fleet->setReport(&report);
    if (!podman.isAvailable())
        fleet->setPodmanProblem(podman.unavailableReason());
}

RecoveryAgent::RecoveryAgent(const AgentOptions &options, QObject *parent)
    : RecoveryBackend(parent), d(std::make_unique<Private>(this, options))
{
    qRegisterMetaType<ContainerStatus>();
    qRegisterMetaType<RecoveryReport>();
    qRegisterMetaType<QList<RecoveryReport>>();
    qRegisterMetaType<PodmanEvent>();

    connect(d->scheduler, &RecoveryRun::containerChanged, this,
            [this](const ContainerStatus &status) { d->applyStatus(status); });
    connect(d->scheduler, &RecoveryRun::finished, this, [this] { d->settled(); });
    connect(d->startup, &StartupRecovery::planned, this, [this] { emit reportReset(d->report); });
    connect(d->startup, &StartupRecovery::errorOccurred, this, &RecoveryBackend::errorOccurred);

    connect(d->watchdog, &ContainerWatchdog::trackedChanged, d->snapshots, &SnapshotWriter::changed);
    connect(d->watchdog, &ContainerWatchdog::reconciled, d->snapshots, &SnapshotWriter::writeNow);
    connect(d->watchdog, &ContainerWatchdog::containerStarted, d->scheduler, &RecoveryRun::cameBack);
    connect(d->watchdog, &ContainerWatchdog::diedUnexpectedly, this,
            [this](const QString &name, int, int delayMs) { d->onDiedUnexpectedly(name, delayMs); });
    connect(d->watchdog, &ContainerWatchdog::restartDue, this,
            [this](const QString &name) { d->onRestartDue(name); });
    connect(d->watchdog, &ContainerWatchdog::crashLoop, this,
            [this](const QString &name, int quickDeaths) { d->onCrashLoop(name, quickDeaths); });

    connect(d->snapshots, &SnapshotWriter::periodicDue, d->watchdog, &ContainerWatchdog::reconcile);
    connect(d->snapshots, &SnapshotWriter::written, this, &RecoveryAgent::snapshotWritten);
    connect(d->snapshots, &SnapshotWriter::writeFailed, this, &RecoveryBackend::errorOccurred);
    connect(d->history, &HistoryWriter::writeFailed, this, &RecoveryBackend::errorOccurred);
    connect(d->pending, &PendingWork::idle, this, [this] { d->maybeFinishShutdown(); });
    connect(d->history, &HistoryWriter::drained, this, [this] { d->maybeFinishShutdown(); });

    connect(d->startup, &StartupRecovery::planned, d->fleet,
            [this] { d->fleet->setStartupSnapshot(d->startup->snapshot()); });
    connect(d->startup, &StartupRecovery::listed, d->fleet, &FleetView::setListing);
    connect(d->startup, &StartupRecovery::podmanProblem, d->fleet, &FleetView::setPodmanProblem);
    connect(d->watchdog, &ContainerWatchdog::listed, d->fleet, &FleetView::setListing);
    connect(d->watchdog, &ContainerWatchdog::podmanProblem, d->fleet, &FleetView::setPodmanProblem);
    connect(d->watchdog, &ContainerWatchdog::eventApplied, d->fleet, &FleetView::touch);
    connect(d->fleet, &FleetView::fleetChanged, this, &RecoveryBackend::fleetChanged);
    connect(d->fleet, &FleetView::identityChanged, this, &RecoveryBackend::nodeIdentityChanged);
    connect(d->fleet, &FleetView::logsLoaded, this, &RecoveryBackend::logsLoaded);
    for (auto signal : {&RecoveryBackend::reportReset, &RecoveryBackend::reportFinished})
        connect(this, signal, d->fleet, &FleetView::touch);
    connect(this, &RecoveryBackend::containerChanged, d->fleet, &FleetView::touch);
}

Fleet RecoveryAgent::fleet() const
{
    return d->fleet->fleet();
}

NodeIdentity RecoveryAgent::nodeIdentity() const
{
    return d->fleet->identity();
}

void RecoveryAgent::requestLogs(const QString &name, int lines)
{
    d->fleet->requestLogs(name, lines);
}

void RecoveryAgent::setLanEndpoint(const QString &listenAddress, const QString &fingerprint)
{
    NodeIdentity identity = d->fleet->identity();
    identity.listenAddress = listenAddress;
    identity.fingerprint = fingerprint;
    d->fleet->setIdentity(identity);
}

RecoveryAgent::~RecoveryAgent() = default;

QString RecoveryAgent::historyError() const
{
    return d->history->lastError();
}

QString RecoveryAgent::errorString() const
{
    return d->error;
}

QString RecoveryAgent::dataDir() const
{
    return d->options.dataDir;
}

RecoveryReport RecoveryAgent::currentReport() const
{
    return d->report;
}

bool RecoveryAgent::isBusy() const
{
    return d->busy;
}

RecoveryAgent::OpenResult RecoveryAgent::open()
{
    const QString dir = d->options.dataDir;
    if (dir.isEmpty()) {
        d->error = RecoveryAgent::tr("No data directory was given.");
        return OpenResult::DataDirError;
    }
    // Created 0700 in one step; an existing one (and its state files) must be ours and private.
    if (!DataDir::prepare(dir, &d->error))
        return OpenResult::DataDirError;

    switch (d->lock.tryLock()) {
    case InstanceLock::Result::Acquired:
        break;
    case InstanceLock::Result::HeldByOther:
        d->error = RecoveryAgent::tr("Another archy-recovery instance (pid %1) is running on %2.")
                       .arg(d->lock.holderPid())
                       .arg(dir);
        return OpenResult::AlreadyRunning;
    case InstanceLock::Result::Error:
        d->error =
            RecoveryAgent::tr("The data directory %1 is not usable: %2").arg(dir, d->lock.errorString());
        return OpenResult::DataDirError;
    }
    if (::access(QFile::encodeName(dir).constData(), W_OK) != 0) {
        d->error = RecoveryAgent::tr("The data directory %1 is not writable.").arg(dir);
        d->lock.unlock();
        return OpenResult::DataDirError;
    }

    const RunMarker::Judgement judgement = RunMarker::judge(d->path(RunMarker::fileName()));
    if (judgement.verdict == RunMarker::Verdict::LiveInstance) {
        d->error = judgement.reason;
        d->lock.unlock();
        return OpenResult::AlreadyRunning;
    }

    const qint64 now = nowMs();
    d->report.id = QStringLiteral("%1-%2").arg(now).arg(::getpid());
    d->report.startedAtMs = now;
    d->report.crashInfo.crash = judgement.verdict == RunMarker::Verdict::Crash;
    d->report.crashInfo.previousPid = judgement.pid;
    d->report.crashInfo.reason = judgement.reason;
    d->report.crashInfo.detectedAtMs = now;
    if (d->report.crashInfo.crash)
        qCWarning(lcRecovery).noquote() << "crash detected:" << judgement.reason;
    else
        qCInfo(lcRecovery) << "clean start";
    d->phase = Private::Phase::Opened;
    return OpenResult::Ok;
}

void RecoveryAgent::start()
{
    Q_ASSERT(d->phase == Private::Phase::Opened);
    if (d->phase != Private::Phase::Opened)
        return;
    d->phase = Private::Phase::Starting;
    d->busy = true;
    emit reportReset(d->report);
    emit busyChanged(true);
    d->scheduler->start();
    d->startup->start();
}

void RecoveryAgent::Private::settled()
{
    if (phase == Phase::ShuttingDown) {
        maybeFinishShutdown();
        return;
    }
    if (phase == Phase::Starting) {
        if (startup->isHandedOver())
            startupDone();
        return;
    }
    if (phase != Phase::Running)
        return;
    report.revision += 1;
    writeHistory([this] {
        setBusy();
        emit q->reportFinished(report);
    });
}

ContainerStatus *RecoveryAgent::Private::findStatus(const QString &name)
{
    for (ContainerStatus &status : report.containers) {
        if (status.name == name)
            return &status;
    }
    return nullptr;
}

void RecoveryAgent::Private::applyStatus(const ContainerStatus &status)
{
    if (ContainerStatus *existing = findStatus(status.name)) {
        if (*existing == status)
            return;
        *existing = status;
    } else {
        report.containers.append(status);
    }
    emit q->containerChanged(status);
    setBusy();
}

void RecoveryAgent::Private::startupDone()
{
    phase = Phase::Running;
    report.finishedAtMs = nowMs();
    qCInfo(lcRecovery).noquote()
        << QStringLiteral("start-up done: %1 of %2 running").arg(report.recovered()).arg(report.total());
    const bool removeOldMarker = !options.resident && report.crashInfo.crash;
    writeHistory([this, removeOldMarker] {
        auto finish = [this] {
            setBusy();
            emit q->reportFinished(report);
            if (options.resident && phase == Phase::Running)
                startWatching();
        };
        if (!removeOldMarker) {
            finish();
            return;
        }
        // --once: the crash is handled, so the next start-up must not see it again.
        removeMarker([this, finish](const QString &error) {
            if (!error.isEmpty())
                emit q->errorOccurred(error);
            finish();
        });
    });
}

void RecoveryAgent::Private::removeMarker(std::function<void(const QString &error)> then)
{
    const QString markerPath = path(RunMarker::fileName());
    pending->begin();
    runAsync(
        q,
        [markerPath] {
            QString error;
            DurableFile::remove(markerPath, &error);
            return error;
        },
        [this, then = std::move(then)](const QString &error) {
            then(error);
            pending->end();
        });
}

void RecoveryAgent::Private::setBusy()
{
    const bool nowBusy = phase == Phase::Starting || (phase == Phase::Running && !scheduler->isFinished());
    if (nowBusy != busy) {
        busy = nowBusy;
        emit q->busyChanged(busy);
    }
}

void RecoveryAgent::retry(const QString &name)
{
    if (d->phase != Private::Phase::Running || !isValidContainerName(name))
        return;
    const ContainerStatus *found = d->findStatus(name);
    if (!found || found->state != ContainerState::Failed)
        return;
    qCInfo(lcRecovery).noquote() << "retry requested for" << name;
    RecoveryTarget target;
    target.status = *found;
    target.status.state = ContainerState::Waiting;
    target.status.error.clear();
    target.status.note.clear();
    target.status.crashLoop = false;
    target.status.finishedAtMs = 0;
    // The owner asked: a fresh round of attempts, counted on top of the earlier ones.
    d->scheduler->enqueue({target}, d->options.maxAttempts);
}

void RecoveryAgent::retryAllFailed()
{
    const QStringList names = d->report.failed();
    for (const QString &name : names)
        retry(name);
}

void RecoveryAgent::acknowledgeCrash()
{
    if (d->report.acknowledged || d->phase == Private::Phase::ShuttingDown ||
        d->phase == Private::Phase::Down)
        return;
    d->report.acknowledged = true;
    d->report.revision += 1;
    emit crashAcknowledged();
    d->writeHistory();
}

void RecoveryAgent::requestHistory()
{
    const QString dataDir = d->options.dataDir;
    runAsync(
        this, [dataDir] { return History::read(dataDir); },
        [this](const QList<RecoveryReport> &reports) { emit historyLoaded(reports); });
}

void RecoveryAgent::snapshotNow()
{
    d->watchdog->reconcile();
}

void RecoveryAgent::Private::startWatching()
{
    watchdog->start(startup->snapshot());
    fleet->setTracker(&watchdog->tracker());
    snapshots->startPeriodic(options.snapshotDelaySec, options.snapshotIntervalSec);
}

void RecoveryAgent::Private::onDiedUnexpectedly(const QString &name, int delayMs)
{
    if (phase != Phase::Running || scheduler->isPending(name))
        return; // already being started
    ContainerStatus status;
    if (const ContainerStatus *known = findStatus(name))
        status = *known;
    status.name = name;
    status.state = ContainerState::Waiting;
    status.error.clear();
    status.note = RecoveryAgent::tr("Stopped unexpectedly; restarting.");
    status.finishedAtMs = 0;
    status.startedAtMs = 0;
    status.retryAtMs = nowMs() + delayMs;
    applyStatus(status);
}

void RecoveryAgent::Private::onRestartDue(const QString &name)
{
    const ContainerStatus *current = findStatus(name);
    if (phase != Phase::Running || !current || current->state != ContainerState::Waiting ||
        scheduler->isPending(name))
        return;
    RecoveryTarget target;
    target.status = *current;
    // Each restart gets a full round of attempts on top of those already counted.
    scheduler->enqueue({target}, options.maxAttempts);
}

void RecoveryAgent::Private::onCrashLoop(const QString &name, int quickDeaths)
{
    if (phase != Phase::Running || scheduler->isPending(name))
        return;
    ContainerStatus status;
    if (const ContainerStatus *known = findStatus(name))
        status = *known;
    status.name = name;
    status.state = ContainerState::Failed;
    status.crashLoop = true;
    status.finishedAtMs = nowMs();
    status.error =
        RecoveryAgent::tr("Keeps stopping within a minute of being started (%n times in a row); it is not "
                          "restarted automatically any more. Retry once it is fixed.",
                          nullptr, quickDeaths);
    applyStatus(status);
    emit q->crashLoopDetected(name);
    report.revision += 1;
    writeHistory([this] { emit q->reportFinished(report); });
}

void RecoveryAgent::Private::writeHistory(std::function<void()> then)
{
    history->append(report, std::move(then));
}

void RecoveryAgent::shutdown()
{
    if (d->phase == Private::Phase::ShuttingDown || d->phase == Private::Phase::Down)
        return;
    const bool opened = d->phase != Private::Phase::Closed;
    d->interrupted = d->phase == Private::Phase::Opened || d->phase == Private::Phase::Starting;
    d->interruptedRun = d->phase == Private::Phase::Starting;
    d->phase = Private::Phase::ShuttingDown;
    d->options.resident = d->options.resident && opened;
    qCInfo(lcRecovery) << "shutting down";
    // From here on, containers stopping are the system going down, not the owner's intent.
    d->watchdog->stop();
    d->startup->stop();
    d->scheduler->cancel();
    d->snapshots->stop();
    QTimer::singleShot(0, this, [this] { d->maybeFinishShutdown(); });
}

void RecoveryAgent::Private::maybeFinishShutdown()
{
    if (phase != Phase::ShuttingDown || !pending->isIdle() || history->isBusy() || !scheduler->isFinished())
        return;
    phase = Phase::Down;
    // Stopped before the start-up recovery finished: the history records how far it got, and after
    // a crash the marker stays, so the next start-up still sees the crash and finishes the job.
    const bool keepMarker = interrupted && report.crashInfo.crash;
    if (interruptedRun) {
        qCWarning(lcRecovery).noquote()
            << "start-up recovery interrupted by shutdown"
            << (keepMarker ? "; the crash stays pending for the next start-up" : "");
        report.finishedAtMs = nowMs();
        report.revision += 1;
        writeHistory([this, keepMarker] { finishShutdown(keepMarker); });
        return;
    }
    finishShutdown(keepMarker);
}

void RecoveryAgent::Private::finishShutdown(bool keepMarker)
{
    if (!options.resident || keepMarker) {
        lock.unlock();
        emit q->shutdownFinished();
        return;
    }
    removeMarker([this](const QString &error) {
        if (!error.isEmpty())
            qCWarning(lcState).noquote() << "cannot remove the run marker:" << error;
        lock.unlock();
        emit q->shutdownFinished();
    });
}

} // namespace archy
