#include "ContainerView.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QPushButton>
#include <QResizeEvent>
#include <QScrollBar>
#include <QScroller>
#include <QTimer>

#include "ContainerModel.h"
#include "Icons.h"
#include "ProgressDelegate.h"
#include "TextWrap.h"

namespace archy {

namespace {

constexpr int AnimationIntervalMs = 40;
constexpr qreal AnimationStep = 0.025;
const char ContainerNameProperty[] = "containerName";

} // namespace

ContainerView::ContainerView(ContainerModel *model, QWidget *parent)
    : QTableView(parent), m_model(model), m_delegate(new ProgressDelegate(this)),
      m_animation(new QTimer(this))
{
    setObjectName(QStringLiteral("containerView"));
    setAccessibleName(tr("Containers"));
    setModel(m_model);
    setItemDelegateForColumn(ContainerModel::Progress, m_delegate);
    setSelectionBehavior(QAbstractItemView::SelectRows);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setEditTriggers(QAbstractItemView::NoEditTriggers);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    // A long name keeps both ends readable ("archy-bitc…knots"); the details page shows it whole.
    setTextElideMode(Qt::ElideMiddle);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    setCornerButtonEnabled(false);
    // Tab must leave the table so the row buttons and the rest of the window stay reachable.
    setTabKeyNavigation(false);
    verticalHeader()->hide();
    horizontalHeader()->setHighlightSections(false);
    horizontalHeader()->setSectionsMovable(false);
    horizontalHeader()->setStretchLastSection(false);

    m_animation->setInterval(AnimationIntervalMs);
    connect(m_animation, &QTimer::timeout, this, &ContainerView::advanceAnimation);

    connect(m_model, &QAbstractItemModel::modelReset, this, &ContainerView::syncAllRows);
    connect(m_model, &QAbstractItemModel::layoutChanged, this, &ContainerView::syncAllRows);
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { syncRows(first, last); });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight, const QList<int> &roles) {
                // The seconds ticking on a starting row change no button and no width.
                if (roles.size() == 2 && roles.contains(ContainerModel::BarTextRole))
                    return;
                syncRows(topLeft.row(), bottomRight.row());
            });

    applyColumnLayout();
    syncAllRows();
}

ContainerView::~ContainerView() = default;

void ContainerView::setTouchMode(bool touch, int touchSize)
{
    m_touchMode = touch;
    m_touchSize = qMax(48, touchSize);
    // A finger drag scrolls (kinetic) instead of selecting rows; a tap still clicks.
    if (touch)
        QScroller::grabGesture(viewport(), QScroller::LeftMouseButtonGesture);
    else
        QScroller::ungrabGesture(viewport());
    // The list is what gives way on a small screen: it may shrink to the header and one row
    // (it scrolls) instead of its default minimum, which would push the kiosk past 480 px.
    setMinimumHeight(touch ? 2 * m_touchSize : 0);
    applyColumnLayout();
    syncAllRows();
}

int ContainerView::textWidth(const QString &text) const
{
    if (const auto it = m_widthCache.constFind(text); it != m_widthCache.cend())
        return *it;
    const int width = fontMetrics().horizontalAdvance(text);
    if (m_widthCache.size() > 5000)
        m_widthCache.clear();
    m_widthCache.insert(text, width);
    return width;
}

