#include "MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QDockWidget>
#include <QFile>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QScreen>
#include <QStackedWidget>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QWindow>

#include "ConnectionBanner.h"
#include "ContainerModel.h"
#include "ContainerView.h"
#include "CrashBanner.h"
#include "DetailsPage.h"
#include "HistoryView.h"
#include "Icons.h"
#include "NodeInfoPage.h"
#include "NodeList.h"
#include "StatusText.h"
#include "TextWrap.h"
#include "UiSettings.h"
#include "recovery/RecoveryBackend.h"

namespace archy {

namespace {

QPushButton *makeButton(const QIcon &icon, const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(icon, text, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(text);
    button->setAutoDefault(false);
    return button;
}

} // namespace

MainWindow::MainWindow(RecoveryBackend *backend, WindowMode mode, QWidget *parent)
    : QMainWindow(parent), m_backend(backend), m_mode(mode), m_model(new ContainerModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Archy Recovery"));
    setWindowIcon(icons::app());
    if (m_mode == WindowMode::Kiosk)
        setWindowFlag(Qt::FramelessWindowHint, true);

    buildActions();

    m_pages = new QStackedWidget(this);
    m_pages->addWidget(buildRecoveryPage());
    m_history = new HistoryView(m_mode, m_pages);
    m_pages->addWidget(m_history);
    // Details and node information are pages of this one window: nothing opens off the screen.
    m_details = new DetailsPage(m_pages);
    m_pages->addWidget(m_details);
    m_nodeInfo = new NodeInfoPage(m_pages);
    m_pages->addWidget(m_nodeInfo);
    setCentralWidget(m_pages);
    connect(m_history, &HistoryView::closeRequested, this, &MainWindow::showRecovery);
    connect(m_details, &DetailsPage::backRequested, this, &MainWindow::showRecovery);
    connect(m_details, &DetailsPage::retryRequested, this, &MainWindow::retryFromDetails);
    connect(m_nodeInfo, &NodeInfoPage::backRequested, this, &MainWindow::showRecovery);

    if (m_mode == WindowMode::Desktop)
        buildDesktopChrome();

    connect(m_model, &ContainerModel::summaryChanged, this, &MainWindow::updateSummary);
    // Through the window, not straight to a backend: the backend shown can change.
    connect(m_view, &ContainerView::retryRequested, this, [this](const QString &name) {
        if (m_backend && m_commandsEnabled)
            m_backend->retry(name);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, &MainWindow::updateSummary);
    // Tooltips need a hover the touch screen does not have, so a tap opens the details there.
    if (m_mode == WindowMode::Kiosk)
        connect(m_view, &QAbstractItemView::clicked, this, &MainWindow::showContainerDetails);
    else
        connect(m_view, &QAbstractItemView::doubleClicked, this, &MainWindow::showContainerDetails);
    connect(m_view, &ContainerView::detailsRequested, this, &MainWindow::showContainerDetails);
    attachBackend(backend);
    if (m_mode == WindowMode::Desktop)
        buildNodeDock();

    if (m_mode == WindowMode::Kiosk) {
        // The kiosk covers its screen and sizes its fonts and targets from its own height
        // (resizeEvent): a minimum size taken from the metrics of a bigger screen would only keep
        // it from ever reaching 800x480, where the smaller metrics fit.
        layout()->setSizeConstraint(QLayout::SetNoConstraint);
        const QScreen *s = screen() ? screen() : QGuiApplication::primaryScreen();
        applyKioskMetrics(s ? s->geometry().height() : 480);
    } else {
        resize(1100, 700);
    }
}

MainWindow::~MainWindow()
{
    // The node list owns the remote backends: they go first, while this window is still whole.
    if (m_backend)
        disconnect(m_backend, nullptr, this, nullptr);
    delete m_nodeDock;
}

void MainWindow::setBackend(RecoveryBackend *backend)
{
    if (!backend || backend == m_backend)
        return;
    if (m_backend)
        disconnect(m_backend, nullptr, this, nullptr);
    attachBackend(backend);
    if (isHistoryShown())
        m_history->refresh();
    if (m_nodeList) {
        const int row = m_nodeList->rowOf(backend);
        if (row >= 0 && row != m_nodeList->currentRow())
            m_nodeList->setCurrentRow(row);
    }
}

void MainWindow::attachBackend(RecoveryBackend *backend)
{
    m_backend = backend;
    m_model->setBackend(backend);
    m_banner->setBackend(backend);
    m_history->setBackend(backend);
    m_details->setBackend(backend);
    m_nodeInfo->setBackend(backend);
    if (m_pages->currentWidget() == m_details)
        showRecovery(); // the details were another node's
    connect(backend, &RecoveryBackend::nodeIdentityChanged, this, &MainWindow::updateNodeName);
    connect(backend, &RecoveryBackend::busyChanged, this, &MainWindow::setBusy);
    connect(backend, &RecoveryBackend::errorOccurred, this, &MainWindow::showError);
    connect(backend, &RecoveryBackend::reportReset, this, [this] {
        updateCrashBannerVisibility();
        updateSummary();
    });
    connect(backend, &RecoveryBackend::crashAcknowledged, this, &MainWindow::updateSummary);
    connect(backend, &RecoveryBackend::reportFinished, this, &MainWindow::updateSummary);
    connect(backend, &RecoveryBackend::crashLoopDetected, this, &MainWindow::onCrashLoop);
    connect(backend, &RecoveryBackend::connectionChanged, this, &MainWindow::onConnectionChanged);

    // Another backend's error is not this one's.
    m_errorBar->hide();
    setBusy(backend->isBusy());
    updateDataDir();
    onConnectionChanged(backend->connection(), backend->connectionDetail());
    updateNodeName();
}

void MainWindow::onConnectionChanged(RecoveryBackend::Connection connection, const QString &detail)
{
    using Connection = RecoveryBackend::Connection;
    m_connectionBanner->setConnection(connection, detail);
    // Commands sent now would be dropped: the rows stay, the buttons wait for the connection.
    m_commandsEnabled = ConnectionBanner::isLive(connection);
    m_view->setRetryEnabled(m_commandsEnabled);
    m_banner->setCommandsEnabled(m_commandsEnabled);
    m_details->setCommandsEnabled(m_commandsEnabled);

    if (m_connectionLabel) {
        const QString text = ConnectionBanner::shortText(connection, detail);
        m_connectionLabel->setText(breakableText(text));
        m_connectionLabel->setToolTip(breakableText(detail));
        m_connectionLabel->setAccessibleName(tr("Connection: %1").arg(text));
        QPalette pal;
        QFont f = m_connectionLabel->font();
        f.setBold(connection == Connection::Refused || connection == Connection::Reconnecting);
        if (connection == Connection::Refused)
            pal.setColor(QPalette::WindowText, QColor(0xb3, 0x26, 0x1e));
        else if (connection == Connection::InProcess)
            pal.setColor(QPalette::WindowText, pal.color(QPalette::Disabled, QPalette::WindowText));
        m_connectionLabel->setPalette(pal);
        m_connectionLabel->setFont(f);
        m_connectionLabel->setProperty("connection", int(connection));
        // The kiosk's banner speaks for every state but Connected; the desktop's bar always says.
        if (m_mode == WindowMode::Kiosk)
            m_connectionLabel->setVisible(connection == Connection::Connected);
    }
    updateCrashBannerVisibility();
    updateSummary();
}

void MainWindow::updateCrashBannerVisibility()
{
    using Connection = RecoveryBackend::Connection;
    if (!m_backend)
        return;
    // Before the first state there is no start-up to speak of: "clean start" would be a guess.
    const Connection connection = m_backend->connection();
    const RecoveryReport report = m_backend->currentReport();
    const bool noState = report.id.isEmpty() && report.containers.isEmpty();
    m_banner->setVisible(
        !(noState && (connection == Connection::Connecting || connection == Connection::Refused ||
                      connection == Connection::Reconnecting)));
}

void MainWindow::updateDataDir()
{
    if (!m_dataDirLabel || !m_backend)
        return;
    const QString dir = m_backend->dataDir();
    m_dataDirLabel->setText(tr("Data: %1").arg(dir));
    m_dataDirLabel->setVisible(!dir.isEmpty());
}

void MainWindow::setEndpointInfo(const QString &text)
{
    m_endpointInfo = text;
    m_nodeInfo->setEndpointInfo(text);
}

RecoveryBackend *MainWindow::addRemoteNode(const QUrl &url, const QString &tokenFile)
{
    if (!m_nodeList)
        return nullptr;
    m_nodeDock->show();
    m_nodeDock->setProperty("requested", true);
    return m_nodeList->ensureNode(url, tokenFile);
}

void MainWindow::buildNodeDock()
{
    m_nodeList = new NodeList;
    m_nodeList->setLocalBackend(m_backend);
    m_nodeDock = new QDockWidget(tr("Nodes"), this);
    m_nodeDock->setObjectName(QStringLiteral("nodeDock"));
    m_nodeDock->setWidget(m_nodeList);
    m_nodeDock->setFeatures(QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable);
    m_nodeDock->setAllowedAreas(Qt::LeftDockWidgetArea | Qt::RightDockWidgetArea);
    addDockWidget(Qt::LeftDockWidgetArea, m_nodeDock);
    QPointer<RecoveryBackend> local = m_backend.data();
    connect(m_nodeList, &NodeList::currentBackendChanged, this,
            [this, local](RecoveryBackend *backend, const QString &name) {
                if (!backend)
                    return;
                m_nodeName = backend == local ? QString() : name;
                setBackend(backend);
                updateNodeName();
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

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("About Archy Recovery"),
                                tr("Archy Recovery %1\nRestarts the node's containers after a crash or "
                                   "power loss.")
                                    .arg(QStringLiteral(ARCHY_VERSION)),
                                QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setIconPixmap(icons::app().pixmap(64, 64));
    QStringList info;
    if (!m_endpointInfo.isEmpty())
        info << m_endpointInfo;
    if (m_backend && !m_backend->connectionDetail().isEmpty())
        info << m_backend->connectionDetail();
    if (!info.isEmpty())
        box->setInformativeText(breakableText(info.join(QLatin1Char('\n'))));
    // Selectable, so a fingerprint can be copied next to the one a client pinned.
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->open();
}

void MainWindow::buildActions()
{
    m_retryAllAction = new QAction(icons::retry(), tr("Retry All &Failed"), this);
    m_retryAllAction->setObjectName(QStringLiteral("retryAllAction"));
    m_retryAllAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R));
    m_retryAllAction->setToolTip(tr("Start every failed container again"));
    connect(m_retryAllAction, &QAction::triggered, this, &MainWindow::retryAllFailed);

    m_retrySelectedAction = new QAction(icons::retry(), tr("&Retry Selected"), this);
    m_retrySelectedAction->setObjectName(QStringLiteral("retrySelectedAction"));
    m_retrySelectedAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    connect(m_retrySelectedAction, &QAction::triggered, this, &MainWindow::retrySelected);

    m_acknowledgeAction = new QAction(icons::ok(), tr("&Acknowledge Crash"), this);
    m_acknowledgeAction->setObjectName(QStringLiteral("acknowledgeAction"));
    m_acknowledgeAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(m_acknowledgeAction, &QAction::triggered, this, [this] {
        if (m_backend && m_commandsEnabled)
            m_backend->acknowledgeCrash();
    });

    m_historyAction = new QAction(icons::history(), tr("&History"), this);
    m_historyAction->setObjectName(QStringLiteral("historyAction"));
    m_historyAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_H));
    m_historyAction->setToolTip(tr("Show earlier start-ups"));
    connect(m_historyAction, &QAction::triggered, this, &MainWindow::showHistory);

