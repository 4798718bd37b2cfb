#include "RecoveryAgent.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QTimer>

#include <functional>
#include <unistd.h>

#include "Async.h"
#include "Logging.h"
#include "RecoveryPlan.h"
#include "RecoveryRun.h"
#include "podman/EventWatcher.h"
#include "podman/Podman.h"
#include "podman/PodmanCall.h"
#include "podman/PodmanParse.h"
#include "state/ContainerTracker.h"
#include "state/DurableFile.h"
#include "state/History.h"
#include "state/InstanceLock.h"
#include "state/RunMarker.h"
#include "state/Snapshot.h"

namespace archy {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

RunPolicy policyFrom(const AgentOptions &options)
{
    RunPolicy policy;
    policy.parallel = options.parallel;
    policy.startGapMs = options.startGapSec * 1000;
    policy.startTimeoutMs = options.startTimeoutSec * 1000;
    policy.maxAttempts = options.maxAttempts;
    policy.backoffInitialMs = options.backoffInitialMs;
    policy.backoffMaxMs = options.backoffMaxMs;
    policy.healthTimeoutMs = options.healthTimeoutSec * 1000;
    policy.systemctlProgram = options.systemctlProgram;
    policy.systemctlUser = ::geteuid() != 0; // rootless containers belong to the user's manager
    return policy;
}

/// What the start-up work off the main thread found.
struct Preparation
{
    SnapshotStore::ReadResult snapshot;
    QString markerError;
};

} // namespace

class RecoveryAgent::Private
{
public:
    Private(RecoveryAgent *q, const AgentOptions &options)
        : q(q)
        , options(options)
        , podman(options.podmanProgram)
        , lock(QDir(options.dataDir).filePath(InstanceLock::fileName()))
        , reconcileTimer(new QTimer(q))
        , debounceTimer(new QTimer(q))
    {
        reconcileTimer->setSingleShot(true);
        debounceTimer->setSingleShot(true);
    }

    QString path(const QString &name) const { return QDir(options.dataDir).filePath(name); }

    // start-up
    void prepared(const Preparation &preparation);
    void planned(QList<RecoveryTarget> targets, const QList<PsEntry> &current);
    void startupDone();
    // runs (start-up, retries, restarts of containers that died)
    RecoveryRun *startRun(QList<RecoveryTarget> targets, const RunPolicy &policy);
    void runFinished(RecoveryRun *run);
    void applyStatus(const ContainerStatus &status);
    ContainerStatus *findStatus(const QString &name);
    void setBusy();
    // state kept while resident
    void startTracking();
    void reconcile();
    void onEvent(const PodmanEvent &event);
    void judgeDeath(const QString &name);
    void onUnexpectedDeath(const QString &name, int quickDeaths);
    void snapshotChanged();
    void writeSnapshot();
    // files
    void writeHistory(std::function<void()> then = {});
    void trackWrite(bool started);
    void maybeFinishShutdown();

    RecoveryAgent *q;
    AgentOptions options;
    Podman podman;
    InstanceLock lock;
    QTimer *reconcileTimer;
    QTimer *debounceTimer;
    EventWatcher *events = nullptr;
    ContainerTracker tracker;
    Snapshot startupSnapshot;
    QString error;
    RunMarker::Judgement judgement;
    RecoveryReport report;
    QPointer<RecoveryRun> startupRun;
    QList<QPointer<RecoveryRun>> runs; ///< retries and restarts
    QHash<QString, QString> systemdUnits; ///< container name -> PODMAN_SYSTEMD_UNIT, from the start-up's ps
    QPointer<PodmanCall> call;         ///< the one ps/inspect call in flight
    QList<QPointer<PodmanCall>> probes; ///< inspects judging deaths
    bool startupFinished = false;
    bool opened = false;
    bool shuttingDown = false;
    bool shutdownEmitted = false;
    bool busy = false;
    bool snapshotDirty = false;
    bool snapshotWriting = false;
    int pendingWrites = 0;
};

RecoveryAgent::RecoveryAgent(const AgentOptions &options, QObject *parent)
    : RecoveryBackend(parent)
    , d(std::make_unique<Private>(this, options))
{
    qRegisterMetaType<ContainerStatus>();
    qRegisterMetaType<RecoveryReport>();
    qRegisterMetaType<QList<RecoveryReport>>();
    qRegisterMetaType<PodmanEvent>();
    connect(d->reconcileTimer, &QTimer::timeout, this, [this] {
        d->reconcile();
        d->reconcileTimer->start(qMax(1, d->options.snapshotIntervalSec) * 1000);
    });
    connect(d->debounceTimer, &QTimer::timeout, this, [this] { d->writeSnapshot(); });
}

