#include "NodeList.h"

#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QTimer>
#include <QVBoxLayout>

#include "AddNodeDialog.h"
#include "ConnectionBanner.h"
#include "Icons.h"
#include "NodeBackendFactory.h"
#include "TextWrap.h"

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
        return NodeList::tr("%1 of %2 running, %3 failed").arg(running).arg(total).arg(failed);
    return NodeList::tr("%1 of %2 running").arg(running).arg(total);
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

NodeList::NodeList(QWidget *parent)
    : QWidget(parent), m_list(new QListWidget(this)), m_details(new QLabel(this)),
      m_addButton(new QPushButton(tr("Add…"), this)), m_removeButton(new QPushButton(tr("Remove"), this))
{
    setObjectName(QStringLiteral("nodeList"));
    setAccessibleName(tr("Nodes"));

    m_list->setObjectName(QStringLiteral("nodeListView"));
    m_list->setAccessibleName(tr("Nodes and their state"));
    m_list->setWordWrap(true);
    m_list->setIconSize(QSize(24, 24));
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setSpacing(2);
    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        updateDetails();
        updateButtons();
        if (row >= 0)
            emit currentBackendChanged(backendAt(row), nameAt(row));
    });

    m_details->setObjectName(QStringLiteral("nodeDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_addButton->setObjectName(QStringLiteral("addNodeButton"));
    m_addButton->setToolTip(tr("Watch another node's recovery agent"));
    m_addButton->setAutoDefault(false);
    connect(m_addButton, &QPushButton::clicked, this, &NodeList::openAddDialog);
    m_removeButton->setObjectName(QStringLiteral("removeNodeButton"));
    m_removeButton->setToolTip(tr("Forget the selected node and its pinned certificate"));
    m_removeButton->setAutoDefault(false);
    connect(m_removeButton, &QPushButton::clicked, this, &NodeList::requestRemoveCurrent);

    m_reconnectButton = new QPushButton(tr("Reconnect"), this);
    m_reconnectButton->setObjectName(QStringLiteral("reconnectNodeButton"));
    m_reconnectButton->setAutoDefault(false);
    connect(m_reconnectButton, &QPushButton::clicked, this, [this] {
        const int row = currentRow();
        if (row >= 0 && !m_nodes.at(row).local)
            restartBackend(row);
    });
    m_trustButton = new QPushButton(tr("Trust New Certificate…"), this);
    m_trustButton->setObjectName(QStringLiteral("trustNodeButton"));
    m_trustButton->setAutoDefault(false);
    connect(m_trustButton, &QPushButton::clicked, this, &NodeList::requestTrustNewCertificate);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);
    auto *refusedButtons = new QHBoxLayout;
    refusedButtons->addWidget(m_reconnectButton);
    refusedButtons->addWidget(m_trustButton);
    refusedButtons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_details);
    layout->addLayout(refusedButtons);
    layout->addLayout(buttons);
    updateDetails();
    updateButtons();
}

NodeList::~NodeList()
{
    // The backends made here go with this widget; none may call back into it on the way.
    for (Node &node : m_nodes) {
        if (node.backend)
            disconnect(node.backend, nullptr, this, nullptr);
    }
}

void NodeList::setLocalBackend(RecoveryBackend *backend, const QString &name)
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
        updateRowAt(0);
        return;
    }
    insertRow(node, 0);
}

void NodeList::loadNodes()
{
    QSettings settings(QStringLiteral("Archipelago"), QStringLiteral("archy-recovery"));
    const int size = settings.beginReadArray(settingsKey());
    std::vector<Node> stored;
    for (int i = 0; i < size; ++i) {
        settings.setArrayIndex(i);
        Node node;
        node.url = QUrl(settings.value(QStringLiteral("url")).toString());
        node.name = settings.value(QStringLiteral("name")).toString();
        node.tokenFile = settings.value(QStringLiteral("tokenFile")).toString();
        node.pinnedFingerprint = settings.value(QStringLiteral("pinnedFingerprint")).toString();
        node.stored = true;
        node.owned = true;
        if (node.name.isEmpty())
            node.name = node.url.host();
        if (node.url.isValid() && rowOf(node.url) < 0)
            stored.push_back(node);
    }
    settings.endArray();
    for (Node &node : stored) {
        node.backend = makeBackend(node);
        insertRow(node, count());
    }
}

