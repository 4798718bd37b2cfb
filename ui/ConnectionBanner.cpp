#include "ConnectionBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QVBoxLayout>

#include "Icons.h"
#include "TextWrap.h"

namespace archy {

ConnectionBanner::ConnectionBanner(QWidget *parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_title(new QLabel(this)), m_details(new QLabel(this))
{
    setObjectName(QStringLiteral("connectionBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Connection to the recovery agent"));

    m_title->setObjectName(QStringLiteral("connectionTitle"));
    m_title->setTextFormat(Qt::PlainText);
    m_title->setWordWrap(true);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);
    m_details->setObjectName(QStringLiteral("connectionDetails"));
    m_details->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_title);
    text->addWidget(m_details);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(12);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(text, 1);

    refresh();
}

ConnectionBanner::~ConnectionBanner() = default;

void ConnectionBanner::setConnection(RecoveryBackend::Connection connection, const QString &detail)
{
    m_connection = connection;
    m_detail = detail;
    refresh();
}

void ConnectionBanner::setTouchMode(bool touch, int touchSize)
{
    m_touch = touch;
    m_touchSize = qMax(48, touchSize);
    refresh();
}

QString ConnectionBanner::title() const
{
    return m_title->text();
}

QString ConnectionBanner::shortText(Connection connection, const QString &detail)
{
    switch (connection) {
    case Connection::InProcess:
        return tr("Local engine");
    case Connection::Connecting:
        return tr("Connecting…");
    case Connection::Connected:
        // The backend says where to ("Connected to wss://host:8443 (agent 0.1.0)").
        return detail.isEmpty() ? tr("Connected") : detail;
    case Connection::Reconnecting:
        return tr("Reconnecting…");
    case Connection::Refused:
        return tr("Refused");
    }
    return {};
}

void ConnectionBanner::refresh()
{
    QString title;
    QStringList lines;
    QIcon icon;
    QString level;
    switch (m_connection) {
    case Connection::InProcess:
    case Connection::Connected:
        break;
    case Connection::Connecting:
        title = tr("Connecting to the recovery agent…");
        lines << m_detail;
        icon = icons::waiting();
        level = QStringLiteral("connecting");
        break;
    case Connection::Reconnecting:
        title = tr("Connection to the recovery agent lost: reconnecting…");
        lines << m_detail;
        lines << tr("The list shows the last known state. Retries are disabled until the connection is back.");
        icon = icons::warning();
        level = QStringLiteral("reconnecting");
        break;
    case Connection::Refused:
        title = tr("Connection refused");
        lines << m_detail;
        lines << tr("Not retried automatically.");
        icon = icons::failed();
        level = QStringLiteral("refused");
        break;
    }
    lines.removeAll(QString());
    m_title->setText(title);
    m_details->setText(breakableText(lines.join(QLatin1Char('\n'))));
    setAccessibleDescription(title + QLatin1Char('\n') + lines.join(QLatin1Char('\n')));
    setVisible(!level.isEmpty());

    const int iconSize = m_touch ? m_touchSize * 3 / 4 : 40;
    layout()->setContentsMargins(m_touch ? QMargins(10, 4, 10, 4) : QMargins(12, 8, 12, 8));
    if (!icon.isNull())
        m_icon->setPixmap(icon.pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
    m_icon->setFixedSize(iconSize, iconSize);

    // Fixed colours, like the crash banner: red must read as red on any theme. The kiosk style
    // sheet matches on the property.
    setProperty("level", level);
    const bool coloured = m_connection == Connection::Refused || m_connection == Connection::Reconnecting;
    setAutoFillBackground(coloured);
    if (coloured) {
        QPalette pal = palette();
        pal.setColor(QPalette::Window, m_connection == Connection::Refused ? QColor(0xb3, 0x26, 0x1e)
                                                                           : QColor(0x8a, 0x55, 0x00));
        pal.setColor(QPalette::WindowText, Qt::white);
        setPalette(pal);
    } else {
        setPalette(QPalette());
    }
    style()->unpolish(this);
    style()->polish(this);
    for (QWidget *child : findChildren<QWidget *>()) {
        style()->unpolish(child);
        style()->polish(child);
    }
    update();
}

} // namespace archy
