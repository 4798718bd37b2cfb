#pragma once

#include <QMap>
#include <QString>
#include <QStringList>

namespace archy {

/// The label that keeps a container out of archy-recovery entirely.
inline QString ignoreLabel()
{
    return QStringLiteral("io.archipelago.recovery");
}
inline QString ignoreLabelValue()
{
    return QStringLiteral("ignore");
}
/// `io.archipelago.recovery.after=a,b`: start this container only after a and b.
inline QString afterLabel()
{
    return QStringLiteral("io.archipelago.recovery.after");
}

/// True when the container carries `io.archipelago.recovery=ignore` (any case, spaces trimmed).
bool isIgnored(const QMap<QString, QString> &labels);
/// The valid container names of the `after` label, in order, without duplicates.
QStringList afterNames(const QMap<QString, QString> &labels);

} // namespace archy