RecoveryBackend *NodeList::ensureNode(const QUrl &url, const QString &tokenFile, const QString &name)
{
    const QUrl clean = url.adjusted(QUrl::StripTrailingSlash);
    int row = rowOf(clean);
    if (row < 0) {
        addNode(name.isEmpty() ? clean.host() : name, clean, tokenFile);
        row = rowOf(clean);
    } else if (!tokenFile.isEmpty() && m_nodes.at(row).tokenFile != tokenFile) {
        m_nodes.at(row).tokenFile = tokenFile;
        save();
        restartBackend(row);
    }
    if (row < 0)
        return nullptr;
    setCurrentRow(row);
    return backendAt(row);
}

bool NodeList::addNode(const QString &name, const QUrl &url, const QString &tokenFile, QString *error)
{
    const QUrl clean = url.adjusted(QUrl::StripTrailingSlash);
    if (!clean.isValid() || clean.scheme() != QLatin1String("wss") || clean.host().isEmpty()) {
        if (error)
            *error = tr("%1 is not a wss:// address.").arg(url.toString());
        return false;
    }
    if (rowOf(clean) >= 0) {
        if (error)
            *error = tr("%1 is already in the list.").arg(clean.toString());
        return false;
    }
    Node node;
    node.name = name.isEmpty() ? clean.host() : name;
    node.url = clean;
    node.tokenFile = tokenFile;
    node.stored = true;
    node.owned = true;
    node.backend = makeBackend(node);
    insertRow(node, count());
    save();
    return true;
}

void NodeList::addBackend(const QString &name, RecoveryBackend *backend, const QString &where)
{
    Node node;
    node.name = name;
    node.where = where;
    node.backend = backend;
    insertRow(node, count());
}

void NodeList::removeNode(int row)
{
    if (row < 0 || row >= count() || m_nodes.at(row).local)
        return;
    Node node = m_nodes.at(row);
    const bool wasCurrent = row == currentRow();
    m_nodes.erase(m_nodes.begin() + row);
    // Off the screen first, then gone: the main view must not keep showing a deleted backend.
    {
        const QSignalBlocker blocker(m_list);
        delete m_list->takeItem(row);
    }
    if (wasCurrent && count() > 0)
        setCurrentRow(0);
    else
        updateDetails();
    dispose(node);
    if (node.stored)
        save();
    updateButtons();
}

int NodeList::rowOf(const RecoveryBackend *backend) const
{
    for (int row = 0; row < count(); ++row) {
        if (backend && m_nodes.at(row).backend == backend)
            return row;
    }
    return -1;
}

int NodeList::rowOf(const QUrl &url) const
{
    const QUrl clean = url.adjusted(QUrl::StripTrailingSlash);
    for (int row = 0; row < count(); ++row) {
        if (!m_nodes.at(row).url.isEmpty() && m_nodes.at(row).url == clean)
            return row;
    }
    return -1;
}

RecoveryBackend *NodeList::backendAt(int row) const
{
    return row >= 0 && row < count() ? m_nodes.at(row).backend.data() : nullptr;
}

QString NodeList::nameAt(int row) const
{
    return row >= 0 && row < count() ? m_nodes.at(row).name : QString();
}

QUrl NodeList::urlAt(int row) const
{
    return row >= 0 && row < count() ? m_nodes.at(row).url : QUrl();
}

QString NodeList::pinnedFingerprintAt(int row) const
{
    return row >= 0 && row < count() ? m_nodes.at(row).pinnedFingerprint : QString();
}

