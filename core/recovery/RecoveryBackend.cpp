#include "RecoveryBackend.h"

#include <QTimer>

namespace archy {

void RecoveryBackend::requestLogs(const QString &name, int lines)
{
    Q_UNUSED(lines)
    // Queued like a real answer, so callers see the same order of events either way.
    QTimer::singleShot(0, this, [this, name] {
        ContainerLogs logs;
        logs.name = name;
        logs.error = tr("This connection cannot show container logs.");
        emit logsLoaded(logs);
    });
}

} // namespace archy
