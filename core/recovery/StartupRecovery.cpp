#include "StartupRecovery.h"

#include <QCoreApplication>
#include <QDir>

#include "Async.h"
#include "Logging.h"
#include "PendingWork.h"
#include "RecoveryPlan.h"
#include "podman/PodmanCall.h"
#include "podman/PodmanParse.h"
#include "state/DurableFile.h"
#include "state/RunMarker.h"

namespace archy {

StartupRecovery::StartupRecovery(const Podman &podman, const AgentOptions &options, RecoveryReport *report,
                                 RecoveryRun *scheduler, PendingWork *pending, QObject *parent)
    : QObject(parent), m_podman(podman), m_options(options), m_report(report), m_scheduler(scheduler),
      m_pending(pending)
{
}

StartupRecovery::~StartupRecovery() = default;

PodmanCall *StartupRecovery::podmanCall(const QStringList &arguments,
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

void StartupRecovery::start()
{
    // Screens show the whole fleet from the first moment, so the listing goes first, beside the
    // rest; without a snapshot the plan waits for this same listing rather than a second `ps -a`.
    if (m_options.listWholeFleet && m_podman.isAvailable())
        listAll();
    if (m_options.resident)
        writeMarker();
    else
        readSnapshot();
}

void StartupRecovery::stop()
{
    m_stopped = true;
    if (m_call)
        m_call->cancel();
    if (m_listCall)
        m_listCall->cancel();
}

void StartupRecovery::listAll()
{
    m_listing = Listing::Running;
    m_listCall = podmanCall(Podman::psAllArguments(), [this](const PodmanResult &listing) {
        QString parseError;
        m_listed = listing.ok && PodmanParse::parsePs(listing.standardOutput, &m_current, &parseError);
        if (!m_listed)
            m_current.clear();
        if (!listing.ok)
            qCWarning(lcPodman).noquote() << "cannot list containers:" << listing.errorText;
        else if (!parseError.isEmpty())
            qCWarning(lcPodman).noquote() << parseError;
        m_listing = Listing::Done;
        if (m_listed)
            emit listed(m_current);
        else
            emit podmanProblem(listing.ok ? parseError : listing.errorText);
        if (m_planWaitsForListing) {
            m_planWaitsForListing = false;
            plan(m_read, m_current, m_listed, nullptr);
        }
    });
}

void StartupRecovery::writeMarker()
{
    // Our marker replaces the old one before recovery starts: if we crash while recovering, the
    // next start-up recovers again.
    const QString markerPath = QDir(m_options.dataDir).filePath(RunMarker::fileName());
    m_pending->begin();
    runAsync(
        this,
        [markerPath] {
            QString error;
            DurableFile::write(markerPath, MarkerRecord::current().serialize(), &error);
            return error;
        },
        [this](const QString &error) {
            if (!error.isEmpty()) {
                qCWarning(lcState).noquote() << "cannot write the run marker:" << error;
                emit errorOccurred(
                    QCoreApplication::translate("archy::RecoveryAgent", "Cannot write the run marker: %1")
                        .arg(error));
            }
            if (!m_stopped)
                readSnapshot();
            m_pending->end();
        });
}

void StartupRecovery::readSnapshot()
{
    const QString dataDir = m_options.dataDir;
    m_pending->begin();
    // Clean start-ups need it too: they restore what ran at the last good snapshot.
    runAsync(
        this, [dataDir] { return SnapshotStore::read(dataDir); },
        [this](const SnapshotStore::ReadResult &read) {
            if (!m_stopped)
                snapshotRead(read);
            m_pending->end();
        });
}

void StartupRecovery::snapshotRead(const SnapshotStore::ReadResult &read)
{
    m_snapshot = read.snapshot;
    if (!read.warning.isEmpty())
        qCWarning(lcState).noquote() << read.warning;
    CrashInfo &crash = m_report->crashInfo;
    if (crash.crash) {
        crash.snapshotWarning = read.warning;
        crash.snapshotAtMs = read.snapshot.timestamp * 1000;
        crash.containersBefore = int(read.snapshot.containers.size());
        if (!read.found && read.warning.isEmpty())
            qCInfo(lcState) << "no container snapshot: cannot tell which containers were running";
    } else {
        crash.firstStart = !read.found && read.warning.isEmpty();
    }
    if (!m_podman.isAvailable()) {
        emit podmanProblem(m_podman.unavailableReason());
        plan(read, {}, false, nullptr);
        return;
    }
    if (read.found) {
        // The snapshot names what to start: one inspect of those tells their state, labels,
        // dependencies and healthchecks, so no `ps -a` is needed (one podman process less).
        QStringList names;
        for (const SnapshotEntry &entry : read.snapshot.containers) {
            if (entry.isValid() && isValidContainerName(entry.name) && !names.contains(entry.name))
                names.append(entry.name);
        }
        const bool wanted = m_report->crashInfo.crash || m_options.startStopped;
        if (names.isEmpty() || !wanted) {
            plan(read, {}, true, nullptr);
            return;
        }
        m_call = podmanCall(Podman::inspectArguments(names), [this, read](const PodmanResult &result) {
            QList<InspectEntry> inspected;
            QString parseError;
            // podman prints what it found even when it fails for a name that is gone; that one
            // fails again, clearly, at its start.
            if (!PodmanParse::parseInspect(result.standardOutput, &inspected, &parseError))
                qCWarning(lcPodman).noquote() << parseError;
            plan(read, PodmanParse::psEntriesFrom(inspected), !inspected.isEmpty() || result.ok, &inspected);
        });
        return;
    }
    // No snapshot: the seed's rule needs the whole listing.
    if (m_listing == Listing::None)
        listAll();
    if (m_listing == Listing::Done) {
        plan(read, m_current, m_listed, nullptr);
        return;
    }
    m_read = read;
    m_planWaitsForListing = true;
}

void StartupRecovery::plan(const SnapshotStore::ReadResult &read, const QList<PsEntry> &current, bool listed,
                           const QList<InspectEntry> *inspected)
{
    RecoveryPlan::Input input;
    input.crash = m_report->crashInfo.crash;
    input.snapshotFound = read.found;
    input.snapshot = read.snapshot;
    input.startStopped = m_options.startStopped;
    input.podmanListed = listed;
    input.current = current;

    QList<RecoveryTarget> targets = RecoveryPlan::targets(input);
    for (const RecoveryTarget &target : std::as_const(targets)) {
        m_report->containers.append(target.status);
        if (!target.status.error.isEmpty())
            qCWarning(lcState).noquote() << "not started:" << target.status.error;
    }
    qCInfo(lcRecovery).noquote() << (m_report->crashInfo.crash ? "recovering" : "restoring") << targets.size()
                                 << "containers";
    emit planned();
    if (inspected) {
        RecoveryPlan::addDependencies(&targets, *inspected, current);
        handOver(targets);
        return;
    }
    inspect(targets, current);
}

void StartupRecovery::inspect(QList<RecoveryTarget> targets, const QList<PsEntry> &current)
{
    const QStringList names = RecoveryPlan::namesToInspect(targets);
    if (names.isEmpty() || !m_podman.isAvailable()) {
        handOver(targets);
        return;
    }
    // Dependencies and healthchecks: one inspect for all. It prints what it found even when it
    // fails for a container that is gone, and that one fails again, clearly, at its start.
    m_call = podmanCall(Podman::inspectArguments(names),
                        [this, targets, current](const PodmanResult &result) mutable {
                            QList<InspectEntry> inspected;
                            QString parseError;
                            if (!PodmanParse::parseInspect(result.standardOutput, &inspected, &parseError))
                                qCWarning(lcPodman).noquote() << parseError;
                            RecoveryPlan::addDependencies(&targets, inspected, current);
                            handOver(targets);
                        });
}

void StartupRecovery::handOver(const QList<RecoveryTarget> &targets)
{
    m_handedOver = true;
    m_scheduler->enqueue(targets, m_options.maxAttempts);
}

} // namespace archy
