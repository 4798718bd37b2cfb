#include <QPushButton>
#include <QSignalSpy>
#include <QtTest>

#include "ContainerModel.h"
#include "ContainerView.h"
#include "FakeBackend.h"
#include "ProgressDelegate.h"

using namespace archy;
using namespace archy::test;

class TestContainerView final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void retryButtonOnlyOnFailedRows();
    void clickRetryCallsBackendAndDisablesWhileInFlight();
    void retryThatFailsAgainReenablesButton();
    void buttonsFollowReset();
    void keyboardReachesRetry();
    void busyAnimationOnlyWhileStarting();
    void touchModeHidesColumnsAndKeepsTargetsLarge();
    void fiftyContainersStayCheap();

private:
    FakeBackend *m_backend = nullptr;
    ContainerModel *m_model = nullptr;
    ContainerView *m_view = nullptr;
};

void TestContainerView::init()
{
    m_backend = new FakeBackend;
    m_backend->setReport(makeCrashReport());
    m_model = new ContainerModel;
    m_model->setBackend(m_backend);
    m_view = new ContainerView(m_model);
    connect(m_view, &ContainerView::retryRequested, m_backend, &RecoveryBackend::retry);
    m_view->resize(1000, 400);
    m_view->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_view));
}

void TestContainerView::cleanup()
{
    delete m_view;
    delete m_model;
    delete m_backend;
}

void TestContainerView::retryButtonOnlyOnFailedRows()
{
    QVERIFY(m_view->retryButton(QStringLiteral("lnd")));
    QVERIFY(m_view->retryButton(QStringLiteral("lnd"))->isEnabled());
    QVERIFY(m_view->retryButton(QStringLiteral("lnd"))->isVisible());
    QVERIFY(!m_view->retryButton(QStringLiteral("lnd"))->accessibleName().isEmpty());
    QVERIFY(!m_view->retryButton(QStringLiteral("bitcoind")));
    QVERIFY(!m_view->retryButton(QStringLiteral("electrs")));
    QVERIFY(!m_view->retryButton(QStringLiteral("mempool-web")));

    // A container failing later gets its button.
    m_backend->change(makeStatus(QStringLiteral("electrs"), ContainerState::Failed, QStringLiteral("x"), 1));
    m_model->flush();
    QVERIFY(m_view->retryButton(QStringLiteral("electrs")));
}

void TestContainerView::clickRetryCallsBackendAndDisablesWhileInFlight()
{
    QPushButton *button = m_view->retryButton(QStringLiteral("lnd"));
    QVERIFY(button);
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(m_backend->retried, QStringList{QStringLiteral("lnd")});
    QVERIFY(!button->isEnabled()); // asked, no answer yet

    // A second tap must not send a second retry.
    QTest::mouseClick(button, Qt::LeftButton);
    QCOMPARE(m_backend->retried.size(), 1);

    m_backend->change(makeStatus(QStringLiteral("lnd"), ContainerState::Waiting, {}, 1));
    m_model->flush();
    QCOMPARE(m_view->retryButton(QStringLiteral("lnd")), button);
    QVERIFY(!button->isEnabled());
    m_backend->change(makeStatus(QStringLiteral("lnd"), ContainerState::Starting, {}, 2));
    m_model->flush();
    QVERIFY(!button->isEnabled());

    m_backend->change(makeStatus(QStringLiteral("lnd"), ContainerState::Running, {}, 2));
    m_model->flush();
    QVERIFY(!m_view->retryButton(QStringLiteral("lnd")));
}

