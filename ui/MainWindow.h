#pragma once

#include <QMainWindow>
#include <QMessageBox>
#include <QPointer>

#include "WindowMode.h"

class QAction;
class QLabel;
class QPushButton;
class QScreen;
class QStackedWidget;

namespace archy {

class ContainerModel;
class ContainerView;
class CrashBanner;
class HistoryView;
class RecoveryBackend;

/**
 * The recovery console: crash banner, container table with retries, history. Talks only to a
 * RecoveryBackend, so it drives the in-process engine and a remote one alike.
 */
class MainWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MainWindow)

public:
    MainWindow(RecoveryBackend *backend, WindowMode mode, QWidget *parent = nullptr);
    ~MainWindow() override;

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
    /// The open container details box, nullptr if none.
    QMessageBox *containerDetails() const { return m_detailsBox; }

public slots:
    void retryAllFailed();
    void retrySelected();
    void showHistory();
    void showRecovery();
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
    void onCrashLoop(const QString &name);
    void updateSummary();
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
    QWidget *m_errorBar = nullptr;
    QLabel *m_errorLabel = nullptr;
    QLabel *m_statusSummary = nullptr;
    QPushButton *m_retryAllButton = nullptr;
    QPushButton *m_historyButton = nullptr;
    QPushButton *m_quitButton = nullptr;
    QPushButton *m_dismissErrorButton = nullptr;
    QPointer<QMessageBox> m_quitBox;
    QPointer<QMessageBox> m_detailsBox;
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
};

} // namespace archy