void ContainerView::fitColumns()
{
    // The name column takes what the longest name needs, but never the status column's minimum:
    // the status word ("Crash loop", "Starting · 45 s") always fits, a long name is elided.
    const int rows = m_model->rowCount();
    int nameWidth = 0;
    int statusWidth = textWidth(tr("Starting · 999 s"));
    for (int row = 0; row < rows; ++row) {
        nameWidth = qMax(nameWidth, textWidth(m_model->index(row, ContainerModel::Name).data().toString()));
        statusWidth = qMax(statusWidth,
                           textWidth(m_model->index(row, 0).data(ContainerModel::StateWordRole).toString()));
    }
    const int iconSide = iconSize().width();
    nameWidth += iconSide + 24;
    statusWidth += 40;
    for (const int column :
         {int(ContainerModel::State), int(ContainerModel::Attempts), int(ContainerModel::Time)}) {
        if (isColumnHidden(column))
            continue;
        int width = textWidth(m_model->headerData(column, Qt::Horizontal).toString());
        for (int row = 0; row < rows; ++row)
            width = qMax(width, textWidth(m_model->index(row, column).data().toString()));
        width += 2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) + 16;
        if (columnWidth(column) != width)
            horizontalHeader()->resizeSection(column, width);
    }
    int fixed = 0;
    for (int column = 0; column < ContainerModel::ColumnCount; ++column) {
        if (column != ContainerModel::Name && column != ContainerModel::Progress && !isColumnHidden(column))
            fixed += columnWidth(column);
    }
    const int available = viewport()->width() - fixed;
    // The status bar carries the cause of a failure: it gets at least half of what is left.
    const int cap = qMax(0, qMin(available - statusWidth, available / 2));
    const int name = qMax(qMin(nameWidth, 6 * textWidth(QStringLiteral("M"))), qMin(nameWidth, cap));
    m_statusMinWidth = statusWidth;
    if (columnWidth(ContainerModel::Name) != name)
        horizontalHeader()->resizeSection(ContainerModel::Name, name);
}

void ContainerView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    fitColumns();
}

void ContainerView::applyColumnLayout()
{
    m_widthCache.clear(); // the font may have changed with the mode
    QHeaderView *header = horizontalHeader();
    const bool touch = m_touchMode;
    setColumnHidden(ContainerModel::Image, touch);
    setColumnHidden(ContainerModel::State, touch);
    setColumnHidden(ContainerModel::Attempts, touch);
    setColumnHidden(ContainerModel::Time, touch);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ContainerModel::Progress, QHeaderView::Stretch);
    // Sized by fitColumns() from cached text widths: ResizeToContents would ask every row's
    // delegate for a size hint on each change, work that grows with the fleet on the GUI thread.
    header->setSectionResizeMode(ContainerModel::Action, QHeaderView::Fixed);

    const int rowHeight = touch ? m_touchSize + 8 : qMax(fontMetrics().height() + 14, 34);
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    // Minimum first: the default is clamped to the previous minimum when shrinking.
    verticalHeader()->setMinimumSectionSize(rowHeight);
    verticalHeader()->setDefaultSectionSize(rowHeight);

    // Wide enough for the translated "Retry", its icon and the button's padding (style sheet
    // padding included, which a style-less probe button would not know about).
    const int iconSide = touch ? m_touchSize / 2 : style()->pixelMetric(QStyle::PM_SmallIconSize);
    const int buttonWidth = fontMetrics().horizontalAdvance(tr("Retry")) + iconSide + (touch ? 64 : 40);
    header->resizeSection(ContainerModel::Action, buttonWidth);
    // The header adds little on the small screen and costs a row; the cells speak for themselves.
    header->setVisible(!touch);
    setIconSize(QSize(iconSide, iconSide));
    if (!touch)
        header->resizeSection(ContainerModel::Image, fontMetrics().horizontalAdvance(QLatin1Char('x')) * 28);
}

void ContainerView::setRetryEnabled(bool enabled)
{
    if (m_retryEnabled == enabled)
        return;
    m_retryEnabled = enabled;
    syncAllRows();
}

QPushButton *ContainerView::retryButton(const QString &name) const
{
    const int row = m_model->rowOf(name);
    if (row < 0)
        return nullptr;
    return qobject_cast<QPushButton *>(indexWidget(m_model->index(row, ContainerModel::Action)));
}

bool ContainerView::isAnimating() const
{
    return m_animation->isActive();
}

QString ContainerView::currentContainer() const
{
    const QModelIndex current = currentIndex();
    return current.isValid()
               ? current.siblingAtColumn(ContainerModel::Name).data(ContainerModel::NameRole).toString()
               : QString();
}

void ContainerView::requestRetry(const QString &name)
{
    const int row = m_model->rowOf(name);
    if (!m_retryEnabled || row < 0 || !m_model->index(row, 0).data(ContainerModel::CanRetryRole).toBool())
        return;
    // Marked before asking so a backend answering synchronously (Starting) wins over "pending".
    m_model->markRetryPending(name);
    emit retryRequested(name);
}

