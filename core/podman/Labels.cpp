#include "Labels.h"

#include "PodmanParse.h"

namespace archy {

bool isIgnored(const QMap<QString, QString> &labels)
{
    return labels.value(ignoreLabel()).trimmed().compare(ignoreLabelValue(), Qt::CaseInsensitive) == 0;
}

QStringList afterNames(const QMap<QString, QString> &labels)
{
    QStringList names;
    const QStringList parts = labels.value(afterLabel()).split(QLatin1Char(','), Qt::SkipEmptyParts);
    for (const QString &part : parts) {
        const QString name = part.trimmed();
        if (isValidContainerName(name) && !names.contains(name))
            names.append(name);
    }
    return names;
}

} // namespace archy
