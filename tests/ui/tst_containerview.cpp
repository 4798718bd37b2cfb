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
    QCOMPARE(m_view->retryButton(QStringLiteral("lnd")), button);
    QVERIFY(!button->isEnabled());
    m_backend->change(makeStatus(QStringLiteral("lnd"), ContainerState::Starting, {}, 2));
    QVERIFY(!button->isEnabled());

    m_backend->change(makeStatus(QStringLiteral("lnd"), ContainerState::Running, {}, 2));
    QVERIFY(!m_view->retryButton(QStringLiteral("lnd")));
}

void TestContainerView::retryThatFailsAgainReenablesButton()
{
    QPushButton *button = m_view->retryButton(QStringLiteral("lnd"));
    QTest::mouseClick(button, Qt::LeftButton);
    m_backend->change(makeStatus(QStringLiteral("lnd"), ContainerState::Starting, {}, 2));
    QVERIFY(!button->isEnabled());
    m_backend->change(
        makeStatus(QStringLiteral("lnd"), ContainerState::Failed, QStringLiteral("still busy"), 2));
    QVERIFY(m_view->retryButton(QStringLiteral("lnd"))->isEnabled());
    QTest::mouseClick(m_view->retryButton(QStringLiteral("lnd")), Qt::LeftButton);
    QCOMPARE(m_backend->retried.size(), 2);
}

void TestContainerView::buttonsFollowReset()
{
    m_backend->resetTo(makeCleanReport());
    QVERIFY(!m_view->retryButton(QStringLiteral("lnd")));
    RecoveryReport report = makeCleanReport();
    report.containers.append(
        makeStatus(QStringLiteral("nbxplorer"), ContainerState::Failed, QStringLiteral("e")));
    m_backend->resetTo(report);
    QVERIFY(m_view->retryButton(QStringLiteral("nbxplorer")));
    QVERIFY(m_view->retryButton(QStringLiteral("nbxplorer"))->isEnabled());
}

void TestContainerView::keyboardReachesRetry()
{
    QPushButton *button = m_view->retryButton(QStringLiteral("lnd"));
    QCOMPARE(button->focusPolicy() & Qt::TabFocus, Qt::TabFocus);
    QVERIFY(!m_view->tabKeyNavigation());

    // Enter on a failed row retries it; on a running row it does nothing.
    m_view->setFocus();
    m_view->setCurrentIndex(m_model->index(0, ContainerModel::Name));
    QTest::keyClick(m_view, Qt::Key_Return);
    QVERIFY(m_backend->retried.isEmpty());
    m_view->setCurrentIndex(m_model->index(m_model->rowOf(QStringLiteral("lnd")), ContainerModel::Name));
    QCOMPARE(m_view->currentContainer(), QStringLiteral("lnd"));
    QTest::keyClick(m_view, Qt::Key_Return);
    QCOMPARE(m_backend->retried, QStringList{QStringLiteral("lnd")});
    QVERIFY(!button->isEnabled());

    // Space on the focused button works too (keyboard activation of a real QPushButton).
    m_backend->change(makeStatus(QStringLiteral("lnd"), ContainerState::Failed, QStringLiteral("e"), 2));
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

QTEST_MAIN(TestContainerView)
#include "tst_containerview.moc"