RecoveryAgent::~RecoveryAgent() = default;

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
    const QFileInfo info(dir);
    if (!info.exists()) {
        if (!QDir().mkpath(dir)) {
            d->error = RecoveryAgent::tr("Cannot create the data directory %1.").arg(dir);
            return OpenResult::DataDirError;
        }
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    } else if (!info.isDir()) {
        d->error = RecoveryAgent::tr("The data directory %1 is not a directory.").arg(dir);
        return OpenResult::DataDirError;
    }

    switch (d->lock.tryLock()) {
    case InstanceLock::Result::Acquired:
        break;
    case InstanceLock::Result::HeldByOther:
        d->error = RecoveryAgent::tr("Another archy-recovery instance (pid %1) is running on %2.")
                       .arg(d->lock.holderPid()).arg(dir);
        return OpenResult::AlreadyRunning;
    case InstanceLock::Result::Error:
        d->error = RecoveryAgent::tr("The data directory %1 is not usable: %2").arg(dir, d->lock.errorString());
        return OpenResult::DataDirError;
    }
    if (::access(QFile::encodeName(dir).constData(), W_OK) != 0) {
        d->error = RecoveryAgent::tr("The data directory %1 is not writable.").arg(dir);
        d->lock.unlock();
        return OpenResult::DataDirError;
    }

    d->judgement = RunMarker::judge(d->path(RunMarker::fileName()));
    if (d->judgement.verdict == RunMarker::Verdict::LiveInstance) {
        d->error = d->judgement.reason;
        d->lock.unlock();
        return OpenResult::AlreadyRunning;
    }

    const qint64 now = nowMs();
    d->report.id = QStringLiteral("%1-%2").arg(now).arg(::getpid());
    d->report.startedAtMs = now;
    d->report.crashInfo.crash = d->judgement.verdict == RunMarker::Verdict::Crash;
    d->report.crashInfo.previousPid = d->judgement.pid;
    d->report.crashInfo.reason = d->judgement.reason;
    d->report.crashInfo.detectedAtMs = now;
    if (d->report.crashInfo.crash)
        qCWarning(lcRecovery).noquote() << "crash detected:" << d->judgement.reason;
    else
        qCInfo(lcRecovery) << "clean start";
    d->opened = true;
    return OpenResult::Ok;
}

void RecoveryAgent::start()
{
    Q_ASSERT(d->opened);
    d->busy = true;
    emit reportReset(d->report);
    emit busyChanged(true);

    const bool resident = d->options.resident;
    const QString dataDir = d->options.dataDir;
    const QString markerPath = d->path(RunMarker::fileName());
    d->trackWrite(true);
    runAsync(
        this,
        [resident, dataDir, markerPath] {
            Preparation preparation;
            // Clean start-ups need it too: they restore what ran at the last good snapshot.
            preparation.snapshot = SnapshotStore::read(dataDir);
            // Our marker replaces the old one before recovery starts: if we crash while recovering,
            // the next start-up recovers again.
            if (resident)
                DurableFile::write(markerPath, MarkerRecord::current().serialize(), &preparation.markerError);
            return preparation;
        },
        [this](const Preparation &preparation) {
            d->trackWrite(false);
            d->prepared(preparation);
        });
}

