#include "RecoveryRun.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <limits>

#include "Logging.h"
#include "podman/PodmanCall.h"

namespace archy {

namespace {
qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

/// podman names the container by its 64-digit id in errors; people know it by name.
QString readableError(QString error, const QString &name)
{
    static const QRegularExpression id(QStringLiteral("\\b[0-9a-f]{64}\\b"));
    return error.replace(id, name);
}

/// Retrying cannot help a container that does not exist.
bool isPermanentFailure(const PodmanResult &result)
{
    return result.standardError.contains("no such container");
}

bool isTerminal(ContainerState state)
{
    return state == ContainerState::Running || state == ContainerState::Failed;
}
} // namespace

RecoveryRun::RecoveryRun(const Podman &podman, const RunPolicy &policy, const QList<RecoveryTarget> &targets,
                         QObject *parent)
    : QObject(parent)
    , m_podman(podman)
    , m_policy(policy)
    , m_timer(new QTimer(this))
{
    m_policy.parallel = qMax(1, m_policy.parallel);
    m_policy.maxAttempts = qMax(1, m_policy.maxAttempts);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &RecoveryRun::schedule);
    for (const RecoveryTarget &target : targets) {
        if (m_index.contains(target.status.name))
            continue; // the same name twice would start it twice
        m_index.insert(target.status.name, int(m_items.size()));
        m_items.append(Item{target, 0, nullptr, {}, false, 0});
    }
}

RecoveryRun::~RecoveryRun() = default;

QList<ContainerStatus> RecoveryRun::statuses() const
{
    QList<ContainerStatus> out;
    out.reserve(m_items.size());
    for (const Item &item : m_items)
        out.append(item.target.status);
    return out;
}

int RecoveryRun::backoffMs(const RunPolicy &policy, int attempt)
{
    qint64 delay = qMax(0, policy.backoffInitialMs);
    for (int i = 1; i < attempt && delay < policy.backoffMaxMs; ++i)
        delay *= 2;
    return int(qMin<qint64>(delay, qMax(0, policy.backoffMaxMs)));
}

void RecoveryRun::start()
{
    if (m_started)
        return;
    m_started = true;
    if (!m_podman.isAvailable()) {
        for (Item &item : m_items) {
            if (item.target.status.state == ContainerState::Waiting) {
                item.target.status.state = ContainerState::Failed;
                item.target.status.error = m_podman.unavailableReason();
                update(item);
            }
        }
    }
    QTimer::singleShot(0, this, &RecoveryRun::schedule);
}

void RecoveryRun::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    m_timer->stop();
    for (Item &item : m_items) {
        if (item.call) {
            item.call->cancel();
        } else if (item.probingHealth) {
            item.probingHealth = false;
            item.target.status.state = ContainerState::Failed;
            item.target.status.error = tr("Not started: shutting down.");
            update(item);
        } else if (!isTerminal(item.target.status.state)) {
            item.target.status.state = ContainerState::Failed;
            item.target.status.error = tr("Not started: shutting down.");
            update(item);
        }
    }
    checkFinished();
}

bool RecoveryRun::dependenciesDone(const Item &item) const
{
    for (const QString &dependency : item.target.after) {
        const auto it = m_index.constFind(dependency);
        if (it != m_index.constEnd() && !isTerminal(m_items.at(*it).target.status.state))
            return false;
    }
    return true;
}

