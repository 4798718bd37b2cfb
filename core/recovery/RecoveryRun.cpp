#include "RecoveryRun.h"

#include <QDateTime>
#include <QPointer>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <limits>

#include "AgentOptions.h"
#include "ContainerStarter.h"
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

/// A shared call's deadline: podman starts the names one after another.
int batchTimeoutMs(const RunPolicy &policy, int names)
{
    constexpr int PerExtraNameMs = 2000;
    return int(qMin<qint64>(std::numeric_limits<int>::max(),
                            qint64(policy.startTimeoutMs) + qint64(qMax(0, names - 1)) * PerExtraNameMs));
}
} // namespace

RunPolicy RunPolicy::fromOptions(const AgentOptions &options)
{
    RunPolicy policy;
    policy.parallel = options.parallel;
    policy.startGapMs = options.startGapSec * 1000;
    policy.startTimeoutMs = options.startTimeoutSec * 1000;
    policy.maxAttempts = options.maxAttempts;
    policy.backoffInitialMs = options.backoffInitialMs;
    policy.backoffMaxMs = options.backoffMaxMs;
    policy.healthTimeoutMs = options.healthTimeoutSec * 1000;
    return policy;
}

RecoveryRun::RecoveryRun(const Podman &podman, const RunPolicy &policy, const QList<RecoveryTarget> &targets,
                         QObject *parent)
    : QObject(parent), m_podman(podman), m_starter(std::make_shared<ContainerStarter>(podman)),
      m_policy(policy), m_timer(new QTimer(this))
{
    m_policy.parallel = qMax(1, m_policy.parallel);
    m_policy.maxAttempts = qMax(1, m_policy.maxAttempts);
    m_timer->setSingleShot(true);
    connect(m_timer, &QTimer::timeout, this, &RecoveryRun::schedule);
    for (const RecoveryTarget &target : targets) {
        if (m_index.contains(target.status.name))
            continue; // the same name twice would start it twice
        m_index.insert(target.status.name, int(m_items.size()));
        Item item;
        item.target = target;
        item.maxAttempts = m_policy.maxAttempts;
        // Tried before and not running (a retry, a restart): it may be half-started.
        item.needsRepair = target.repairFirst || target.status.attempts > 0;
        m_items.append(item);
    }
}

RecoveryRun::~RecoveryRun() = default;

void RecoveryRun::setStarter(std::shared_ptr<const ContainerStarter> starter)
{
    if (starter)
        m_starter = std::move(starter);
}

QList<ContainerStatus> RecoveryRun::statuses() const
{
    QList<ContainerStatus> out;
    out.reserve(m_items.size());
    for (const Item &item : m_items)
        out.append(item.target.status);
    return out;
}

bool RecoveryRun::isPending(const QString &name) const
{
    const auto it = m_index.constFind(name);
    if (it == m_index.constEnd())
        return false;
    const Item &item = m_items.at(*it);
    return (item.call && !item.undoing) || item.probingHealth || !isTerminal(item.target.status.state);
}

int RecoveryRun::backoffMs(const RunPolicy &policy, int attempt)
{
    qint64 delay = qMax(0, policy.backoffInitialMs);
    for (int i = 1; i < attempt && delay < policy.backoffMaxMs; ++i)
        delay *= 2;
    return int(qMin<qint64>(delay, qMax(0, policy.backoffMaxMs)));
}

RecoveryRun::Item &RecoveryRun::itemFor(const QString &name)
{
    return m_items[m_index.value(name)];
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
    for (Item &item : m_items) {
        if (item.target.status.state == ContainerState::Waiting && !item.target.after.isEmpty())
            update(item); // says what it waits for from the start
    }
    QTimer::singleShot(0, this, &RecoveryRun::schedule);
}

