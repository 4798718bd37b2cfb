#include "NodeModel.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QIcon>

#include "Icons.h"
#include "NodeBackendFactory.h"
#include "TextWrap.h"
#include "UiSettings.h"

namespace archy {

namespace {

using Connection = RecoveryBackend::Connection;

/// Stands in for a node that cannot even be tried (its token file is unreadable): refused, says why.
class UnusableBackend final : public RecoveryBackend
{
    Q_OBJECT

public:
    UnusableBackend(const QString &why, QObject *parent) : RecoveryBackend(parent), m_why(why) {}

    RecoveryReport currentReport() const override { return {}; }
    bool isBusy() const override { return false; }
    QString dataDir() const override { return {}; }
    Connection connection() const override { return Connection::Refused; }
    QString connectionDetail() const override { return m_why; }

    void retry(const QString &) override { refuse(); }
    void retryAllFailed() override { refuse(); }
    void acknowledgeCrash() override { refuse(); }
    void requestHistory() override { emit historyLoaded({}); }
    void snapshotNow() override { refuse(); }

private:
    void refuse() { emit errorOccurred(m_why); }

    QString m_why;
};

QString countsText(const RecoveryReport &report)
{
    int running = 0;
    int failed = 0;
    for (const ContainerStatus &c : report.containers) {
        running += c.state == ContainerState::Running ? 1 : 0;
        failed += c.state == ContainerState::Failed ? 1 : 0;
    }
    const int total = int(report.containers.size());
    if (failed > 0)
        return NodeModel::tr("%1 of %n running, %2 failed", nullptr, total).arg(running).arg(failed);
    return NodeModel::tr("%1 of %n running", nullptr, total).arg(running);
}

/// One spelling per address, so the same node is never listed twice ("wss://a:1/" is "wss://a:1").
QUrl cleanUrl(const QUrl &url)
{
    QUrl clean = url.adjusted(QUrl::StripTrailingSlash);
    if (clean.path() == QLatin1String("/"))
        clean.setPath(QString());
    return clean;
}

bool hasFailed(const RecoveryReport &report)
{
    for (const ContainerStatus &c : report.containers) {
        if (c.state == ContainerState::Failed)
            return true;
    }
    return false;
}

} // namespace

NodeModel::NodeModel(QObject *parent) : QAbstractListModel(parent) {}

NodeModel::~NodeModel()
{
    // The backends made here go with this model; none may call back into it on the way.
    for (Node &node : m_nodes) {
        if (node.backend)
            disconnect(node.backend, nullptr, this, nullptr);
    }
}

int NodeModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : count();
}

QVariant NodeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Node &node = m_nodes.at(index.row());
    const bool alarm = node.health == Health::Refused || node.health == Health::Reconnecting;
    switch (role) {
    case Qt::DisplayRole:
        return QString(node.name + QLatin1Char('\n') + breakableText(node.status));
    case Qt::DecorationRole:
        switch (node.health) {
        case Health::Ok:
            return icons::ok();
        case Health::Connecting:
            return icons::waiting();
        case Health::Attention:
            return node.failed ? icons::failed() : icons::warning();
        case Health::Reconnecting:
            return icons::warning();
        case Health::Refused:
            return icons::failed();
        }
        return {};
    case Qt::ToolTipRole: {
        QString tip = node.backend ? node.backend->connectionDetail() : QString();
        if (!node.pinnedFingerprint.isEmpty())
            tip += QLatin1Char('\n') + tr("Certificate SHA-256: %1").arg(node.pinnedFingerprint);
        return plainToolTip(breakableText(tip.trimmed()));
    }
    case Qt::AccessibleTextRole:
        return tr("%1: %2").arg(node.name, node.status);
    // Fixed colours on purpose: a refused or unreachable node must stand out on any theme.
    case Qt::BackgroundRole:
        if (!alarm)
            return {};
        return QBrush(node.health == Health::Refused ? QColor(0xb3, 0x26, 0x1e) : QColor(0x8a, 0x55, 0x00));
    case Qt::ForegroundRole:
        return alarm ? QVariant(QBrush(Qt::white)) : QVariant();
    case Qt::FontRole: {
        if (!alarm)
            return {};
        // Only the weight is set: the view's font fills in the rest.
        QFont bold;
        bold.setBold(true);
        return bold;
    }
    case NameRole:
        return node.name;
    case UrlRole:
        return node.url;
    case TokenFileRole:
        return node.tokenFile;
    case PinnedFingerprintRole:
        return node.pinnedFingerprint;
    case HealthRole:
        return int(node.health);
    case ConnectionRole:
        return int(node.connection);
    case StatusTextRole:
        return node.status;
    case LocalRole:
        return node.local;
    case StoredRole:
        return node.stored;
    default:
        return {};
    }
}