    m_quitAction = new QAction(icons::quit(), tr("&Quit"), this);
    m_quitAction->setObjectName(QStringLiteral("quitAction"));
    m_quitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    m_quitAction->setMenuRole(QAction::QuitRole);
    connect(m_quitAction, &QAction::triggered, this, &MainWindow::requestQuit);

    m_aboutAction = new QAction(icons::app(), tr("&About Archy Recovery"), this);
    m_aboutAction->setMenuRole(QAction::AboutRole);
    m_aboutAction->setObjectName(QStringLiteral("aboutAction"));
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);

    // Shortcuts work in kiosk mode too (a keyboard may be plugged in), with no menu to host them.
    addAction(m_retryAllAction);
    addAction(m_retrySelectedAction);
    addAction(m_acknowledgeAction);
    addAction(m_historyAction);
    addAction(m_quitAction);
}

QWidget *MainWindow::buildRecoveryPage()
{
    auto *page = new QWidget(this);
    page->setObjectName(QStringLiteral("recoveryPage"));

    m_connectionBanner = new ConnectionBanner(page);
    m_banner = new CrashBanner(page);

    m_errorBar = new QFrame(page);
    m_errorBar->setObjectName(QStringLiteral("errorBar"));
    m_errorLabel = new QLabel(m_errorBar);
    m_errorLabel->setObjectName(QStringLiteral("errorLabel"));
    m_errorLabel->setWordWrap(true);
    m_errorLabel->setTextFormat(Qt::PlainText);
    m_errorLabel->setAccessibleName(tr("Error"));
    m_dismissErrorButton =
        makeButton(QIcon(), tr("Dismiss"), QStringLiteral("dismissErrorButton"), m_errorBar);
    m_dismissErrorButton->setAccessibleName(tr("Dismiss error"));
    connect(m_dismissErrorButton, &QPushButton::clicked, m_errorBar, &QWidget::hide);
    auto *errorIcon = new QLabel(m_errorBar);
    errorIcon->setPixmap(icons::warning().pixmap(24, 24));
    auto *errorLayout = new QHBoxLayout(m_errorBar);
    errorLayout->setContentsMargins(0, 0, 0, 0);
    errorLayout->addWidget(errorIcon, 0, Qt::AlignTop);
    errorLayout->addWidget(m_errorLabel, 1);
    errorLayout->addWidget(m_dismissErrorButton, 0, Qt::AlignTop);
    m_errorBar->hide();

    m_summaryLabel = new QLabel(page);
    m_summaryLabel->setObjectName(QStringLiteral("summaryLabel"));
    QFont summaryFont = m_summaryLabel->font();
    summaryFont.setBold(true);
    summaryFont.setPointSizeF(summaryFont.pointSizeF() * 1.15);
    m_summaryLabel->setFont(summaryFont);
    // Wraps rather than widening the window past a small screen in a longer language.
    m_summaryLabel->setWordWrap(true);
    m_busyLabel = new QLabel(tr("Recovering…"), page);
    m_busyLabel->setObjectName(QStringLiteral("busyLabel"));
    m_nodeLabel = new QLabel(page);
    m_nodeLabel->setObjectName(QStringLiteral("nodeLabel"));
    m_nodeLabel->setTextFormat(Qt::PlainText);
    m_progress = new QProgressBar(page);
    m_progress->setObjectName(QStringLiteral("overallProgress"));
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_podmanBanner = new QLabel(page);
    m_podmanBanner->setObjectName(QStringLiteral("podmanBanner"));
    m_podmanBanner->setWordWrap(true);
    m_podmanBanner->setTextFormat(Qt::PlainText);
    m_podmanBanner->setAutoFillBackground(true);
    {
        QPalette pal = m_podmanBanner->palette();
        pal.setColor(QPalette::Window, QColor(0xb3, 0x26, 0x1e));
        pal.setColor(QPalette::WindowText, Qt::white);
        m_podmanBanner->setPalette(pal);
        m_podmanBanner->setMargin(8);
    }
    m_podmanBanner->hide();

    m_view = new ContainerView(m_model, page);
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this] { updateSummary(); });

    m_retryAllButton =
        makeButton(icons::retry(), tr("Retry all failed"), QStringLiteral("retryAllButton"), page);
    connect(m_retryAllButton, &QPushButton::clicked, this, &MainWindow::retryAllFailed);

    auto *summaryRow = new QHBoxLayout;
    summaryRow->addWidget(m_summaryLabel, 1);
    summaryRow->addSpacing(12);
    summaryRow->addWidget(m_busyLabel);
    summaryRow->addWidget(m_nodeLabel);

    auto *layout = new QVBoxLayout(page);
    if (m_mode == WindowMode::Kiosk) {
        layout->setContentsMargins(6, 6, 6, 6);
        layout->setSpacing(4);
    }
    layout->addWidget(m_connectionBanner);
    layout->addWidget(m_podmanBanner);
    layout->addWidget(m_banner);
    layout->addWidget(m_errorBar);
    layout->addLayout(summaryRow);
    layout->addWidget(m_progress);
    layout->addWidget(m_view, 1);

    if (m_mode == WindowMode::Kiosk) {
        m_historyButton = makeButton(icons::history(), tr("History"), QStringLiteral("historyButton"), page);
        m_quitButton = makeButton(icons::quit(), tr("Quit"), QStringLiteral("quitButton"), page);
        m_nodeButton = makeButton(icons::info(), tr("Node"), QStringLiteral("nodeButton"), page);
        m_nodeButton->setAccessibleName(tr("About this node"));
        connect(m_historyButton, &QPushButton::clicked, this, &MainWindow::showHistory);
        connect(m_quitButton, &QPushButton::clicked, this, &MainWindow::requestQuit);
        connect(m_nodeButton, &QPushButton::clicked, this, &MainWindow::showNodeInfo);
        auto *bottom = new QHBoxLayout;
        bottom->addWidget(m_retryAllButton, 2);
        bottom->addWidget(m_historyButton, 1);
        bottom->addWidget(m_nodeButton, 1);
        bottom->addWidget(m_quitButton, 1);
        layout->addLayout(bottom);
        m_connectionLabel = new QLabel(page);
        m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
        m_connectionLabel->setWordWrap(true);
        m_connectionLabel->setTextFormat(Qt::PlainText);
        m_connectionLabel->hide();
        layout->addWidget(m_connectionLabel);
    } else {
        summaryRow->addWidget(m_retryAllButton);
    }
    return page;
}