void RecoveryAgent::Private::prepared(const Preparation &preparation)
{
    if (!preparation.markerError.isEmpty()) {
        qCWarning(lcState).noquote() << "cannot write the run marker:" << preparation.markerError;
        emit q->errorOccurred(RecoveryAgent::tr("Cannot write the run marker: %1").arg(preparation.markerError));
    }
    if (shuttingDown) {
        maybeFinishShutdown();
        return;
    }
    const SnapshotStore::ReadResult &read = preparation.snapshot;
    startupSnapshot = read.snapshot;
    if (!read.warning.isEmpty())
        qCWarning(lcState).noquote() << read.warning;
    CrashInfo &crash = report.crashInfo;
    if (crash.crash) {
        crash.snapshotWarning = read.warning;
        crash.snapshotAtMs = read.snapshot.timestamp * 1000;
        crash.containersBefore = int(read.snapshot.containers.size());
        if (!read.found && read.warning.isEmpty())
            qCInfo(lcState) << "no container snapshot: cannot tell which containers were running";
    }

    auto plan = [this, read](const PodmanResult &listing) {
        RecoveryPlan::Input input;
        input.crash = report.crashInfo.crash;
        input.snapshotFound = read.found;
        input.snapshot = read.snapshot;
        input.startStopped = options.startStopped;
        QString parseError;
        input.podmanListed = listing.ok && PodmanParse::parsePs(listing.standardOutput, &input.current, &parseError);
        if (!listing.ok)
            qCWarning(lcPodman).noquote() << "cannot list containers:" << listing.errorText;
        else if (!parseError.isEmpty())
            qCWarning(lcPodman).noquote() << parseError;
        planned(RecoveryPlan::targets(input), input.current);
    };
    if (!podman.isAvailable()) {
        PodmanResult none;
        none.errorText = podman.unavailableReason();
        plan(none);
        return;
    }
    call = podman.call(Podman::psAllArguments(), options.podmanTimeoutSec * 1000, q);
    QObject::connect(call, &PodmanCall::done, q, [this, plan, c = call.data()] {
        c->deleteLater();
        call = nullptr;
        if (shuttingDown)
            maybeFinishShutdown();
        else
            plan(c->result());
    });
}

void RecoveryAgent::Private::planned(QList<RecoveryTarget> targets, const QList<PsEntry> &current)
{
    for (const PsEntry &entry : current) {
        const QString unit = RecoveryPlan::systemdUnitOf(entry.labels);
        if (!unit.isEmpty())
            systemdUnits.insert(entry.name, unit);
    }
    for (const RecoveryTarget &target : std::as_const(targets)) {
        report.containers.append(target.status);
        if (!target.status.error.isEmpty())
            qCWarning(lcState).noquote() << "not started:" << target.status.error;
    }
    qCInfo(lcRecovery).noquote() << (report.crashInfo.crash ? "recovering" : "restoring") << targets.size()
                                 << "containers";
    emit q->reportReset(report);

    const QStringList names = RecoveryPlan::namesToInspect(targets);
    auto run = [this](const QList<RecoveryTarget> &ordered) {
        if (RecoveryPlan::namesToInspect(ordered).isEmpty()) {
            startupDone();
            return;
        }
        startupRun = startRun(ordered, policyFrom(options));
    };
    if (names.isEmpty() || !podman.isAvailable()) {
        run(targets);
        return;
    }
    // Dependencies and healthchecks: one inspect for all. It prints what it found even when it
    // fails for a container that is gone, and that one fails again, clearly, at its start.
    call = podman.call(Podman::inspectArguments(names), options.podmanTimeoutSec * 1000, q);
    QObject::connect(call, &PodmanCall::done, q, [this, targets, current, run, c = call.data()]() mutable {
        c->deleteLater();
        call = nullptr;
        if (shuttingDown) {
            maybeFinishShutdown();
            return;
        }
        QList<InspectEntry> inspected;
        QString parseError;
        if (!PodmanParse::parseInspect(c->result().standardOutput, &inspected, &parseError))
            qCWarning(lcPodman).noquote() << parseError;
        RecoveryPlan::addDependencies(&targets, inspected, current);
        run(targets);
    });
}

RecoveryRun *RecoveryAgent::Private::startRun(QList<RecoveryTarget> targets, const RunPolicy &policy)
{
    // Retries and restarts of a container systemd manages go through systemd too.
    for (RecoveryTarget &target : targets) {
        if (target.systemdUnit.isEmpty())
            target.systemdUnit = systemdUnits.value(target.status.name);
    }
    auto *run = new RecoveryRun(podman, policy, targets, q);
    QObject::connect(run, &RecoveryRun::containerChanged, q,
                     [this](const ContainerStatus &status) { applyStatus(status); });
    QObject::connect(run, &RecoveryRun::finished, q, [this, run] { runFinished(run); });
    if (startupFinished)
        runs.append(run);
    run->start();
    setBusy();
    return run;
}

