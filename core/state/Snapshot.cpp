#include "Snapshot.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QStringList>

#include "DurableFile.h"
#include "podman/PodmanParse.h"

namespace archy {

namespace {

QString jsonTypeName(const QJsonValue &value)
{
    switch (value.type()) {
    case QJsonValue::Null:
        return QStringLiteral("null");
    case QJsonValue::Bool:
        return QStringLiteral("bool");
    case QJsonValue::Double:
        return QStringLiteral("number");
    case QJsonValue::String:
        return QStringLiteral("string");
    case QJsonValue::Array:
        return QStringLiteral("array");
    case QJsonValue::Object:
        return QStringLiteral("object");
    case QJsonValue::Undefined:
        break;
    }
    return QStringLiteral("missing");
}

/// For messages: a hostile name is shown escaped and cut, never raw.
QString printable(const QString &text)
{
    QString out;
    for (const QChar c : text.left(80)) {
        if (c.isPrint() && c != QLatin1Char('\\'))
            out += c;
        else
            out += QStringLiteral("\\u%1").arg(c.unicode(), 4, 16, QLatin1Char('0'));
    }
    if (text.size() > 80)
        out += QStringLiteral("…");
    return out;
}

} // namespace

namespace {

QJsonArray entriesToJson(const QList<SnapshotEntry> &entries)
{
    QJsonArray array;
    for (const SnapshotEntry &entry : entries) {
        QJsonObject object = entry.extra;
        object.insert(QStringLiteral("name"), entry.name);
        object.insert(QStringLiteral("image"), entry.image);
        array.append(object);
    }
    return array;
}

QList<SnapshotEntry> entriesFromJson(const QJsonArray &array)
{
    QList<SnapshotEntry> entries;
    entries.reserve(array.size());
    int index = 0;
    for (const QJsonValue &value : array) {
        SnapshotEntry entry;
        const QJsonObject object = value.toObject();
        const QJsonValue name = object.value(QLatin1String("name"));
        const QJsonValue image = object.value(QLatin1String("image"));
        if (!value.isObject()) {
            entry.name = QStringLiteral("#%1").arg(index);
            entry.invalidReason =
                QCoreApplication::translate("archy::Snapshot", "entry %1 is %2, not an object")
                    .arg(index)
                    .arg(jsonTypeName(value));
        } else if (!name.isString()) {
            entry.name = QStringLiteral("#%1").arg(index);
            entry.invalidReason =
                QCoreApplication::translate("archy::Snapshot", "entry %1: \"name\" is %2, not a string")
                    .arg(index)
                    .arg(jsonTypeName(name));
        } else if (!isValidContainerName(name.toString())) {
            entry.name = printable(name.toString());
            entry.invalidReason =
                QCoreApplication::translate(
                    "archy::Snapshot", "\"%1\" is not a valid container name; it was not passed to podman")
                    .arg(entry.name);
        } else if (!image.isString()) {
            entry.name = name.toString();
            entry.invalidReason =
                QCoreApplication::translate("archy::Snapshot", "entry %1: \"image\" is %2, not a string")
                    .arg(index)
                    .arg(jsonTypeName(image));
        } else {
            entry.name = name.toString();
            entry.image = image.toString();
            entry.extra = object;
            entry.extra.remove(QStringLiteral("name"));
            entry.extra.remove(QStringLiteral("image"));
        }
        entries.append(entry);
        ++index;
    }
    return entries;
}

} // namespace

QByteArray Snapshot::toJson() const
{
    QJsonObject root;
    root.insert(QStringLiteral("timestamp"), timestamp);
    root.insert(QStringLiteral("containers"), entriesToJson(containers));
    root.insert(QStringLiteral("stoppedByOwner"), entriesToJson(stoppedByOwner));
    root.insert(QStringLiteral("writer"), QStringLiteral("archy-recovery"));
    return QJsonDocument(root).toJson(QJsonDocument::Indented);
}

bool Snapshot::fromJson(const QByteArray &json, Snapshot *snapshot, QString *error)
{
    *snapshot = Snapshot();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QCoreApplication::translate("archy::Snapshot", "not valid JSON (%1 at byte %2)")
                     .arg(parseError.errorString())
                     .arg(parseError.offset);
        return false;
    }
    if (!document.isObject()) {
        *error = QCoreApplication::translate("archy::Snapshot", "the top level is not a JSON object");
        return false;
    }
    const QJsonObject root = document.object();
    // A wrong clock or a hand edit must not cost the list: the timestamp is only shown to people.
    const QJsonValue timestamp = root.value(QLatin1String("timestamp"));
    const double latest = double(QDateTime::currentSecsSinceEpoch() + 24 * 60 * 60);
    if (!timestamp.isDouble()) {
        snapshot->warning =
            QCoreApplication::translate(
                "archy::Snapshot", "\"timestamp\" is %1, not a number of seconds; the list was used anyway")
                .arg(jsonTypeName(timestamp));
    } else if (!(timestamp.toDouble() > 0 && timestamp.toDouble() <= latest)) {
        snapshot->warning =
            QCoreApplication::translate(
                "archy::Snapshot",
                "\"timestamp\" %1 is not a time between 1970 and tomorrow; the list was used anyway")
                .arg(timestamp.toDouble(), 0, 'g', 17);
    } else {
        snapshot->timestamp = qint64(timestamp.toDouble());
    }
    const QJsonValue containers = root.value(QLatin1String("containers"));
    if (!containers.isArray()) {
        *error = QCoreApplication::translate("archy::Snapshot", "\"containers\" is %1, not a list")
                     .arg(jsonTypeName(containers));
        return false;
    }
    snapshot->containers = entriesFromJson(containers.toArray());
    const QJsonValue stopped = root.value(QLatin1String("stoppedByOwner"));
    if (!stopped.isUndefined() && !stopped.isNull() && !stopped.isArray()) {
        *error = QCoreApplication::translate("archy::Snapshot", "\"stoppedByOwner\" is %1, not a list")
                     .arg(jsonTypeName(stopped));
        return false;
    }
    for (const SnapshotEntry &entry : entriesFromJson(stopped.toArray())) {
        if (entry.isValid()) // a bad name here could only keep something stopped: drop it
            snapshot->stoppedByOwner.append(entry);
    }
    return true;
}