void RecoveryRun::schedule()
{
    if (m_cancelled || m_finished)
        return;
    qint64 wakeAt = std::numeric_limits<qint64>::max();
    for (Item &item : m_items) {
        if (item.probingHealth && !item.call) {
            if (item.readyAtMs <= nowMs())
                launchHealthProbe(item);
            else
                wakeAt = qMin(wakeAt, item.readyAtMs);
            continue;
        }
        if (m_inFlight >= m_policy.parallel)
            continue;
        if (item.call || item.target.status.state != ContainerState::Waiting || !dependenciesDone(item))
            continue;
        const qint64 now = nowMs();
        const qint64 gapEnd = m_lastLaunchMs > 0 ? m_lastLaunchMs + m_policy.startGapMs : 0;
        const qint64 readyAt = qMax(item.readyAtMs, gapEnd);
        if (readyAt > now) {
            wakeAt = qMin(wakeAt, readyAt);
            continue; // the gap holds every launch: the others wait for the same timer
        }
        launch(item);
    }
    if (wakeAt != std::numeric_limits<qint64>::max()) {
        m_timer->start(int(qMax<qint64>(0, wakeAt - nowMs())));
    } else if (!anyCallInFlight() && breakDependencyCycle()) {
        QTimer::singleShot(0, this, &RecoveryRun::schedule);
        return;
    }
    checkFinished();
}

bool RecoveryRun::anyCallInFlight() const
{
    return std::any_of(m_items.cbegin(), m_items.cend(), [](const Item &item) { return item.call != nullptr; });
}

bool RecoveryRun::breakDependencyCycle()
{
    // Nothing in flight and nothing due, yet some wait: they wait for each other. Recovery matters
    // more than order, so they start anyway and the report says why.
    bool broke = false;
    for (Item &item : m_items) {
        if (item.target.status.state != ContainerState::Waiting || dependenciesDone(item))
            continue;
        qCWarning(lcRecovery).noquote() << "dependency cycle through" << item.target.status.name
                                        << "after" << item.target.after.join(QLatin1Char(','));
        item.permanentNote = tr("Dependency cycle (%1): started without waiting.")
                                 .arg(item.target.after.join(QStringLiteral(", ")));
        item.target.status.note = item.permanentNote;
        item.target.after.clear();
        update(item);
        broke = true;
    }
    return broke;
}

void RecoveryRun::launch(Item &item)
{
    ContainerStatus &status = item.target.status;
    status.state = ContainerState::Starting;
    status.attempts += 1;
    if (status.startedAtMs == 0)
        status.startedAtMs = nowMs();
    status.note = item.permanentNote;
    qCInfo(lcRecovery).noquote() << "starting" << status.name << "attempt" << status.attempts;
    m_lastLaunchMs = nowMs();
    ++m_inFlight;
    const QString name = status.name;
    const bool bySystemd = !item.target.systemdUnit.isEmpty();
    // Looked up only for the containers systemd manages; `Podman` runs any program it is given.
    const QString systemctlPath =
        bySystemd ? Podman(m_policy.systemctlProgram.isEmpty() ? QStringLiteral("systemctl") : m_policy.systemctlProgram)
                        .program()
                  : QString();
    if (!systemctlPath.isEmpty()) {
        const Podman systemctl(systemctlPath);
        qCInfo(lcRecovery).noquote() << "starting" << name << "through its systemd unit" << item.target.systemdUnit;
        QStringList arguments;
        if (m_policy.systemctlUser)
            arguments << QStringLiteral("--user");
        arguments << QStringLiteral("start") << QStringLiteral("--") << item.target.systemdUnit;
        item.call = systemctl.call(arguments, m_policy.startTimeoutMs, this);
    } else {
        if (bySystemd) {
            status.note = tr("Managed by %1, but systemctl was not found: started with podman.").arg(item.target.systemdUnit);
            item.permanentNote = status.note;
        }
        item.call = m_podman.call(Podman::startArguments({name}), m_policy.startTimeoutMs, this);
    }
    PodmanCall *call = item.call;
    connect(call, &PodmanCall::done, this, [this, call, name] { onCallDone(call, name); });
    update(item);
}

