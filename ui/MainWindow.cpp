#include "MainWindow.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "ConnectionBanner.h"
#include "ContainerModel.h"
#include "ContainerView.h"
#include "CrashBanner.h"
#include "DesktopWindow.h"
#include "DetailsPage.h"
#include "HistoryView.h"
#include "Icons.h"
#include "KioskWindow.h"
#include "NodeInfoPage.h"
#include "StatusText.h"
#include "TextWrap.h"

namespace archy {

QPushButton *makeConsoleButton(const QIcon &icon, const QString &text, const QString &objectName,
                               QWidget *parent)
{
    auto *button = new QPushButton(icon, text, parent);
    button->setObjectName(objectName);
    button->setAccessibleName(text);
    button->setAutoDefault(false);
    return button;
}

std::unique_ptr<MainWindow> MainWindow::create(RecoveryBackend *backend, WindowMode mode,
                                               const QString &nodeName)
{
    if (mode == WindowMode::Kiosk)
        return std::make_unique<KioskWindow>(backend);
    return std::make_unique<DesktopWindow>(backend, nodeName);
}

MainWindow::MainWindow(RecoveryBackend *backend, WindowMode mode, QWidget *parent)
    : QMainWindow(parent), m_backend(backend), m_model(new ContainerModel(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Archy Recovery"));
    setWindowIcon(icons::app());

    buildActions();

    m_pages = new QStackedWidget(this);
    buildOverviewPage();
    m_pages->addWidget(m_overviewPage);
    m_history = new HistoryView(mode, m_pages);
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

    connect(m_model, &ContainerModel::summaryChanged, this, &MainWindow::updateSummary);
    // Through the window, not straight to a backend: the backend shown can change.
    connect(m_view, &ContainerView::retryRequested, this, [this](const QString &name) {
        if (m_backend && m_commandsEnabled)
            m_backend->retry(name);
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::updateCommands);
    // Enter or Space on a row; the faces add their own tap or double click.
    connect(m_view, &ContainerView::detailsRequested, this, &MainWindow::showContainerDetails);
}

MainWindow::~MainWindow()
{
    if (m_backend)
        disconnect(m_backend, nullptr, this, nullptr);
}

void MainWindow::attachInitialBackend()
{
    attachBackend(m_backend);
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
    onConnectionChanged(backend->connection(), backend->connectionDetail());
    updateNodeName();
    backendAttached();
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
        m_connectionLabel->setToolTip(plainToolTip(detail));
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
        connectionLabelUpdated(connection);
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

void MainWindow::setEndpointInfo(const QString &text)
{
    m_endpointInfo = text;
    m_nodeInfo->setEndpointInfo(text);
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

    // The shortcuts work in both faces (a keyboard may be plugged into the kiosk), menus or not.
    addAction(m_retryAllAction);
    addAction(m_retrySelectedAction);
    addAction(m_acknowledgeAction);
    addAction(m_historyAction);
    addAction(m_quitAction);
}

void MainWindow::buildOverviewPage()
{
    auto *page = new QWidget(this);
    m_overviewPage = page;
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
        makeConsoleButton(QIcon(), tr("Dismiss"), QStringLiteral("dismissErrorButton"), m_errorBar);
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
    m_summaryLabel->setTextFormat(Qt::PlainText);
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

    m_retryAllButton =
        makeConsoleButton(icons::retry(), tr("Retry all failed"), QStringLiteral("retryAllButton"), page);
    connect(m_retryAllButton, &QPushButton::clicked, this, &MainWindow::retryAllFailed);

    m_summaryRow = new QHBoxLayout;
    m_summaryRow->addWidget(m_summaryLabel, 1);
    m_summaryRow->addSpacing(12);
    m_summaryRow->addWidget(m_busyLabel);
    m_summaryRow->addWidget(m_nodeLabel);

    m_overviewLayout = new QVBoxLayout(page);
    m_overviewLayout->addWidget(m_connectionBanner);
    m_overviewLayout->addWidget(m_podmanBanner);
    m_overviewLayout->addWidget(m_banner);
    m_overviewLayout->addWidget(m_errorBar);
    m_overviewLayout->addLayout(m_summaryRow);
    m_overviewLayout->addWidget(m_progress);
    m_overviewLayout->addWidget(m_view, 1);
}

void MainWindow::onCrashLoop(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (row >= 0)
        m_view->scrollTo(m_model->index(row, ContainerModel::Name));
    showTransientMessage(
        tr("%1 keeps stopping soon after being started; it is no longer restarted automatically.").arg(name),
        15000);
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
    m_pages->setCurrentWidget(m_overviewPage);
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

void MainWindow::showContainerDetails(const QModelIndex &index)
{
    if (!index.isValid())
        return;
    m_details->showEntry(m_model->entry(index.row()));
    m_pages->setCurrentWidget(m_details);
    m_details->backButton()->setFocus();
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

void MainWindow::setShownNodeName(const QString &name)
{
    m_nodeName = name;
    updateNodeName();
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

void MainWindow::updateSummary()
{
    QString summary = m_model->summaryText();
    if (!m_commandsEnabled && m_model->totalCount() == 0)
        summary = tr("No state from the recovery agent yet");
    m_summaryLabel->setText(summary);
    m_summaryLabel->setAccessibleName(summary);
    summaryUpdated(summary);
    updatePodmanBanner();
    updateOverallProgress();
    m_banner->setProblemCount(m_model->failedCount());

    if (DetailsPage *details = containerDetails()) {
        const int row = m_model->rowOf(details->containerName());
        if (row >= 0)
            details->updateEntry(m_model->entry(row));
    }
    updateCommands();
}

void MainWindow::updatePodmanBanner()
{
    // One banner when podman itself fails, instead of the same error on every row.
    const QString problem = m_model->fleet().podmanProblem;
    if (!problem.isEmpty()) {
        m_podmanBanner->setText(tr("Podman is not working, so no service can be started or checked.\n%1")
                                    .arg(StatusText::condensedError(problem)));
        m_podmanBanner->setToolTip(plainToolTip(problem));
    }
    m_podmanBanner->setVisible(!problem.isEmpty());
}

void MainWindow::updateOverallProgress()
{
    // How many of those this run acts on are done, while it is in flight.
    int inRun = 0;
    int done = 0;
    const Fleet fleet = m_model->fleet();
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
        m_progress->setFormat(tr("%1 of %n done", nullptr, inRun).arg(done));
    }
    m_progress->setVisible(inFlight);
    setBusy(m_backend && m_backend->isBusy());
}

void MainWindow::updateCommands()
{
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
    // The overall bar says it on screen; the word is for when there is no bar to show.
    m_busyLabel->setVisible(busy && !m_progress->isVisible());
}

void MainWindow::showError(const QString &message)
{
    m_errorLabel->setText(message);
    m_errorBar->show();
    showTransientMessage(message, 10000);
}

} // namespace archy
