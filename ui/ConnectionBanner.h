#pragma once

#include <QFrame>

#include "recovery/RecoveryBackend.h"

class QLabel;

namespace archy {

/**
 * Says, loudly, that the screen is not live: connecting for the first time, the connection was lost
 * (the rows below are the last known state) or the agent refused us (red, with why: a changed
 * certificate names both fingerprints). Hidden while connected or in-process.
 */
class ConnectionBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionBanner)

public:
    using Connection = RecoveryBackend::Connection;

    explicit ConnectionBanner(QWidget *parent = nullptr);
    ~ConnectionBanner() override;

    void setConnection(archy::RecoveryBackend::Connection connection, const QString &detail);
    /// Kiosk: larger icon.
    void setTouchMode(bool touch, int touchSize = 48);

    Connection connection() const { return m_connection; }
    QString title() const;
    /// The detail as given (without the wrapping aids the label gets).
    QString details() const { return m_detail; }
    QLabel *detailsLabel() const { return m_details; }

    /// "Connected to …", "Reconnecting…", "Refused": one line for a status bar or a list.
    static QString shortText(Connection connection, const QString &detail);
    /// True where commands reach the engine.
    static bool isLive(Connection connection)
    {
        return connection == Connection::InProcess || connection == Connection::Connected;
    }

private:
    void refresh();

    QLabel *m_icon;
    QLabel *m_title;
    QLabel *m_details;
    Connection m_connection = Connection::InProcess;
    QString m_detail;
    bool m_touch = false;
    int m_touchSize = 48;
};

} // namespace archy
