#include "FleetView.h"

#include <QSysInfo>
#include <QTimer>

#include <algorithm>

#include "podman/PodmanCall.h"

namespace archy {

namespace {

/// Within a rank, the quieter states last: running before stopped before ignored.
int order(FleetState state)
{
    return fleetRank(state) * 100 + int(state);
}

} // namespace

FleetView::FleetView(const Podman &podman, int podmanTimeoutMs, QObject *parent)
    : QObject(parent), m_podman(podman), m_timeoutMs(podmanTimeoutMs), m_emitTimer(new QTimer(this))
{
    qRegisterMetaType<Fleet>();
    qRegisterMetaType<NodeIdentity>();
    qRegisterMetaType<ContainerLogs>();
    m_identity.name = QSysInfo::machineHostName();
    m_identity.version = QStringLiteral(ARCHY_VERSION); // what the welcome says too
    m_emitTimer->setSingleShot(true);
    m_emitTimer->setInterval(0);
    connect(m_emitTimer, &QTimer::timeout, this, [this] { emit fleetChanged(fleet()); });
}

FleetView::~FleetView() = default;

void FleetView::setTracker(const ContainerTracker *tracker)
{
    m_tracker = tracker;
    touch();
}

void FleetView::setStartupSnapshot(const Snapshot &snapshot)
{
    m_ownerStopped.clear();
    for (const SnapshotEntry &entry : snapshot.stoppedByOwner)
        m_ownerStopped.insert(entry.name);
    touch();
}

void FleetView::setListing(const QList<PsEntry> &entries)
{
    m_listing = entries;
    m_listed = true;
    m_podmanProblem.clear();
    touch();
}

void FleetView::setPodmanProblem(const QString &problem)
{
    if (problem == m_podmanProblem)
        return;
    m_podmanProblem = problem;
    touch();
}

void FleetView::setIdentity(const NodeIdentity &identity)
{
    if (identity == m_identity)
        return;
    m_identity = identity;
    emit identityChanged(m_identity);
}

void FleetView::touch()
{
    if (!m_emitTimer->isActive())
        m_emitTimer->start();
}

Fleet FleetView::fleet() const
{
    Fleet fleet;
    fleet.listed = m_listed;
    fleet.podmanProblem = m_podmanProblem;

    QHash<QString, const ContainerStatus *> reported;
    if (m_report) {
        for (const ContainerStatus &status : m_report->containers)
            reported.insert(status.name, &status);
    }
    QHash<QString, ContainerTracker::Entry> tracked;
    if (m_tracker) {
        const QList<ContainerTracker::Entry> views = m_tracker->entries();
        for (const ContainerTracker::Entry &view : views)
            tracked.insert(view.name, view);
    }
    QHash<QString, const PsEntry *> listed;
    QStringList names;
    for (const PsEntry &entry : m_listing) {
        if (entry.isInfra || entry.name.isEmpty() || listed.contains(entry.name))
            continue;
        listed.insert(entry.name, &entry);
        names.append(entry.name);
    }
    for (auto it = tracked.cbegin(); it != tracked.cend(); ++it) {
        if (!listed.contains(it.key()))
            names.append(it.key());
    }
    if (m_report) {
        for (const ContainerStatus &status : m_report->containers) {
            if (!listed.contains(status.name) && !tracked.contains(status.name))
                names.append(status.name);
        }
    }

    for (const QString &name : std::as_const(names)) {
        const ContainerStatus *status = reported.value(name);
        const PsEntry *ps = listed.value(name);
        const auto view = tracked.constFind(name);
        const bool isTracked = view != tracked.cend();
        FleetEntry entry;
        entry.inRun = status != nullptr;
        if (status) {
            entry.status = *status;
        } else {
            entry.status.name = name;
            entry.status.image = isTracked ? view->image : (ps ? ps->image : QString());
        }
        if (entry.status.image.isEmpty() && ps)
            entry.status.image = ps->image;

        // The tracker follows podman's events once watching began, but until its first listing or
        // an event about a container it only knows the snapshot (what should run, not what runs):
        // for those the last listing is the newest word. The run's own results are newer still.
        const bool watching = m_tracker != nullptr;
        const bool trackerKnows = watching && isTracked && view->observed;
        const bool running = trackerKnows ? view->running : (ps && ps->isRunning());
        const bool ownerStopped =
            watching ? (isTracked && view->stoppedByOwner) : m_ownerStopped.contains(name);

        if (ps && isIgnored(ps->labels) && !status) {
            entry.state = FleetState::Ignored;
        } else if (status &&
                   (status->state == ContainerState::Waiting || status->state == ContainerState::Starting)) {
            entry.state = Fleet::stateOf(*status);
        } else if (status && status->state == ContainerState::Failed) {
            // Started by hand (or by podman) after we gave up: it runs now, whatever the report says.
            entry.state = running && !status->crashLoop ? FleetState::Running : Fleet::stateOf(*status);
        } else if (running) {
            entry.state = FleetState::Running;
        } else if (ownerStopped) {
            entry.state = FleetState::StoppedByOwner;
        } else if (status && status->state == ContainerState::Running) {
            // Started by this run: until the tracker says otherwise it runs; after, it exited 0.
            entry.state = watching && isTracked && !view->wanted ? FleetState::Finished : FleetState::Running;
            if (watching && !isTracked)
                entry.state = FleetState::Stopped;
        } else {
            entry.state = FleetState::Stopped;
        }
        fleet.containers.append(entry);
    }
    std::sort(fleet.containers.begin(), fleet.containers.end(), [](const FleetEntry &a, const FleetEntry &b) {
        const int ra = order(a.state);
        const int rb = order(b.state);
        return ra != rb ? ra < rb : a.status.name < b.status.name;
    });
    return fleet;
}

QStringList FleetView::logLines(const QByteArray &standardOutput, const QByteArray &standardError,
                                int maxLines)
{
    QStringList lines;
    for (const QByteArray *stream : {&standardOutput, &standardError}) {
        const QString text = QString::fromUtf8(*stream);
        const QStringList parts = text.split(QLatin1Char('\n'));
        for (const QString &line : parts)
            lines.append(ContainerLogs::plainLine(line));
        while (!lines.isEmpty() && lines.constLast().trimmed().isEmpty())
            lines.removeLast();
    }
    const int keep = qBound(0, maxLines, int(MaxLogLines));
    if (lines.size() > keep)
        lines = lines.mid(lines.size() - keep);
    return lines;
}

void FleetView::requestLogs(const QString &name, int lines)
{
    const int tail = qBound(1, lines, int(MaxLogLines));
    ContainerLogs logs;
    logs.name = name;
    logs.requested = tail;
    if (!isValidContainerName(name)) {
        logs.error = tr("\"%1\" is not a container name.").arg(name);
    } else if (!m_podman.isAvailable()) {
        logs.error = m_podman.unavailableReason();
    }
    if (!logs.error.isEmpty()) {
        QTimer::singleShot(0, this, [this, logs] { emit logsLoaded(logs); });
        return;
    }
    PodmanCall *call = m_podman.call(
        {QStringLiteral("logs"), QStringLiteral("--tail"), QString::number(tail), QStringLiteral("--"), name},
        m_timeoutMs, this);
    connect(call, &PodmanCall::done, this, [this, call, name, tail] {
        call->deleteLater();
        ContainerLogs answer;
        answer.name = name;
        answer.requested = tail;
        const PodmanResult &result = call->result();
        if (result.ok)
            answer.lines = logLines(result.standardOutput, result.standardError, tail);
        else
            answer.error = result.errorText;
        emit logsLoaded(answer);
    });
}

} // namespace archy
