#pragma once

#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include "RecoveryTypes.h"

namespace archy {

/// Where one container of the node stands right now, as the owner should see it.
enum class FleetState
{
    Failed,    ///< gave up starting it; see ContainerStatus::error
    CrashLoop, ///< keeps dying soon after each start; no longer restarted automatically
    Retrying,  ///< an attempt failed; the next one follows at ContainerStatus::retryAtMs
    Waiting,   ///< queued: its turn, or ContainerStatus::waitingFor
    Starting,  ///< a start (or health probe) is in flight
    Running,
    StoppedByOwner, ///< the owner stopped it; recovery leaves it alone
    Finished,       ///< ran and exited 0 (a job that is done)
    Stopped,        ///< not running and never wanted (created, exited before we watched)
    Ignored,        ///< labelled io.archipelago.recovery=ignore
};

QString fleetStateKey(FleetState state);          ///< stable key for JSON ("crash-loop", ...)
FleetState fleetStateFromKey(const QString &key); ///< inverse; unknown keys map to Failed
/// Sort order for screens: problems (0), then what is still moving (1), then the calm rest (2).
int fleetRank(FleetState state);
/// True for the states that need the owner's attention (shown first).
bool isProblem(FleetState state);
/// True while something is still happening to it (waiting, retrying, starting).
bool isInFlight(FleetState state);

/// One container of the node: its live state plus the last recovery status known for it.
struct FleetEntry
{
    ContainerStatus status; ///< name, image, error, attempts, times, note, waitingFor, retryAtMs
    FleetState state = FleetState::Stopped;
    bool inRun = false; ///< acted on by this start-up or a later retry/restart

    QString name() const { return status.name; }
    QJsonObject toJson() const;
    static FleetEntry fromJson(const QJsonObject &object);
    bool operator==(const FleetEntry &other) const;
    bool operator!=(const FleetEntry &other) const { return !(*this == other); }
};

/// Every container the agent tracks, plus whether podman itself works.
struct Fleet
{
    QList<FleetEntry> containers;
    bool listed = false;   ///< podman answered at least once; before that the list is only the report's
    QString podmanProblem; ///< non-empty: podman itself is not working (missing, storage broken...)

    int count(FleetState state) const;
    int problems() const;
    const FleetEntry *find(const QString &name) const;
    QJsonObject toJson() const;
    static Fleet fromJson(const QJsonObject &object);

    /// What a backend that only knows the start-up's report can say: its containers, by their run state.
    static Fleet fromReport(const RecoveryReport &report);
    /// The fleet state a recovery status maps to.
    static FleetState stateOf(const ContainerStatus &status);
};

/// Which node a screen shows, and how to check it is the one meant.
struct NodeIdentity
{
    QString name;          ///< host name, shown in the window
    QString fingerprint;   ///< SHA-256 of the agent's TLS certificate, empty without --listen
    QString listenAddress; ///< "wss://0.0.0.0:8443", empty without --listen
    QString version;       ///< the agent's version

    bool isEmpty() const { return name.isEmpty() && fingerprint.isEmpty() && listenAddress.isEmpty(); }
    QJsonObject toJson() const;
    static NodeIdentity fromJson(const QJsonObject &object);
    bool operator==(const NodeIdentity &other) const;
};

/// The answer to RecoveryBackend::requestLogs().
struct ContainerLogs
{
    /// At most this many lines of at most this many characters reach a screen, locally or remotely.
    static constexpr int MaxLines = 200;
    static constexpr int MaxLineLength = 500;

    QString name;
    QStringList lines; ///< oldest first; raw container output (data, never markup)
    QString error;     ///< why there are none, for people; empty when podman answered
    /// How many lines were asked for (after bounding); 0 if unknown. Not part of the JSON: it lets
    /// a server tell which of several requests for one container an answer satisfies.
    int requested = 0;

    /// @p line as plain text for a screen: control characters dropped, tabs as spaces, cut to
    /// MaxLineLength characters (the last one an ellipsis when cut).
    static QString plainLine(const QString &line);

    QJsonObject toJson() const;
    static ContainerLogs fromJson(const QJsonObject &object);
};

} // namespace archy

Q_DECLARE_METATYPE(archy::FleetEntry)
Q_DECLARE_METATYPE(archy::Fleet)
Q_DECLARE_METATYPE(archy::NodeIdentity)
Q_DECLARE_METATYPE(archy::ContainerLogs)
