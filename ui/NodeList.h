#pragma once

#include <QPointer>
#include <QUrl>
#include <QWidget>

#include <vector>

#include "recovery/RecoveryBackend.h"

class QLabel;
class QListWidget;
class QPushButton;

namespace archy {

class AddNodeDialog;

/**
 * The desktop's nodes at a glance: this node (if any) and every node kept in the settings
 * (QSettings "Archipelago"/"archy-recovery", array "nodes": name, url, tokenFile, pinnedFingerprint).
 * Each stored node gets its own RemoteBackend at once, so the list shows every node's state
 * (running/failed counts, unacknowledged crash, reconnecting, refused) whichever one is selected.
 *
 * The certificate of a node without a pin is pinned on first use and stored; a node whose
 * certificate changed is refused by its backend and shown in red.
 */
class NodeList final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodeList)

public:
    /// What a row says at a glance, worst last.
    enum class Health
    {
        Ok,
        Connecting,
        Attention, ///< failed containers or an unacknowledged crash
        Reconnecting,
        Refused,
    };
    Q_ENUM(Health)

    enum Role
    {
        HealthRole = Qt::UserRole + 1, ///< int(Health)
        ConnectionRole,                ///< int(RecoveryBackend::Connection)
        StatusTextRole,
    };

    explicit NodeList(QWidget *parent = nullptr);
    ~NodeList() override;

    static QString settingsKey() { return QStringLiteral("nodes"); }

    /// Shows @p backend (owned by the caller) as the first row, "This node" unless @p name is given.
    void setLocalBackend(RecoveryBackend *backend, const QString &name = QString());
    /// Reads the stored nodes and starts a backend for each one not shown yet.
    void loadNodes();
    /**
     * The node at @p url, added (and stored) if it is not in the list yet; a different
     * @p tokenFile replaces the stored one. Selects it and returns its backend: a RemoteBackend, or
     * a refused placeholder when the token file cannot be read.
     */
    RecoveryBackend *ensureNode(const QUrl &url, const QString &tokenFile, const QString &name = QString());
    /// Adds and stores a node and starts its backend; false with @p error if the URL is taken or invalid.
    bool addNode(const QString &name, const QUrl &url, const QString &tokenFile, QString *error = nullptr);
    /// Shows a backend the caller owns, not stored (demos, an extra local agent).
    void addBackend(const QString &name, RecoveryBackend *backend, const QString &where = QString());
    /// Removes the row (not this node's); a stored node is forgotten with its pin.
    void removeNode(int row);

    int count() const { return int(m_nodes.size()); }
    int rowOf(const RecoveryBackend *backend) const;
    int rowOf(const QUrl &url) const;
    RecoveryBackend *backendAt(int row) const;
    QString nameAt(int row) const;
    QUrl urlAt(int row) const;
    QString pinnedFingerprintAt(int row) const;
    Health healthAt(int row) const;
    QString statusTextAt(int row) const;

    int currentRow() const;
    RecoveryBackend *currentBackend() const { return backendAt(currentRow()); }
    void setCurrentRow(int row);

    QListWidget *list() const { return m_list; }
    QLabel *detailsLabel() const { return m_details; }
    QPushButton *addButton() const { return m_addButton; }
    QPushButton *removeButton() const { return m_removeButton; }
    /// Shown for a refused or lost node.
    QPushButton *reconnectButton() const { return m_reconnectButton; }
    /// Shown for a node refused because its certificate changed.
    QPushButton *trustButton() const { return m_trustButton; }
    /// The open Add Node dialog, nullptr if none.
    AddNodeDialog *addDialog() const;

public slots:
    /// Opens the Add Node dialog (non-modal open()); the node is added when it is accepted.
    void openAddDialog();
    /// Asks, then removes the selected node.
    void requestRemoveCurrent();
    /// A refused node presenting a new certificate: shows old and new fingerprints, pins the new one on
    /// consent.
    void requestTrustNewCertificate();

signals:
    /// The selection changed: show this backend.
    void currentBackendChanged(archy::RecoveryBackend *backend, const QString &name);
    /// A node's certificate was seen for the first time and is now pinned.
    void fingerprintPinned(const QString &name, const QString &fingerprint);

private:
    struct Node
    {
        QString name;
        QUrl url;
        QString tokenFile;
        QString pinnedFingerprint;
        QString where; ///< for people, when there is no URL
        QPointer<RecoveryBackend> backend;
        bool local = false;  ///< this node: never removed
        bool stored = false; ///< in the settings
        bool owned = false;  ///< made (and deleted) here
    };

    RecoveryBackend *makeBackend(const Node &node);
    void startBackend(RecoveryBackend *backend);
    void attach(int row);
    void insertRow(Node node, int row);
    void dispose(Node &node);
    void restartBackend(int row);
    void updateRow(const RecoveryBackend *backend);
    void updateRowAt(int row);
    void updateDetails();
    void updateButtons();
    void onFingerprintSeen(const RecoveryBackend *backend, const QString &fingerprint);
    void save() const;

    std::vector<Node> m_nodes;
    QListWidget *m_list;
    QLabel *m_details;
    QPushButton *m_addButton;
    QPushButton *m_removeButton;
    QPushButton *m_reconnectButton = nullptr;
    QPushButton *m_trustButton = nullptr;
    QPointer<AddNodeDialog> m_addDialog;
};

} // namespace archy
