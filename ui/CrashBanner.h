#pragma once

#include <QFrame>
#include <QPointer>

#include "recovery/RecoveryTypes.h"

class QLabel;
class QPushButton;

namespace archy {

class RecoveryBackend;

/**
 * Top of the window: unmistakable while an unacknowledged crash is on record (when, how it was
 * recognised, how many containers were running, snapshot trouble), calm otherwise. Acknowledging
 * goes to the backend, which remembers it; the banner turns calm only once the backend confirms.
 */
class CrashBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CrashBanner)

public:
    explicit CrashBanner(QWidget *parent = nullptr);
    ~CrashBanner() override;

    void setBackend(RecoveryBackend *backend);
    /// False while commands cannot reach the engine (not connected): acknowledging is disabled.
    void setCommandsEnabled(bool enabled);
    /// Kiosk: larger icon and button.
    void setTouchMode(bool touch, int touchSize = 48);

    /// How many containers need attention now: an acknowledged crash is not "all good" while any do.
    void setProblemCount(int count);

    /// True while showing an unacknowledged crash.
    bool isAlarming() const { return m_alarming; }
    QString title() const;
    QString details() const;
    QPushButton *acknowledgeButton() const { return m_acknowledgeButton; }

public slots:
    void setReport(const archy::RecoveryReport &report);
    void setAcknowledged();

protected:
    void changeEvent(QEvent *event) override;

private:
    void requestAcknowledge();
    void updateButtonEnabled();
    void refresh();
    void fitButton();

    QPointer<RecoveryBackend> m_backend;
    RecoveryReport m_report;
    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_details;
    QPushButton *m_acknowledgeButton;
    bool m_alarming = false;
    bool m_commandsEnabled = true;
    bool m_acknowledgePending = false;
    bool m_touch = false;
    int m_touchSize = 48;
    int m_problems = 0;
};

} // namespace archy