QHash<int, QByteArray> NodeModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(UrlRole, "url");
    names.insert(TokenFileRole, "tokenFile");
    names.insert(PinnedFingerprintRole, "pinnedFingerprint");
    names.insert(HealthRole, "health");
    names.insert(ConnectionRole, "connection");
    names.insert(StatusTextRole, "statusText");
    names.insert(LocalRole, "local");
    names.insert(StoredRole, "stored");
    return names;
}

void NodeModel::setLocalBackend(RecoveryBackend *backend, const QString &name)
{
    Node node;
    node.name = name.isEmpty() ? tr("This node") : name;
    node.backend = backend;
    node.local = true;
    if (!m_nodes.empty() && m_nodes.front().local) {
        if (m_nodes.front().backend)
            disconnect(m_nodes.front().backend, nullptr, this, nullptr);
        m_nodes.front() = node;
        attach(0);
        refreshAt(0);
        emit backendReplaced(0, backend);
        return;
    }
    insertNode(node, 0);
}

void NodeModel::loadNodes()
{
    const QList<StoredNode> stored = UiSettings().nodes();
    for (const StoredNode &entry : stored) {
        Node node;
        node.url = cleanUrl(entry.url);
        node.name = entry.name.isEmpty() ? node.url.host() : entry.name;
        node.tokenFile = entry.tokenFile;
        node.pinnedFingerprint = entry.pinnedFingerprint;
        node.stored = true;
        node.owned = true;
        if (!node.url.isValid() || rowOf(node.url) >= 0)
            continue;
        node.backend = makeBackend(node);
        insertNode(node, count());
    }
}

int NodeModel::ensureNode(const QUrl &url, const QString &tokenFile, const QString &name)
{
    const QUrl clean = cleanUrl(url);
    int row = rowOf(clean);
    if (row < 0) {
        addNode(name.isEmpty() ? clean.host() : name, clean, tokenFile);
        return rowOf(clean);
    }
    if (!tokenFile.isEmpty() && m_nodes.at(row).tokenFile != tokenFile) {
        m_nodes.at(row).tokenFile = tokenFile;
        save();
        restartBackend(row);
    }
    return row;
}

bool NodeModel::checkUrl(const QUrl &url, int exceptRow, QString *error) const
{
    const QUrl clean = cleanUrl(url);
    if (!clean.isValid() || clean.scheme() != QLatin1String("wss") || clean.host().isEmpty()) {
        if (error)
            *error = tr("%1 is not a wss:// address.").arg(url.toString());
        return false;
    }
    const int taken = rowOf(clean);
    if (taken >= 0 && taken != exceptRow) {
        if (error)
            *error = tr("%1 is already in the list.").arg(clean.toString());
        return false;
    }
    return true;
}

