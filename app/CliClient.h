#pragma once

class QCoreApplication;
class QString;

namespace archy {

struct AppOptions;
class RemoteBackend;

/// `archy-recovery status|retry|history`: one command against a running agent. Returns the exit status.
int runClient(QCoreApplication &app, const AppOptions &options);

/**
 * The backend for --connect (LAN, token from --token-file, certificate pinned on first use in the
 * settings) or, without it, the local agent's socket. Null with @p error set if the token is unusable.
 */
RemoteBackend *makeClientBackend(const AppOptions &options, QString *error);

} // namespace archy