void RecoveryRun::enqueue(const QList<RecoveryTarget> &targets, int freshAttempts, int delayMs)
{
    if (m_cancelled)
        return;
    m_finished = false; // before the first containerChanged(): listeners see work queued
    const qint64 readyAt = nowMs() + qMax(0, delayMs);
    for (const RecoveryTarget &target : targets) {
        const QString &name = target.status.name;
        auto it = m_index.constFind(name);
        if (it == m_index.constEnd()) {
            it = m_index.insert(name, int(m_items.size()));
            Item item;
            item.target = target;
            item.needsRepair = target.repairFirst || target.status.attempts > 0;
            m_items.append(item);
        } else {
            Item &known = m_items[*it];
            if ((known.call && !known.undoing) || known.probingHealth ||
                known.target.status.state == ContainerState::Starting)
                continue; // being started already (an undo in flight goes first: it holds the start)
            // Tried before and not running: a cut-off start may have left it half-started.
            const bool tried =
                known.target.status.attempts > 0 && known.target.status.state != ContainerState::Running;
            known.needsRepair = known.needsRepair || tried || target.repairFirst;
            const QStringList after = target.after.isEmpty() ? known.target.after : target.after;
            const bool gate = target.healthGate || known.target.healthGate;
            const QMap<QString, QString> labels =
                target.labels.isEmpty() ? known.target.labels : target.labels;
            known.target = target;
            known.target.after = after;
            known.target.healthGate = gate;
            known.target.labels = labels;
        }
        Item &item = m_items[*it];
        if (!m_podman.isAvailable()) {
            item.target.status.state = ContainerState::Failed;
            item.target.status.error = m_podman.unavailableReason();
        } else if (item.target.status.state == ContainerState::Starting) {
            item.target.status.state = ContainerState::Waiting;
        }
        item.maxAttempts = item.target.status.attempts + qMax(1, freshAttempts);
        item.readyAtMs = readyAt;
        item.solo = false;
        update(item);
    }
    if (m_started)
        QTimer::singleShot(0, this, &RecoveryRun::schedule);
}

void RecoveryRun::cameBack(const QString &name)
{
    const auto it = m_index.constFind(name);
    if (m_cancelled || it == m_index.constEnd())
        return;
    Item &item = m_items[*it];
    if (item.call || item.probingHealth || item.target.status.state == ContainerState::Running)
        return;
    qCInfo(lcRecovery).noquote() << name << "was started outside recovery";
    m_finished = false;
    markRunning(item, tr("Started outside recovery."));
    update(item);
    if (m_started)
        QTimer::singleShot(0, this, &RecoveryRun::schedule);
}

void RecoveryRun::cancel()
{
    if (m_cancelled && m_finished)
        return;
    m_cancelled = true;
    m_timer->stop();
    QSet<PodmanCall *> graced; // a shared call is cut off once
    for (Item &item : m_items) {
        if (item.call && item.probingHealth) {
            item.call->cancel();
        } else if (item.call) {
            // Killing `podman start` can leave the container "initialized", where no later start
            // works: let it finish, within a bound; applyResult() undoes what is cut off.
            if (graced.contains(item.call))
                continue;
            graced.insert(item.call);
            QPointer<PodmanCall> call = item.call;
            QTimer::singleShot(ShutdownGraceMs, this, [call] {
                if (call)
                    call->cancel();
            });
        } else if (item.probingHealth || !isTerminal(item.target.status.state)) {
            item.probingHealth = false;
            item.target.status.state = ContainerState::Failed;
            item.target.status.error = tr("Not started: shutting down.");
            update(item);
        }
    }
    checkFinished();
}

RecoveryRun::Deps RecoveryRun::dependencies(const Item &item, QStringList *failedRoots) const
{
    QSet<QString> visiting;
    return dependencies(item, visiting, failedRoots);
}

RecoveryRun::Deps RecoveryRun::dependencies(const Item &item, QSet<QString> &visiting,
                                            QStringList *failedRoots) const
{
    // A dependency that failed holds its dependants (unless the policy says start anyway), and so
    // does one that is itself held: the chain waits for the container that failed.
    visiting.insert(item.target.status.name);
    bool pending = false;
    bool failed = false;
    for (const QString &dependency : item.target.after) {
        const auto it = m_index.constFind(dependency);
        if (it == m_index.constEnd())
            continue;
        const Item &other = m_items.at(*it);
        const ContainerState state = other.target.status.state;
        if (state == ContainerState::Running)
            continue;
        if (state == ContainerState::Failed) {
            if (m_policy.failedDependency == RunPolicy::FailedDependency::StartAnyway)
                continue;
            failed = true;
            if (failedRoots && !failedRoots->contains(dependency))
                failedRoots->append(dependency);
            continue;
        }
        if (state == ContainerState::Waiting && !other.call && !other.probingHealth &&
            m_policy.failedDependency != RunPolicy::FailedDependency::StartAnyway &&
            !visiting.contains(dependency) && dependencies(other, visiting, failedRoots) == Deps::Failed) {
            failed = true;
            continue;
        }
        pending = true;
    }
    if (pending)
        return Deps::Pending;
    return failed ? Deps::Failed : Deps::Done;
}

