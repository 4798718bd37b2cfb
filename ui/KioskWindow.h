#pragma once

#include <QMessageBox>
#include <QPointer>

#include "MainWindow.h"

class QScreen;

namespace archy {

/**
 * The console on the node's own touch screen: covers the screen, sizes fonts and touch targets
 * from its height (800x480 up to 1080p), a tap opens a row's details page, big buttons along the
 * bottom, and quitting asks first. Everything is a page of this one window: no keyboard is needed
 * and nothing opens off the screen.
 */
class KioskWindow final : public MainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KioskWindow)

public:
    explicit KioskWindow(RecoveryBackend *backend, QWidget *parent = nullptr);
    ~KioskWindow() override;

    WindowMode mode() const override { return WindowMode::Kiosk; }
    /// Shows full screen and keeps covering the screen when its geometry changes or the window
    /// moves to another one: needed where no window manager honours the full-screen request.
    void showForMode() override;

    /// Touch target size derived from the screen height (pixels).
    int touchSize() const { return m_touchSize; }
    QPushButton *historyButton() const { return m_historyButton; }
    QPushButton *nodeButton() const { return m_nodeButton; }
    QPushButton *quitButton() const { return m_quitButton; }
    /// The open quit confirmation, nullptr if none.
    QMessageBox *quitConfirmation() const { return m_quitBox; }

public slots:
    /// Asks first (non-modal open(), never exec()); quits once confirmed.
    void requestQuit() override;

protected:
    void closeEvent(QCloseEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    void showTransientMessage(const QString &message, int timeoutMs) override;
    void connectionLabelUpdated(archy::RecoveryBackend::Connection connection) override;

private:
    void buildButtons();
    void applyMetrics(int screenHeight);
    void followScreen(QScreen *screen);
    void coverScreen();

    QPushButton *m_historyButton = nullptr;
    QPushButton *m_quitButton = nullptr;
    QPushButton *m_nodeButton = nullptr;
    QPointer<QMessageBox> m_quitBox;
    QPointer<QScreen> m_followedScreen;
    QMetaObject::Connection m_screenGeometryConnection;
    QMetaObject::Connection m_screenChangedConnection;
    int m_touchSize = 48;
    int m_appliedBase = -1;
    bool m_quitConfirmed = false;
};

} // namespace archy