void RecoveryRun::onCallDone(PodmanCall *call, const QString &name)
{
    call->deleteLater();
    --m_inFlight;
    Item &item = m_items[m_index.value(name)];
    item.call = nullptr;
    ContainerStatus &status = item.target.status;
    const PodmanResult &result = call->result();
    if (result.ok && item.target.healthGate) {
        // Dependants wait until it is healthy; podman start returning says nothing about that.
        status.error.clear();
        status.note = tr("Started; waiting for its health check.");
        item.probingHealth = true;
        item.healthDeadlineMs = nowMs() + m_policy.healthTimeoutMs;
        item.readyAtMs = nowMs();
        qCInfo(lcRecovery).noquote() << "started" << name << "- waiting for it to be healthy";
    } else if (result.ok) {
        // `systemctl start` returns once the start job is done: the unit is active.
        markRunning(item, item.target.systemdUnit.isEmpty() || !item.permanentNote.isEmpty()
                              ? item.permanentNote
                              : tr("Started by systemd: %1 is active.").arg(item.target.systemdUnit));
        qCInfo(lcRecovery).noquote() << "started" << name;
    } else if (!m_cancelled && status.attempts < m_policy.maxAttempts && !isPermanentFailure(result)) {
        const int delay = backoffMs(m_policy, status.attempts);
        status.state = ContainerState::Waiting;
        status.error = readableError(result.errorText, name);
        status.note = tr("Attempt %1 of %2 failed; retrying in %3 s.")
                          .arg(status.attempts).arg(m_policy.maxAttempts).arg((delay + 999) / 1000);
        item.readyAtMs = nowMs() + delay;
        qCWarning(lcRecovery).noquote() << "start of" << name << "failed, retrying:" << result.errorText;
    } else {
        status.state = ContainerState::Failed;
        status.error = readableError(result.errorText, name);
        status.finishedAtMs = nowMs();
        qCWarning(lcRecovery).noquote() << "could not start" << name << ":" << result.errorText;
    }
    update(item);
    if (m_cancelled)
        checkFinished();
    else
        schedule();
}

void RecoveryRun::markRunning(Item &item, const QString &note)
{
    ContainerStatus &status = item.target.status;
    item.probingHealth = false;
    status.state = ContainerState::Running;
    status.error.clear();
    status.note = note;
    status.finishedAtMs = nowMs();
}

void RecoveryRun::launchHealthProbe(Item &item)
{
    const QString name = item.target.status.name;
    item.call = m_podman.call(Podman::healthcheckArguments(name), m_policy.startTimeoutMs, this);
    PodmanCall *call = item.call;
    connect(call, &PodmanCall::done, this, [this, call, name] { onHealthProbeDone(call, name); });
}

void RecoveryRun::onHealthProbeDone(PodmanCall *call, const QString &name)
{
    call->deleteLater();
    Item &item = m_items[m_index.value(name)];
    item.call = nullptr;
    if (m_cancelled) {
        item.probingHealth = false;
        item.target.status.state = ContainerState::Failed;
        item.target.status.error = tr("Not started: shutting down.");
        update(item);
        checkFinished();
        return;
    }
    if (call->result().ok) {
        markRunning(item, tr("Healthy."));
        qCInfo(lcRecovery).noquote() << name << "is healthy";
        update(item);
    } else if (nowMs() >= item.healthDeadlineMs) {
        const QString note = tr("Its health check did not pass within %n second(s); the containers "
                                "waiting for it were started anyway.", nullptr, m_policy.healthTimeoutMs / 1000);
        markRunning(item, note);
        qCWarning(lcRecovery).noquote() << name << "not healthy in time; dependants start anyway";
        update(item);
    } else {
        item.readyAtMs = nowMs() + m_policy.healthPollMs;
    }
    schedule();
}

void RecoveryRun::update(Item &item)
{
    emit containerChanged(item.target.status);
}

void RecoveryRun::checkFinished()
{
    if (m_finished || !m_started || anyCallInFlight())
        return;
    for (const Item &item : m_items) {
        if (!isTerminal(item.target.status.state) && !m_cancelled)
            return;
    }
    m_finished = true;
    m_timer->stop();
    QTimer::singleShot(0, this, &RecoveryRun::finished);
}

} // namespace archy
