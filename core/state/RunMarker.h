#pragma once

#include <QByteArray>
#include <QString>

namespace archy {

/**
 * The run marker `archipelago.pid`: present while an instance runs, removed on a clean stop, so a
 * marker found at start-up means the previous run ended uncleanly.
 *
 * Its first line is the pid, as the seed wrote it (a bare pid is read too). Following lines carry
 * `key=value` evidence that tells a crash from a live instance even when the pid was reused:
 * the boot id, the process start time (clock ticks since boot) and the executable.
 */
struct MarkerRecord
{
    qint64 pid = 0;
    QString bootId;
    qint64 startTicks = -1;
    QString executable;
    qint64 writtenAtMs = 0;
    bool legacy = true; ///< only a pid: written by the seed

    QByteArray serialize() const;
    static bool parse(const QByteArray &data, MarkerRecord *record);
    /// This process.
    static MarkerRecord current();
};

namespace RunMarker {

inline QString fileName() { return QStringLiteral("archipelago.pid"); }

enum class Verdict { NoMarker, Crash, LiveInstance };

struct Judgement
{
    Verdict verdict = Verdict::NoMarker;
    qint64 pid = 0;
    QString reason; ///< how the verdict was reached, for people
};

/**
 * Judges the marker at @p path. The caller holds the instance lock, so no archy-recovery instance
 * on this data dir can be alive; what is left to tell is whether the pid now names something else.
 */
Judgement judge(const QString &path);

/// Linux process facts, exposed for tests.
QString currentBootId();
qint64 processStartTicks(qint64 pid); ///< -1 if there is no such process
QString processExecutable(qint64 pid); ///< empty if unknown

} // namespace RunMarker
} // namespace archy