bool NodeModel::addNode(const QString &name, const QUrl &url, const QString &tokenFile, QString *error)
{
    if (!checkUrl(url, -1, error))
        return false;
    Node node;
    node.url = cleanUrl(url);
    node.name = name.isEmpty() ? node.url.host() : name;
    node.tokenFile = tokenFile;
    node.stored = true;
    node.owned = true;
    node.backend = makeBackend(node);
    insertNode(node, count());
    save();
    return true;
}

void NodeModel::addBackend(const QString &name, RecoveryBackend *backend, const QString &where)
{
    Node node;
    node.name = name;
    node.where = where;
    node.backend = backend;
    insertNode(node, count());
}

void NodeModel::removeNode(int row)
{
    if (row < 0 || row >= count() || m_nodes.at(row).local)
        return;
    // Off the screen first, then gone: a view showing this node moves on while the backend is alive.
    beginRemoveRows(QModelIndex(), row, row);
    Node node = m_nodes.at(row);
    m_nodes.erase(m_nodes.begin() + row);
    endRemoveRows();
    dispose(node);
    if (node.stored)
        save();
}

bool NodeModel::editNode(int row, const QString &name, const QUrl &url, const QString &tokenFile,
                         QString *error)
{
    if (row < 0 || row >= count() || !m_nodes.at(row).stored) {
        if (error)
            *error = tr("Only nodes kept in the list can be edited.");
        return false;
    }
    if (!checkUrl(url, row, error))
        return false;
    Node &node = m_nodes.at(row);
    const QUrl clean = cleanUrl(url);
    if (clean != node.url) {
        // The pin vouches for the old address only; the new one is pinned when it first answers.
        node.pinnedFingerprint.clear();
        node.url = clean;
    }
    node.name = name.isEmpty() ? clean.host() : name;
    node.tokenFile = tokenFile;
    save();
    restartBackend(row);
    return true;
}

void NodeModel::reconnect(int row)
{
    if (!canReconnect(row))
        return;
    RecoveryBackend *backend = m_nodes.at(row).backend;
    if (backend->canReconnect())
        backend->reconnect();
    else if (m_nodes.at(row).owned)
        restartBackend(row); // a fresh backend re-reads the token file too
}

void NodeModel::trustCertificate(int row, const QString &fingerprint)
{
    if (row < 0 || row >= count() || m_nodes.at(row).local || fingerprint.isEmpty())
        return;
    Node &node = m_nodes.at(row);
    if (!node.owned) {
        if (node.backend)
            node.backend->trustCertificate(fingerprint);
        return;
    }
    node.pinnedFingerprint = fingerprint;
    if (node.stored)
        save();
    restartBackend(row);
    emit fingerprintPinned(node.name, fingerprint);
}

int NodeModel::rowOf(const RecoveryBackend *backend) const
{
    for (int row = 0; row < count(); ++row) {
        if (backend && m_nodes.at(row).backend == backend)
            return row;
    }
    return -1;
}

int NodeModel::rowOf(const QUrl &url) const
{
    const QUrl clean = cleanUrl(url);
    for (int row = 0; row < count(); ++row) {
        if (!m_nodes.at(row).url.isEmpty() && m_nodes.at(row).url == clean)
            return row;
    }
    return -1;
}

RecoveryBackend *NodeModel::backendAt(int row) const
{
    return row >= 0 && row < count() ? m_nodes.at(row).backend.data() : nullptr;
}

QString NodeModel::nameAt(int row) const
{
    return row >= 0 && row < count() ? m_nodes.at(row).name : QString();
}

QUrl NodeModel::urlAt(int row) const
{
    return row >= 0 && row < count() ? m_nodes.at(row).url : QUrl();
}

QString NodeModel::tokenFileAt(int row) const
{
    return row >= 0 && row < count() ? m_nodes.at(row).tokenFile : QString();
}

QString NodeModel::pinnedFingerprintAt(int row) const
{
    return row >= 0 && row < count() ? m_nodes.at(row).pinnedFingerprint : QString();
}

