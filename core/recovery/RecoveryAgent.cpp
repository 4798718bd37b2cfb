#include "RecoveryAgent.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QSet>
#include <QTimer>

#include <unistd.h>

#include "Async.h"
#include "Logging.h"
#include "RecoveryRun.h"
#include "podman/Podman.h"
#include "podman/PodmanCall.h"
#include "podman/PodmanParse.h"
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
        , snapshotTimer(new QTimer(q))
    {
        snapshotTimer->setSingleShot(true);
    }

    QString path(const QString &name) const { return QDir(options.dataDir).filePath(name); }

    void prepared(const Preparation &preparation);
    void startStoppedPass();
    void runTargets(const QList<RecoveryTarget> &targets, std::function<void()> then);
    void startupDone();
    void applyStatus(const ContainerStatus &status);
    void writeHistory(std::function<void()> then = {});
    void takeSnapshot();
    void trackWrite(bool started);
    void maybeFinishShutdown();
    void setBusy();

    RecoveryAgent *q;
    AgentOptions options;
    Podman podman;
    InstanceLock lock;
    QTimer *snapshotTimer;
    QString error;
    RunMarker::Judgement judgement;
    RecoveryReport report;
    QPointer<RecoveryRun> startupRun;
    QList<QPointer<RecoveryRun>> retryRuns;
    QPointer<PodmanCall> psCall;
    bool startupFinished = false;
    bool opened = false;
    bool shuttingDown = false;
    bool shutdownEmitted = false;
    bool busy = false;
    int pendingWrites = 0;
};

