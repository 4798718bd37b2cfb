#pragma once

#include <QHash>
#include <QStyledItemDelegate>

namespace archy {

/**
 * Paints a container's progress as a bar: Waiting is an empty track, Starting a moving segment,
 * Running a full green bar and Failed a full red bar carrying the error.
 *
 * The delegate has no timer of its own; the view advances the phase while something is Starting so
 * that idle screens do not repaint.
 */
class ProgressDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ProgressDelegate)

public:
    explicit ProgressDelegate(QObject *parent = nullptr);
    ~ProgressDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    /// 0..1, position of the busy segment for Starting rows.
    qreal animationPhase() const { return m_phase; }
    void setAnimationPhase(qreal phase);

    static QColor runningColor();
    static QColor failedColor();
    static QColor crashLoopColor();
    static QColor startingColor();

private:
    QString elidedText(const QFont &font, const QString &text, int width) const;

    mutable QHash<QString, QString> m_elideCache;
    qreal m_phase = 0.0;
};

} // namespace archy
