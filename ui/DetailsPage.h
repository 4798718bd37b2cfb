#pragma once

#include <QPointer>
#include <QWidget>

#include "recovery/FleetTypes.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QScrollArea;

namespace archy {

class RecoveryBackend;

/**
 * One container in full, as a page of the window (never a separate window): its whole name, state,
 * image, attempts, what it waits for, the cause of a failure with a next step, podman's full error,
 * and the last lines of its log (fetched through the backend). Retry and a big Back at the bottom,
 * where a thumb reaches them.
 */
class DetailsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailsPage)

public:
    explicit DetailsPage(QWidget *parent = nullptr);
    ~DetailsPage() override;

    /// Logs are asked from @p backend; its answers for other containers are ignored.
    void setBackend(RecoveryBackend *backend);
    /// Shows @p entry and asks for its log.
    void showEntry(const FleetEntry &entry);
    /// A newer state of the container shown (same name), without asking for the log again.
    void updateEntry(const FleetEntry &entry);
    void setCommandsEnabled(bool enabled);
    void setTouchSize(int touchSize);

    QString containerName() const { return m_entry.status.name; }
    FleetEntry entry() const { return m_entry; }
    QPushButton *backButton() const { return m_back; }
    QPushButton *retryButton() const { return m_retry; }
    QLabel *titleLabel() const { return m_title; }
    QLabel *causeLabel() const { return m_cause; }
    QLabel *errorLabel() const { return m_error; }
    QLabel *factsLabel() const { return m_facts; }
    QPlainTextEdit *logView() const { return m_log; }

    /// Lines asked from `podman logs --tail`.
    static constexpr int LogLines = 20;

signals:
    void backRequested();
    void retryRequested(const QString &name);

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void fill();
    void onLogs(const archy::ContainerLogs &logs);

    QPointer<RecoveryBackend> m_backend;
    FleetEntry m_entry;
    QScrollArea *m_scroll;
    QLabel *m_title;
    QLabel *m_state;
    QLabel *m_cause;
    QLabel *m_facts;
    QLabel *m_errorHeading;
    QLabel *m_error;
    QLabel *m_logHeading;
    QPlainTextEdit *m_log;
    QPushButton *m_back;
    QPushButton *m_retry;
    bool m_commandsEnabled = true;
};

} // namespace archy
