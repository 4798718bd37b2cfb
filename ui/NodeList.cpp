#include "NodeList.h"

#include <QHBoxLayout>
#include <QItemSelectionModel>
#include <QLabel>
#include <QListView>
#include <QMessageBox>
#include <QPushButton>
#include <QVBoxLayout>

#include "AddNodeDialog.h"
#include "TextWrap.h"

namespace archy {

NodeList::NodeList(QWidget *parent)
    : QWidget(parent), m_model(new NodeModel(this)), m_view(new QListView(this)), m_details(new QLabel(this)),
      m_reconnectButton(new QPushButton(tr("Reconnect"), this)),
      m_trustButton(new QPushButton(tr("Trust New Certificate…"), this)),
      m_addButton(new QPushButton(tr("Add…"), this)), m_editButton(new QPushButton(tr("Edit…"), this)),
      m_removeButton(new QPushButton(tr("Remove"), this))
{
    setObjectName(QStringLiteral("nodeList"));
    setAccessibleName(tr("Nodes"));

    m_view->setObjectName(QStringLiteral("nodeListView"));
    m_view->setAccessibleName(tr("Nodes and their state"));
    m_view->setModel(m_model);
    m_view->setWordWrap(true);
    m_view->setIconSize(QSize(24, 24));
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSpacing(2);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                updateDetails();
                updateButtons();
                if (current.isValid())
                    emit currentBackendChanged(backendAt(current.row()), nameAt(current.row()));
            });
    connect(m_model, &NodeModel::rowsInserted, this, [this] {
        if (currentRow() < 0)
            setCurrentRow(0);
        updateButtons();
    });
    connect(m_model, &NodeModel::rowsRemoved, this, [this] {
        updateDetails();
        updateButtons();
    });
    connect(m_model, &NodeModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
                const int row = currentRow();
                if (row >= topLeft.row() && row <= bottomRight.row()) {
                    updateDetails();
                    updateButtons();
                }
            });
    connect(m_model, &NodeModel::backendReplaced, this, [this](int row, RecoveryBackend *backend) {
        if (row == currentRow())
            emit currentBackendChanged(backend, nameAt(row));
    });
    connect(m_model, &NodeModel::fingerprintPinned, this, &NodeList::fingerprintPinned);

    m_details->setObjectName(QStringLiteral("nodeDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    m_reconnectButton->setObjectName(QStringLiteral("reconnectNodeButton"));
    m_reconnectButton->setToolTip(tr("Connect to the selected node again now"));
    m_reconnectButton->setAutoDefault(false);
    connect(m_reconnectButton, &QPushButton::clicked, this, &NodeList::reconnectCurrent);
    m_trustButton->setObjectName(QStringLiteral("trustNodeButton"));
    m_trustButton->setAutoDefault(false);
    connect(m_trustButton, &QPushButton::clicked, this, &NodeList::requestTrustNewCertificate);

    m_addButton->setObjectName(QStringLiteral("addNodeButton"));
    m_addButton->setToolTip(tr("Watch another node's recovery agent"));
    m_addButton->setAutoDefault(false);
    connect(m_addButton, &QPushButton::clicked, this, &NodeList::openAddDialog);
    m_editButton->setObjectName(QStringLiteral("editNodeButton"));
    m_editButton->setToolTip(tr("Change the selected node's name, address or token file"));
    m_editButton->setAutoDefault(false);
    connect(m_editButton, &QPushButton::clicked, this, &NodeList::openEditDialog);
    m_removeButton->setObjectName(QStringLiteral("removeNodeButton"));
    m_removeButton->setToolTip(tr("Forget the selected node and its pinned certificate"));
    m_removeButton->setAutoDefault(false);
    connect(m_removeButton, &QPushButton::clicked, this, &NodeList::requestRemoveCurrent);

    auto *refusedButtons = new QHBoxLayout;
    refusedButtons->addWidget(m_reconnectButton);
    refusedButtons->addWidget(m_trustButton);
    refusedButtons->addStretch(1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_addButton);
    buttons->addWidget(m_editButton);
    buttons->addWidget(m_removeButton);
    buttons->addStretch(1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_view, 1);
    layout->addWidget(m_details);
    layout->addLayout(refusedButtons);
    layout->addLayout(buttons);

    // As on the screen: the list, then the buttons row by row, left to right.
    setTabOrder(m_view, m_reconnectButton);
    setTabOrder(m_reconnectButton, m_trustButton);
    setTabOrder(m_trustButton, m_addButton);
    setTabOrder(m_addButton, m_editButton);
    setTabOrder(m_editButton, m_removeButton);

    updateDetails();
    updateButtons();
}

NodeList::~NodeList()
{
    // The model and the view go with the children; nothing they say on the way concerns this list.
    disconnect(m_view->selectionModel(), nullptr, this, nullptr);
    disconnect(m_model, nullptr, this, nullptr);
}

void NodeList::setLocalBackend(RecoveryBackend *backend, const QString &name)
{
    m_model->setLocalBackend(backend, name);
}

void NodeList::loadNodes()
{
    m_model->loadNodes();
}

RecoveryBackend *NodeList::ensureNode(const QUrl &url, const QString &tokenFile, const QString &name)
{
    const int row = m_model->ensureNode(url, tokenFile, name);
    if (row < 0)
        return nullptr;
    setCurrentRow(row);
    return backendAt(row);
}

bool NodeList::addNode(const QString &name, const QUrl &url, const QString &tokenFile, QString *error)
{
    return m_model->addNode(name, url, tokenFile, error);
}

void NodeList::addBackend(const QString &name, RecoveryBackend *backend, const QString &where)
{
    m_model->addBackend(name, backend, where);
}

void NodeList::removeNode(int row)
{
    m_model->removeNode(row);
}

int NodeList::currentRow() const
{
    return m_view->currentIndex().row();
}

void NodeList::setCurrentRow(int row)
{
    if (row == currentRow()) {
        // Already there; still say so, the caller may be waiting for it.
        if (row >= 0)
            emit currentBackendChanged(backendAt(row), nameAt(row));
        return;
    }
    m_view->setCurrentIndex(m_model->index(row));
}

AddNodeDialog *NodeList::addDialog() const
{
    return m_addDialog;
}

AddNodeDialog *NodeList::editDialog() const
{
    return m_editDialog;
}

void NodeList::openAddDialog()
{
    if (m_addDialog) {
        m_addDialog->raise();
        m_addDialog->activateWindow();
        return;
    }
    m_addDialog = new AddNodeDialog(m_model->knownUrls(), this);
    m_addDialog->setAttribute(Qt::WA_DeleteOnClose);
    AddNodeDialog *dialog = m_addDialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        if (addNode(dialog->name(), dialog->url(), dialog->tokenFile()))
            setCurrentRow(count() - 1);
    });
    dialog->open();
}

