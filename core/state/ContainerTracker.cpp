#include "ContainerTracker.h"

#include <QSet>

#include <algorithm>

namespace archy {

void ContainerTracker::load(const Snapshot &snapshot)
{
    m_containers.clear();
    for (const SnapshotEntry &entry : snapshot.containers) {
        if (!entry.isValid())
            continue;
        Tracked &tracked = m_containers[entry.name];
        tracked.image = entry.image;
        tracked.wanted = true;
    }
    for (const SnapshotEntry &entry : snapshot.stoppedByOwner) {
        Tracked &tracked = m_containers[entry.name];
        tracked.image = entry.image;
        tracked.wanted = false;
        tracked.stoppedByOwner = true;
    }
}

bool ContainerTracker::reconcile(const QList<PsEntry> &entries)
{
    if (!m_recording)
        return false;
    bool changed = false;
    QSet<QString> present;
    for (const PsEntry &entry : entries) {
        if (isIgnored(entry.labels) || entry.isInfra)
            continue;
        present.insert(entry.name);
        const bool known = m_containers.contains(entry.name);
        Tracked &tracked = m_containers[entry.name];
        tracked.id = entry.id;
        tracked.observed = true;
        if (tracked.image != entry.image) {
            tracked.image = entry.image;
            changed = true;
        }
        if (entry.isRunning()) {
            if (!tracked.running || !tracked.wanted || tracked.stoppedByOwner)
                changed = true;
            // lastStartMs stays as the start events set it: a container found running may have run
            // for days, and must not count a quick death if it dies soon after we started.
            tracked.running = true;
            tracked.wanted = true;
            tracked.stoppedByOwner = false;
        } else {
            // A stop missed while the event stream was down cannot be told from a crash: keep
            // what we knew. A container never seen running is not wanted.
            tracked.running = false;
            changed = changed || !known;
        }
    }
    for (auto it = m_containers.begin(); it != m_containers.end();) {
        if (!present.contains(it.key())) {
            it = m_containers.erase(it);
            changed = true;
        } else {
            ++it;
        }
    }
    return changed;
}

QString ContainerTracker::nameForEvent(const PodmanEvent &event) const
{
    if (!event.id.isEmpty()) {
        for (auto it = m_containers.cbegin(); it != m_containers.cend(); ++it) {
            if (it->id == event.id)
                return it.key();
        }
    }
    return event.name;
}

ContainerTracker::Outcome ContainerTracker::apply(const PodmanEvent &event, qint64 nowMs)
{
    Outcome outcome;
    if (!m_recording || !isValidContainerName(event.name))
        return outcome;
    if (isIgnored(event.labels)) {
        outcome.changed = m_containers.remove(event.name) > 0;
        return outcome;
    }
    const QString &status = event.status;
    if (status == QLatin1String("rename")) {
        const QString oldName = nameForEvent(event);
        if (oldName != event.name && m_containers.contains(oldName)) {
            m_containers.insert(event.name, m_containers.take(oldName));
            outcome.changed = true;
        }
        return outcome;
    }
    if (status == QLatin1String("remove")) {
        outcome.changed = m_containers.remove(nameForEvent(event)) > 0;
        return outcome;
    }

    Tracked &tracked = m_containers[event.name];
    if (!event.id.isEmpty())
        tracked.id = event.id;
    if (!event.image.isEmpty())
        tracked.image = event.image;
    outcome.name = event.name;

    if (status == QLatin1String("start")) {
        outcome.changed = !tracked.running || !tracked.wanted || tracked.stoppedByOwner;
        tracked.running = true;
        tracked.wanted = true;
        tracked.stoppedByOwner = false;
        tracked.finished = false;
        tracked.stopRequested = false;
        tracked.deathPending = false;
        tracked.lastStartMs = nowMs;
        tracked.observed = true;
    } else if (status == QLatin1String("stop") || status == QLatin1String("kill")) {
        if (tracked.deathPending) {
            // The owner's stop, logged after the death it caused.
            tracked.deathPending = false;
            outcome.changed = markStoppedByOwner(tracked);
        } else {
            // `podman kill -s HUP` reloads without stopping: wait for `died` to decide.
            tracked.stopRequested = true;
            tracked.stopRequestedMs = nowMs;
        }
    } else if (status == QLatin1String("died")) {
        tracked.running = false;
        tracked.observed = true;
        if (tracked.stopRequested && nowMs - tracked.stopRequestedMs <= StopWindowMs) {
            outcome.changed = markStoppedByOwner(tracked);
        } else if (event.exitCode == 0) {
            outcome.changed = tracked.wanted;
            tracked.wanted = false; // finished its job
            tracked.finished = true;
            tracked.quickDeaths = 0;
        } else if (tracked.wanted) {
            tracked.deathPending = true;
            tracked.deathExitCode = event.exitCode;
            outcome.deathPending = true;
        }
        tracked.stopRequested = false;
    }
    return outcome;
}

bool ContainerTracker::markStoppedByOwner(Tracked &tracked)
{
    const bool changed = tracked.wanted || !tracked.stoppedByOwner;
    tracked.wanted = false;
    tracked.stoppedByOwner = true;
    tracked.quickDeaths = 0;
    return changed;
}

int ContainerTracker::pendingExitCode(const QString &name) const
{
    const auto it = m_containers.constFind(name);
    return it != m_containers.cend() && it->deathPending && !it->running ? it->deathExitCode : -1;
}

ContainerTracker::Outcome ContainerTracker::resolveDeath(const QString &name, qint64 nowMs,
                                                         bool signalledFromOutside)
{
    Outcome outcome;
    outcome.name = name;
    const auto it = m_containers.find(name);
    if (!m_recording || it == m_containers.end() || !it->deathPending || it->running)
        return outcome;
    it->deathPending = false;
    if (signalledFromOutside) {
        outcome.changed = markStoppedByOwner(*it);
        return outcome;
    }
    const bool quick = it->lastStartMs > 0 && nowMs - it->lastStartMs < QuickDeathMs + DeathGraceMs;
    it->quickDeaths = quick ? it->quickDeaths + 1 : 1;
    outcome.unexpectedDeath = true;
    outcome.quickDeaths = it->quickDeaths;
    return outcome;
}

Snapshot ContainerTracker::toSnapshot(qint64 nowSeconds) const
{
    Snapshot snapshot;
    snapshot.timestamp = nowSeconds;
    QStringList names = m_containers.keys();
    std::sort(names.begin(), names.end());
    for (const QString &name : std::as_const(names)) {
        const Tracked &tracked = m_containers.value(name);
        if (tracked.wanted)
            snapshot.containers.append(SnapshotEntry{name, tracked.image, {}, {}});
        else if (tracked.stoppedByOwner)
            snapshot.stoppedByOwner.append(SnapshotEntry{name, tracked.image, {}, {}});
    }
    return snapshot;
}

bool ContainerTracker::isWanted(const QString &name) const
{
    return m_containers.value(name).wanted;
}

bool ContainerTracker::isStoppedByOwner(const QString &name) const
{
    return m_containers.value(name).stoppedByOwner;
}

int ContainerTracker::quickDeaths(const QString &name) const
{
    return m_containers.value(name).quickDeaths;
}

QList<ContainerTracker::Entry> ContainerTracker::entries() const
{
    QList<Entry> out;
    out.reserve(m_containers.size());
    for (auto it = m_containers.cbegin(); it != m_containers.cend(); ++it) {
        Entry entry;
        entry.name = it.key();
        entry.image = it->image;
        entry.running = it->running;
        entry.wanted = it->wanted;
        entry.stoppedByOwner = it->stoppedByOwner;
        entry.finished = it->finished && !it->running;
        entry.deathPending = it->deathPending;
        entry.quickDeaths = it->quickDeaths;
        entry.observed = it->observed;
        out.append(entry);
    }
    std::sort(out.begin(), out.end(), [](const Entry &a, const Entry &b) { return a.name < b.name; });
    return out;
}

} // namespace archy
