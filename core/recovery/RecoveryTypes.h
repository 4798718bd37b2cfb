#pragma once

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace archy {

/// Where one container stands in a recovery run.
enum class ContainerState
{
    Waiting,   ///< queued, not yet started (waiting for its turn, a dependency or a backoff)
    Starting,  ///< a `podman start` (or a health probe) is in flight
    Running,   ///< started; recovered
    Failed,    ///< gave up, see ContainerStatus::error
};

QString containerStateKey(ContainerState state);          ///< stable key for JSON ("waiting", ...)
ContainerState containerStateFromKey(const QString &key); ///< inverse; unknown keys map to Failed
QString containerStateText(ContainerState state);         ///< translated, for people

/// One container of a recovery run, as a UI or the report shows it.
struct ContainerStatus
{
    QString name;
    QString image;
    ContainerState state = ContainerState::Waiting;
    QString error;          ///< podman's error text (or ours) for the last failed attempt
    int attempts = 0;       ///< `podman start` calls made so far
    qint64 startedAtMs = 0; ///< epoch ms of the first attempt, 0 if none
    qint64 finishedAtMs = 0;///< epoch ms when it reached Running or Failed, 0 while in flight
    bool crashLoop = false; ///< keeps dying soon after being started
    QString note;           ///< extra information for people (health timeout, dependency...)
    /// While Waiting: the containers it waits for (its dependencies that are not done yet).
    QStringList waitingFor;
    qint64 retryAtMs = 0;   ///< while Waiting after a failed attempt: epoch ms of the next one

    qint64 elapsedMs() const;
    QJsonObject toJson() const;
    static ContainerStatus fromJson(const QJsonObject &object);
    bool operator==(const ContainerStatus &other) const;
};

/// How the last start-up judged the previous run.
struct CrashInfo
{
    bool crash = false;
    qint64 previousPid = 0;
    QString reason;            ///< how the crash was recognised, for people
    qint64 detectedAtMs = 0;   ///< when this start-up looked
    qint64 snapshotAtMs = 0;   ///< when the snapshot used was taken, 0 if none
    int containersBefore = 0;  ///< containers running at that snapshot
    QString snapshotWarning;   ///< snapshot could not be read (corrupt, too big...)
    bool firstStart = false;   ///< no crash, and no snapshot yet: the first start on this node

    QJsonObject toJson() const;
    static CrashInfo fromJson(const QJsonObject &object);
};

/// One start-up's outcome; one line of recovery-history.jsonl.
struct RecoveryReport
{
    QString id;               ///< unique per start-up; later revisions (retries) reuse it
    int revision = 0;         ///< bumped on every rewrite of the same start-up
    CrashInfo crashInfo;
    QList<ContainerStatus> containers;
    qint64 startedAtMs = 0;
    qint64 finishedAtMs = 0;
    bool acknowledged = false;

    int total() const { return int(containers.size()); }
    int recovered() const;
    QStringList failed() const;
    QJsonObject toJson() const;
    static RecoveryReport fromJson(const QJsonObject &object);
};

} // namespace archy

Q_DECLARE_METATYPE(archy::ContainerStatus)
Q_DECLARE_METATYPE(archy::CrashInfo)
Q_DECLARE_METATYPE(archy::RecoveryReport)
