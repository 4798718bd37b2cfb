#pragma once

#include "NodeBackendFactory.h"

namespace archy {

/// Other nodes over wss:// with a token file and a pinned certificate (remote/RemoteBackend).
class LanBackendFactory final : public NodeBackendFactory
{
public:
    RecoveryBackend *createNode(const QUrl &url, const QString &tokenFile, const QString &pinnedFingerprint,
                                QObject *parent, QString *error) override;
    void start(RecoveryBackend *backend) override;
    void dispose(RecoveryBackend *backend) override;

    /// Installs one process-wide instance (idempotent).
    static void installDefault();
};

} // namespace archy
