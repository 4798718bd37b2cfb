#pragma once

#include <QAbstractListModel>
#include <QPointer>
#include <QUrl>

#include <vector>

#include "recovery/RecoveryBackend.h"

namespace archy {

/**
 * The desktop's nodes, one row each: this node (if any), every node kept in the settings (UiSettings,
 * array "nodes": name, url, tokenFile, pinnedFingerprint) and backends shown for a while (demos).
 * Each stored node gets its own backend from the application's NodeBackendFactory at once, so every
 * row shows its node's state (running/failed counts, unacknowledged crash, reconnecting, refused).
 * Those backends are owned here.
 *
 * The certificate of a node without a pin is pinned on first use and stored; a node whose
 * certificate changed is refused by its backend, and shown so.
 */
class NodeModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodeModel)

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
        NameRole = Qt::UserRole + 1,
        UrlRole,               ///< QUrl; empty for this node and unstored backends
        TokenFileRole,         ///< QString
        PinnedFingerprintRole, ///< QString; empty until pinned
        HealthRole,            ///< int(Health)
        ConnectionRole,        ///< int(RecoveryBackend::Connection)
        StatusTextRole,        ///< QString, the row's second line
        LocalRole,             ///< bool: this node, never removed
        StoredRole,            ///< bool: kept in the settings, editable
    };
    Q_ENUM(Role)

    explicit NodeModel(QObject *parent = nullptr);
    ~NodeModel() override;

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    /// Shows @p backend (owned by the caller) as the first row, "This node" unless @p name is given.
    void setLocalBackend(RecoveryBackend *backend, const QString &name = QString());
    /// Reads the stored nodes and starts a backend for each one not shown yet.
    void loadNodes();
    /**
     * The row of the node at @p url, added (and stored) if it is not in the list yet; a different
     * @p tokenFile replaces the stored one and restarts its backend. -1 if @p url is not usable.
     */
    int ensureNode(const QUrl &url, const QString &tokenFile, const QString &name = QString());
    /// Adds and stores a node and starts its backend; false with @p error if the URL is taken or invalid.
    bool addNode(const QString &name, const QUrl &url, const QString &tokenFile, QString *error = nullptr);
    /// Shows a backend the caller owns, not stored (demos, an extra local agent).
    void addBackend(const QString &name, RecoveryBackend *backend, const QString &where = QString());
    /// Removes the row (not this node's); a stored node is forgotten with its pin.
    void removeNode(int row);
    /**
     * Gives the stored node at @p row a new name, address and token file, stores them and restarts
     * its backend with them. A new address forgets the pinned certificate: it belongs to the old one.
     * False with @p error if the row is not a stored node or the address is invalid or taken.
     */
    bool editNode(int row, const QString &name, const QUrl &url, const QString &tokenFile,
                  QString *error = nullptr);
    /// A refused or lost node: its backend tries again now (a new backend if it cannot by itself).
    void reconnect(int row);
    /// Pins @p fingerprint for the node at @p row, stores it and connects again with it.
    void trustCertificate(int row, const QString &fingerprint);

    int count() const { return int(m_nodes.size()); }
    int rowOf(const RecoveryBackend *backend) const;
    int rowOf(const QUrl &url) const;
    RecoveryBackend *backendAt(int row) const;
    QString nameAt(int row) const;
    QUrl urlAt(int row) const;
    QString tokenFileAt(int row) const;
    QString pinnedFingerprintAt(int row) const;
    Health healthAt(int row) const;
    QString statusTextAt(int row) const;
    /// Name, address, token file, pin and what the backend says, one per line, for people.
    QString detailsAt(int row) const;
    bool isLocal(int row) const;
    /// Kept in the settings: can be edited and removed.
    bool isStored(int row) const;
    /// Refused or lost, and not this node: the owner may try again.
    bool canReconnect(int row) const;
    /// Refused while presenting a certificate other than the pinned one.
    bool offersNewCertificate(int row) const;
    /// The addresses in the list, but the one at @p exceptRow.
    QList<QUrl> knownUrls(int exceptRow = -1) const;

signals:
    /// The node at @p row has a new backend (restarted, edited, trusted); the old one is going.
    void backendReplaced(int row, archy::RecoveryBackend *backend);
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
        // What the row shows, worked out when the backend says something changed.
        Health health = Health::Refused;
        RecoveryBackend::Connection connection = RecoveryBackend::Connection::Refused;
        QString status;
        bool failed = false;
    };

    bool checkUrl(const QUrl &url, int exceptRow, QString *error) const;
    RecoveryBackend *makeBackend(const Node &node);
    void startBackend(RecoveryBackend *backend);
    void attach(int row);
    void insertNode(Node node, int row);
    void dispose(Node &node);
    void restartBackend(int row);
    void refresh(const RecoveryBackend *backend);
    void refreshAt(int row);
    /// Works out what the row shows from the node's backend.
    static void updateState(Node &node);
    void onFingerprintSeen(const RecoveryBackend *backend, const QString &fingerprint);
    void save() const;

    std::vector<Node> m_nodes;
};

} // namespace archy
