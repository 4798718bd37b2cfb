#include "DesktopWindow.h"

#include <QAction>
#include <QCloseEvent>
#include <QDockWidget>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QToolBar>

#include "ContainerView.h"
#include "CrashBanner.h"
#include "Icons.h"
#include "NodeList.h"
#include "TextWrap.h"
#include "UiSettings.h"

namespace archy {

DesktopWindow::DesktopWindow(RecoveryBackend *backend, const QString &nodeName, QWidget *parent)
    : MainWindow(backend, WindowMode::Desktop, parent)
{
    summaryRow()->addWidget(retryAllButton());
    buildMenus();
    buildStatusBar();
    connect(containerView(), &QAbstractItemView::doubleClicked, this, &DesktopWindow::showContainerDetails);
    containerView()->setContextMenuPolicy(Qt::ActionsContextMenu);
    containerView()->addAction(retrySelectedAction());
    containerView()->addAction(retryAllAction());
    attachInitialBackend();
    buildNodeDock(nodeName);
    setTabOrderByScreen();
    resize(1100, 700);
}

DesktopWindow::~DesktopWindow()
{
    // The node list owns the remote backends: they go first, while this window is still whole.
    if (backend())
        disconnect(backend(), nullptr, this, nullptr);
    delete m_nodeDock;
}

void DesktopWindow::buildMenus()
{
    m_aboutAction = new QAction(icons::app(), tr("&About Archy Recovery"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    connect(m_aboutAction, &QAction::triggered, this, &DesktopWindow::showAbout);

    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(historyAction());
    fileMenu->addSeparator();
    fileMenu->addAction(quitAction());

    QMenu *recoveryMenu = menuBar()->addMenu(tr("&Recovery"));
    recoveryMenu->addAction(retrySelectedAction());
    recoveryMenu->addAction(retryAllAction());
    recoveryMenu->addSeparator();
    recoveryMenu->addAction(acknowledgeAction());

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(m_aboutAction);

    QToolBar *toolBar = addToolBar(tr("Main Toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setMovable(false);
    toolBar->addAction(retryAllAction());
    toolBar->addAction(historyAction());
    toolBar->addSeparator();
    toolBar->addAction(quitAction());
}

void DesktopWindow::buildStatusBar()
{
    m_statusSummary = new QLabel(this);
    m_statusSummary->setTextFormat(Qt::PlainText);
    statusBar()->addWidget(m_statusSummary, 1);
    auto *connectionLabel = new QLabel(this);
    connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    connectionLabel->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(connectionLabel);
    setConnectionLabel(connectionLabel);
    m_dataDirLabel = new QLabel(this);
    m_dataDirLabel->setObjectName(QStringLiteral("dataDirLabel"));
    m_dataDirLabel->setTextFormat(Qt::PlainText);
    m_dataDirLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_dataDirLabel);
}

void DesktopWindow::buildNodeDock(const QString &nodeName)
{
    m_nodeList = new NodeList;
    m_nodeList->setLocalBackend(backend(), nodeName);
    m_nodeDock = new QDockWidget(tr("Nodes"), this);
    m_nodeDock->setObjectName(QStringLiteral("nodeDock"));
    m_nodeDock->setWidget(m_nodeList);
    m_nodeDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    m_nodeDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::LeftDockWidgetArea, m_nodeDock);
    QPointer<RecoveryBackend> first = backend();
    // A window attached to a remote agent (--connect) names it; "This node" is the local one.
    setShownNodeName(nodeName);
    connect(m_nodeList, &NodeList::currentBackendChanged, this,
            [this, first, nodeName](RecoveryBackend *shown, const QString &name) {
                if (!shown)
                    return;
                setShownNodeName(shown == first ? nodeName : name);
                setBackend(shown);
            });
    connect(m_nodeList, &NodeList::fingerprintPinned, this,
            [this](const QString &name, const QString &fingerprint) {
                statusBar()->showMessage(
                    tr("Pinned the certificate of %1 on first use: %2").arg(name, fingerprint), 30000);
            });
    m_nodeList->loadNodes();
    // Out of the way until there is more than this node to watch.
    m_nodeDock->setVisible(m_nodeList->count() > 1);

    QAction *toggle = m_nodeDock->toggleViewAction();
    toggle->setObjectName(QStringLiteral("showNodesAction"));
    toggle->setText(tr("&Nodes"));
    toggle->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_N));
    auto *addNode = new QAction(tr("&Add Node…"), this);
    addNode->setObjectName(QStringLiteral("addNodeAction"));
    connect(addNode, &QAction::triggered, this, [this] {
        m_nodeDock->show();
        m_nodeList->openAddDialog();
    });
    QMenu *viewMenu = new QMenu(tr("&View"), this);
    viewMenu->addAction(toggle);
    viewMenu->addAction(addNode);
    // Between Recovery and Help.
    const QList<QAction *> menus = menuBar()->actions();
    menuBar()->insertMenu(menus.isEmpty() ? nullptr : menus.constLast(), viewMenu);
}

void DesktopWindow::setTabOrderByScreen()
{
    // Reading order of the overview: the banner's button, the error's, Retry all beside the
    // headline, then the rows. Creation order would put Retry all after the rows it sits above.
    QWidget::setTabOrder(crashBanner()->acknowledgeButton(), dismissErrorButton());
    QWidget::setTabOrder(dismissErrorButton(), retryAllButton());
    QWidget::setTabOrder(retryAllButton(), containerView());
}

RecoveryBackend *DesktopWindow::addRemoteNode(const QUrl &url, const QString &tokenFile)
{
    m_nodeDock->show();
    m_nodeDock->setProperty("requested", true);
    return m_nodeList->ensureNode(url, tokenFile);
}

void DesktopWindow::backendAttached()
{
    updateDataDir();
    // Shown by setBackend(): the list follows.
    if (m_nodeList) {
        const int row = m_nodeList->rowOf(backend());
        if (row >= 0 && row != m_nodeList->currentRow())
            m_nodeList->setCurrentRow(row);
    }
}

void DesktopWindow::updateDataDir()
{
    const QString dir = backend() ? backend()->dataDir() : QString();
    m_dataDirLabel->setText(tr("Data: %1").arg(dir));
    m_dataDirLabel->setVisible(!dir.isEmpty());
}

void DesktopWindow::showAbout()
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("About Archy Recovery"),
                                tr("Archy Recovery %1\nRestarts the node's containers after a crash or "
                                   "power loss.")
                                    .arg(QStringLiteral(ARCHY_VERSION)),
                                QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setTextFormat(Qt::PlainText);
    box->setIconPixmap(icons::app().pixmap(64, 64));
    QStringList info;
    if (!endpointInfo().isEmpty())
        info << endpointInfo();
    if (backend() && !backend()->connectionDetail().isEmpty())
        info << backend()->connectionDetail();
    if (!info.isEmpty())
        box->setInformativeText(breakableText(info.join(QLatin1Char('\n'))));
    // Selectable, so a fingerprint can be copied next to the one a client pinned.
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->open();
}

