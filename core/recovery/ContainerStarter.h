#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include "podman/Podman.h"
#include "podman/PodmanCall.h"

class QObject;

namespace archy {

struct RecoveryTarget;

/**
 * The one seam through which the scheduler (RecoveryRun) starts containers: every start, whether
 * start-up, retry, retry-all or automatic restart, goes through start(). The default runs
 * `podman start -- NAME...`; a subclass may start some containers another way (a systemd unit, say)
 * by returning a call of its own for them and saying they cannot share a call.
 */
class ContainerStarter
{
public:
    explicit ContainerStarter(const Podman &podman);
    virtual ~ContainerStarter();

    /// May @p target share one start call with others? (Results per name must be readable.)
    virtual bool canShareCall(const RecoveryTarget &target) const;
    /// Starts @p targets in one call, bounded by @p timeoutMs; the scheduler owns the returned call.
    virtual PodmanCall *start(const QList<RecoveryTarget> &targets, int timeoutMs, QObject *parent) const;
    /// What the finished @p call means for each of @p names.
    virtual QHash<QString, PodmanResult> results(const PodmanCall &call, const QStringList &names) const;

    /// What a screen may say of @p target once its start worked (empty: nothing to add).
    virtual QString startedNote(const RecoveryTarget &target) const;

    const Podman &podman() const { return m_podman; }

    /// The names `podman start` printed: one line per container it started.
    static QStringList startedNames(const QByteArray &standardOutput);

private:
    Podman m_podman;
};

} // namespace archy
