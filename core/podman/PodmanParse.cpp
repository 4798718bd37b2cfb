#include "PodmanParse.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace archy {

bool isValidContainerName(const QString &name)
{
    static const QRegularExpression rule(QStringLiteral("\\A[a-zA-Z0-9][a-zA-Z0-9_.-]*\\z"));
    return !name.isEmpty() && name.size() <= MaxContainerNameLength && rule.match(name).hasMatch();
}

namespace PodmanParse {

bool parsePs(const QByteArray &json, QList<PsEntry> *entries, QString *error)
{
    entries->clear();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (json.trimmed().isEmpty()) // podman 4 prints "[]", some versions print nothing
        return true;
    if (parseError.error != QJsonParseError::NoError || !document.isArray()) {
        if (error) {
            *error = QCoreApplication::translate("archy::PodmanParse",
                                                 "podman ps printed something that is not a JSON list: %1")
                         .arg(parseError.error != QJsonParseError::NoError ? parseError.errorString()
                                                                           : QStringLiteral("not an array"));
        }
        return false;
    }
    const QJsonArray array = document.array();
    entries->reserve(array.size());
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        PsEntry entry;
        const QJsonValue names = object.value(QLatin1String("Names"));
        if (names.isArray())
            entry.name = names.toArray().first().toString();
        else
            entry.name = names.toString();
        if (entry.name.isEmpty())
            continue;
        entry.image = object.value(QLatin1String("Image")).toString();
        if (entry.image.isEmpty())
            entry.image = QStringLiteral("unknown");
        entry.state = object.value(QLatin1String("State")).toString();
        entry.id = object.value(QLatin1String("Id")).toString();
        const QJsonObject labels = object.value(QLatin1String("Labels")).toObject();
        for (auto it = labels.begin(); it != labels.end(); ++it)
            entry.labels.insert(it.key(), it.value().toString());
        entries->append(entry);
    }
    return true;
}

} // namespace PodmanParse
} // namespace archy
