#include "PinStore.h"

#include <QSettings>

namespace archy {

QString PinStore::keyOf(const QUrl &url)
{
    return QStringLiteral("pins/%1:%2").arg(url.host().toLower()).arg(url.port(443));
}

QString PinStore::pinned(const QUrl &url)
{
    return QSettings().value(keyOf(url)).toString().trimmed().toUpper();
}

void PinStore::pin(const QUrl &url, const QString &fingerprint)
{
    QSettings settings;
    settings.setValue(keyOf(url), fingerprint.trimmed().toUpper());
    settings.sync();
}

void PinStore::forget(const QUrl &url)
{
    QSettings settings;
    settings.remove(keyOf(url));
    settings.sync();
}

} // namespace archy