void NodeList::openEditDialog()
{
    const int row = currentRow();
    if (!m_model->isStored(row))
        return;
    const QUrl url = urlAt(row);
    if (m_editDialog) {
        if (m_editDialog->originalUrl() == url) {
            m_editDialog->raise();
            m_editDialog->activateWindow();
            return;
        }
        m_editDialog->reject(); // another node's: that one is not saved
    }
    m_editDialog = new AddNodeDialog(m_model->knownUrls(row), this);
    m_editDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_editDialog->editNode(nameAt(row), url, m_model->tokenFileAt(row));
    AddNodeDialog *dialog = m_editDialog;
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        // By address, not row: the list may have changed while the dialog was open.
        const int at = rowOf(dialog->originalUrl());
        QString error;
        if (at < 0) {
            error = tr("%1 is no longer in the list.").arg(dialog->originalUrl().toString());
        } else if (m_model->editNode(at, dialog->name(), dialog->url(), dialog->tokenFile(), &error)) {
            return;
        }
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Edit Node"), error, QMessageBox::Ok, this);
        box->setObjectName(QStringLiteral("editNodeError"));
        box->setTextFormat(Qt::PlainText);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    });
    dialog->open();
}

void NodeList::requestRemoveCurrent()
{
    const int row = currentRow();
    if (row < 0 || m_model->isLocal(row))
        return;
    auto *box = new QMessageBox(QMessageBox::Question, tr("Remove Node"),
                                tr("Remove %1 from the list?").arg(nameAt(row)), QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("removeNodeConfirmation"));
    box->setTextFormat(Qt::PlainText);
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

void NodeList::reconnectCurrent()
{
    m_model->reconnect(currentRow());
}

void NodeList::requestTrustNewCertificate()
{
    const int row = currentRow();
    if (!m_model->offersNewCertificate(row))
        return;
    const QString offered = backendAt(row)->serverFingerprint();
    const QString pinned = pinnedFingerprintAt(row);
    // Everything in the main text, which is plain text: a name or a stored pin is never markup.
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Trust New Certificate"),
        tr("%1 now presents a different certificate.\n\nTrusted until now (SHA-256):\n%2\n\nPresented now "
           "(SHA-256):\n%3")
            .arg(nameAt(row), pinned.isEmpty() ? tr("none") : pinned, offered),
        QMessageBox::NoButton, this);
    box->setObjectName(QStringLiteral("trustCertificateConfirmation"));
    box->setTextFormat(Qt::PlainText);
    box->setInformativeText(tr("Trust the new certificate only if the node's own screen shows the same "
                               "fingerprint."));
    box->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *trust = box->addButton(tr("Trust"), QMessageBox::AcceptRole);
    box->addButton(QMessageBox::Cancel);
    box->setDefaultButton(QMessageBox::Cancel);
    QPointer<RecoveryBackend> backend = backendAt(row);
    connect(box, &QMessageBox::buttonClicked, this,
            [this, trust, backend, offered](QAbstractButton *clicked) {
                const int at = rowOf(backend);
                if (clicked == trust && at >= 0)
                    m_model->trustCertificate(at, offered);
            });
    box->open();
}

void NodeList::updateDetails()
{
    m_details->setText(breakableText(m_model->detailsAt(currentRow())));
}

void NodeList::updateButtons()
{
    const int row = currentRow();
    m_removeButton->setEnabled(row >= 0 && !m_model->isLocal(row));
    m_editButton->setEnabled(m_model->isStored(row));
    m_reconnectButton->setVisible(m_model->canReconnect(row));
    m_trustButton->setVisible(m_model->offersNewCertificate(row));
}

} // namespace archy
