#pragma once

#include <QString>

class QObject;
class QUrl;

namespace archy {

class RecoveryBackend;

/**
 * Makes the backends of other nodes for the node list. The screens know only RecoveryBackend; how a
 * node is reached (wss, tokens, certificates) lives with the application, which installs its
 * factory once at start (app/LanBackendFactory). Without one, other nodes cannot be shown.
 */
class NodeBackendFactory
{
public:
    virtual ~NodeBackendFactory() = default;

    /**
     * A backend for the node at @p url, with the token in @p tokenFile and the certificate pinned to
     * @p pinnedFingerprint (empty: trust on first use, announced with certificatePinned()). Not
     * started yet. nullptr with @p error when it cannot even be tried (unreadable token file).
     */
    virtual RecoveryBackend *createNode(const QUrl &url, const QString &tokenFile,
                                        const QString &pinnedFingerprint, QObject *parent,
                                        QString *error) = 0;
    /// Connects; call once every signal is connected.
    virtual void start(RecoveryBackend *backend) = 0;
    /// Closes it politely and deletes it later.
    virtual void dispose(RecoveryBackend *backend) = 0;

    /// The application's factory, nullptr if none was installed.
    static NodeBackendFactory *instance();
    /// Installs @p factory (not owned; it must outlive every node list). nullptr uninstalls.
    static void install(NodeBackendFactory *factory);
};

} // namespace archy