void RecoveryAgent::Private::runFinished(RecoveryRun *run)
{
    run->deleteLater();
    const bool wasStartup = run == startupRun;
    if (wasStartup)
        startupRun = nullptr;
    runs.removeAll(run);
    if (shuttingDown) {
        maybeFinishShutdown();
        return;
    }
    if (wasStartup) {
        startupDone();
        return;
    }
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
    if (ContainerStatus *existing = findStatus(status.name))
        *existing = status;
    else
        report.containers.append(status);
    emit q->containerChanged(status);
}

void RecoveryAgent::Private::startupDone()
{
    report.finishedAtMs = nowMs();
    startupFinished = true;
    qCInfo(lcRecovery).noquote() << QStringLiteral("start-up done: %1 of %2 running")
                                        .arg(report.recovered()).arg(report.total());
    const bool removeOldMarker = !options.resident && report.crashInfo.crash;
    const QString markerPath = path(RunMarker::fileName());
    writeHistory([this, removeOldMarker, markerPath] {
        auto finish = [this] {
            setBusy();
            emit q->reportFinished(report);
            if (options.resident && !shuttingDown)
                startTracking();
        };
        if (!removeOldMarker) {
            finish();
            return;
        }
        // --once: the crash is handled, so the next start-up must not see it again.
        trackWrite(true);
        runAsync(
            q,
            [markerPath] {
                QString error;
                DurableFile::remove(markerPath, &error);
                return error;
            },
            [this, finish](const QString &error) {
                trackWrite(false);
                if (!error.isEmpty())
                    emit q->errorOccurred(error);
                finish();
            });
    });
}

void RecoveryAgent::Private::setBusy()
{
    bool nowBusy = !startupFinished;
    for (const QPointer<RecoveryRun> &run : std::as_const(runs))
        nowBusy = nowBusy || (run && !run->isFinished());
    if (nowBusy != busy) {
        busy = nowBusy;
        emit q->busyChanged(busy);
    }
}

void RecoveryAgent::retry(const QString &name)
{
    if (d->shuttingDown || !d->startupFinished || !isValidContainerName(name))
        return;
    ContainerStatus *found = d->findStatus(name);
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
    d->applyStatus(target.status);

    RunPolicy policy = policyFrom(d->options);
    policy.startGapMs = 0;
    // The owner asked: a fresh round of attempts, counted on top of the earlier ones.
    policy.maxAttempts = target.status.attempts + qMax(1, d->options.maxAttempts);
    d->startRun({target}, policy);
}

void RecoveryAgent::retryAllFailed()
{
    const QStringList names = d->report.failed();
    for (const QString &name : names)
        retry(name);
}

void RecoveryAgent::acknowledgeCrash()
{
    if (d->report.acknowledged || d->shuttingDown)
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
    d->reconcile();
}

void RecoveryAgent::Private::startTracking()
{
    tracker.load(startupSnapshot);
    events = new EventWatcher(podman, q);
    QObject::connect(events, &EventWatcher::eventReceived, q, [this](const PodmanEvent &event) { onEvent(event); });
    // Each (re)start of the stream may follow a gap: reconcile with a full listing.
    QObject::connect(events, &EventWatcher::restarted, q, [this] { reconcile(); });
    events->start();
    reconcileTimer->start(qMax(0, options.snapshotDelaySec) * 1000);
}

void RecoveryAgent::Private::reconcile()
{
    if (shuttingDown || call || !podman.isAvailable())
        return;
    call = podman.call(Podman::psAllArguments(), options.podmanTimeoutSec * 1000, q);
    QObject::connect(call, &PodmanCall::done, q, [this, c = call.data()] {
        c->deleteLater();
        call = nullptr;
        if (shuttingDown) {
            maybeFinishShutdown();
            return;
        }
        QList<PsEntry> entries;
        QString parseError;
        if (!c->result().ok) {
            qCDebug(lcState).noquote() << "reconcile skipped:" << c->result().errorText;
            return;
        }
        if (!PodmanParse::parsePs(c->result().standardOutput, &entries, &parseError)) {
            qCWarning(lcState).noquote() << "reconcile skipped:" << parseError;
            return;
        }
        tracker.reconcile(entries);
        // Written even if nothing changed: the timestamp says the state was checked.
        snapshotDirty = true;
        writeSnapshot();
    });
}

