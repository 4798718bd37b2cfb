#include "ProgressDelegate.h"

#include <cmath>

#include <QApplication>
#include <QPainter>
#include <QPainterPath>

#include "ContainerModel.h"
#include "recovery/FleetTypes.h"

namespace archy {

ProgressDelegate::ProgressDelegate(QObject *parent) : QStyledItemDelegate(parent) {}

ProgressDelegate::~ProgressDelegate() = default;

void ProgressDelegate::setAnimationPhase(qreal phase)
{
    m_phase = phase - std::floor(phase);
}

// Saturated enough to read on light and dark palettes alike; white text on top of them.
QColor ProgressDelegate::runningColor()
{
    return QColor(0x2e, 0x8b, 0x47);
}

QColor ProgressDelegate::failedColor()
{
    return QColor(0xc6, 0x28, 0x28);
}

QColor ProgressDelegate::crashLoopColor()
{
    return QColor(0x8a, 0x12, 0x3e);
}

QColor ProgressDelegate::startingColor()
{
    return QColor(0x2f, 0x6f, 0xc8);
}

void ProgressDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option,
                             const QModelIndex &index) const
{
    QStyleOptionViewItem opt = option;
    initStyleOption(&opt, index);
    // Let the style draw selection and focus, but not the text: the bar carries it.
    QString text = opt.text;
    opt.text.clear();
    const QWidget *widget = option.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);

    const auto state = FleetState(index.data(ContainerModel::StateRole).toInt());
    const int vMargin = qMax(3, option.rect.height() / 8);
    const QRect bar = option.rect.adjusted(4, vMargin, -4, -vMargin);
    if (bar.width() <= 0 || bar.height() <= 0)
        return;
    const qreal radius = qMin(6.0, bar.height() / 3.0);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing, true);

    QPainterPath track;
    track.addRoundedRect(QRectF(bar), radius, radius);
    QColor trackColor = option.palette.color(QPalette::Active, QPalette::Mid);
    trackColor.setAlpha(90);
    painter->fillPath(track, trackColor);

    QColor textColor = option.palette.color(QPalette::Active, QPalette::Text);
    switch (state) {
    case FleetState::Waiting:
    case FleetState::Retrying:
        break;
    case FleetState::Starting: {
        // Indeterminate: a segment a third of the bar wide sweeps across.
        const qreal segment = bar.width() / 3.0;
        const qreal x = bar.left() - segment + m_phase * (bar.width() + segment);
        painter->setClipPath(track);
        QPainterPath chunk;
        chunk.addRoundedRect(QRectF(x, bar.top(), segment, bar.height()), radius, radius);
        painter->fillPath(chunk, startingColor());
        painter->setClipping(false);
        break;
    }
    case FleetState::Running:
        painter->fillPath(track, runningColor());
        textColor = Qt::white;
        break;
    case FleetState::CrashLoop: {
        // Hazard stripes: failed, and not the ordinary kind that one more try may fix.
        painter->fillPath(track, crashLoopColor());
        painter->setClipPath(track);
        QPen stripe(failedColor(), bar.height() / 3.0);
        painter->setPen(stripe);
        const int step = qMax(12, bar.height() * 2 / 3);
        for (int x = bar.left() - bar.height(); x < bar.right() + bar.height(); x += step)
            painter->drawLine(QPointF(x, bar.bottom() + 1), QPointF(x + bar.height(), bar.top() - 1));
        painter->setClipping(false);
        textColor = Qt::white;
        break;
    }
    case FleetState::Failed:
        painter->fillPath(track, failedColor());
        textColor = Qt::white;
        break;
    case FleetState::StoppedByOwner:
    case FleetState::Finished:
    case FleetState::Stopped:
    case FleetState::Ignored:
        textColor = option.palette.color(QPalette::Disabled, QPalette::Text);
        break;
    }

    QFont font = opt.font;
    if (isProblem(state))
        font.setBold(true);
    const QString barText = index.data(ContainerModel::BarTextRole).toString();
    if (!barText.isEmpty())
        text = barText;
    painter->setFont(font);
    painter->setPen(textColor);
    const QRect textRect = bar.adjusted(8, 0, -8, 0);
    const QString elided = elidedText(font, text, textRect.width());
    painter->drawText(textRect, Qt::AlignVCenter | Qt::AlignLeft, elided);
    painter->restore();
}

QString ProgressDelegate::elidedText(const QFont &font, const QString &text, int width) const
{
    // Repaints (the sweep of a starting bar, a tick of its seconds) ask again and again for the
    // same few texts: measuring once is enough.
    const QString key =
        font.key() + QLatin1Char('\x1f') + QString::number(width) + QLatin1Char('\x1f') + text;
    if (const auto it = m_elideCache.constFind(key); it != m_elideCache.cend())
        return *it;
    if (m_elideCache.size() > 2000)
        m_elideCache.clear();
    const QString elided = QFontMetrics(font).elidedText(text, Qt::ElideRight, width);
    m_elideCache.insert(key, elided);
    return elided;
}

QSize ProgressDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QSize size = QStyledItemDelegate::sizeHint(option, index);
    const int fontHeight = option.fontMetrics.height();
    size.setHeight(qMax(size.height(), fontHeight + 16));
    size.setWidth(qMax(size.width(), option.fontMetrics.horizontalAdvance(QLatin1Char('M')) * 14));
    return size;
}

} // namespace archy
