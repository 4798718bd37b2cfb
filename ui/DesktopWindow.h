#pragma once

#include <QUrl>

#include "MainWindow.h"

class QDockWidget;

namespace archy {

class NodeList;

/**
 * The console for an admin at a workstation: menus, tool bar and status bar, a node list (in a dock)
 * to watch several nodes, remembered geometry, keyboard first (Enter opens a row's details, Ctrl+R
 * retries it).
 */
class DesktopWindow final : public MainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DesktopWindow)

public:
    /// @p backend is the node list's first row, called @p nodeName ("This node" when empty).
    explicit DesktopWindow(RecoveryBackend *backend, const QString &nodeName = QString(),
                           QWidget *parent = nullptr);
    ~DesktopWindow() override;

    WindowMode mode() const override { return WindowMode::Desktop; }
    /// Restores the remembered geometry and shows.
    void showForMode() override;

    /**
     * The node at @p url (wss://host:port) with the token in @p tokenFile, added to the node list
     * (and the settings) if new, selected and shown. Returns its backend.
     */
    RecoveryBackend *addRemoteNode(const QUrl &url, const QString &tokenFile);
    NodeList *nodeList() const { return m_nodeList; }
    QDockWidget *nodeDock() const { return m_nodeDock; }

public slots:
    /// Closes: the desktop has a keyboard and a window manager, so nothing is asked.
    void requestQuit() override;

protected:
    void closeEvent(QCloseEvent *event) override;
    void showTransientMessage(const QString &message, int timeoutMs) override;
    void connectionLabelUpdated(archy::RecoveryBackend::Connection connection) override;
    void summaryUpdated(const QString &summary) override;
    void backendAttached() override;

private:
    void buildMenus();
    void buildStatusBar();
    void buildNodeDock(const QString &nodeName);
    void setTabOrderByScreen();
    void showAbout();
    void updateDataDir();
    void saveSettings() const;
    void restoreSettings();

    QLabel *m_statusSummary = nullptr;
    QLabel *m_dataDirLabel = nullptr;
    NodeList *m_nodeList = nullptr;
    QDockWidget *m_nodeDock = nullptr;
    QAction *m_aboutAction = nullptr;
};

} // namespace archy
