#include "HistoryView.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "Icons.h"
#include "StatusText.h"
#include "TextWrap.h"
#include "recovery/RecoveryBackend.h"

namespace archy {

namespace {

constexpr int ReportIndexRole = Qt::UserRole + 1;

QString dateTimeText(qint64 ms)
{
    if (ms <= 0)
        return HistoryView::tr("unknown time");
    return StatusText::dateTime(ms);
}

qint64 reportTime(const RecoveryReport &report)
{
    return report.startedAtMs > 0 ? report.startedAtMs : report.crashInfo.detectedAtMs;
}

} // namespace

HistoryView::HistoryView(WindowMode mode, QWidget *parent)
    : QWidget(parent), m_mode(mode), m_status(new QLabel(this)), m_detailsTitle(new QLabel(this)),
      m_list(new QTreeWidget(this)), m_details(new QTreeWidget(this)),
      m_closeButton(new QPushButton(icons::back(), tr("Back to recovery"), this)),
      m_refreshButton(new QPushButton(icons::retry(), tr("Reload"), this)), m_footer(new QLabel(this))
{
    setObjectName(QStringLiteral("historyView"));
    setAccessibleName(tr("Start-up history"));

    auto *title = new QLabel(tr("Earlier start-ups"), this);
    title->setObjectName(QStringLiteral("historyTitle"));
    QFont titleFont = title->font();
    titleFont.setBold(true);
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.2);
    title->setFont(titleFont);

    m_closeButton->setObjectName(QStringLiteral("historyCloseButton"));
    m_closeButton->setAccessibleName(tr("Back to recovery"));
    m_closeButton->setAutoDefault(false);
    connect(m_closeButton, &QPushButton::clicked, this, [this] {
        // Kiosk: the bottom-left button always goes back one level, like on every other page.
        if (m_stack && m_stack->currentIndex() == 1)
            showList();
        else
            emit closeRequested();
    });
    m_refreshButton->setObjectName(QStringLiteral("historyReloadButton"));
    m_refreshButton->setAccessibleName(tr("Reload history"));
    m_refreshButton->setAutoDefault(false);
    connect(m_refreshButton, &QPushButton::clicked, this, &HistoryView::refresh);

