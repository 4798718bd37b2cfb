#include <QImage>
#include <QPainter>
#include <QtTest>

#include "ContainerModel.h"
#include "FakeBackend.h"
#include "ProgressDelegate.h"

using namespace archy;
using namespace archy::test;

class TestProgressDelegate final : public QObject
{
    Q_OBJECT

private slots:
    void paintsStateColours_data();
    void paintsStateColours();
    void startingSegmentMoves();
    void sizeHintFitsText();

private:
    QImage render(ContainerState state, qreal phase = 0.5);
};

static bool near(const QColor &a, const QColor &b, int tolerance = 40)
{
    return qAbs(a.red() - b.red()) <= tolerance && qAbs(a.green() - b.green()) <= tolerance &&
           qAbs(a.blue() - b.blue()) <= tolerance;
}

static int countNear(const QImage &image, const QColor &colour)
{
    int n = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x)
            n += near(image.pixelColor(x, y), colour, 10);
    return n;
}

QImage TestProgressDelegate::render(ContainerState state, qreal phase)
{
    ContainerModel model;
    RecoveryReport report;
    report.containers = {makeStatus(QStringLiteral("c"), state, QStringLiteral("port in use"))};
    model.resetReport(report);
    ProgressDelegate delegate;
    delegate.setAnimationPhase(phase);

    QImage image(300, 40, QImage::Format_ARGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    QStyleOptionViewItem option;
    option.rect = image.rect();
    option.state = QStyle::State_Enabled;
    option.palette = QApplication::palette();
    option.font = QApplication::font();
    option.fontMetrics = QFontMetrics(option.font);
    delegate.paint(&painter, option, model.index(0, ContainerModel::Progress));
    painter.end();
    return image;
}

void TestProgressDelegate::paintsStateColours_data()
{
    QTest::addColumn<int>("state");
    QTest::addColumn<QColor>("expected");
    QTest::addColumn<bool>("filled");
    QTest::newRow("running") << int(ContainerState::Running) << ProgressDelegate::runningColor() << true;
    QTest::newRow("failed") << int(ContainerState::Failed) << ProgressDelegate::failedColor() << true;
    QTest::newRow("waiting-runs-no-colour")
        << int(ContainerState::Waiting) << ProgressDelegate::runningColor() << false;
}

void TestProgressDelegate::paintsStateColours()
{
    QFETCH(int, state);
    QFETCH(QColor, expected);
    QFETCH(bool, filled);
    const QImage image = render(ContainerState(state));
    // A full bar: its colour at both ends (the text sits left of the middle... or is elided before).
    const QColor right = image.pixelColor(image.width() - 12, image.height() / 2);
    QCOMPARE(near(right, expected, 10), filled);
    if (filled) {
        QVERIFY(near(image.pixelColor(image.width() / 2, 7), expected, 10));
        QVERIFY(countNear(image, expected) > image.width() * image.height() / 2);
    } else {
        QCOMPARE(countNear(image, ProgressDelegate::failedColor()), 0);
        QCOMPARE(countNear(image, ProgressDelegate::startingColor()), 0);
    }
}

void TestProgressDelegate::startingSegmentMoves()
{
    const QImage early = render(ContainerState::Starting, 0.25);
    const QImage late = render(ContainerState::Starting, 0.75);
    const QColor blue = ProgressDelegate::startingColor();
    // A partial segment: some blue, far from a full bar.
    const int area = early.width() * early.height();
    QVERIFY(countNear(early, blue) > 50);
    QVERIFY(countNear(early, blue) < area / 2);
    // It moves with the phase: left part blue early, right part blue late.
    QVERIFY(near(early.pixelColor(early.width() / 4, 7), blue, 10));
    QVERIFY(!near(late.pixelColor(late.width() / 4, 7), blue, 10));
    QVERIFY(near(late.pixelColor(late.width() * 3 / 4, 7), blue, 10));

    ProgressDelegate delegate;
    delegate.setAnimationPhase(1.25);
    QCOMPARE(delegate.animationPhase(), 0.25);
}

void TestProgressDelegate::sizeHintFitsText()
{
    ContainerModel model;
    model.resetReport(makeCrashReport());
    ProgressDelegate delegate;
    QStyleOptionViewItem option;
    option.font = QApplication::font();
    option.fontMetrics = QFontMetrics(option.font);
    const QSize hint = delegate.sizeHint(option, model.index(0, ContainerModel::Progress));
    QVERIFY(hint.height() >= option.fontMetrics.height() + 16);
    QVERIFY(hint.width() >= option.fontMetrics.horizontalAdvance(QStringLiteral("Running")));
}

QTEST_MAIN(TestProgressDelegate)
#include "tst_progressdelegate.moc"