void TestContainerView::retryThatFailsAgainReenablesButton()
{
    QPushButton *button = m_view->retryButton(QStringLiteral("lnd"));
    QTest::mouseClick(button, Qt::LeftButton);
    m_backend->change(makeStatus(QStringLiteral("lnd"), ContainerState::Starting, {}, 2));
    m_model->flush();
    QVERIFY(!button->isEnabled());
    m_backend->change(
        makeStatus(QStringLiteral("lnd"), ContainerState::Failed, QStringLiteral("still busy"), 2));
    m_model->flush();
    QVERIFY(m_view->retryButton(QStringLiteral("lnd"))->isEnabled());
    QTest::mouseClick(m_view->retryButton(QStringLiteral("lnd")), Qt::LeftButton);
    QCOMPARE(m_backend->retried.size(), 2);
}

void TestContainerView::buttonsFollowReset()
{
    m_backend->resetTo(makeCleanReport());
    m_model->flush();
    QVERIFY(!m_view->retryButton(QStringLiteral("lnd")));
    RecoveryReport report = makeCleanReport();
    report.containers.append(
        makeStatus(QStringLiteral("nbxplorer"), ContainerState::Failed, QStringLiteral("e")));
    m_backend->resetTo(report);
    m_model->flush();
    QVERIFY(m_view->retryButton(QStringLiteral("nbxplorer")));
    QVERIFY(m_view->retryButton(QStringLiteral("nbxplorer"))->isEnabled());
}

void TestContainerView::keyboardReachesRetry()
{
    QPushButton *button = m_view->retryButton(QStringLiteral("lnd"));
    QCOMPARE(button->focusPolicy() & Qt::TabFocus, Qt::TabFocus);
    QVERIFY(!m_view->tabKeyNavigation());

    // Enter and Space on a row open its details; they never retry by themselves.
    QSignalSpy details(m_view, &ContainerView::detailsRequested);
    m_view->setFocus();
    m_view->setCurrentIndex(m_model->index(m_model->rowOf(QStringLiteral("lnd")), ContainerModel::Name));
    QCOMPARE(m_view->currentContainer(), QStringLiteral("lnd"));
    QTest::keyClick(m_view, Qt::Key_Return);
    QTest::keyClick(m_view, Qt::Key_Space);
    QCOMPARE(details.count(), 2);
    QCOMPARE(details.at(0).at(0).toModelIndex().row(), m_model->rowOf(QStringLiteral("lnd")));
    QVERIFY(m_backend->retried.isEmpty());
    // The row's Retry button is the explicit way.
    button->setFocus();
    QTest::keyClick(button, Qt::Key_Space);
    QCOMPARE(m_backend->retried, QStringList{QStringLiteral("lnd")});
    QVERIFY(!button->isEnabled());

    // Space on the focused button works too (keyboard activation of a real QPushButton).
    m_backend->change(makeStatus(QStringLiteral("lnd"), ContainerState::Failed, QStringLiteral("e"), 2));
    m_model->flush();
    button->setFocus();
    QTest::keyClick(button, Qt::Key_Space);
    QCOMPARE(m_backend->retried.size(), 2);
}

void TestContainerView::busyAnimationOnlyWhileStarting()
{
    QVERIFY(m_view->isAnimating()); // electrs is Starting
    const qreal before = m_view->progressDelegate()->animationPhase();
    QTRY_VERIFY(m_view->progressDelegate()->animationPhase() != before);
    m_backend->change(makeStatus(QStringLiteral("electrs"), ContainerState::Running, {}, 1));
    m_model->flush();
    QVERIFY(!m_view->isAnimating());
}

void TestContainerView::touchModeHidesColumnsAndKeepsTargetsLarge()
{
    m_view->setTouchMode(true, 56);
    QVERIFY(m_view->isColumnHidden(ContainerModel::Image));
    QVERIFY(m_view->isColumnHidden(ContainerModel::Time));
    QVERIFY(!m_view->isColumnHidden(ContainerModel::Name));
    QVERIFY(!m_view->isColumnHidden(ContainerModel::Progress));
    QVERIFY(!m_view->isColumnHidden(ContainerModel::Action));
    QVERIFY(m_view->rowHeight(0) >= 56);
    QPushButton *button = m_view->retryButton(QStringLiteral("lnd"));
    QVERIFY(button->minimumHeight() >= 56);
    QVERIFY(button->height() >= 48);
    QVERIFY(button->width() >= 48);
}

