#include "DetailsPage.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScroller>
#include <QVBoxLayout>

#include "Icons.h"
#include "StatusText.h"
#include "TextWrap.h"
#include "recovery/RecoveryBackend.h"

namespace archy {

namespace {

QLabel *makeLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    // Names, errors and logs come from outside: never rich text.
    label->setTextFormat(Qt::PlainText);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    return label;
}

} // namespace

DetailsPage::DetailsPage(QWidget *parent)
    : QWidget(parent), m_scroll(new QScrollArea(this)),
      m_title(makeLabel(QStringLiteral("detailsTitle"), this)),
      m_state(makeLabel(QStringLiteral("detailsState"), this)),
      m_back(new QPushButton(icons::back(), tr("Back"), this)),
      m_retry(new QPushButton(icons::retry(), tr("Retry"), this))
{
    setObjectName(QStringLiteral("detailsPage"));
    setAccessibleName(tr("Container details"));

    auto *content = new QWidget;
    content->setObjectName(QStringLiteral("detailsContent"));
    m_cause = makeLabel(QStringLiteral("detailsCause"), content);
    m_facts = makeLabel(QStringLiteral("detailsFacts"), content);
    m_errorHeading = makeLabel(QStringLiteral("detailsHeading"), content);
    m_errorHeading->setText(tr("Full error from podman"));
    m_error = makeLabel(QStringLiteral("detailsError"), content);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_logHeading = makeLabel(QStringLiteral("detailsHeading"), content);
    m_logHeading->setText(tr("Last lines of its log"));
    m_log = new QPlainTextEdit(content);
    m_log->setObjectName(QStringLiteral("detailsLog"));
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_log->setMinimumHeight(120);
    m_log->setAccessibleName(tr("Log"));

    auto *contentLayout = new QVBoxLayout(content);
    contentLayout->setContentsMargins(4, 4, 4, 4);
    contentLayout->addWidget(m_cause);
    contentLayout->addWidget(m_facts);
    contentLayout->addWidget(m_errorHeading);
    contentLayout->addWidget(m_error);
    contentLayout->addWidget(m_logHeading);
    contentLayout->addWidget(m_log, 1);
    m_scroll->setWidget(content);
    m_scroll->setWidgetResizable(true);
    m_scroll->setFrameShape(QFrame::NoFrame);
    m_scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    QScroller::grabGesture(m_scroll->viewport(), QScroller::LeftMouseButtonGesture);

    QFont titleFont = m_title->font();
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    m_back->setObjectName(QStringLiteral("detailsBackButton"));
    m_back->setAccessibleName(tr("Back to the overview"));
    m_back->setAutoDefault(false);
    m_retry->setObjectName(QStringLiteral("detailsRetryButton"));
    m_retry->setAutoDefault(false);
    connect(m_back, &QPushButton::clicked, this, &DetailsPage::backRequested);
    connect(m_retry, &QPushButton::clicked, this, [this] {
        if (!m_entry.status.name.isEmpty())
            emit retryRequested(m_entry.status.name);
    });

    auto *bottom = new QHBoxLayout;
    bottom->addWidget(m_back, 1);
    bottom->addStretch(1);
    bottom->addWidget(m_retry, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->setSpacing(4);
    layout->addWidget(m_title);
    layout->addWidget(m_state);
    layout->addWidget(m_scroll, 1);
    layout->addLayout(bottom);
    setTabOrder(m_retry, m_back);
}

DetailsPage::~DetailsPage() = default;

void DetailsPage::setBackend(RecoveryBackend *backend)
{
    if (m_backend)
        disconnect(m_backend, nullptr, this, nullptr);
    m_backend = backend;
    if (backend)
        connect(backend, &RecoveryBackend::logsLoaded, this, &DetailsPage::onLogs);
}

void DetailsPage::showEntry(const FleetEntry &entry)
{
    m_entry = entry;
    fill();
    m_scroll->ensureVisible(0, 0);
    m_log->setPlainText(tr("Loading…"));
    if (m_backend)
        m_backend->requestLogs(entry.status.name, LogLines);
}

void DetailsPage::updateEntry(const FleetEntry &entry)
{
    if (entry.status.name != m_entry.status.name)
        return;
    m_entry = entry;
    fill();
}

void DetailsPage::setCommandsEnabled(bool enabled)
{
    m_commandsEnabled = enabled;
    fill();
}

void DetailsPage::setTouchSize(int touchSize)
{
    for (QPushButton *button : {m_back, m_retry}) {
        button->setMinimumHeight(touchSize);
        button->setIconSize(QSize(touchSize / 2, touchSize / 2));
    }
}

void DetailsPage::fill()
{
    const ContainerStatus &s = m_entry.status;
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    m_title->setText(breakableText(s.name));
    m_title->setAccessibleName(s.name);
    QString state = StatusText::stateWord(m_entry.state);
    const QString row = StatusText::rowText(m_entry, now);
    if (row != state && !isProblem(m_entry.state))
        state = tr("%1 · %2").arg(state, row);
    m_state->setText(state);

    const StatusText::Cause cause = StatusText::knownCause(s.error);
    QStringList causeLines;
    if (isProblem(m_entry.state)) {
        if (m_entry.state == FleetState::CrashLoop)
            causeLines << tr("It keeps stopping soon after each start, so it is no longer restarted "
                             "automatically. Fix the cause, then tap Retry.");
        if (!cause.title.isEmpty())
            causeLines << cause.title << cause.nextStep;
        else if (!s.error.isEmpty())
            causeLines << StatusText::condensedError(s.error);
    }
    m_cause->setText(causeLines.join(QLatin1Char('\n')));
    m_cause->setVisible(!causeLines.isEmpty());

    QStringList facts;
    if (!s.image.isEmpty())
        facts << tr("Image: %1").arg(s.image);
    if (s.attempts > 0)
        facts << tr("Start attempts: %1").arg(s.attempts);
    const QString wait = StatusText::waitText(m_entry, now);
    if (!wait.isEmpty())
        facts << wait;
    if (s.startedAtMs > 0)
        facts << tr("First attempt: %1").arg(StatusText::dateTime(s.startedAtMs));
    if (s.finishedAtMs > 0)
        facts << tr("Done: %1").arg(StatusText::dateTime(s.finishedAtMs));
    if (!s.note.isEmpty())
        facts << s.note;
    if (!m_entry.inRun && !isProblem(m_entry.state))
        facts << tr("Not part of this start-up's recovery.");
    m_facts->setText(breakableText(facts.join(QLatin1Char('\n'))));

    m_error->setText(breakableText(s.error));
    m_error->setVisible(!s.error.isEmpty());
    m_errorHeading->setVisible(!s.error.isEmpty());

    m_retry->setVisible(isProblem(m_entry.state));
    m_retry->setEnabled(m_commandsEnabled);
    m_retry->setAccessibleName(tr("Retry %1").arg(s.name));
}

void DetailsPage::onLogs(const ContainerLogs &logs)
{
    if (logs.name != m_entry.status.name)
        return;
    if (!logs.error.isEmpty())
        m_log->setPlainText(tr("No log: %1").arg(logs.error));
    else if (logs.lines.isEmpty())
        m_log->setPlainText(tr("Its log is empty."));
    else
        m_log->setPlainText(logs.lines.join(QLatin1Char('\n')));
}

void DetailsPage::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_Back) {
        emit backRequested();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

} // namespace archy