void DesktopWindow::showTransientMessage(const QString &message, int timeoutMs)
{
    statusBar()->showMessage(message, timeoutMs);
}

void DesktopWindow::connectionLabelUpdated(RecoveryBackend::Connection connection)
{
    // The status bar always says how the shown node is reached.
    Q_UNUSED(connection)
}

void DesktopWindow::summaryUpdated(const QString &summary)
{
    m_statusSummary->setText(summary);
}

void DesktopWindow::showForMode()
{
    restoreSettings();
    show();
}

void DesktopWindow::requestQuit()
{
    close();
}

void DesktopWindow::closeEvent(QCloseEvent *event)
{
    saveSettings();
    MainWindow::closeEvent(event);
}

void DesktopWindow::saveSettings() const
{
    UiSettings settings;
    settings.setWindowGeometry(saveGeometry());
    settings.setWindowState(saveState());
    settings.setColumnState(containerView()->horizontalHeader()->saveState());
}

void DesktopWindow::restoreSettings()
{
    const UiSettings settings;
    restoreGeometry(settings.windowGeometry());
    restoreState(settings.windowState());
    // A node asked for on the command line is shown whatever the last session left.
    if (m_nodeDock->property("requested").toBool())
        m_nodeDock->show();
    // Column widths only; a stored layout must not resurrect columns a newer version removed.
    const QByteArray columns = settings.columnState();
    if (!columns.isEmpty())
        containerView()->horizontalHeader()->restoreState(columns);
}

} // namespace archy
