#include "ContainerView.h"

#include <QHeaderView>
#include <QKeyEvent>
#include <QPushButton>
#include <QTimer>

#include "ContainerModel.h"
#include "Icons.h"
#include "ProgressDelegate.h"

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
    connect(m_model, &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex &, int first, int last) { syncRows(first, last); });
    connect(m_model, &QAbstractItemModel::dataChanged, this,
            [this](const QModelIndex &topLeft, const QModelIndex &bottomRight) {
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
    applyColumnLayout();
    syncAllRows();
}

void ContainerView::applyColumnLayout()
{
    QHeaderView *header = horizontalHeader();
    const bool touch = m_touchMode;
    setColumnHidden(ContainerModel::Image, touch);
    setColumnHidden(ContainerModel::State, touch);
    setColumnHidden(ContainerModel::Attempts, touch);
    setColumnHidden(ContainerModel::Time, touch);
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setSectionResizeMode(ContainerModel::Name, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ContainerModel::Progress, QHeaderView::Stretch);
    header->setSectionResizeMode(ContainerModel::State, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ContainerModel::Attempts, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ContainerModel::Time, QHeaderView::ResizeToContents);
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
    if ((event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) && currentIndex().isValid()) {
        requestRetry(currentContainer());
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void ContainerView::syncAllRows()
{
    if (m_model->rowCount() > 0)
        syncRows(0, m_model->rowCount() - 1);
    updateAnimation();
}

void ContainerView::syncRows(int first, int last)
{
    for (int row = first; row <= last && row < m_model->rowCount(); ++row) {
        const QModelIndex actionIndex = m_model->index(row, ContainerModel::Action);
        const auto state = ContainerState(actionIndex.data(ContainerModel::StateRole).toInt());
        const bool pending = actionIndex.data(ContainerModel::RetryPendingRole).toBool();
        const QString name = actionIndex.data(ContainerModel::NameRole).toString();
        auto *button = qobject_cast<QPushButton *>(indexWidget(actionIndex));

        // A row keeps its button while its retry is in flight (disabled) and loses it once running;
        // rows that never failed never get one.
        const bool wantButton =
            state == ContainerState::Failed || pending || (button && state != ContainerState::Running);
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
        button->setToolTip(tr("Start %1 again").arg(name));
        button->setEnabled(m_retryEnabled && actionIndex.data(ContainerModel::CanRetryRole).toBool());
    }
    updateAnimation();
}

void ContainerView::updateAnimation()
{
    bool starting = false;
    for (int row = 0; row < m_model->rowCount() && !starting; ++row)
        starting = ContainerState(m_model->index(row, 0).data(ContainerModel::StateRole).toInt()) ==
                   ContainerState::Starting;
    if (starting && !m_animation->isActive())
        m_animation->start();
    else if (!starting && m_animation->isActive())
        m_animation->stop();
}

void ContainerView::advanceAnimation()
{
    m_delegate->setAnimationPhase(m_delegate->animationPhase() + AnimationStep);
    for (int row = 0; row < m_model->rowCount(); ++row) {
        const QModelIndex progress = m_model->index(row, ContainerModel::Progress);
        if (ContainerState(progress.data(ContainerModel::StateRole).toInt()) == ContainerState::Starting)
            viewport()->update(visualRect(progress));
    }
}

} // namespace archy
