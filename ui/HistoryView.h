#pragma once

#include <QList>
#include <QPointer>
#include <QWidget>

#include "WindowMode.h"
#include "recovery/RecoveryTypes.h"

class QLabel;
class QPushButton;
class QStackedWidget;
class QTreeWidget;

namespace archy {

class RecoveryBackend;

/**
 * Earlier start-ups, newest first (when, crash or clean, N of M recovered); selecting one shows its
 * containers and errors. Desktop puts list and details side by side; the kiosk screen is too small
 * for that, so there the details replace the list until "Back".
 */
class HistoryView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HistoryView)

public:
    explicit HistoryView(WindowMode mode, QWidget *parent = nullptr);
    ~HistoryView() override;

    /// Follows @p backend from now on; the previous backend's history is cleared.
    void setBackend(RecoveryBackend *backend);
    /// A small wrapped line under the list (the kiosk shows where the agent listens there).
    void setFooterText(const QString &text);
    QLabel *footerLabel() const { return m_footer; }
    void setTouchSize(int touchSize);

    QList<RecoveryReport> reports() const { return m_reports; }
    QTreeWidget *reportList() const { return m_list; }
    QTreeWidget *detailsList() const { return m_details; }
    /// Index into reports() shown in the details, -1 if none.
    int shownReport() const { return m_shown; }
    bool isLoading() const { return m_loading; }

public slots:
    /// Asks the backend for the history; the list fills when historyLoaded() arrives.
    void refresh();
    void setHistory(const QList<archy::RecoveryReport> &reports);
    void showReport(int index);
    /// Kiosk: back from the details to the list.
    void showList();

signals:
    /// The user wants to leave the history.
    void closeRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    void fillDetails(const RecoveryReport &report);

    WindowMode m_mode;
    QPointer<RecoveryBackend> m_backend;
    QList<RecoveryReport> m_reports;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_status;
    QLabel *m_detailsTitle;
    QTreeWidget *m_list;
    QTreeWidget *m_details;
    QPushButton *m_closeButton;
    QPushButton *m_backButton = nullptr;
    QPushButton *m_refreshButton;
    QLabel *m_footer;
    int m_shown = -1;
    bool m_loading = false;
};

} // namespace archy
