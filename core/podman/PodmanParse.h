#pragma once

#include <QList>
#include <QMetaType>
#include <QMap>
#include <QString>
#include <QStringList>

class QByteArray;
class QJsonObject;

namespace archy {

/// One container as `podman ps --format json` lists it.
struct PsEntry
{
    QString name;
    QString image;
    QString state;
    QString id;
    QMap<QString, QString> labels;
    bool isInfra = false; ///< a pod's infra container: podman starts it with the pod's members

    bool isRunning() const { return state == QLatin1String("running"); }
};

/// One line of `podman events --format json`.
struct PodmanEvent
{
    QString id;
    QString name;
    QString image;
    QString status; ///< start, stop, kill, died, remove, rename, create, init, cleanup...
    QMap<QString, QString> labels;
    int exitCode = -1; ///< `died`: the container's exit code (podman 4 omits a 0); else -1 if not given
    qint64 timeMs = 0; ///< when podman logged it, 0 if unknown
};

/// What `podman container inspect --format json` tells beyond ps.
struct InspectEntry
{
    QString id;
    QString name;
    QString image;  ///< "ImageName"
    QString state;  ///< "State.Status": running, exited, created...
    bool isInfra = false;
    QStringList dependencyIds; ///< --requires and a pod's infra container, as container ids
    bool hasHealthcheck = false;
    bool oomKilled = false; ///< the kernel's OOM killer ended its last run
    QMap<QString, QString> labels;
};

/// Pure parsers of podman's output, kept apart from the process so tests feed them recorded output.
namespace PodmanParse {

/// Parses `podman ps --format json`. `Names` may be an array (podman 4) or a string (older).
/// Entries without a usable name are dropped. On malformed input returns false and sets @p error.
bool parsePs(const QByteArray &json, QList<PsEntry> *entries, QString *error);

/// Parses one event line (podman 4 or 5). Returns false for anything that is not a container event.
bool parseEvent(const QByteArray &line, PodmanEvent *event);
/// An event's time in ms since 1970 from `timeNano`, `time` (podman 5) or `Time` (podman 4), 0 if none.
qint64 eventTimeMs(const QJsonObject &object);
/// @p standardError without podman's known warnings (cgroups v1 deprecation), which are not the error.
QByteArray withoutKnownWarnings(const QByteArray &standardError);

/// Parses `podman container inspect --format json` (a list; podman prints the containers it found
/// even when it fails for another name).
bool parseInspect(const QByteArray &json, QList<InspectEntry> *entries, QString *error);
/// What ps would have said of @p inspected containers: inspect tells all a start-up plan needs.
QList<PsEntry> psEntriesFrom(const QList<InspectEntry> &inspected);

} // namespace PodmanParse

/// podman's own rule for container names, plus a sane length.
bool isValidContainerName(const QString &name);
constexpr int MaxContainerNameLength = 253;

} // namespace archy
Q_DECLARE_METATYPE(archy::PodmanEvent)
