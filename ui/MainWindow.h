#pragma once

#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>
#include <QUrl>

#include "WindowMode.h"
#include "recovery/RecoveryBackend.h"

class QAction;
class QDockWidget;
class QLabel;
class QProgressBar;
class QPushButton;
class QScreen;
class QStackedWidget;

namespace archy {

class ConnectionBanner;
class ContainerModel;
class ContainerView;
class CrashBanner;
class DetailsPage;
class NodeInfoPage;
class HistoryView;
class NodeList;

/**
 * The recovery console: crash banner, container table with retries, history. Talks only to a
 * RecoveryBackend, so it drives the in-process engine and a remote one alike.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /// @p backend is shown first; on the desktop it is the node list's "This node". Must not be null.
    MainWindow(RecoveryBackend *backend, WindowMode mode, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// The backend shown now.
    RecoveryBackend *backend() const { return m_backend; }
    /**
     * Shows @p backend instead of the current one: rows, banner, busy state and connection are
     * reloaded from it and the previous backend's signals are no longer followed. The caller keeps
     * ownership; @p backend must not be null.
     */
    void setBackend(archy::RecoveryBackend *backend);

    /**
     * Where this node's agent can be reached, for an admin pinning its certificate, e.g.
     * "LAN: wss://0.0.0.0:8443 · certificate SHA-256 AB:CD:…". The kiosk shows it under the
     * history, the desktop in Help > About. Empty hides it.
     */
    void setEndpointInfo(const QString &text);
    QString endpointInfo() const { return m_endpointInfo; }

    /**
     * Desktop: the node at @p url (wss://host:port) with the token in @p tokenFile, added to the
     * node list (and the settings) if new, selected and shown. Returns its backend, nullptr in the
     * kiosk, which has no node list.
     */
    RecoveryBackend *addRemoteNode(const QUrl &url, const QString &tokenFile);
    /// The desktop's node list (in a dock), nullptr in the kiosk.
    NodeList *nodeList() const { return m_nodeList; }
    QDockWidget *nodeDock() const { return m_nodeDock; }

    ConnectionBanner *connectionBanner() const { return m_connectionBanner; }
    /// Kiosk: the line under the buttons; desktop: in the status bar.
    QLabel *connectionLabel() const { return m_connectionLabel; }
    /// True where commands reach the engine (in-process or connected).
    bool commandsEnabled() const { return m_commandsEnabled; }

    WindowMode mode() const { return m_mode; }
    /// Desktop: restores the remembered geometry and shows; Kiosk: shows full screen.
    void showForMode();

    /// Kiosk metrics derived from the screen height (pixels).
    int touchSize() const { return m_touchSize; }

    ContainerModel *containerModel() const { return m_model; }
    ContainerView *containerView() const { return m_view; }
    CrashBanner *crashBanner() const { return m_banner; }
    HistoryView *historyView() const { return m_history; }
    QPushButton *retryAllButton() const { return m_retryAllButton; }
    bool isHistoryShown() const;
    /// The open quit confirmation (kiosk), nullptr if none.
    QMessageBox *quitConfirmation() const { return m_quitBox; }
    /// The container details page while it is shown, nullptr otherwise.
    DetailsPage *containerDetails() const;
    DetailsPage *detailsPage() const { return m_details; }
    NodeInfoPage *nodeInfoPage() const { return m_nodeInfo; }
    bool isNodeInfoShown() const;
    /// The one banner for "podman itself is not working".
    QLabel *podmanBanner() const { return m_podmanBanner; }
    /// Done of all acted on, while a run is in flight.
    QProgressBar *overallProgress() const { return m_progress; }
    QLabel *summaryLabel() const { return m_summaryLabel; }
    /// Which node this window shows.
    QLabel *nodeLabel() const { return m_nodeLabel; }
    QPushButton *historyButton() const { return m_historyButton; }
    QPushButton *nodeButton() const { return m_nodeButton; }
    QPushButton *quitButton() const { return m_quitButton; }

public slots:
    void retryAllFailed();
    void retrySelected();
    void showHistory();
    void showRecovery();
    void showNodeInfo();
    /// Desktop: closes. Kiosk: asks first (non-modal open(), never exec()).
    void requestQuit();
    /// Full state, attempts and error of one row: a tap on the kiosk, a double click on the desktop.
    void showContainerDetails(const QModelIndex &index);

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void buildActions();
    void buildDesktopChrome();
    QWidget *buildRecoveryPage();
    void applyKioskMetrics(int screenHeight);
    /// Kiosk: covers screen and keeps covering it when its geometry changes or the window moves
    /// to another screen. Needed where no window manager honours the full-screen request.
    void followScreen(QScreen *screen);
    void coverScreen();
    void attachBackend(RecoveryBackend *backend);
    void onConnectionChanged(archy::RecoveryBackend::Connection connection, const QString &detail);
    void updateCrashBannerVisibility();
    void updateDataDir();
    void buildNodeDock();
    void showAbout();
    void onCrashLoop(const QString &name);
    void updateSummary();
    void updateNodeName();
    void retryFromDetails(const QString &name);
    void setBusy(bool busy);
    void showError(const QString &message);
    void saveSettings() const;
    void restoreSettings();

    QPointer<RecoveryBackend> m_backend;
    WindowMode m_mode;
    ContainerModel *m_model;
    CrashBanner *m_banner = nullptr;
    ContainerView *m_view = nullptr;
    HistoryView *m_history = nullptr;
    QStackedWidget *m_pages = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QLabel *m_busyLabel = nullptr;
    QLabel *m_nodeLabel = nullptr;
    QLabel *m_podmanBanner = nullptr;
    QProgressBar *m_progress = nullptr;
    DetailsPage *m_details = nullptr;
    NodeInfoPage *m_nodeInfo = nullptr;
    QString m_nodeName; ///< as the node list calls it, for a remote node
    QWidget *m_errorBar = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_statusSummary = nullptr;
    QLabel *m_dataDirLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    ConnectionBanner *m_connectionBanner = nullptr;
    NodeList *m_nodeList = nullptr;
    QDockWidget *m_nodeDock = nullptr;
    QString m_endpointInfo;
    QString m_windowTitle;
    QPushButton *m_retryAllButton = nullptr;
    QPushButton *m_historyButton = nullptr;
    QPushButton *m_quitButton = nullptr;
    QPushButton *m_nodeButton = nullptr;
    QPushButton *m_dismissErrorButton = nullptr;
    QPointer<QMessageBox> m_quitBox;
    QPointer<QScreen> m_followedScreen;
    QMetaObject::Connection m_screenGeometryConnection;
    QMetaObject::Connection m_screenChangedConnection;

    QAction *m_retryAllAction = nullptr;
    QAction *m_retrySelectedAction = nullptr;
    QAction *m_acknowledgeAction = nullptr;
    QAction *m_historyAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_aboutAction = nullptr;

    int m_touchSize = 48;
    int m_appliedHeight = -1;
    bool m_quitConfirmed = false;
    bool m_commandsEnabled = true;
};

} // namespace archy