void TestContainerView::fiftyContainersStayCheap()
{
    // A busy node: 50 containers and a burst of 500 changes must cost one row each, never a reset
    // (a reset would drop the selection, the scroll position and every row button).
    RecoveryReport report;
    report.crashInfo.crash = true;
    for (int i = 0; i < 50; ++i)
        report.containers.append(
            makeStatus(QStringLiteral("c%1").arg(i, 2, 10, QLatin1Char('0')), ContainerState::Waiting));
    QSignalSpy resets(m_model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(m_model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(m_model, &QAbstractItemModel::rowsInserted);
    QSignalSpy layouts(m_model, &QAbstractItemModel::layoutChanged);
    m_backend->resetTo(report);
    m_model->flush();
    QCOMPARE(resets.count(), 0); // loaded as row inserts, never a reset
    QCOMPARE(m_model->rowCount(), 50);
    inserted.clear();
    layouts.clear();
    m_view->setCurrentIndex(m_model->index(10, ContainerModel::Name));
    const QString selected = m_model->status(10).name;

    const ContainerState cycle[] = {ContainerState::Starting, ContainerState::Failed,
                                    ContainerState::Starting, ContainerState::Running};
    for (int i = 0; i < 500; ++i) {
        const int row = (i * 7) % 50;
        ContainerStatus status = m_model->status(row);
        status.state = cycle[(i / 50) % 4];
        status.attempts += 1;
        status.error = status.state == ContainerState::Failed ? QStringLiteral("boom %1").arg(i) : QString();
        m_backend->change(status);
        m_model->flush();
        if (i % 50 == 0)
            QCoreApplication::processEvents(); // let the view paint now and then, as it would live
    }
    QCoreApplication::processEvents();

    QCOMPARE(resets.count(), 0);
    QCOMPARE(inserted.count(), 0);
    // Problems first: a row whose state changes may move (a layout change), never more than once per change.
    QVERIFY(layouts.count() <= 500);
    // The cost is counted, not timed: one dataChanged of one row per change. The once-a-second
    // clock of Starting rows ("Starting · 45 s") also emits dataChanged, for the display roles of
    // one row; how many of those come depends on how long the loop takes, so they are counted apart.
    int perChange = 0;
    for (const QList<QVariant> &args : std::as_const(changed)) {
        const auto topLeft = args.at(0).value<QModelIndex>();
        const auto bottomRight = args.at(1).value<QModelIndex>();
        QCOMPARE(topLeft.row(), bottomRight.row()); // one row per change, not the whole table
        const auto roles = args.at(2).value<QList<int>>();
        if (roles.isEmpty())
            ++perChange;
        else
            QVERIFY(roles.contains(ContainerModel::BarTextRole)); // a clock tick
    }
    QCOMPARE(perChange, 500);
    // Selection survived: the same container is still current, wherever problems-first moved it.
    QCOMPARE(m_model->status(m_view->currentIndex().row()).name, selected);
    // Every problem row has its Retry; a retried row keeps its (disabled) button while in flight;
    // no running row has one.
    int problemButtons = 0;
    for (int row = 0; row < 50; ++row) {
        const FleetEntry entry = m_model->entry(row);
        QPushButton *button = m_view->retryButton(entry.status.name);
        if (isProblem(entry.state)) {
            QVERIFY(button);
            ++problemButtons;
        } else if (button) {
            QVERIFY2(isInFlight(entry.state), qPrintable(entry.status.name));
            QVERIFY(!button->isEnabled());
        }
    }
    QCOMPARE(problemButtons, m_model->failedCount());
}

QTEST_MAIN(TestContainerView)
#include "tst_containerview.moc"