void ContainerView::keyPressEvent(QKeyEvent *event)
{
    // Enter and Space open the details (where Retry is); retrying is never one stray key away.
    const int key = event->key();
    if ((key == Qt::Key_Return || key == Qt::Key_Enter || key == Qt::Key_Space) && currentIndex().isValid() &&
        event->modifiers() == Qt::NoModifier) {
        emit detailsRequested(currentIndex());
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void ContainerView::syncAllRows()
{
    if (m_model->rowCount() > 0)
        syncRows(0, m_model->rowCount() - 1);
    fitColumns();
    updateAnimation();
}

void ContainerView::syncRows(int first, int last)
{
    for (int row = first; row <= last && row < m_model->rowCount(); ++row) {
        const QModelIndex actionIndex = m_model->index(row, ContainerModel::Action);
        const auto state = FleetState(actionIndex.data(ContainerModel::StateRole).toInt());
        const bool pending = actionIndex.data(ContainerModel::RetryPendingRole).toBool();
        const QString name = actionIndex.data(ContainerModel::NameRole).toString();
        auto *button = qobject_cast<QPushButton *>(indexWidget(actionIndex));

        // A row keeps its button while its retry is in flight (disabled) and loses it once running;
        // rows that never failed never get one.
        const bool wantButton = isProblem(state) || pending || (button && isInFlight(state));
        if (!wantButton) {
            if (button)
                setIndexWidget(actionIndex, nullptr);
            continue;
        }
        if (!button) {
            button = new QPushButton(icons::retry(), tr("Retry"));
            button->setObjectName(QStringLiteral("retryButton"));
            button->setFocusPolicy(Qt::StrongFocus);
            button->setAutoDefault(false);
            connect(button, &QPushButton::clicked, this,
                    [this, button] { requestRetry(button->property(ContainerNameProperty).toString()); });
            setIndexWidget(actionIndex, button);
        }
        if (m_touchMode) {
            button->setMinimumHeight(m_touchSize);
            button->setIconSize(QSize(m_touchSize / 2, m_touchSize / 2));
        }
        button->setProperty(ContainerNameProperty, name);
        button->setAccessibleName(tr("Retry %1").arg(name));
        button->setToolTip(plainToolTip(tr("Start %1 again").arg(name)));
        button->setEnabled(m_retryEnabled && actionIndex.data(ContainerModel::CanRetryRole).toBool());
    }
    // Once per pass of the event loop, however many rows changed in it: both scan every row.
    if (!m_refitPending) {
        m_refitPending = true;
        QTimer::singleShot(0, this, [this] {
            m_refitPending = false;
            fitColumns();
            updateAnimation();
        });
    }
}

void ContainerView::updateAnimation()
{
    bool starting = false;
    for (int row = 0; row < m_model->rowCount() && !starting; ++row)
        starting = FleetState(m_model->index(row, 0).data(ContainerModel::StateRole).toInt()) ==
                   FleetState::Starting;
    if (starting && !m_animation->isActive())
        m_animation->start();
    else if (!starting && m_animation->isActive())
        m_animation->stop();
}

void ContainerView::advanceAnimation()
{
    m_delegate->setAnimationPhase(m_delegate->animationPhase() + AnimationStep);
    // Only the rows on screen are painted: one update of the status column's visible strip costs
    // the same with 5 rows as with 500, where one per starting row grew with the fleet.
    const int first = rowAt(0);
    if (first < 0)
        return;
    int last = rowAt(viewport()->height() - 1);
    if (last < 0)
        last = m_model->rowCount() - 1;
    for (int row = first; row <= last; ++row) {
        if (FleetState(m_model->index(row, 0).data(ContainerModel::StateRole).toInt()) ==
            FleetState::Starting) {
            viewport()->update(QRect(columnViewportPosition(ContainerModel::Progress), 0,
                                     columnWidth(ContainerModel::Progress), viewport()->height()));
            return;
        }
    }
}

} // namespace archy