NodeModel::Health NodeModel::healthAt(int row) const
{
    return row >= 0 && row < count() ? m_nodes.at(row).health : Health::Refused;
}

QString NodeModel::statusTextAt(int row) const
{
    return row >= 0 && row < count() ? m_nodes.at(row).status : QString();
}

QString NodeModel::detailsAt(int row) const
{
    if (row < 0 || row >= count())
        return tr("No node selected.");
    const Node &node = m_nodes.at(row);
    QStringList lines;
    lines << node.name;
    if (!node.url.isEmpty())
        lines << node.url.toString();
    else if (!node.where.isEmpty())
        lines << node.where;
    if (!node.tokenFile.isEmpty())
        lines << tr("Token file: %1").arg(node.tokenFile);
    if (!node.url.isEmpty()) {
        lines << (node.pinnedFingerprint.isEmpty()
                      ? tr("Certificate: not pinned yet; pinned on the first connection.")
                      : tr("Pinned certificate SHA-256: %1").arg(node.pinnedFingerprint));
    }
    if (node.backend && !node.backend->connectionDetail().isEmpty())
        lines << node.backend->connectionDetail();
    return lines.join(QLatin1Char('\n'));
}

bool NodeModel::isLocal(int row) const
{
    return row >= 0 && row < count() && m_nodes.at(row).local;
}

bool NodeModel::isStored(int row) const
{
    return row >= 0 && row < count() && m_nodes.at(row).stored;
}

bool NodeModel::canReconnect(int row) const
{
    if (row < 0 || row >= count() || m_nodes.at(row).local || !m_nodes.at(row).backend)
        return false;
    const Node &node = m_nodes.at(row);
    const Connection connection = node.backend->connection();
    // A refused node is not retried by itself: the owner decides (after fixing the token, say).
    return (connection == Connection::Refused || connection == Connection::Reconnecting) &&
           (node.owned || node.backend->canReconnect());
}

bool NodeModel::offersNewCertificate(int row) const
{
    if (row < 0 || row >= count() || m_nodes.at(row).local || !m_nodes.at(row).backend)
        return false;
    const Node &node = m_nodes.at(row);
    const QString offered = node.backend->serverFingerprint();
    return node.backend->connection() == Connection::Refused && !offered.isEmpty() &&
           offered != node.pinnedFingerprint;
}

QList<QUrl> NodeModel::knownUrls(int exceptRow) const
{
    QList<QUrl> urls;
    for (int row = 0; row < count(); ++row) {
        if (row != exceptRow && !m_nodes.at(row).url.isEmpty())
            urls.append(m_nodes.at(row).url);
    }
    return urls;
}

RecoveryBackend *NodeModel::makeBackend(const Node &node)
{
    NodeBackendFactory *factory = NodeBackendFactory::instance();
    if (!factory)
        return new UnusableBackend(tr("This program cannot connect to other nodes."), this);
    QString error;
    RecoveryBackend *backend =
        factory->createNode(node.url, node.tokenFile, node.pinnedFingerprint, this, &error);
    return backend ? backend : new UnusableBackend(error, this);
}

void NodeModel::startBackend(RecoveryBackend *backend)
{
    if (NodeBackendFactory *factory = NodeBackendFactory::instance();
        factory && backend && !qobject_cast<UnusableBackend *>(backend))
        factory->start(backend);
}

void NodeModel::insertNode(Node node, int row)
{
    updateState(node);
    beginInsertRows(QModelIndex(), row, row);
    m_nodes.insert(m_nodes.begin() + row, node);
    endInsertRows();
    attach(row);
    // Started only now, with every signal connected: certificatePinned may come right away.
    if (m_nodes.at(row).owned)
        startBackend(m_nodes.at(row).backend);
}

