#include "LanBackendFactory.h"

#include <QCoreApplication>
#include <QFile>
#include <QTimer>
#include <QUrl>

#include "RemoteBackend.h"
#include "Token.h"

namespace archy {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("archy::LanBackendFactory", text);
}

QByteArray readToken(const QString &path, QString *error)
{
    if (path.isEmpty()) {
        *error = tr("No token file is set for this node.");
        return {};
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = tr("Cannot read the token file %1: %2").arg(path, file.errorString());
        return {};
    }
    // A token is 64 hex digits; anything much longer is not a token file.
    const QByteArray token = file.read(4096).trimmed();
    if (!Token::isValidToken(token)) {
        *error = tr("The token file %1 does not hold a token (64 hex digits).").arg(path);
        return {};
    }
    return token;
}

} // namespace

RecoveryBackend *LanBackendFactory::createNode(const QUrl &url, const QString &tokenFile,
                                               const QString &pinnedFingerprint, QObject *parent,
                                               QString *error)
{
    const QByteArray token = readToken(tokenFile, error);
    if (token.isEmpty())
        return nullptr;
    RemoteBackend *remote = RemoteBackend::lan(url, token, pinnedFingerprint, parent);
    // The screens only know RecoveryBackend: trust on first use is announced there.
    QObject::connect(remote, &RemoteBackend::fingerprintSeen, remote, &RecoveryBackend::certificatePinned);
    return remote;
}

void LanBackendFactory::start(RecoveryBackend *backend)
{
    if (auto *remote = qobject_cast<RemoteBackend *>(backend))
        remote->start();
}

void LanBackendFactory::dispose(RecoveryBackend *backend)
{
    auto *remote = qobject_cast<RemoteBackend *>(backend);
    if (!remote) {
        backend->deleteLater();
        return;
    }
    // Closed politely, then deleted; an agent that never answers the close costs a few seconds.
    QObject::connect(remote, &RemoteBackend::stopped, remote, &QObject::deleteLater);
    QTimer::singleShot(5000, remote, &QObject::deleteLater);
    remote->stop();
}

void LanBackendFactory::installDefault()
{
    static LanBackendFactory factory;
    NodeBackendFactory::install(&factory);
}

} // namespace archy
