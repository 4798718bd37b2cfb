#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

namespace archy {

/// One container in `running-containers.json`.
struct SnapshotEntry
{
    QString name;
    QString image;
    QString invalidReason; ///< set when the entry must not reach podman (bad name, wrong types)
    QJsonObject extra;     ///< keys we do not know, kept as they were

    bool isValid() const { return invalidReason.isEmpty(); }
};

/**
 * The snapshot file: the seed's schema `{"timestamp": secs, "containers": [{"name", "image"}]}`,
 * where "containers" are those that should run. We add "stoppedByOwner": the containers the owner
 * stopped on purpose, which no start-up may bring back. The seed ignores unknown keys.
 */
struct Snapshot
{
    qint64 timestamp = 0; ///< seconds since the epoch
    QList<SnapshotEntry> containers;
    QList<SnapshotEntry> stoppedByOwner;
    /// A problem that did not stop the read: a timestamp out of range (0 < t <= now + 1 day) is
    /// reported here and read as 0 ("unknown"); the lists are still used.
    QString warning;

    QByteArray toJson() const;
    /// Type-checks every field. Bad entries are kept with invalidReason set; a bad document fails;
    /// a bad timestamp only sets warning.
    static bool fromJson(const QByteArray &json, Snapshot *snapshot, QString *error);
};

/// Reads and writes the snapshot in a data dir, keeping one previous generation.
namespace SnapshotStore {

inline QString fileName()
{
    return QStringLiteral("running-containers.json");
}
inline QString previousFileName()
{
    return QStringLiteral("running-containers.json.prev");
}
constexpr qint64 MaxBytes = 4 * 1024 * 1024;

struct ReadResult
{
    bool found = false;        ///< a usable snapshot was read
    bool usedPrevious = false; ///< the newest was unreadable; the previous generation was used
    Snapshot snapshot;
    QString warning; ///< what went wrong with the newest (or both), for people
};

/// Blocking (file IO, JSON parse): run it off the GUI thread.
ReadResult read(const QString &dataDir);
/// Blocking (fsync): run it off the GUI thread.
bool write(const QString &dataDir, const Snapshot &snapshot, QString *error);

} // namespace SnapshotStore
} // namespace archy
