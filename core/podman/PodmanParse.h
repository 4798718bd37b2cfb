#pragma once

#include <QList>
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
};

/// Pure parsers of podman's output, kept apart from the process so tests feed them recorded output.
namespace PodmanParse {

/// Parses `podman ps --format json`. `Names` may be an array (podman 4) or a string (older).
/// Entries without a usable name are dropped. On malformed input returns false and sets @p error.
bool parsePs(const QByteArray &json, QList<PsEntry> *entries, QString *error);

} // namespace PodmanParse

/// podman's own rule for container names, plus a sane length.
bool isValidContainerName(const QString &name);
constexpr int MaxContainerNameLength = 253;

} // namespace archy
