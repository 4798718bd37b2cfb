#pragma once

#include <QHash>
#include <QList>
#include <QString>

#include "Snapshot.h"
#include "podman/Labels.h"
#include "podman/PodmanParse.h"

namespace archy {

/**
 * What should run, kept from podman's events and periodic `ps -a` reconciles. Pure logic, no IO.
 *
 * A container is *wanted* while it runs, and stays wanted when it dies on its own (a crash, a
 * power cut). It stops being wanted only when the owner stops or kills it (a `stop`/`kill` event
 * around `died`, or a death by a signal from outside, see resolveDeath()) or it exits with
 * status 0 (a job that finished). Once recording is switched off
 * (the system is shutting down), nothing changes any more: containers stopped by the shutdown are
 * not mistaken for the owner's intent.
 */
class ContainerTracker final
{
public:
    /// What the tracker knows of one container, as a value (for views of the whole fleet).
    struct Entry
    {
        QString name;
        QString image;
        bool running = false;
        bool wanted = false;         ///< should run: started again if it dies on its own
        bool stoppedByOwner = false; ///< the owner stopped or killed it
        bool finished = false;       ///< its command exited 0: a job that is done
        bool deathPending = false;   ///< died; judged after DeathGraceMs
        int quickDeaths = 0;
        /// `running` is podman's word (a listing or a start/died event since load()), not a guess
        /// from the snapshot, which says what should run but not what runs.
        bool observed = false;
    };

    struct Outcome
    {
        bool changed = false;         ///< the snapshot should be written again
        bool unexpectedDeath = false; ///< died on its own while wanted
        bool deathPending = false;    ///< died with no stop/kill seen yet: call resolveDeath() later
        QString name;
        int quickDeaths = 0; ///< deaths in a row, each soon after a start
    };

    /// Deaths sooner than this after a start count towards a crash loop.
    static constexpr qint64 QuickDeathMs = 60000;

    /// Starts from the last good snapshot: its containers are wanted, its stoppedByOwner not.
    void load(const Snapshot &snapshot);
    /// Full state from `podman ps -a`. Returns true if anything changed.
    bool reconcile(const QList<PsEntry> &entries);
    Outcome apply(const PodmanEvent &event, qint64 nowMs);
    /**
     * podman writes `stop`/`kill` and `died` from different processes, so `died` may come first,
     * and a fast `podman stop` may write no `stop` at all (seen with podman 4.3). A death is judged
     * after this grace: with no stop/kill seen, @p signalledFromOutside decides: the container was
     * killed by SIGTERM or SIGKILL that was not the kernel's OOM killer, which is how the owner's
     * stop looks; anything else (a crash, an error exit, the OOM killer) was unexpected.
     */
    Outcome resolveDeath(const QString &name, qint64 nowMs, bool signalledFromOutside = false);
    /// The exit code of a death awaiting resolveDeath(), -1 if none is pending.
    int pendingExitCode(const QString &name) const;
    static constexpr int DeathGraceMs = 1500;
    /// A stop/kill counts for a death this long after it (`podman stop -t` may wait that long);
    /// a `kill -s HUP` that stopped nothing is forgotten after it.
    static constexpr qint64 StopWindowMs = 15 * 60 * 1000;

    void setRecording(bool recording) { m_recording = recording; }
    bool isRecording() const { return m_recording; }

    Snapshot toSnapshot(qint64 nowSeconds) const;
    bool isWanted(const QString &name) const;
    bool isStoppedByOwner(const QString &name) const;
    int quickDeaths(const QString &name) const;
    /// Every tracked container, sorted by name.
    QList<Entry> entries() const;

private:
    struct Tracked
    {
        QString id;
        QString image;
        bool running = false;
        bool wanted = false;
        bool stoppedByOwner = false;
        bool finished = false;
        bool stopRequested = false; ///< saw stop/kill; the next `died` is the owner's doing
        qint64 stopRequestedMs = 0;
        bool deathPending = false; ///< died, waiting DeathGraceMs for a late stop/kill
        int deathExitCode = -1;
        qint64 lastStartMs = 0;
        int quickDeaths = 0;
        bool observed = false; ///< running comes from podman, not from load()
    };

    QString nameForEvent(const PodmanEvent &event) const;
    static bool markStoppedByOwner(Tracked &tracked);

    QHash<QString, Tracked> m_containers; ///< by name
    bool m_recording = true;
};

} // namespace archy