NodeList::Health NodeList::healthAt(int row) const
{
    const QListWidgetItem *item = m_list->item(row);
    return item ? Health(item->data(HealthRole).toInt()) : Health::Refused;
}

QString NodeList::statusTextAt(int row) const
{
    const QListWidgetItem *item = m_list->item(row);
    return item ? item->data(StatusTextRole).toString() : QString();
}

int NodeList::currentRow() const
{
    return m_list->currentRow();
}

void NodeList::setCurrentRow(int row)
{
    if (row == currentRow()) {
        // Already there; still say so, the caller may be waiting for it.
        if (row >= 0)
            emit currentBackendChanged(backendAt(row), nameAt(row));
        return;
    }
    m_list->setCurrentRow(row);
}

AddNodeDialog *NodeList::addDialog() const
{
    return m_addDialog;
}

void NodeList::openAddDialog()
{
    if (m_addDialog) {
        m_addDialog->raise();
        m_addDialog->activateWindow();
        return;
    }
    QList<QUrl> known;
    for (const Node &node : m_nodes) {
        if (!node.url.isEmpty())
            known.append(node.url);
    }
    m_addDialog = new AddNodeDialog(known, this);
    m_addDialog->setAttribute(Qt::WA_DeleteOnClose);
    AddNodeDialog *dialog = m_addDialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (addNode(dialog->name(), dialog->url(), dialog->tokenFile()))
            setCurrentRow(count() - 1);
    });
    dialog->open();
}

