#include "KioskWindow.h"

#include <QCloseEvent>
#include <QFile>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QLabel>
#include <QLayout>
#include <QPushButton>
#include <QScreen>
#include <QVBoxLayout>
#include <QWindow>

#include "ConnectionBanner.h"
#include "ContainerView.h"
#include "CrashBanner.h"
#include "DetailsPage.h"
#include "HistoryView.h"
#include "Icons.h"
#include "NodeInfoPage.h"

namespace archy {

KioskWindow::KioskWindow(RecoveryBackend *backend, QWidget *parent)
    : MainWindow(backend, WindowMode::Kiosk, parent)
{
    setWindowFlag(Qt::FramelessWindowHint, true);
    overviewLayout()->setContentsMargins(6, 6, 6, 6);
    overviewLayout()->setSpacing(4);
    buildButtons();
    // Tooltips need a hover the touch screen does not have, so a tap opens the details.
    connect(containerView(), &QAbstractItemView::clicked, this, &KioskWindow::showContainerDetails);
    attachInitialBackend();

    // The kiosk covers its screen and sizes its fonts and targets from its own height
    // (resizeEvent): a minimum size taken from the metrics of a bigger screen would only keep
    // it from ever reaching 800x480, where the smaller metrics fit.
    layout()->setSizeConstraint(QLayout::SetNoConstraint);
    const QScreen *s = screen() ? screen() : QGuiApplication::primaryScreen();
    applyMetrics(s ? s->geometry().height() : 480);
}

KioskWindow::~KioskWindow() = default;

void KioskWindow::buildButtons()
{
    QWidget *page = overviewPage();
    m_historyButton =
        makeConsoleButton(icons::history(), tr("History"), QStringLiteral("historyButton"), page);
    m_quitButton = makeConsoleButton(icons::quit(), tr("Quit"), QStringLiteral("quitButton"), page);
    m_nodeButton = makeConsoleButton(icons::info(), tr("Node"), QStringLiteral("nodeButton"), page);
    m_nodeButton->setAccessibleName(tr("About this node"));
    connect(m_historyButton, &QPushButton::clicked, this, &KioskWindow::showHistory);
    connect(m_quitButton, &QPushButton::clicked, this, &KioskWindow::requestQuit);
    connect(m_nodeButton, &QPushButton::clicked, this, &KioskWindow::showNodeInfo);
    auto *bottom = new QHBoxLayout;
    bottom->addWidget(retryAllButton(), 2);
    bottom->addWidget(m_historyButton, 1);
    bottom->addWidget(m_nodeButton, 1);
    bottom->addWidget(m_quitButton, 1);
    overviewLayout()->addLayout(bottom);

    auto *connectionLabel = new QLabel(page);
    connectionLabel->setObjectName(QStringLiteral("connectionLabel"));
    connectionLabel->setWordWrap(true);
    connectionLabel->setTextFormat(Qt::PlainText);
    connectionLabel->hide();
    overviewLayout()->addWidget(connectionLabel);
    setConnectionLabel(connectionLabel);
}

void KioskWindow::connectionLabelUpdated(RecoveryBackend::Connection connection)
{
    // The banner speaks for every state but Connected.
    connectionLabel()->setVisible(connection == RecoveryBackend::Connection::Connected);
}

void KioskWindow::showTransientMessage(const QString &message, int timeoutMs)
{
    // Errors have their bar and crash loops their row: a line that vanishes by itself would be
    // missed by an owner who walks up to the screen later.
    Q_UNUSED(message)
    Q_UNUSED(timeoutMs)
}

void KioskWindow::showForMode()
{
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
}

void KioskWindow::followScreen(QScreen *screen)
{
    if (screen != m_followedScreen) {
        QObject::disconnect(m_screenGeometryConnection);
        m_followedScreen = screen;
        if (screen)
            m_screenGeometryConnection =
                connect(screen, &QScreen::geometryChanged, this, &KioskWindow::coverScreen);
    }
    coverScreen();
}

void KioskWindow::coverScreen()
{
    if (!m_followedScreen)
        return;
    const QRect target = m_followedScreen->geometry();
    if (geometry() != target)
        setGeometry(target);
    if (!isFullScreen() && isVisible())
        showFullScreen();
}

void KioskWindow::requestQuit()
{
    if (m_quitConfirmed) {
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

void KioskWindow::closeEvent(QCloseEvent *event)
{
    // An accidental Alt+F4 or a stray close must not take the console away.
    if (!m_quitConfirmed) {
        event->ignore();
        requestQuit();
        return;
    }
    MainWindow::closeEvent(event);
}

void KioskWindow::resizeEvent(QResizeEvent *event)
{
    MainWindow::resizeEvent(event);
    if (height() > 0)
        applyMetrics(height());
}

void KioskWindow::applyMetrics(int screenHeight)
{
    // Same physical readability from the 7-inch 800x480 panel up to a 1080p screen.
    const int base = qBound(20, screenHeight / 24, 32);
    if (base == m_appliedBase)
        return;
    m_appliedBase = base;
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

    crashBanner()->setTouchMode(true, m_touchSize);
    connectionBanner()->setTouchMode(true, m_touchSize);
    containerView()->setTouchMode(true, m_touchSize);
    historyView()->setTouchSize(m_touchSize);
    detailsPage()->setTouchSize(m_touchSize);
    nodeInfoPage()->setTouchSize(m_touchSize);
    for (QPushButton *button :
         {retryAllButton(), m_historyButton, m_nodeButton, m_quitButton, dismissErrorButton()}) {
        button->setMinimumHeight(m_touchSize);
        button->setIconSize(QSize(m_touchSize / 2, m_touchSize / 2));
    }
}

} // namespace archy
