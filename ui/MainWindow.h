#pragma once

#include <QMainWindow>
#include <QPointer>

#include <memory>

#include "WindowMode.h"
#include "recovery/RecoveryBackend.h"

class QAction;
class QBoxLayout;
class QHBoxLayout;
class QLabel;
class QProgressBar;
class QPushButton;
class QStackedWidget;
class QVBoxLayout;

namespace archy {

class ConnectionBanner;
class ContainerModel;
class ContainerView;
class CrashBanner;
class DetailsPage;
class NodeInfoPage;
class HistoryView;

/**
 * What both faces of the recovery console share: the pages (overview with the crash banner and the
 * container rows, container details, history, node information) inside one window, and the one
 * backend they show. It talks only to a RecoveryBackend, so it drives the in-process engine and a
 * remote one alike.
 *
 * The kiosk (KioskWindow: full screen, touch, no keyboard) and the desktop (DesktopWindow: menus,
 * node list, remembered geometry) add their own chrome around it; nothing here asks which one it is.
 */
class MainWindow : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    /**
     * The window for @p mode showing @p backend (not null; the caller keeps it). On the desktop,
     * @p nodeName names the first node in the node list ("This node" when empty).
     */
    static std::unique_ptr<MainWindow> create(RecoveryBackend *backend, WindowMode mode,
                                              const QString &nodeName = QString());
    ~MainWindow() override;

    virtual WindowMode mode() const = 0;
    /// Desktop: restores the remembered geometry and shows; kiosk: covers its screen.
    virtual void showForMode() = 0;

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
     * "LAN: wss://0.0.0.0:8443 · certificate SHA-256 AB:CD:…". Shown on the node page (and the
     * desktop's About box). Empty hides it.
     */
    void setEndpointInfo(const QString &text);
    QString endpointInfo() const { return m_endpointInfo; }

    ConnectionBanner *connectionBanner() const { return m_connectionBanner; }
    /// Kiosk: the line under the buttons; desktop: in the status bar.
    QLabel *connectionLabel() const { return m_connectionLabel; }
    /// True where commands reach the engine (in-process or connected).
    bool commandsEnabled() const { return m_commandsEnabled; }

    ContainerModel *containerModel() const { return m_model; }
    ContainerView *containerView() const { return m_view; }
    CrashBanner *crashBanner() const { return m_banner; }
    HistoryView *historyView() const { return m_history; }
    QPushButton *retryAllButton() const { return m_retryAllButton; }
    bool isHistoryShown() const;
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

public slots:
    void retryAllFailed();
    void retrySelected();
    void showHistory();
    void showRecovery();
    void showNodeInfo();
    /// Desktop: closes. Kiosk: asks first (non-modal, never exec()).
    virtual void requestQuit() = 0;
    /// Full state, attempts, error and logs of one row, as a page of this window.
    void showContainerDetails(const QModelIndex &index);

protected:
    /// Builds the pages; @p mode only picks the history's layout. The subclass builds its chrome,
    /// then calls attachInitialBackend().
    MainWindow(RecoveryBackend *backend, WindowMode mode, QWidget *parent);
    /// Follows the backend given to the constructor: the last step of a subclass's constructor,
    /// once the hooks below have what they need.
    void attachInitialBackend();

    /// The overview page's layout, top to bottom, and the row that holds the headline.
    QVBoxLayout *overviewLayout() const { return m_overviewLayout; }
    QHBoxLayout *summaryRow() const { return m_summaryRow; }
    QWidget *overviewPage() const { return m_overviewPage; }
    QPushButton *dismissErrorButton() const { return m_dismissErrorButton; }
    void setConnectionLabel(QLabel *label) { m_connectionLabel = label; }
    /// The name the window gives the node it shows, when the backend does not name itself.
    void setShownNodeName(const QString &name);

    QAction *retryAllAction() const { return m_retryAllAction; }
    QAction *retrySelectedAction() const { return m_retrySelectedAction; }
    QAction *acknowledgeAction() const { return m_acknowledgeAction; }
    QAction *historyAction() const { return m_historyAction; }
    QAction *quitAction() const { return m_quitAction; }

    /// Text the desktop puts in its status bar for a while; the kiosk shows it elsewhere or not at all.
    virtual void showTransientMessage(const QString &message, int timeoutMs) = 0;
    /// After the connection label was given its text: the face decides where and when it shows.
    virtual void connectionLabelUpdated(archy::RecoveryBackend::Connection connection) = 0;
    /// Another backend is shown now (also the first, from attachInitialBackend()).
    virtual void backendAttached() {}
    /// The headline changed (the desktop repeats it in its status bar).
    virtual void summaryUpdated(const QString &summary) { Q_UNUSED(summary) }

private:
    void buildActions();
    void buildOverviewPage();
    void attachBackend(RecoveryBackend *backend);
    void onConnectionChanged(archy::RecoveryBackend::Connection connection, const QString &detail);
    void updateCrashBannerVisibility();
    void onCrashLoop(const QString &name);
    void updateSummary();
    void updatePodmanBanner();
    void updateOverallProgress();
    void updateCommands();
    void updateNodeName();
    void retryFromDetails(const QString &name);
    void setBusy(bool busy);
    void showError(const QString &message);

    QPointer<RecoveryBackend> m_backend;
    ContainerModel *m_model;
    QStackedWidget *m_pages = nullptr;
    QWidget *m_overviewPage = nullptr;
    QVBoxLayout *m_overviewLayout = nullptr;
    QHBoxLayout *m_summaryRow = nullptr;
    CrashBanner *m_banner = nullptr;
    ContainerView *m_view = nullptr;
    HistoryView *m_history = nullptr;
    DetailsPage *m_details = nullptr;
    NodeInfoPage *m_nodeInfo = nullptr;
    ConnectionBanner *m_connectionBanner = nullptr;
    QLabel *m_summaryLabel = nullptr;
    QLabel *m_busyLabel = nullptr;
    QLabel *m_nodeLabel = nullptr;
    QLabel *m_podmanBanner = nullptr;
    QProgressBar *m_progress = nullptr;
    QWidget *m_errorBar = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_connectionLabel = nullptr;
    QPushButton *m_retryAllButton = nullptr;
    QPushButton *m_dismissErrorButton = nullptr;
    QString m_nodeName; ///< as the window's owner calls it, for a remote node
    QString m_endpointInfo;

    QAction *m_retryAllAction = nullptr;
    QAction *m_retrySelectedAction = nullptr;
    QAction *m_acknowledgeAction = nullptr;
    QAction *m_historyAction = nullptr;
    QAction *m_quitAction = nullptr;

    bool m_commandsEnabled = true;
};

/// A push button for the console: named for tests and screen readers, never a dialog default.
QPushButton *makeConsoleButton(const QIcon &icon, const QString &text, const QString &objectName,
                               QWidget *parent);

} // namespace archy
