#pragma once

#include <QByteArray>

namespace archy {

/// sd_notify(3) without libsystemd: one datagram to $NOTIFY_SOCKET. A no-op outside systemd.
void systemdNotify(const QByteArray &state);

} // namespace archy
