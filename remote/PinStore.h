#pragma once

#include <QString>
#include <QUrl>

namespace archy {

/**
 * The certificate fingerprints pinned per agent address (host:port), in the user's settings. The
 * CLI (--connect) and the desktop's node list share it, so a node trusted in one is trusted in the
 * other. A pin is stored only after the agent proved it holds the token (RemoteBackend
 * fingerprintSeen), so an impostor is never pinned.
 */
class PinStore final
{
public:
    /// The settings key of @p url: "pins/host:port".
    static QString keyOf(const QUrl &url);
    /// The pinned SHA-256 fingerprint for @p url, empty if none.
    static QString pinned(const QUrl &url);
    static void pin(const QUrl &url, const QString &fingerprint);
    static void forget(const QUrl &url);
};

} // namespace archy
