#pragma once

#include <QHash>
#include <QTableView>

class QPushButton;
class QTimer;

namespace archy {

class ContainerModel;
class ProgressDelegate;

/**
 * The container table: progress painted by ProgressDelegate, a real QPushButton on every failed
 * row (touch and keyboard reachable), and a busy animation that only runs while something starts.
 */
class ContainerView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerView)

public:
    explicit ContainerView(ContainerModel *model, QWidget *parent = nullptr);
    ~ContainerView() override;

    /// Kiosk: fewer columns, rows at least touchSize high.
    void setTouchMode(bool touch, int touchSize = 48);
    bool touchMode() const { return m_touchMode; }

    ContainerModel *containerModel() const { return m_model; }
    ProgressDelegate *progressDelegate() const { return m_delegate; }
    /// False while commands cannot reach the engine (not connected): every retry button is disabled.
    void setRetryEnabled(bool enabled);
    bool isRetryEnabled() const { return m_retryEnabled; }
    /// The retry button of that container's row, nullptr if it has none.
    QPushButton *retryButton(const QString &name) const;
    bool isAnimating() const;

    /// Name of the selected container, empty if none.
    QString currentContainer() const;

public slots:
    /// Asks for a retry of name if it can be retried (Failed and none pending).
    void requestRetry(const QString &name);

    /// The status column's minimum width now (its longest state word, padded).
    int statusMinWidth() const { return m_statusMinWidth; }

signals:
    void retryRequested(const QString &name);
    /// Enter or Space on a row: show its details.
    void detailsRequested(const QModelIndex &index);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void syncRows(int first, int last);
    void syncAllRows();
    void updateAnimation();
    void advanceAnimation();
    void applyColumnLayout();
    void fitColumns();
    int textWidth(const QString &text) const;

    ContainerModel *m_model;
    ProgressDelegate *m_delegate;
    QTimer *m_animation;
    bool m_touchMode = false;
    bool m_retryEnabled = true;
    bool m_refitPending = false;
    int m_touchSize = 48;
    int m_statusMinWidth = 0;
    mutable QHash<QString, int> m_widthCache; ///< text -> pixels in the view's font
};

} // namespace archy