RecoveryAgent::RecoveryAgent(const AgentOptions &options, QObject *parent)
    : RecoveryBackend(parent)
    , d(std::make_unique<Private>(this, options))
{
    qRegisterMetaType<ContainerStatus>();
    qRegisterMetaType<RecoveryReport>();
    qRegisterMetaType<QList<RecoveryReport>>();
    connect(d->snapshotTimer, &QTimer::timeout, this, [this] {
        d->takeSnapshot();
        d->snapshotTimer->start(qMax(1, d->options.snapshotIntervalSec) * 1000);
    });
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
        d->error = tr("No data directory was given.");
        return OpenResult::DataDirError;
    }
    const QFileInfo info(dir);
    if (!info.exists()) {
        if (!QDir().mkpath(dir)) {
            d->error = tr("Cannot create the data directory %1.").arg(dir);
            return OpenResult::DataDirError;
        }
        QFile::setPermissions(dir, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    } else if (!info.isDir()) {
        d->error = tr("The data directory %1 is not a directory.").arg(dir);
        return OpenResult::DataDirError;
    }

    switch (d->lock.tryLock()) {
    case InstanceLock::Result::Acquired:
        break;
    case InstanceLock::Result::HeldByOther:
        d->error = tr("Another archy-recovery instance (pid %1) is running on %2.")
                       .arg(d->lock.holderPid()).arg(dir);
        return OpenResult::AlreadyRunning;
    case InstanceLock::Result::Error:
        d->error = tr("The data directory %1 is not usable: %2").arg(dir, d->lock.errorString());
        return OpenResult::DataDirError;
    }
    if (::access(QFile::encodeName(dir).constData(), W_OK) != 0) {
        d->error = tr("The data directory %1 is not writable.").arg(dir);
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

    const bool crash = d->report.crashInfo.crash;
    const bool resident = d->options.resident;
    const QString dataDir = d->options.dataDir;
    const QString markerPath = d->path(RunMarker::fileName());
    d->trackWrite(true);
    runAsync(
        this,
        [crash, resident, dataDir, markerPath] {
            Preparation preparation;
            if (crash)
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
        emit q->errorOccurred(tr("Cannot write the run marker: %1").arg(preparation.markerError));
    }
    if (shuttingDown) {
        maybeFinishShutdown();
        return;
    }
    CrashInfo &crash = report.crashInfo;
    QList<RecoveryTarget> targets;
    if (crash.crash) {
        const SnapshotStore::ReadResult &read = preparation.snapshot;
        crash.snapshotWarning = read.warning;
        if (!read.warning.isEmpty())
            qCWarning(lcState).noquote() << read.warning;
        if (!read.found && read.warning.isEmpty())
            qCInfo(lcState) << "no container snapshot: cannot tell which containers were running";
        crash.snapshotAtMs = read.snapshot.timestamp * 1000;
        crash.containersBefore = int(read.snapshot.containers.size());
        for (const SnapshotEntry &entry : read.snapshot.containers) {
            RecoveryTarget target;
            target.status.name = entry.name;
            target.status.image = entry.image;
            if (!entry.isValid()) {
                target.status.state = ContainerState::Failed;
                target.status.error = entry.invalidReason;
                qCWarning(lcState).noquote() << "snapshot entry refused:" << entry.invalidReason;
            }
            targets.append(target);
            report.containers.append(target.status);
        }
        qCInfo(lcRecovery) << "recovering" << targets.size() << "containers from the pre-crash snapshot";
    }
    emit q->reportReset(report);
    runTargets(targets, [this] { startStoppedPass(); });
}

void RecoveryAgent::Private::runTargets(const QList<RecoveryTarget> &targets, std::function<void()> then)
{
    bool anyToStart = false;
    for (const RecoveryTarget &target : targets)
        anyToStart = anyToStart || target.status.state != ContainerState::Failed;
    if (!anyToStart) {
        QTimer::singleShot(0, q, std::move(then));
        return;
    }
    startupRun = new RecoveryRun(podman, policyFrom(options), targets, q);
    QObject::connect(startupRun, &RecoveryRun::containerChanged, q,
                     [this](const ContainerStatus &status) { applyStatus(status); });
    QObject::connect(startupRun, &RecoveryRun::finished, q, [this, then = std::move(then)] {
        startupRun->deleteLater();
        startupRun = nullptr;
        if (shuttingDown)
            maybeFinishShutdown();
        else
            then();
    });
    startupRun->start();
}

void RecoveryAgent::Private::startStoppedPass()
{
    if (!options.startStopped || !podman.isAvailable()) {
        startupDone();
        return;
    }
    // The seed's rule for clean boots: start what is exited or created. Containers already handled
    // by the crash pass are not started twice.
    psCall = podman.call(Podman::psStoppedArguments(), options.podmanTimeoutSec * 1000, q);
    QObject::connect(psCall, &PodmanCall::done, q, [this, call = psCall.data()] {
        call->deleteLater();
        psCall = nullptr;
        if (shuttingDown) {
            maybeFinishShutdown();
            return;
        }
        QList<PsEntry> entries;
        QString parseError;
        if (!call->result().ok) {
            qCWarning(lcPodman).noquote() << "cannot list stopped containers:" << call->result().errorText;
        } else if (!PodmanParse::parsePs(call->result().standardOutput, &entries, &parseError)) {
            qCWarning(lcPodman).noquote() << parseError;
        }
        QSet<QString> known;
        for (const ContainerStatus &status : std::as_const(report.containers))
            known.insert(status.name);
        QList<RecoveryTarget> targets;
        for (const PsEntry &entry : std::as_const(entries)) {
            if (known.contains(entry.name) || !isValidContainerName(entry.name))
                continue;
            known.insert(entry.name);
            RecoveryTarget target;
            target.status.name = entry.name;
            target.status.image = entry.image;
            targets.append(target);
            report.containers.append(target.status);
            emit q->containerChanged(target.status);
        }
        if (!targets.isEmpty())
            qCInfo(lcRecovery) << "starting" << targets.size() << "stopped containers";
        runTargets(targets, [this] { startupDone(); });
    });
}

void RecoveryAgent::Private::applyStatus(const ContainerStatus &status)
{
    for (ContainerStatus &existing : report.containers) {
        if (existing.name == status.name) {
            existing = status;
            break;
        }
    }
    emit q->containerChanged(status);
}

void RecoveryAgent::Private::startupDone()
{
    report.finishedAtMs = nowMs();
    startupFinished = true;
    qCInfo(lcRecovery).noquote() << QStringLiteral("start-up done: %1 of %2 recovered")
                                        .arg(report.recovered()).arg(report.total());
    const bool removeOldMarker = !options.resident && report.crashInfo.crash;
    const QString markerPath = path(RunMarker::fileName());
    writeHistory([this, removeOldMarker, markerPath] {
        auto finish = [this] {
            setBusy();
            emit q->reportFinished(report);
            if (options.resident && !shuttingDown)
                snapshotTimer->start(qMax(0, options.snapshotDelaySec) * 1000);
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
            trackWrite(false);
            if (!error.isEmpty()) {
                qCWarning(lcState).noquote() << "cannot write the history:" << error;
                emit q->errorOccurred(tr("Cannot write the recovery history: %1").arg(error));
            }
            if (then)
                then();
        });
}

void RecoveryAgent::Private::setBusy()
{
    bool nowBusy = !startupFinished;
    for (const QPointer<RecoveryRun> &run : std::as_const(retryRuns))
        nowBusy = nowBusy || (run && !run->isFinished());
    if (nowBusy != busy) {
        busy = nowBusy;
        emit q->busyChanged(busy);
    }
}

void RecoveryAgent::retry(const QString &name)
{
    if (d->shuttingDown || !d->startupFinished)
        return;
    ContainerStatus *found = nullptr;
    for (ContainerStatus &status : d->report.containers) {
        if (status.name == name)
            found = &status;
    }
    if (!found || found->state != ContainerState::Failed || !isValidContainerName(name))
        return;
    qCInfo(lcRecovery).noquote() << "retry requested for" << name;
    RecoveryTarget target;
    target.status = *found;
    target.status.state = ContainerState::Waiting;
    target.status.error.clear();
    target.status.finishedAtMs = 0;
    *found = target.status;
    emit containerChanged(*found);

    RunPolicy policy = policyFrom(d->options);
    policy.startGapMs = 0;
    policy.maxAttempts = target.status.attempts + qMax(1, d->options.maxAttempts);
    auto *run = new RecoveryRun(d->podman, policy, {target}, this);
    d->retryRuns.append(run);
    connect(run, &RecoveryRun::containerChanged, this,
            [this](const ContainerStatus &status) { d->applyStatus(status); });
    connect(run, &RecoveryRun::finished, this, [this, run] {
        d->retryRuns.removeAll(run);
        run->deleteLater();
        if (d->shuttingDown) {
            d->maybeFinishShutdown();
            return;
        }
        d->report.revision += 1;
        d->writeHistory([this] {
            d->setBusy();
            emit reportFinished(d->report);
        });
    });
    d->setBusy();
    run->start();
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
    d->takeSnapshot();
}

void RecoveryAgent::Private::takeSnapshot()
{
    if (shuttingDown || psCall || !podman.isAvailable())
        return;
    psCall = podman.call(Podman::psRunningArguments(), options.podmanTimeoutSec * 1000, q);
    QObject::connect(psCall, &PodmanCall::done, q, [this, call = psCall.data()] {
        call->deleteLater();
        psCall = nullptr;
        if (shuttingDown) {
            maybeFinishShutdown();
            return;
        }
        QList<PsEntry> entries;
        QString parseError;
        if (!call->result().ok) {
            qCDebug(lcState).noquote() << "snapshot skipped:" << call->result().errorText;
            return;
        }
        if (!PodmanParse::parsePs(call->result().standardOutput, &entries, &parseError)) {
            qCWarning(lcState).noquote() << "snapshot skipped:" << parseError;
            return;
        }
        Snapshot snapshot;
        snapshot.timestamp = nowMs() / 1000;
        for (const PsEntry &entry : std::as_const(entries))
            snapshot.containers.append(SnapshotEntry{entry.name, entry.image, {}, {}});
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
                trackWrite(false);
                if (!error.isEmpty()) {
                    qCWarning(lcState).noquote() << "cannot write the snapshot:" << error;
                    emit q->errorOccurred(tr("Cannot write the container snapshot: %1").arg(error));
                } else {
                    qCDebug(lcState) << "snapshot written:" << count << "containers";
                    emit q->snapshotWritten(count);
                }
                maybeFinishShutdown();
            });
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
    d->snapshotTimer->stop();
    if (d->psCall)
        d->psCall->cancel();
    if (d->startupRun)
        d->startupRun->cancel();
    for (const QPointer<RecoveryRun> &run : std::as_const(d->retryRuns)) {
        if (run)
            run->cancel();
    }
    QTimer::singleShot(0, this, [this] { d->maybeFinishShutdown(); });
}

void RecoveryAgent::Private::maybeFinishShutdown()
{
    if (!shuttingDown || shutdownEmitted || pendingWrites > 0 || psCall || startupRun)
        return;
    for (const QPointer<RecoveryRun> &run : std::as_const(retryRuns)) {
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
            trackWrite(false);
            if (!error.isEmpty())
                qCWarning(lcState).noquote() << "cannot remove the run marker:" << error;
            lock.unlock();
            emit q->shutdownFinished();
        });
}

} // namespace archy