void RecoveryAgent::Private::onEvent(const PodmanEvent &event)
{
    if (shuttingDown)
        return;
    qCDebug(lcState).noquote() << "event" << event.status << event.name;
    const ContainerTracker::Outcome outcome = tracker.apply(event, nowMs());
    if (outcome.changed)
        snapshotChanged();
    if (outcome.deathPending)
        QTimer::singleShot(ContainerTracker::DeathGraceMs, q, [this, name = outcome.name] { judgeDeath(name); });
}

void RecoveryAgent::Private::judgeDeath(const QString &name)
{
    if (shuttingDown)
        return;
    auto resolve = [this, name](bool signalledFromOutside) {
        const ContainerTracker::Outcome resolved = tracker.resolveDeath(name, nowMs(), signalledFromOutside);
        if (resolved.changed)
            snapshotChanged();
        if (resolved.unexpectedDeath && !shuttingDown)
            onUnexpectedDeath(name, resolved.quickDeaths);
    };
    const int exitCode = tracker.pendingExitCode(name);
    constexpr int KilledBySigterm = 128 + 15;
    constexpr int KilledBySigkill = 128 + 9;
    if (exitCode != KilledBySigkill) {
        resolve(exitCode == KilledBySigterm);
        return;
    }
    // SIGKILL: the owner's `podman stop`/`kill`, or the kernel's OOM killer. Only podman knows.
    PodmanCall *probe = podman.call(Podman::inspectArguments({name}), options.podmanTimeoutSec * 1000, q);
    probes.append(probe);
    QObject::connect(probe, &PodmanCall::done, q, [this, probe, resolve] {
        probe->deleteLater();
        probes.removeAll(probe);
        if (shuttingDown) {
            maybeFinishShutdown();
            return;
        }
        QList<InspectEntry> inspected;
        const bool known = PodmanParse::parseInspect(probe->result().standardOutput, &inspected, nullptr)
            && !inspected.isEmpty();
        resolve(known && !inspected.constFirst().oomKilled);
    });
}

void RecoveryAgent::Private::onUnexpectedDeath(const QString &name, int quickDeaths)
{
    for (const QPointer<RecoveryRun> &run : std::as_const(runs)) {
        if (run && !run->isFinished()) {
            const QList<ContainerStatus> statuses = run->statuses();
            for (const ContainerStatus &status : statuses) {
                if (status.name == name)
                    return; // already being started
            }
        }
    }
    ContainerStatus status;
    if (const ContainerStatus *known = findStatus(name))
        status = *known;
    status.name = name;
    if (quickDeaths >= options.crashLoopDeaths) {
        qCWarning(lcRecovery).noquote() << name << "is in a crash loop:" << quickDeaths << "quick deaths";
        status.state = ContainerState::Failed;
        status.crashLoop = true;
        status.finishedAtMs = nowMs();
        status.error = RecoveryAgent::tr("Keeps stopping within a minute of being started (%n time(s) in a row); it is not "
                          "restarted automatically any more. Retry once it is fixed.", nullptr, quickDeaths);
        applyStatus(status);
        emit q->crashLoopDetected(name);
        report.revision += 1;
        writeHistory([this] { emit q->reportFinished(report); });
        return;
    }
    // A wanted container died on its own: bring it back after a backoff that grows with each
    // quick death, so a broken container cannot make us hammer podman.
    const int delay = RecoveryRun::backoffMs(policyFrom(options), qMax(1, quickDeaths));
    qCWarning(lcRecovery).noquote() << name << "stopped unexpectedly; restarting in" << delay << "ms";
    status.state = ContainerState::Waiting;
    status.error.clear();
    status.note = RecoveryAgent::tr("Stopped unexpectedly; restarting.");
    status.finishedAtMs = 0;
    status.startedAtMs = 0;
    applyStatus(status);
    QTimer::singleShot(delay, q, [this, name] {
        if (shuttingDown || !tracker.isWanted(name))
            return;
        ContainerStatus *current = findStatus(name);
        if (!current || current->state != ContainerState::Waiting)
            return;
        RecoveryTarget target;
        target.status = *current;
        RunPolicy policy = policyFrom(options);
        // Each restart gets a full round of attempts on top of those already counted.
        policy.maxAttempts = target.status.attempts + qMax(1, options.maxAttempts);
        startRun({target}, policy);
    });
}

void RecoveryAgent::Private::snapshotChanged()
{
    snapshotDirty = true;
    // Bounded latency: the first change starts the timer, later ones ride along.
    if (!debounceTimer->isActive() && !snapshotWriting)
        debounceTimer->start(qMax(0, options.debounceMs));
}