namespace SnapshotStore {

namespace {

bool readOne(const QString &path, Snapshot *snapshot, QString *error, bool *missing)
{
    QByteArray data;
    QString readError;
    const DurableFile::ReadStatus status = DurableFile::read(path, MaxBytes, &data, &readError);
    *missing = status == DurableFile::ReadStatus::Missing;
    if (*missing) {
        *error = readError; // empty, or what was moved aside
        return false;
    }
    if (status != DurableFile::ReadStatus::Ok) {
        *error = readError;
        return false;
    }
    QString parseError;
    if (!Snapshot::fromJson(data, snapshot, &parseError)) {
        *error = QCoreApplication::translate("archy::Snapshot", "%1 is corrupt: %2").arg(path, parseError);
        return false;
    }
    return true;
}

} // namespace

ReadResult read(const QString &dataDir)
{
    ReadResult result;
    const QDir dir(dataDir);
    QString error;
    bool missing = false;
    if (readOne(dir.filePath(fileName()), &result.snapshot, &error, &missing)) {
        result.found = true;
        result.warning = result.snapshot.warning;
        return result;
    }
    QString previousError;
    bool previousMissing = false;
    if (readOne(dir.filePath(previousFileName()), &result.snapshot, &previousError, &previousMissing)) {
        result.found = true;
        result.usedPrevious = true;
        result.warning =
            missing && error.isEmpty()
                ? QCoreApplication::translate("archy::Snapshot",
                                              "The newest snapshot is missing; the previous one was used.")
                : QCoreApplication::translate("archy::Snapshot", "%1; the previous snapshot was used.")
                      .arg(error);
        if (!result.snapshot.warning.isEmpty())
            result.warning += QLatin1Char(' ') + result.snapshot.warning;
        return result;
    }
    result.snapshot = Snapshot();
    // A non-file moved aside reads as missing, with error saying so.
    QStringList problems;
    if (!error.isEmpty())
        problems << error;
    if (!previousError.isEmpty())
        problems << previousError;
    result.warning = problems.join(QStringLiteral("; "));
    return result;
}

bool write(const QString &dataDir, const Snapshot &snapshot, QString *error)
{
    const QDir dir(dataDir);
    return DurableFile::write(dir.filePath(fileName()), snapshot.toJson(), error,
                              dir.filePath(previousFileName()));
}

} // namespace SnapshotStore
} // namespace archy
