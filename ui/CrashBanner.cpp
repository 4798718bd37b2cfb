#include "CrashBanner.h"

#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

#include "Icons.h"
#include "StatusText.h"
#include "recovery/RecoveryBackend.h"

namespace archy {

namespace {

QString dateTimeText(qint64 ms)
{
    if (ms <= 0)
        return CrashBanner::tr("unknown time");
    return StatusText::dateTime(ms);
}

} // namespace

CrashBanner::CrashBanner(QWidget *parent)
    : QFrame(parent), m_icon(new QLabel(this)), m_title(new QLabel(this)), m_details(new QLabel(this)),
      m_acknowledgeButton(new QPushButton(tr("Acknowledge"), this))
{
    setObjectName(QStringLiteral("crashBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAccessibleName(tr("Start-up status"));

    m_title->setObjectName(QStringLiteral("bannerTitle"));
    m_details->setObjectName(QStringLiteral("bannerDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_title->setTextFormat(Qt::PlainText);
    // Wraps so a long (translated) title gives way instead of squeezing the button.
    m_title->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    m_title->setFont(titleFont);

    m_acknowledgeButton->setObjectName(QStringLiteral("acknowledgeButton"));
    m_acknowledgeButton->setAccessibleName(tr("Acknowledge crash"));
    m_acknowledgeButton->setToolTip(tr("Mark this crash as seen; the warning will not be shown again"));
    m_acknowledgeButton->setAutoDefault(false);
    m_acknowledgeButton->setSizePolicy(QSizePolicy::Minimum, QSizePolicy::Fixed);
    connect(m_acknowledgeButton, &QPushButton::clicked, this, &CrashBanner::requestAcknowledge);

    auto *text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_title);
    text->addWidget(m_details);

    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(12, 8, 12, 8);
    layout->setSpacing(12);
    layout->addWidget(m_icon, 0, Qt::AlignTop);
    layout->addLayout(text, 1);
    layout->addWidget(m_acknowledgeButton, 0, Qt::AlignVCenter);

    refresh();
}

CrashBanner::~CrashBanner() = default;

void CrashBanner::setBackend(RecoveryBackend *backend)
{
    if (m_backend)
        disconnect(m_backend, nullptr, this, nullptr);
    m_backend = backend;
    m_acknowledgePending = false;
    connect(backend, &RecoveryBackend::reportReset, this, &CrashBanner::setReport);
    connect(backend, &RecoveryBackend::reportFinished, this, &CrashBanner::setReport);
    connect(backend, &RecoveryBackend::crashAcknowledged, this, &CrashBanner::setAcknowledged);
    // An acknowledge the backend could not store must remain possible to retry.
    connect(backend, &RecoveryBackend::errorOccurred, this, [this] {
        m_acknowledgePending = false;
        updateButtonEnabled();
    });
    setReport(backend->currentReport());
}

void CrashBanner::setCommandsEnabled(bool enabled)
{
    m_commandsEnabled = enabled;
    updateButtonEnabled();
}

void CrashBanner::updateButtonEnabled()
{
    m_acknowledgeButton->setEnabled(m_commandsEnabled && !m_acknowledgePending);
}

void CrashBanner::setTouchMode(bool touch, int touchSize)
{
    m_touch = touch;
    m_touchSize = qMax(48, touchSize);
    m_acknowledgeButton->setMinimumHeight(touch ? m_touchSize : 0);
    refresh();
}

QString CrashBanner::title() const
{
    return m_title->text();
}

QString CrashBanner::details() const
{
    return m_details->text();
}

void CrashBanner::setReport(const RecoveryReport &report)
{
    m_report = report;
    m_acknowledgePending = false;
    updateButtonEnabled();
    refresh();
}

void CrashBanner::setAcknowledged()
{
    m_report.acknowledged = true;
    refresh();
}

void CrashBanner::requestAcknowledge()
{
    if (!m_backend || !m_commandsEnabled)
        return;
    // Disabled until the backend confirms, so a double tap does not send it twice.
    m_acknowledgePending = true;
    updateButtonEnabled();
    m_backend->acknowledgeCrash();
}

void CrashBanner::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange)
        fitButton();
}

void CrashBanner::fitButton()
{
    // The style sheet makes the label bold and pads it, and a cached size hint may predate both:
    // reserve the width from the font the button really has now, so no translation is clipped.
    QPushButton *button = m_acknowledgeButton;
    const QFontMetrics metrics(button->font());
    const int padding = m_touch ? 48 : 24;
    const int textWidth = metrics.horizontalAdvance(button->text()) + padding;
    button->setMinimumWidth(qMax(textWidth, m_touch ? m_touchSize * 2 : 0));
    button->updateGeometry();
}

void CrashBanner::setProblemCount(int count)
{
    if (count == m_problems)
        return;
    m_problems = count;
    refresh();
}

void CrashBanner::refresh()
{
    const CrashInfo &crash = m_report.crashInfo;
    m_alarming = crash.crash && !m_report.acknowledged;

    QStringList lines;
    if (m_alarming && m_touch) {
        // The 800x480 screen cannot spare five lines: the essentials only, the rest is on the desktop.
        m_title->setText(tr("Crash detected at %1").arg(dateTimeText(crash.detectedAtMs)));
        if (!crash.reason.isEmpty())
            lines << crash.reason;
        lines << tr("%n services were running before it.", nullptr, crash.containersBefore);
    } else if (m_alarming) {
        m_title->setText(tr("The node crashed or lost power"));
        lines << tr("Detected at %1.").arg(dateTimeText(crash.detectedAtMs));
        if (!crash.reason.isEmpty())
            lines << tr("How it was recognised: %1").arg(crash.reason);
        lines << tr("%n services were running before it.", nullptr, crash.containersBefore);
        if (crash.snapshotAtMs > 0)
            lines << tr("Last snapshot taken at %1.").arg(dateTimeText(crash.snapshotAtMs));
    } else if (crash.crash) {
        m_title->setText(m_problems > 0
                             ? tr("Crash seen; %n services still need attention", nullptr, m_problems)
                             : tr("Crash seen; everything is back"));
        lines << tr("The crash detected at %1 was noted.").arg(dateTimeText(crash.detectedAtMs));
    } else if (crash.firstStart) {
        m_title->setText(tr("First start"));
        lines << StatusText::startKind(m_report);
    } else {
        m_title->setText(tr("Clean start"));
        lines << StatusText::startKind(m_report);
    }
    if (!crash.snapshotWarning.isEmpty())
        lines << tr("Warning: %1").arg(crash.snapshotWarning);
    m_details->setText(lines.join(QLatin1Char('\n')));
    m_acknowledgeButton->setVisible(m_alarming);

    const int iconSize = m_touch ? m_touchSize * 3 / 4 : 40;
    layout()->setContentsMargins(m_touch ? QMargins(10, 4, 10, 4) : QMargins(12, 8, 12, 8));
    // Never a green check while something is failed, acknowledged or not.
    const QIcon icon = m_alarming || m_problems > 0 ? icons::warning() : icons::ok();
    m_icon->setPixmap(icon.pixmap(QSize(iconSize, iconSize), devicePixelRatioF()));
    m_icon->setFixedSize(iconSize, iconSize);

    setAccessibleDescription(m_title->text() + QLatin1Char('\n') + m_details->text());

    // Alarm colours are fixed on purpose: red must read as red on any desktop theme. The calm state
    // keeps the system palette. A kiosk style sheet, if any, overrides both through the property.
    setProperty("alarm", m_alarming);
    setAutoFillBackground(m_alarming);
    if (m_alarming) {
        QPalette pal = palette();
        pal.setColor(QPalette::Window, QColor(0xb3, 0x26, 0x1e));
        pal.setColor(QPalette::WindowText, Qt::white);
        setPalette(pal);
    } else {
        setPalette(QPalette()); // inherit: follows the system palette, light or dark
    }
    style()->unpolish(this);
    style()->polish(this);
    for (QWidget *child : findChildren<QWidget *>()) {
        style()->unpolish(child);
        style()->polish(child);
    }
    fitButton();
    update();
}

} // namespace archy
