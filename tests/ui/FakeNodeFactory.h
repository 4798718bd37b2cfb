#pragma once

#include <QList>
#include <QPointer>
#include <QUrl>

#include "FakeBackend.h"
#include "NodeBackendFactory.h"

namespace archy::test {

/**
 * Makes FakeBackends for the node list and records what it was asked for. Installed while it lives;
 * the factory installed before it comes back when it goes.
 */
class FakeNodeFactory final : public NodeBackendFactory
{
public:
    struct Made
    {
        QUrl url;
        QString tokenFile;
        QString pinnedFingerprint;
        QPointer<FakeBackend> backend;
    };

    FakeNodeFactory() : m_previous(NodeBackendFactory::instance()) { NodeBackendFactory::install(this); }
    ~FakeNodeFactory() override { NodeBackendFactory::install(m_previous); }
    FakeNodeFactory(const FakeNodeFactory &) = delete;
    FakeNodeFactory &operator=(const FakeNodeFactory &) = delete;

    RecoveryBackend *createNode(const QUrl &url, const QString &tokenFile, const QString &pinnedFingerprint,
                                QObject *parent, QString *error) override
    {
        if (tokenFile.isEmpty()) {
            *error = QStringLiteral("No token file is set for this node.");
            return nullptr;
        }
        auto *backend = new FakeBackend(parent);
        backend->presetConnection(RecoveryBackend::Connection::Connecting);
        made.append({url, tokenFile, pinnedFingerprint, backend});
        return backend;
    }
    void start(RecoveryBackend *backend) override { started.append(backend); }
    void dispose(RecoveryBackend *backend) override
    {
        disposed.append(backend);
        backend->deleteLater();
    }

    /// The newest backend made.
    FakeBackend *last() const { return made.isEmpty() ? nullptr : made.constLast().backend.data(); }

    QList<Made> made;
    QList<QPointer<RecoveryBackend>> started;
    QList<QPointer<RecoveryBackend>> disposed;

private:
    NodeBackendFactory *m_previous;
};

} // namespace archy::test