void MainWindow::buildDesktopChrome()
{
    QMenu *fileMenu = menuBar()->addMenu(tr("&File"));
    fileMenu->addAction(m_historyAction);
    fileMenu->addSeparator();
    fileMenu->addAction(m_quitAction);

    QMenu *recoveryMenu = menuBar()->addMenu(tr("&Recovery"));
    recoveryMenu->addAction(m_retrySelectedAction);
    recoveryMenu->addAction(m_retryAllAction);
    recoveryMenu->addSeparator();
    recoveryMenu->addAction(m_acknowledgeAction);

    QMenu *helpMenu = menuBar()->addMenu(tr("&Help"));
    helpMenu->addAction(m_aboutAction);

    QToolBar *toolBar = addToolBar(tr("Main Toolbar"));
    toolBar->setObjectName(QStringLiteral("mainToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->setMovable(false);
    toolBar->addAction(m_retryAllAction);
    toolBar->addAction(m_historyAction);
    toolBar->addSeparator();
    toolBar->addAction(m_quitAction);

    m_statusSummary = new QLabel(this);
    statusBar()->addWidget(m_statusSummary, 1);
    m_connectionLabel = new QLabel(this);
    m_connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    m_connectionLabel->setTextFormat(Qt::PlainText);
    statusBar()->addPermanentWidget(m_connectionLabel);
    m_dataDirLabel = new QLabel(this);
    m_dataDirLabel->setObjectName(QStringLiteral("dataDirLabel"));
    m_dataDirLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusBar()->addPermanentWidget(m_dataDirLabel);

    m_view->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_view->addAction(m_retrySelectedAction);
    m_view->addAction(m_retryAllAction);
}

void MainWindow::showForMode()
{
    if (m_mode == WindowMode::Kiosk) {
        QScreen *s = screen() ? screen() : QGuiApplication::primaryScreen();
        // Without a window manager (a bare X server on the node) the full-screen state is only a
        // hint nobody acts on, so the geometry is set explicitly, before and after mapping.
        if (s)
            setGeometry(s->geometry());
        showFullScreen();
        followScreen(screen() ? screen() : s);
        if (QWindow *window = windowHandle()) {
            QObject::disconnect(m_screenChangedConnection);
            m_screenChangedConnection = connect(window, &QWindow::screenChanged, this,
                                                [this](QScreen *newScreen) { followScreen(newScreen); });
        }
        return;
    }
    restoreSettings();
    show();
}

void MainWindow::followScreen(QScreen *screen)
{
    if (screen != m_followedScreen) {
        QObject::disconnect(m_screenGeometryConnection);
        m_followedScreen = screen;
        if (screen)
            m_screenGeometryConnection =
                connect(screen, &QScreen::geometryChanged, this, &MainWindow::coverScreen);
    }
    coverScreen();
}

void MainWindow::coverScreen()
{
    if (m_mode != WindowMode::Kiosk || !m_followedScreen)
        return;
    const QRect target = m_followedScreen->geometry();
    if (geometry() != target)
        setGeometry(target);
    if (!isFullScreen() && isVisible())
        showFullScreen();
}

void MainWindow::onCrashLoop(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row >= 0)
        m_view->scrollTo(m_model->index(row, ContainerModel::Name));
    const QString message =
        tr("%1 keeps stopping soon after being started; it is no longer restarted automatically.").arg(name);
    if (m_mode == WindowMode::Desktop)
        statusBar()->showMessage(message, 15000);
}

bool MainWindow::isHistoryShown() const
{
    return m_pages->currentWidget() == m_history;
}

void MainWindow::retryAllFailed()
{
    if (!m_backend || !m_commandsEnabled || m_model->retryableCount() == 0)
        return;
    const QList<FleetEntry> entries = m_model->entries();
    for (const FleetEntry &e : entries) {
        if (e.state == FleetState::Failed || e.state == FleetState::CrashLoop)
            m_model->markRetryPending(e.status.name);
    }
    m_backend->retryAllFailed();
}

void MainWindow::retrySelected()
{
    const QString name = m_view->currentContainer();
    if (!name.isEmpty())
        m_view->requestRetry(name);
}

void MainWindow::showHistory()
{
    m_history->refresh();
    m_pages->setCurrentWidget(m_history);
    m_history->reportList()->setFocus();
}

void MainWindow::showRecovery()
{
    m_pages->setCurrentIndex(0);
    m_view->setFocus();
}

void MainWindow::showNodeInfo()
{
    m_nodeInfo->refresh();
    m_pages->setCurrentWidget(m_nodeInfo);
    m_nodeInfo->backButton()->setFocus();
}

bool MainWindow::isNodeInfoShown() const
{
    return m_pages->currentWidget() == m_nodeInfo;
}

DetailsPage *MainWindow::containerDetails() const
{
    return m_pages->currentWidget() == m_details ? m_details : nullptr;
}

void MainWindow::retryFromDetails(const QString &name)
{
    if (!m_backend || !m_commandsEnabled)
        return;
    const int row = m_model->rowOf(name);
    if (row < 0 || !m_model->index(row, 0).data(ContainerModel::CanRetryRole).toBool())
        return;
    m_model->markRetryPending(name);
    m_backend->retry(name);
    // Back to the list, where the retry is seen happening among the others.
    showRecovery();
}

void MainWindow::updateNodeName()
{
    QString name = m_nodeName;
    if (name.isEmpty() && m_backend)
        name = m_backend->nodeIdentity().name;
    m_nodeLabel->setText(name.isEmpty() ? QString() : tr("Node %1").arg(name));
    m_nodeLabel->setVisible(!name.isEmpty());
    setWindowTitle(name.isEmpty() ? tr("Archy Recovery") : tr("%1 – Archy Recovery").arg(name));
}

void MainWindow::requestQuit()
{
    if (m_mode == WindowMode::Desktop || m_quitConfirmed) {
        close();
        return;
    }
    if (m_quitBox) {
        m_quitBox->raise();
        m_quitBox->activateWindow();
        return;
    }
    m_quitBox = new QMessageBox(QMessageBox::Question, tr("Quit"), tr("Quit the recovery console?"),
                                QMessageBox::NoButton, this);
    m_quitBox->setObjectName(QStringLiteral("quitConfirmation"));
    m_quitBox->setInformativeText(tr("Containers that are already running keep running."));
    m_quitBox->setAttribute(Qt::WA_DeleteOnClose);
    QPushButton *quit = m_quitBox->addButton(tr("Quit"), QMessageBox::AcceptRole);
    quit->setObjectName(QStringLiteral("confirmQuitButton"));
    quit->setAccessibleName(tr("Quit the recovery console"));
    QPushButton *stay = m_quitBox->addButton(tr("Cancel"), QMessageBox::RejectRole);
    stay->setObjectName(QStringLiteral("cancelQuitButton"));
    stay->setAccessibleName(tr("Cancel, keep the console open"));
    for (QPushButton *button : {quit, stay})
        button->setMinimumSize(qMax(160, m_touchSize * 3), m_touchSize);
    m_quitBox->setDefaultButton(stay);
    m_quitBox->setEscapeButton(stay);
    connect(m_quitBox, &QMessageBox::buttonClicked, this, [this, quit](QAbstractButton *clicked) {
        if (clicked != quit)
            return;
        m_quitConfirmed = true;
        close();
    });
    m_quitBox->open();
}

void MainWindow::showContainerDetails(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    m_details->showEntry(m_model->entry(index.row()));
    m_pages->setCurrentWidget(m_details);
    m_details->backButton()->setFocus();
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // On the kiosk an accidental Alt+F4 or a stray close must not take the console away.
    if (m_mode == WindowMode::Kiosk && !m_quitConfirmed) {
        event->ignore();
        requestQuit();
        return;
    }
    if (m_mode == WindowMode::Desktop)
        saveSettings();
    QMainWindow::closeEvent(event);
}

void MainWindow::resizeEvent(QResizeEvent *event)
{
    QMainWindow::resizeEvent(event);
    if (m_mode == WindowMode::Kiosk && height() > 0)
        applyKioskMetrics(height());
}

void MainWindow::applyKioskMetrics(int screenHeight)
{
    // Same physical readability from the 7-inch 800x480 panel up to a 1080p screen.
    const int base = qBound(20, screenHeight / 24, 32);
    if (base == m_appliedHeight)
        return;
    m_appliedHeight = base;
    const int large = base * 13 / 10;
    m_touchSize = qMax(48, base * 12 / 5);
    // A finger must be able to grab the scrollbar too.
    const int scroll = m_touchSize;

    QFont f = font();
    f.setPixelSize(base);
    setFont(f);

    QFile file(QStringLiteral(":/archy/kiosk.qss"));
    QString qss;
    if (file.open(QIODevice::ReadOnly))
        qss = QString::fromUtf8(file.readAll());
    qss.replace(QLatin1String("@BASE@"), QString::number(base));
    qss.replace(QLatin1String("@LARGE@"), QString::number(large));
    qss.replace(QLatin1String("@TOUCH@"), QString::number(m_touchSize));
    qss.replace(QLatin1String("@SCROLL@"), QString::number(scroll));
    // Small print (where the agent listens, its certificate) that must still be read at arm's length.
    qss.replace(QLatin1String("@SMALL@"), QString::number(qMax(14, base * 4 / 5)));
    setStyleSheet(qss);

    m_banner->setTouchMode(true, m_touchSize);
    m_connectionBanner->setTouchMode(true, m_touchSize);
    m_view->setTouchMode(true, m_touchSize);
    m_history->setTouchSize(m_touchSize);
    m_details->setTouchSize(m_touchSize);
    m_nodeInfo->setTouchSize(m_touchSize);
    for (QPushButton *button :
         {m_retryAllButton, m_historyButton, m_nodeButton, m_quitButton, m_dismissErrorButton}) {
        if (button) {
            button->setMinimumHeight(m_touchSize);
            button->setIconSize(QSize(m_touchSize / 2, m_touchSize / 2));
        }
    }
}

void MainWindow::updateSummary()
{
    QString summary = m_model->summaryText();
    if (!m_commandsEnabled && m_model->totalCount() == 0)
        summary = tr("No state from the recovery agent yet");
    m_summaryLabel->setText(summary);
    m_summaryLabel->setAccessibleName(summary);
    if (m_statusSummary)
        m_statusSummary->setText(summary);

    // One banner when podman itself fails, instead of the same error on every row.
    const Fleet fleet = m_model->fleet();
    if (!fleet.podmanProblem.isEmpty()) {
        const StatusText::Cause cause = StatusText::knownCause(fleet.podmanProblem);
        m_podmanBanner->setText(tr("Podman is not working, so no service can be started or checked.\n%1")
                                    .arg(StatusText::condensedError(fleet.podmanProblem)));
        m_podmanBanner->setToolTip(fleet.podmanProblem);
        Q_UNUSED(cause)
    }
    m_podmanBanner->setVisible(!fleet.podmanProblem.isEmpty());

    // The overall bar: how many of those this run acts on are done, while it is in flight.
    int inRun = 0;
    int done = 0;
    for (const FleetEntry &entry : fleet.containers) {
        if (!entry.inRun)
            continue;
        ++inRun;
        done += isInFlight(entry.state) ? 0 : 1;
    }
    // Only while the agent is heard: without a connection the rows are the last known state, and
    // a bar would claim live progress (on the kiosk its room goes to the connection banner).
    const bool inFlight = m_commandsEnabled && m_model->inFlightCount() > 0 && inRun > 0;
    if (inFlight) {
        m_progress->setRange(0, inRun);
        m_progress->setValue(done);
        m_progress->setFormat(tr("%1 of %2 done").arg(done).arg(inRun));
    }
    m_progress->setVisible(inFlight);
    m_banner->setProblemCount(m_model->failedCount());

    if (DetailsPage *details = containerDetails()) {
        const int row = m_model->rowOf(details->containerName());
        if (row >= 0)
            details->updateEntry(m_model->entry(row));
    }

    const bool canRetryAll = m_commandsEnabled && m_model->retryableCount() > 0;
    m_retryAllButton->setEnabled(canRetryAll);
    m_retryAllAction->setEnabled(canRetryAll);
    const QModelIndex current = m_view->currentIndex();
    m_retrySelectedAction->setEnabled(m_commandsEnabled && current.isValid() &&
                                      current.data(ContainerModel::CanRetryRole).toBool());
    m_acknowledgeAction->setEnabled(m_commandsEnabled && m_banner->isAlarming());
}

void MainWindow::setBusy(bool busy)
{
    // The overall bar says it on screen; the word stays for the desktop's status line.
    m_busyLabel->setVisible(busy && !m_progress->isVisible());
}

void MainWindow::showError(const QString &message)
{
    m_errorLabel->setText(message);
    m_errorBar->show();
    if (m_mode == WindowMode::Desktop)
        statusBar()->showMessage(message, 10000);
}

void MainWindow::saveSettings() const
{
    UiSettings s;
    s.setWindowGeometry(saveGeometry());
    s.setWindowState(saveState());
    s.setColumnState(m_view->horizontalHeader()->saveState());
}

void MainWindow::restoreSettings()
{
    const UiSettings s;
    restoreGeometry(s.windowGeometry());
    restoreState(s.windowState());
    // A node asked for on the command line is shown whatever the last session left.
    if (m_nodeDock && m_nodeDock->property("requested").toBool())
        m_nodeDock->show();
    // Column widths only; a stored layout must not resurrect columns a newer version removed.
    const QByteArray columns = s.columnState();
    if (!columns.isEmpty())
        m_view->horizontalHeader()->restoreState(columns);
}

} // namespace archy