void NodeList::requestRemoveCurrent()
{
    const int row = currentRow();
    if (row < 0 || m_nodes.at(row).local)
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove Node"),
                                tr("Remove %1 from the list?").arg(nameAt(row)), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("removeNodeConfirmation"));
    box->setInformativeText(tr("Its pinned certificate is forgotten too; the node itself is not touched."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *remove = box->addButton(tr("Remove"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    QPointer<RecoveryBackend> backend = backendAt(row);
    connect(box, &QMessageBox::buttonClicked, this, [this, remove, backend](QAbstractButton *clicked) {
        // By backend, not row: the list may have changed while the question was open.
        if (clicked == remove && backend)
            removeNode(rowOf(backend));
    });
    box->open();
}

RecoveryBackend *NodeList::makeBackend(const Node &node)
{
    NodeBackendFactory *factory = NodeBackendFactory::instance();
    if (!factory)
        return new UnusableBackend(tr("This program cannot connect to other nodes."), this);
    QString error;
    RecoveryBackend *backend =
        factory->createNode(node.url, node.tokenFile, node.pinnedFingerprint, this, &error);
    return backend ? backend : new UnusableBackend(error, this);
}

void NodeList::startBackend(RecoveryBackend *backend)
{
    if (NodeBackendFactory *factory = NodeBackendFactory::instance();
        factory && backend && !qobject_cast<UnusableBackend *>(backend))
        factory->start(backend);
}

void NodeList::insertRow(Node node, int row)
{
    m_nodes.insert(m_nodes.begin() + row, node);
    {
        const QSignalBlocker blocker(m_list);
        auto *item = new QListWidgetItem;
        m_list->insertItem(row, item);
    }
    attach(row);
    updateRowAt(row);
    if (currentRow() < 0)
        setCurrentRow(0);
    updateButtons();
    // Started only now, with every signal connected: fingerprintSeen may come right away.
    if (m_nodes.at(row).owned)
        startBackend(m_nodes.at(row).backend);
}

void NodeList::attach(int row)
{
    RecoveryBackend *backend = m_nodes.at(row).backend;
    if (!backend)
        return;
    auto update = [this, backend] { updateRow(backend); };
    connect(backend, &RecoveryBackend::reportReset, this, update);
    connect(backend, &RecoveryBackend::containerChanged, this, update);
    connect(backend, &RecoveryBackend::reportFinished, this, update);
    connect(backend, &RecoveryBackend::crashAcknowledged, this, update);
    connect(backend, &RecoveryBackend::connectionChanged, this, update);
    connect(backend, &RecoveryBackend::certificatePinned, this,
            [this, backend](const QString &fingerprint) { onFingerprintSeen(backend, fingerprint); });
}

void NodeList::dispose(Node &node)
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

void NodeList::restartBackend(int row)
{
    Node &node = m_nodes.at(row);
    Node old = node;
    node.backend = makeBackend(node);
    attach(row);
    updateRowAt(row);
    if (row == currentRow())
        emit currentBackendChanged(node.backend, node.name);
    dispose(old);
    startBackend(node.backend);
}

void NodeList::updateRow(const RecoveryBackend *backend)
{
    const int row = rowOf(backend);
    if (row >= 0)
        updateRowAt(row);
    if (row >= 0 && row == currentRow()) {
        updateDetails();
        updateButtons();
    }
}

void NodeList::updateRowAt(int row)
{
    QListWidgetItem *item = m_list->item(row);
    const Node &node = m_nodes.at(row);
    RecoveryBackend *backend = node.backend;
    if (!item)
        return;

    Health health = Health::Refused;
    QString status;
    Connection connection = Connection::Refused;
    if (backend) {
        connection = backend->connection();
        const RecoveryReport report = backend->currentReport();
        const bool crash = report.crashInfo.crash && !report.acknowledged;
        switch (connection) {
        case Connection::InProcess:
        case Connection::Connected:
            health = crash || hasFailed(report) ? Health::Attention : Health::Ok;
            status = countsText(report);
            if (crash)
                status = tr("Crash not acknowledged · %1").arg(status);
            break;
        case Connection::Connecting:
            health = Health::Connecting;
            status = tr("Connecting…");
            break;
        case Connection::Reconnecting:
            health = Health::Reconnecting;
            status = report.containers.isEmpty()
                         ? tr("Reconnecting…")
                         : tr("Reconnecting… (last known: %1)").arg(countsText(report));
            break;
        case Connection::Refused: {
            health = Health::Refused;
            // The first sentence says what; the details below and the main view carry the rest.
            QString why = backend->connectionDetail();
            const qsizetype stop = why.indexOf(QLatin1String(". "));
            if (stop > 0)
                why = why.left(stop + 1);
            status = tr("REFUSED: %1").arg(why);
            break;
        }
        }
    } else {
        status = tr("No backend");
    }

    QIcon icon;
    switch (health) {
    case Health::Ok:
        icon = icons::ok();
        break;
    case Health::Connecting:
        icon = icons::waiting();
        break;
    case Health::Attention:
        icon = hasFailed(backend ? backend->currentReport() : RecoveryReport()) ? icons::failed()
                                                                                : icons::warning();
        break;
    case Health::Reconnecting:
        icon = icons::warning();
        break;
    case Health::Refused:
        icon = icons::failed();
        break;
    }

    item->setText(node.name + QLatin1Char('\n') + breakableText(status));
    item->setIcon(icon);
    item->setData(HealthRole, int(health));
    item->setData(ConnectionRole, int(connection));
    item->setData(StatusTextRole, status);
    item->setData(Qt::AccessibleTextRole, tr("%1: %2").arg(node.name, status));
    QString tip = backend ? backend->connectionDetail() : QString();
    if (!node.pinnedFingerprint.isEmpty())
        tip += QLatin1Char('\n') + tr("Certificate SHA-256: %1").arg(node.pinnedFingerprint);
    item->setToolTip(breakableText(tip.trimmed()));
    // Fixed colours on purpose: a refused or unreachable node must stand out on any theme.
    if (health == Health::Refused || health == Health::Reconnecting) {
        item->setBackground(health == Health::Refused ? QColor(0xb3, 0x26, 0x1e) : QColor(0x8a, 0x55, 0x00));
        item->setForeground(Qt::white);
        QFont bold = m_list->font();
        bold.setBold(true);
        item->setFont(bold);
    } else {
        item->setData(Qt::BackgroundRole, QVariant());
        item->setData(Qt::ForegroundRole, QVariant());
        item->setData(Qt::FontRole, QVariant());
    }
    if (row == currentRow())
        updateDetails();
}

void NodeList::updateDetails()
{
    const int row = currentRow();
    if (row < 0 || row >= count()) {
        m_details->setText(tr("No node selected."));
        return;
    }
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
    m_details->setText(breakableText(lines.join(QLatin1Char('\n'))));
}

void NodeList::updateButtons()
{
    const int row = currentRow();
    const bool remote = row >= 0 && row < count() && !m_nodes.at(row).local;
    m_removeButton->setEnabled(remote);
    RecoveryBackend *backend = remote ? m_nodes.at(row).backend.data() : nullptr;
    const bool refused = backend && backend->connection() == RecoveryBackend::Connection::Refused;
    // A refused node is not retried by itself: the owner decides (after fixing the token, say).
    m_reconnectButton->setVisible(
        remote && !m_nodes.at(row).url.isEmpty() &&
        (refused || (backend && backend->connection() == RecoveryBackend::Connection::Reconnecting)));
    const QString offered = backend ? backend->serverFingerprint() : QString();
    m_trustButton->setVisible(refused && !offered.isEmpty() && offered != m_nodes.at(row).pinnedFingerprint);
}

void NodeList::requestTrustNewCertificate()
{
    const int row = currentRow();
    if (row < 0 || m_nodes.at(row).local || !m_nodes.at(row).backend)
        return;
    const QString offered = m_nodes.at(row).backend->serverFingerprint();
    const QString pinned = m_nodes.at(row).pinnedFingerprint;
    if (offered.isEmpty())
        return;
    auto *box = new QMessageBox(QMessageBox::Warning, tr("Trust New Certificate"),
                                tr("%1 now presents a different certificate.").arg(nameAt(row)),
                                QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("trustCertificateConfirmation"));
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(
        tr("Trusted until now (SHA-256):\n%1\n\nPresented now (SHA-256):\n%2\n\nTrust the new one "
           "only if the node's own screen shows this fingerprint.")
            .arg(pinned.isEmpty() ? tr("none") : pinned, offered));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *trust = box->addButton(tr("Trust"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    QPointer<RecoveryBackend> backend = m_nodes.at(row).backend.data();
    connect(box, &QMessageBox::buttonClicked, this,
            [this, trust, backend, offered](QAbstractButton *clicked) {
                const int at = rowOf(backend);
                if (clicked != trust || at < 0)
                    return;
                Node &node = m_nodes.at(at);
                node.pinnedFingerprint = offered;
                if (node.stored)
                    save();
                restartBackend(at);
                emit fingerprintPinned(node.name, offered);
            });
    box->open();
}

void NodeList::onFingerprintSeen(const RecoveryBackend *backend, const QString &fingerprint)
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
    updateRowAt(row);
    updateDetails();
    emit fingerprintPinned(node.name, fingerprint);
}

void NodeList::save() const
{
    QSettings settings(QStringLiteral("Archipelago"), QStringLiteral("archy-recovery"));
    // Rewritten whole: a shorter array must not leave the removed entries behind.
    settings.remove(settingsKey());
    settings.beginWriteArray(settingsKey());
    int index = 0;
    for (const Node &node : m_nodes) {
        if (!node.stored)
            continue;
        settings.setArrayIndex(index++);
        settings.setValue(QStringLiteral("name"), node.name);
        settings.setValue(QStringLiteral("url"), node.url.toString());
        settings.setValue(QStringLiteral("tokenFile"), node.tokenFile);
        settings.setValue(QStringLiteral("pinnedFingerprint"), node.pinnedFingerprint);
    }
    settings.endArray();
    settings.sync();
}

} // namespace archy

#include "NodeList.moc"
