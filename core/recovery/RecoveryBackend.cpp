#include "RecoveryBackend.h"

#include <QTimer>

namespace archy {

void RecoveryBackend::requestLogs(const QString &name, int lines)
{
    // Queued like a real answer, so callers see the same order of events either way.
    QTimer::singleShot(0, this, [this, name, lines] {
        ContainerLogs logs;
        logs.name = name;
        logs.requested = qBound(1, lines, int(ContainerLogs::MaxLines));
        logs.error = tr("This connection cannot show container logs.");
        emit logsLoaded(logs);
    });
}

} // namespace archy