bool RecoveryRun::holdBlocked(Item &item, const QStringList &failedRoots)
{
    ContainerStatus &status = item.target.status;
    const QString list = failedRoots.join(QStringLiteral(", "));
    if (m_policy.failedDependency == RunPolicy::FailedDependency::Fail) {
        status.state = ContainerState::Failed;
        status.error = tr("Not started: it needs %1, which failed.").arg(list);
        status.finishedAtMs = nowMs();
        qCWarning(lcRecovery).noquote()
            << "not starting" << status.name << "- it needs" << list << "which failed";
        update(item);
        return true;
    }
    const QString note = tr("Waiting for %1 (failed).").arg(list);
    if (status.note == note)
        return false;
    status.note = note;
    qCInfo(lcRecovery).noquote() << status.name << "waits for" << list << "which failed";
    update(item);
    return false;
}

void RecoveryRun::schedule()
{
    if (m_cancelled || !m_started)
        return;
    qint64 wakeAt = std::numeric_limits<qint64>::max();
    QList<int> ready;
    bool failedSome = false;
    for (int i = 0; i < m_items.size(); ++i) {
        Item &item = m_items[i];
        if (item.probingHealth && !item.call) {
            if (item.readyAtMs <= nowMs())
                launchHealthProbe(item);
            else
                wakeAt = qMin(wakeAt, item.readyAtMs);
            continue;
        }
        if (item.call || item.target.status.state != ContainerState::Waiting)
            continue;
        QStringList failedRoots;
        const Deps deps = dependencies(item, &failedRoots);
        if (deps == Deps::Pending)
            continue;
        if (deps == Deps::Failed) {
            failedSome = holdBlocked(item, failedRoots) || failedSome;
            continue;
        }
        if (item.readyAtMs > nowMs()) {
            wakeAt = qMin(wakeAt, item.readyAtMs);
            continue;
        }
        ready.append(i);
    }
    if (failedSome) { // a failure may block others in turn
        QTimer::singleShot(0, this, &RecoveryRun::schedule);
        return;
    }

    const bool batching = m_policy.batchStarts && m_policy.parallel > 1 && m_policy.startGapMs <= 0;
    QList<int> shared;
    for (const int index : std::as_const(ready)) {
        if (m_inFlight >= m_policy.parallel)
            break;
        const Item &item = m_items.at(index);
        // One that needs a repair first goes alone: its start follows its own `stop -t 0`.
        if (batching && !item.solo && !item.needsRepair && m_starter->canShareCall(item.target)) {
            shared.append(index);
            continue;
        }
        const qint64 gapEnd = m_lastLaunchMs > 0 ? m_lastLaunchMs + m_policy.startGapMs : 0;
        if (gapEnd > nowMs()) {
            wakeAt = qMin(wakeAt, gapEnd); // the gap holds every launch: the others wait for the same timer
            break;
        }
        launch({index});
    }
    if (!shared.isEmpty()) {
        // As few calls as the free slots allow, each one a fair share; podman starts the names of
        // one call one after another, so separate calls are what runs in parallel.
        const int freeSlots = qMax(1, m_policy.parallel - m_inFlight);
        const int perCallAtLeast = qMax(1, m_policy.minNamesPerCall);
        const int calls =
            qMax(1, qMin(freeSlots, int((shared.size() + perCallAtLeast - 1) / perCallAtLeast)));
        const int perCall = int((shared.size() + calls - 1) / calls);
        for (int first = 0; first < shared.size(); first += perCall)
            launch(shared.mid(first, perCall));
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
    return std::any_of(m_items.cbegin(), m_items.cend(),
                       [](const Item &item) { return item.call != nullptr; });
}

bool RecoveryRun::breakDependencyCycle()
{
    // Nothing in flight and nothing due, yet some wait: they wait for each other. Recovery matters
    // more than order, so they start anyway and the report says why.
    bool broke = false;
    for (Item &item : m_items) {
        if (item.target.status.state != ContainerState::Waiting || item.probingHealth ||
            item.readyAtMs > nowMs() || dependencies(item) != Deps::Pending)
            continue;
        qCWarning(lcRecovery).noquote() << "dependency cycle through" << item.target.status.name << "after"
                                        << item.target.after.join(QLatin1Char(','));
        item.permanentNote = tr("Dependency cycle (%1): started without waiting.")
                                 .arg(item.target.after.join(QStringLiteral(", ")));
        item.target.status.note = item.permanentNote;
        item.target.after.clear();
        update(item);
        broke = true;
    }
    return broke;
}

void RecoveryRun::launch(const QList<int> &indexes)
{
    QStringList names;
    const qint64 now = nowMs();
    for (const int index : indexes) {
        ContainerStatus &status = m_items[index].target.status;
        status.state = ContainerState::Starting;
        status.attempts += 1;
        if (status.startedAtMs == 0)
            status.startedAtMs = now;
        status.note = m_items.at(index).permanentNote;
        names.append(status.name);
    }
    if (names.size() == 1)
        qCInfo(lcRecovery).noquote() << "starting" << names.constFirst() << "attempt"
                                     << m_items.at(indexes.constFirst()).target.status.attempts;
    else
        qCInfo(lcRecovery).noquote() << "starting" << names.size()
                                     << "containers in one call:" << names.join(QLatin1Char(' '));
    m_lastLaunchMs = now;
    ++m_inFlight;
    for (const int index : indexes)
        update(m_items[index]);
    Item &first = m_items[indexes.constFirst()];
    if (names.size() > 1 || !first.needsRepair) {
        callStart(names);
        return;
    }
    // Part of this attempt: a container stuck "initialized" only starts after a stop.
    const QString name = names.constFirst();
    qCInfo(lcRecovery).noquote() << "repairing" << name << "before starting it (podman stop -t 0)";
    first.needsRepair = false;
    first.call = m_podman.call(Podman::repairArguments(name), m_policy.startTimeoutMs, this);
    PodmanCall *repair = first.call;
    connect(repair, &PodmanCall::done, this, [this, repair, name] {
        repair->deleteLater();
        Item &repaired = itemFor(name);
        repaired.call = nullptr;
        if (!repair->result().ok)
            qCWarning(lcRecovery).noquote() << "repair of" << name << "failed:" << repair->result().errorText;
        if (m_cancelled) {
            --m_inFlight;
            repaired.target.status.state = ContainerState::Failed;
            repaired.target.status.error = tr("Not started: shutting down.");
            repaired.target.status.finishedAtMs = nowMs();
            update(repaired);
            checkFinished();
            return;
        }
        callStart({name});
    });
}

void RecoveryRun::callStart(const QStringList &names)
{
    QList<RecoveryTarget> targets;
    targets.reserve(names.size());
    for (const QString &name : names)
        targets.append(itemFor(name).target);
    PodmanCall *call = m_starter->start(targets, batchTimeoutMs(m_policy, int(names.size())), this);
    connect(call, &PodmanCall::done, this, [this, call, names] { onStartDone(call, names); });
    for (const QString &name : names)
        itemFor(name).call = call;
}

void RecoveryRun::undo(Item &item)
{
    // The call was cut off mid-start: leave the container stopped, not "initialized".
    const QString name = item.target.status.name;
    qCInfo(lcRecovery).noquote() << "undoing the cut-off start of" << name << "(podman stop -t 0)";
    item.undoing = true;
    item.call = m_podman.call(Podman::repairArguments(name), m_policy.startTimeoutMs, this);
    PodmanCall *call = item.call;
    connect(call, &PodmanCall::done, this, [this, call, name] {
        call->deleteLater();
        Item &undone = itemFor(name);
        undone.call = nullptr;
        undone.undoing = false;
        if (!call->result().ok)
            qCWarning(lcRecovery).noquote() << "undo of" << name << "failed:" << call->result().errorText;
        if (m_cancelled)
            checkFinished();
        else
            schedule();
    });
}

void RecoveryRun::onStartDone(PodmanCall *call, const QStringList &names)
{
    call->deleteLater();
    --m_inFlight;
    const QHash<QString, PodmanResult> results = m_starter->results(*call, names);
    for (const QString &name : names) {
        Item &item = itemFor(name);
        item.call = nullptr;
        const PodmanResult result = results.value(name);
        if (names.size() > 1 && !result.ok && !m_cancelled) {
            // Another name may have sunk the shared call: this one gets a call of its own, which
            // also gives podman's error for it alone. That attempt is the one that counts.
            item.target.status.attempts -= 1;
            item.target.status.state = ContainerState::Waiting;
            item.target.status.note = item.permanentNote;
            item.solo = true;
            item.needsRepair = true; // the shared call may have been cut off while starting it
            item.readyAtMs = 0;
            update(item);
            continue;
        }
        applyResult(item, result);
        update(item);
    }
    if (m_cancelled)
        checkFinished();
    else
        schedule();
}

void RecoveryRun::applyResult(Item &item, const PodmanResult &result)
{
    ContainerStatus &status = item.target.status;
    const QString &name = status.name;
    if (result.ok && item.target.healthGate) {
        // Dependants wait until it is healthy; podman start returning says nothing about that.
        status.error.clear();
        status.note = tr("Started; waiting for its health check.");
        item.probingHealth = true;
        item.healthDeadlineMs = nowMs() + m_policy.healthTimeoutMs;
        item.readyAtMs = nowMs();
        qCInfo(lcRecovery).noquote() << "started" << name << "- waiting for it to be healthy";
    } else if (result.ok) {
        const QString how = m_starter->startedNote(item.target);
        markRunning(item, item.permanentNote.isEmpty() ? how : item.permanentNote);
        qCInfo(lcRecovery).noquote() << "started" << name;
    } else if (!m_cancelled && status.attempts < item.maxAttempts && !isPermanentFailure(result)) {
        // Whatever the failure, the next attempt first takes it out of a half-started state
        // (a no-op for a stopped container).
        item.needsRepair = true;
        const int delay = backoffMs(m_policy, status.attempts);
        status.state = ContainerState::Waiting;
        status.error = readableError(result.errorText, name);
        status.note = tr("Attempt %1 of %2 failed; retrying in %3 s.")
                          .arg(status.attempts)
                          .arg(item.maxAttempts)
                          .arg((delay + 999) / 1000);
        item.readyAtMs = nowMs() + delay;
        status.retryAtMs = item.readyAtMs;
        qCWarning(lcRecovery).noquote() << "start of" << name << "failed, retrying:" << result.errorText;
    } else {
        status.state = ContainerState::Failed;
        status.error = readableError(result.errorText, name);
        status.finishedAtMs = nowMs();
        qCWarning(lcRecovery).noquote() << "could not start" << name << ":" << result.errorText;
        // Cut off (timeout, killed, or ended during a shutdown, where podman may exit normally on
        // SIGTERM): it may be left "initialized".
        if (result.timedOut || result.exitCode < 0 || m_cancelled)
            undo(item);
        else
            item.needsRepair = true; // a later retry (enqueue) repairs it first
    }
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
    Item &item = itemFor(name);
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
        const QString note = tr("Its health check did not pass within %n seconds; the containers "
                                "waiting for it were started anyway.",
                                nullptr, m_policy.healthTimeoutMs / 1000);
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
    // What a waiting container waits for, so a screen can say it.
    ContainerStatus &status = item.target.status;
    status.waitingFor.clear();
    if (status.state == ContainerState::Waiting) {
        for (const QString &dependency : std::as_const(item.target.after)) {
            const auto it = m_index.constFind(dependency);
            if (it != m_index.constEnd() && m_items.at(*it).target.status.state != ContainerState::Running)
                status.waitingFor.append(
                    dependency); // a failed one too: it is waited for until it comes back
        }
    } else {
        status.retryAtMs = 0;
    }
    emit containerChanged(item.target.status);
    if (isTerminal(status.state)) {
        // Its dependants may wait for one container less, or now for a failed one.
        for (Item &other : m_items) {
            if (other.target.status.state == ContainerState::Waiting &&
                other.target.status.waitingFor.contains(status.name))
                update(other);
        }
    }
}

void RecoveryRun::checkFinished()
{
    if (m_finished || (!m_started && !m_cancelled) || anyCallInFlight())
        return;
    for (const Item &item : m_items) {
        if (m_cancelled || isTerminal(item.target.status.state))
            continue;
        if (item.probingHealth || item.target.status.state != ContainerState::Waiting)
            return;
        if (dependencies(item) != Deps::Failed)
            return; // due later, or waiting for one that is
    }
    m_finished = true;
    m_timer->stop();
    QTimer::singleShot(0, this, [this] {
        if (m_finished)
            emit finished();
    });
}

} // namespace archy