    m_list->setObjectName(QStringLiteral("historyList"));
    m_list->setAccessibleName(tr("Start-ups, newest first"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setHeaderLabels({tr("When"), tr("Start-up"), tr("Recovered")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);

    m_details->setObjectName(QStringLiteral("historyDetails"));
    m_details->setAccessibleName(tr("Containers of the selected start-up"));
    m_details->setRootIsDecorated(false);
    m_details->setAllColumnsShowFocus(true);
    m_details->setWordWrap(true);
    m_details->setHeaderLabels({tr("Container"), tr("State"), tr("Attempts"), tr("Error or note")});
    m_details->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_details->header()->setStretchLastSection(true);
    m_detailsTitle->setObjectName(QStringLiteral("historyDetailsTitle"));
    m_detailsTitle->setWordWrap(true);
    m_detailsTitle->setText(tr("Select a start-up to see its containers."));

    auto *top = new QHBoxLayout;
    top->addWidget(title, 1);
    auto *bottom = new QHBoxLayout;
    if (m_mode == WindowMode::Kiosk) {
        // Back where a thumb finds it on every kiosk page: bottom left.
        bottom->addWidget(m_closeButton, 1);
        bottom->addStretch(1);
        bottom->addWidget(m_refreshButton, 1);
    } else {
        top->addWidget(m_refreshButton);
        top->addWidget(m_closeButton);
    }

    auto *detailsPane = new QWidget(this);
    auto *detailsLayout = new QVBoxLayout(detailsPane);
    detailsLayout->setContentsMargins(0, 0, 0, 0);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);

    if (m_mode == WindowMode::Kiosk) {
        m_backButton = new QPushButton(icons::back(), tr("All start-ups"), detailsPane);
        m_backButton->setObjectName(QStringLiteral("historyBackButton"));
        m_backButton->setAccessibleName(tr("Back to the list of start-ups"));
        m_backButton->setAutoDefault(false);
        connect(m_backButton, &QPushButton::clicked, this, &HistoryView::showList);
        auto *detailsTop = new QHBoxLayout;
        detailsTop->addWidget(m_backButton);
        detailsTop->addWidget(m_detailsTitle, 1);
        detailsLayout->addLayout(detailsTop);
        detailsLayout->addWidget(m_details, 1);

        m_stack = new QStackedWidget(this);
        m_stack->addWidget(m_list);
        m_stack->addWidget(detailsPane);
        layout->addWidget(m_stack, 1);
        // One tap opens a start-up: no double-click on a touch screen.
        connect(m_list, &QTreeWidget::itemClicked, this,
                [this](QTreeWidgetItem *item) { showReport(item->data(0, ReportIndexRole).toInt()); });
        connect(m_list, &QTreeWidget::itemActivated, this,
                [this](QTreeWidgetItem *item) { showReport(item->data(0, ReportIndexRole).toInt()); });
    } else {
        detailsLayout->addWidget(m_detailsTitle);
        detailsLayout->addWidget(m_details, 1);
        auto *splitter = new QSplitter(Qt::Horizontal, this);
        splitter->setChildrenCollapsible(false);
        splitter->addWidget(m_list);
        splitter->addWidget(detailsPane);
        splitter->setStretchFactor(0, 2);
        splitter->setStretchFactor(1, 3);
        layout->addWidget(splitter, 1);
        connect(m_list, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
            if (item)
                showReport(item->data(0, ReportIndexRole).toInt());
        });
    }

    m_footer->setObjectName(QStringLiteral("historyFooter"));
    m_footer->setWordWrap(true);
    m_footer->setTextFormat(Qt::PlainText);
    m_footer->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_footer->hide();
    layout->addWidget(m_footer);
    layout->addLayout(bottom);
}

HistoryView::~HistoryView() = default;

void HistoryView::setBackend(RecoveryBackend *backend)
{
    if (m_backend == backend)
        return;
    if (m_backend) {
        disconnect(m_backend, nullptr, this, nullptr);
        setHistory({});
    }
    m_backend = backend;
    connect(backend, &RecoveryBackend::historyLoaded, this, &HistoryView::setHistory);
}

void HistoryView::setFooterText(const QString &text)
{
    m_footer->setText(text);
    m_footer->setVisible(!text.isEmpty());
}

void HistoryView::setTouchSize(int touchSize)
{
    const int size = qMax(48, touchSize);
    for (QPushButton *button : {m_closeButton, m_refreshButton, m_backButton}) {
        if (button) {
            button->setMinimumHeight(size);
            button->setIconSize(QSize(size / 2, size / 2));
        }
    }
    const QString rowStyle = QStringLiteral("QTreeView::item { min-height: %1px; }").arg(size);
    m_list->setStyleSheet(rowStyle);
    m_details->setStyleSheet(rowStyle);
    // The lists scroll: on the 480 px kiosk they give way (down to two rows) so the page and its
    // Back button fit on the screen.
    m_list->setMinimumHeight(2 * size);
    m_details->setMinimumHeight(2 * size);
}

void HistoryView::refresh()
{
    m_loading = true;
    m_status->setText(tr("Loading history…"));
    m_status->show();
    if (m_backend)
        m_backend->requestHistory();
}

void HistoryView::setHistory(const QList<RecoveryReport> &reports)
{
    m_loading = false;
    m_reports = reports;
    m_shown = -1;
    m_list->clear();
    m_details->clear();
    m_detailsTitle->setText(tr("Select a start-up to see its containers."));

    for (int i = 0; i < m_reports.size(); ++i) {
        const RecoveryReport &report = m_reports.at(i);
        const bool crash = report.crashInfo.crash;
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, dateTimeText(reportTime(report)));
        item->setText(1, crash ? tr("Crash") : tr("Clean"));
        item->setIcon(1, crash ? icons::warning() : icons::ok());
        item->setText(2, tr("%1 of %2").arg(report.recovered()).arg(report.total()));
        const bool allRecovered = report.recovered() == report.total();
        item->setIcon(2, allRecovered ? icons::ok() : icons::failed());
        item->setData(0, ReportIndexRole, i);
        item->setData(0, Qt::AccessibleTextRole,
                      tr("%1, %2, %3 of %4 recovered")
                          .arg(item->text(0), item->text(1))
                          .arg(report.recovered())
                          .arg(report.total()));
    }
    if (m_reports.isEmpty()) {
        m_status->setText(tr("No earlier start-ups recorded."));
        m_status->show();
    } else {
        m_status->hide();
    }
    showList();
}

void HistoryView::showReport(int index)
{
    if (index < 0 || index >= m_reports.size())
        return;
    m_shown = index;
    fillDetails(m_reports.at(index));
    if (m_stack)
        m_stack->setCurrentIndex(1);
    if (m_backButton)
        m_backButton->setFocus();
}

void HistoryView::showList()
{
    if (m_stack)
        m_stack->setCurrentIndex(0);
}

void HistoryView::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_Back) {
        if (m_stack && m_stack->currentIndex() == 1)
            showList();
        else
            emit closeRequested();
        event->accept();
        return;
    }
    QWidget::keyPressEvent(event);
}

void HistoryView::fillDetails(const RecoveryReport &report)
{
    const CrashInfo &crash = report.crashInfo;
    QStringList lines;
    lines << (crash.crash ? tr("Crash start-up at %1").arg(dateTimeText(reportTime(report)))
                          : tr("Clean start-up at %1").arg(dateTimeText(reportTime(report))));
    if (crash.crash && !crash.reason.isEmpty())
        lines << tr("How it was recognised: %1").arg(crash.reason);
    lines << tr("%1 of %n containers recovered", nullptr, report.total()).arg(report.recovered());
    if (!crash.snapshotWarning.isEmpty())
        lines << tr("Warning: %1").arg(crash.snapshotWarning);
    m_detailsTitle->setText(lines.join(QLatin1Char('\n')));

    m_details->clear();
    for (const ContainerStatus &c : report.containers) {
        auto *item = new QTreeWidgetItem(m_details);
        item->setText(0, c.name);
        item->setIcon(0, icons::forStatus(c));
        const bool crashLoop = c.crashLoop && c.state == ContainerState::Failed;
        item->setText(1, crashLoop ? tr("Crash loop") : containerStateText(c.state));
        item->setText(2, QString::number(c.attempts));
        QString error = c.error;
        if (!c.note.isEmpty())
            error = error.isEmpty() ? c.note : tr("%1 (%2)").arg(error, c.note);
        item->setText(3, error);
        item->setToolTip(3, plainToolTip(error));
    }
}

} // namespace archy
