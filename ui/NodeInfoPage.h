#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace archy {

class RecoveryBackend;

/**
 * Which node this is, for an owner or admin comparing it with what another screen shows: its
 * name, where its agent listens, its certificate's fingerprint, version and data directory.
 */
class NodeInfoPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(NodeInfoPage)

public:
    explicit NodeInfoPage(QWidget *parent = nullptr);
    ~NodeInfoPage() override;

    void setBackend(RecoveryBackend *backend);
    /// Extra lines from the application (where the agent listens, when the backend does not say).
    void setEndpointInfo(const QString &text);
    void setTouchSize(int touchSize);

    QPushButton *backButton() const { return m_back; }
    QLabel *infoLabel() const { return m_info; }

public slots:
    void refresh();

signals:
    void backRequested();

protected:
    void keyPressEvent(QKeyEvent *event) override;

private:
    QPointer<RecoveryBackend> m_backend;
    QString m_endpointInfo;
    QLabel *m_title;
    QLabel *m_info;
    QPushButton *m_back;
};

} // namespace archy
