#pragma once

#include <QList>
#include <QMetaType>
#include <QMap>
#include <QString>
#include <QStringList>

class QByteArray;

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
    int exitCode = -1;
    qint64 timeMs = 0; ///< when podman logged it, 0 if unknown
};

/// What `podman container inspect --format json` tells beyond ps.
struct InspectEntry
{
    QString id;
    QString name;
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

/// Parses one event line. Returns false for anything that is not a container event object.
bool parseEvent(const QByteArray &line, PodmanEvent *event);

/// Parses `podman container inspect --format json` (a list; podman prints the containers it found
/// even when it fails for another name).
bool parseInspect(const QByteArray &json, QList<InspectEntry> *entries, QString *error);

} // namespace PodmanParse

/// podman's own rule for container names, plus a sane length.
bool isValidContainerName(const QString &name);
constexpr int MaxContainerNameLength = 253;

} // namespace archy
Q_DECLARE_METATYPE(archy::PodmanEvent)
