#pragma once

#include <QPointer>
#include <QUrl>
#include <QWidget>

#include "NodeModel.h"
#include "recovery/RecoveryBackend.h"

class QLabel;
class QListView;
class QPushButton;

namespace archy {

class AddNodeDialog;

/**
 * The desktop's nodes at a glance: a list over NodeModel (which owns the nodes and their backends),
 * the selected node's details, and what can be done to it: add, edit, remove, and for a refused or
 * lost node reconnect, or trust a new certificate after comparing fingerprints.
 */
class NodeList final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodeList)

public:
    using Health = NodeModel::Health;

    explicit NodeList(QWidget *parent = nullptr);
    ~NodeList() override;

    NodeModel *model() const { return m_model; }

    /// Shows @p backend (owned by the caller) as the first row, "This node" unless @p name is given.
    void setLocalBackend(RecoveryBackend *backend, const QString &name = QString());
    /// Reads the stored nodes and starts a backend for each one not shown yet.
    void loadNodes();
    /**
     * The node at @p url, added (and stored) if it is not in the list yet; a different
     * @p tokenFile replaces the stored one. Selects it and returns its backend: one from the
     * application's NodeBackendFactory, or a refused placeholder when it cannot even be tried.
     */
    RecoveryBackend *ensureNode(const QUrl &url, const QString &tokenFile, const QString &name = QString());
    /// Adds and stores a node and starts its backend; false with @p error if the URL is taken or invalid.
    bool addNode(const QString &name, const QUrl &url, const QString &tokenFile, QString *error = nullptr);
    /// Shows a backend the caller owns, not stored (demos, an extra local agent).
    void addBackend(const QString &name, RecoveryBackend *backend, const QString &where = QString());
    /// Removes the row (not this node's); a stored node is forgotten with its pin.
    void removeNode(int row);

    int count() const { return m_model->count(); }
    int rowOf(const RecoveryBackend *backend) const { return m_model->rowOf(backend); }
    int rowOf(const QUrl &url) const { return m_model->rowOf(url); }
    RecoveryBackend *backendAt(int row) const { return m_model->backendAt(row); }
    QString nameAt(int row) const { return m_model->nameAt(row); }
    QUrl urlAt(int row) const { return m_model->urlAt(row); }
    QString pinnedFingerprintAt(int row) const { return m_model->pinnedFingerprintAt(row); }
    Health healthAt(int row) const { return m_model->healthAt(row); }
    QString statusTextAt(int row) const { return m_model->statusTextAt(row); }

    int currentRow() const;
    RecoveryBackend *currentBackend() const { return backendAt(currentRow()); }
    void setCurrentRow(int row);

    QListView *view() const { return m_view; }
    QLabel *detailsLabel() const { return m_details; }
    QPushButton *addButton() const { return m_addButton; }
    /// Enabled for a node kept in the list (not this node, not a demo).
    QPushButton *editButton() const { return m_editButton; }
    QPushButton *removeButton() const { return m_removeButton; }
    /// Shown for a refused or lost node.
    QPushButton *reconnectButton() const { return m_reconnectButton; }
    /// Shown for a node refused because its certificate changed.
    QPushButton *trustButton() const { return m_trustButton; }
    /// The open Add Node dialog, nullptr if none.
    AddNodeDialog *addDialog() const;
    /// The open Edit Node dialog, nullptr if none.
    AddNodeDialog *editDialog() const;

public slots:
    /// Opens the Add Node dialog (non-modal open()); the node is added when it is accepted.
    void openAddDialog();
    /// Opens the Edit Node dialog for the selected stored node (non-modal); saving restarts it.
    void openEditDialog();
    /// Asks, then removes the selected node.
    void requestRemoveCurrent();
    /// The selected node, refused or lost, tries again now.
    void reconnectCurrent();
    /// A refused node presenting a new certificate: shows old and new fingerprints, pins the new one on
    /// consent.
    void requestTrustNewCertificate();

signals:
    /// The selection changed, or the selected node got a new backend: show this backend.
    void currentBackendChanged(archy::RecoveryBackend *backend, const QString &name);
    /// A node's certificate was seen for the first time and is now pinned.
    void fingerprintPinned(const QString &name, const QString &fingerprint);

private:
    void updateDetails();
    void updateButtons();

    NodeModel *m_model;
    QListView *m_view;
    QLabel *m_details;
    QPushButton *m_reconnectButton;
    QPushButton *m_trustButton;
    QPushButton *m_addButton;
    QPushButton *m_editButton;
    QPushButton *m_removeButton;
    QPointer<AddNodeDialog> m_addDialog;
    QPointer<AddNodeDialog> m_editDialog;
};

} // namespace archy