void RecoveryAgent::Private::writeSnapshot()
{
    if (snapshotWriting || !snapshotDirty)
        return;
    debounceTimer->stop();
    snapshotDirty = false;
    snapshotWriting = true;
    const Snapshot snapshot = tracker.toSnapshot(nowMs() / 1000);
    const QString dataDir = options.dataDir;
    trackWrite(true);
    runAsync(
        q,
        [dataDir, snapshot] {
            QString error;
            SnapshotStore::write(dataDir, snapshot, &error);
            return error;
        },
        [this, count = int(snapshot.containers.size())](const QString &error) {
            snapshotWriting = false;
            if (!error.isEmpty()) {
                qCWarning(lcState).noquote() << "cannot write the snapshot:" << error;
                emit q->errorOccurred(RecoveryAgent::tr("Cannot write the container snapshot: %1").arg(error));
            } else {
                qCDebug(lcState) << "snapshot written:" << count << "containers";
                emit q->snapshotWritten(count);
            }
            if (snapshotDirty) // changed while writing
                shuttingDown ? writeSnapshot() : snapshotChanged();
            trackWrite(false);
        });
}

void RecoveryAgent::Private::writeHistory(std::function<void()> then)
{
    const QString dataDir = options.dataDir;
    const RecoveryReport snapshotOfReport = report;
    trackWrite(true);
    runAsync(
        q,
        [dataDir, snapshotOfReport] {
            QString error;
            History::append(dataDir, snapshotOfReport, &error);
            return error;
        },
        [this, then = std::move(then)](const QString &error) {
            if (!error.isEmpty()) {
                qCWarning(lcState).noquote() << "cannot write the history:" << error;
                emit q->errorOccurred(RecoveryAgent::tr("Cannot write the recovery history: %1").arg(error));
            }
            if (then)
                then();
            trackWrite(false);
        });
}

void RecoveryAgent::Private::trackWrite(bool started)
{
    pendingWrites += started ? 1 : -1;
    // Queued: the callback that ended this write may start the next one first.
    if (!started && shuttingDown)
        QTimer::singleShot(0, q, [this] { maybeFinishShutdown(); });
}

void RecoveryAgent::shutdown()
{
    if (d->shuttingDown)
        return;
    d->shuttingDown = true;
    qCInfo(lcRecovery) << "shutting down";
    // From here on, containers stopping are the system going down, not the owner's intent.
    d->tracker.setRecording(false);
    d->reconcileTimer->stop();
    if (d->events) {
        connect(d->events, &EventWatcher::stopped, this, [this] { d->maybeFinishShutdown(); });
        d->events->stop();
    }
    if (d->call)
        d->call->cancel();
    for (const QPointer<PodmanCall> &probe : std::as_const(d->probes)) {
        if (probe)
            probe->cancel();
    }
    if (d->startupRun)
        d->startupRun->cancel();
    for (const QPointer<RecoveryRun> &run : std::as_const(d->runs)) {
        if (run)
            run->cancel();
    }
    // What was recorded before the signal is kept.
    if (d->debounceTimer->isActive())
        d->writeSnapshot();
    QTimer::singleShot(0, this, [this] { d->maybeFinishShutdown(); });
}

void RecoveryAgent::Private::maybeFinishShutdown()
{
    if (!shuttingDown || shutdownEmitted || pendingWrites > 0 || call || startupRun
        || (events && events->isStopping()))
        return;
    for (const QPointer<PodmanCall> &probe : std::as_const(probes)) {
        if (probe)
            return;
    }
    for (const QPointer<RecoveryRun> &run : std::as_const(runs)) {
        if (run)
            return;
    }
    shutdownEmitted = true;
    if (!options.resident || !opened) {
        lock.unlock();
        emit q->shutdownFinished();
        return;
    }
    const QString markerPath = path(RunMarker::fileName());
    trackWrite(true);
    runAsync(
        q,
        [markerPath] {
            QString error;
            DurableFile::remove(markerPath, &error);
            return error;
        },
        [this](const QString &error) {
            pendingWrites -= 1;
            if (!error.isEmpty())
                qCWarning(lcState).noquote() << "cannot remove the run marker:" << error;
            lock.unlock();
            emit q->shutdownFinished();
        });
}

} // namespace archy