void NodeModel::attach(int row)
{
    RecoveryBackend *backend = m_nodes.at(row).backend;
    if (!backend)
        return;
    auto update = [this, backend] { refresh(backend); };
    connect(backend, &RecoveryBackend::reportReset, this, update);
    connect(backend, &RecoveryBackend::containerChanged, this, update);
    connect(backend, &RecoveryBackend::reportFinished, this, update);
    connect(backend, &RecoveryBackend::crashAcknowledged, this, update);
    connect(backend, &RecoveryBackend::connectionChanged, this, update);
    connect(backend, &RecoveryBackend::certificatePinned, this,
            [this, backend](const QString &fingerprint) { onFingerprintSeen(backend, fingerprint); });
}

void NodeModel::dispose(Node &node)
{
    RecoveryBackend *backend = node.backend;
    if (!backend)
        return;
    disconnect(backend, nullptr, this, nullptr);
    if (!node.owned)
        return;
    NodeBackendFactory *factory = NodeBackendFactory::instance();
    if (factory && !qobject_cast<UnusableBackend *>(backend))
        factory->dispose(backend);
    else
        backend->deleteLater();
}

void NodeModel::restartBackend(int row)
{
    Node &node = m_nodes.at(row);
    Node old = node;
    node.backend = makeBackend(node);
    attach(row);
    refreshAt(row);
    emit backendReplaced(row, node.backend);
    dispose(old);
    startBackend(m_nodes.at(row).backend);
}

void NodeModel::refresh(const RecoveryBackend *backend)
{
    const int row = rowOf(backend);
    if (row >= 0)
        refreshAt(row);
}

void NodeModel::refreshAt(int row)
{
    updateState(m_nodes.at(row));
    const QModelIndex changed = index(row);
    emit dataChanged(changed, changed);
}

void NodeModel::updateState(Node &node)
{
    RecoveryBackend *backend = node.backend;
    node.health = Health::Refused;
    node.connection = Connection::Refused;
    node.failed = false;
    if (!backend) {
        node.status = tr("No backend");
    } else {
        node.connection = backend->connection();
        const RecoveryReport report = backend->currentReport();
        const bool crash = report.crashInfo.crash && !report.acknowledged;
        node.failed = hasFailed(report);
        switch (node.connection) {
        case Connection::InProcess:
        case Connection::Connected:
            node.health = crash || node.failed ? Health::Attention : Health::Ok;
            node.status = countsText(report);
            if (crash)
                node.status = tr("Crash not acknowledged · %1").arg(node.status);
            break;
        case Connection::Connecting:
            node.health = Health::Connecting;
            node.status = tr("Connecting…");
            break;
        case Connection::Reconnecting:
            node.health = Health::Reconnecting;
            node.status = report.containers.isEmpty()
                              ? tr("Reconnecting…")
                              : tr("Reconnecting… (last known: %1)").arg(countsText(report));
            break;
        case Connection::Refused: {
            // The first sentence says what; the details and the main view carry the rest.
            QString why = backend->connectionDetail();
            const qsizetype stop = why.indexOf(QLatin1String(". "));
            if (stop > 0)
                why = why.left(stop + 1);
            node.status = tr("REFUSED: %1").arg(why);
            break;
        }
        }
    }
}

void NodeModel::onFingerprintSeen(const RecoveryBackend *backend, const QString &fingerprint)
{
    const int row = rowOf(backend);
    if (row < 0)
        return;
    Node &node = m_nodes.at(row);
    if (!node.pinnedFingerprint.isEmpty())
        return;
    node.pinnedFingerprint = fingerprint;
    if (node.stored)
        save();
    refreshAt(row);
    emit fingerprintPinned(node.name, fingerprint);
}

void NodeModel::save() const
{
    QList<StoredNode> stored;
    for (const Node &node : m_nodes) {
        if (node.stored)
            stored.append({node.name, node.url, node.tokenFile, node.pinnedFingerprint});
    }
    UiSettings settings;
    settings.setNodes(stored);
    settings.sync();
}

} // namespace archy

#include "NodeModel.moc"
