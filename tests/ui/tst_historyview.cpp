#include <QPushButton>
#include <QSignalSpy>
#include <QStackedWidget>
#include <QTreeWidget>
#include <QtTest>

#include "FakeBackend.h"
#include "HistoryView.h"

using namespace archy;
using namespace archy::test;

class TestHistoryView final : public QObject
{
    Q_OBJECT

private slots:
    void refreshAsksBackend();
    void listsNewestFirstWithOutcome();
    void openingShowsContainersAndErrors();
    void kioskDetailsReplaceList();
    void emptyHistory();

private:
    static QList<RecoveryReport> history();
};

QList<RecoveryReport> TestHistoryView::history()
{
    RecoveryReport newest = makeCrashReport();
    newest.startedAtMs = 1700000100000;
    RecoveryReport older = makeCleanReport();
    older.startedAtMs = 1600000000000;
    return {newest, older};
}

void TestHistoryView::refreshAsksBackend()
{
    FakeBackend backend;
    HistoryView view(WindowMode::Desktop);
    view.setBackend(&backend);
    view.refresh();
    QCOMPARE(backend.historyRequests, 1);
    QVERIFY(view.isLoading());
    emit backend.historyLoaded(history());
    QVERIFY(!view.isLoading());
    QCOMPARE(view.reportList()->topLevelItemCount(), 2);
}

void TestHistoryView::listsNewestFirstWithOutcome()
{
    FakeBackend backend;
    HistoryView view(WindowMode::Desktop);
    view.setBackend(&backend);
    emit backend.historyLoaded(history());
    QTreeWidget *list = view.reportList();
    QCOMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(list->topLevelItem(0)->text(1), HistoryView::tr("Crash"));
    QCOMPARE(list->topLevelItem(0)->text(2), HistoryView::tr("%1 of %2").arg(1).arg(4));
    QCOMPARE(list->topLevelItem(1)->text(1), HistoryView::tr("Clean"));
    QCOMPARE(list->topLevelItem(1)->text(2), HistoryView::tr("%1 of %2").arg(1).arg(1));
    QVERIFY(!list->topLevelItem(0)->text(0).isEmpty());
}

void TestHistoryView::openingShowsContainersAndErrors()
{
    FakeBackend backend;
    HistoryView view(WindowMode::Desktop);
    view.setBackend(&backend);
    view.resize(900, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    emit backend.historyLoaded(history());

    view.reportList()->setCurrentItem(view.reportList()->topLevelItem(0));
    QCOMPARE(view.shownReport(), 0);
    QTreeWidget *details = view.detailsList();
    QCOMPARE(details->topLevelItemCount(), 4);
    QCOMPARE(details->topLevelItem(3)->text(0), QStringLiteral("lnd"));
    QCOMPARE(details->topLevelItem(3)->text(1), containerStateText(ContainerState::Failed));
    QVERIFY(details->topLevelItem(3)->text(3).contains(QStringLiteral("port 9735 already in use")));
    QVERIFY(details->isVisible());

    view.reportList()->setCurrentItem(view.reportList()->topLevelItem(1));
    QCOMPARE(view.shownReport(), 1);
    QCOMPARE(details->topLevelItemCount(), 1);
}

void TestHistoryView::kioskDetailsReplaceList()
{
    FakeBackend backend;
    HistoryView view(WindowMode::Kiosk);
    view.setBackend(&backend);
    view.setTouchSize(56);
    view.resize(800, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    emit backend.historyLoaded(history());
    QVERIFY(view.reportList()->isVisible());
    QVERIFY(!view.detailsList()->isVisible());

    // One tap opens.
    QTreeWidget *list = view.reportList();
    const QRect rect = list->visualItemRect(list->topLevelItem(0));
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, rect.center());
    QCOMPARE(view.shownReport(), 0);
    QVERIFY(view.detailsList()->isVisible());
    QVERIFY(!list->isVisible());

    auto *back = view.findChild<QPushButton *>(QStringLiteral("historyBackButton"));
    QVERIFY(back);
    QVERIFY(back->height() >= 48);
    QTest::mouseClick(back, Qt::LeftButton);
    QVERIFY(list->isVisible());

    QSignalSpy close(&view, &HistoryView::closeRequested);
    auto *closeButton = view.findChild<QPushButton *>(QStringLiteral("historyCloseButton"));
    QVERIFY(closeButton->height() >= 48);
    QTest::mouseClick(closeButton, Qt::LeftButton);
    QCOMPARE(close.count(), 1);
}

void TestHistoryView::emptyHistory()
{
    FakeBackend backend;
    HistoryView view(WindowMode::Desktop);
    view.setBackend(&backend);
    emit backend.historyLoaded({});
    QCOMPARE(view.reportList()->topLevelItemCount(), 0);
    QCOMPARE(view.shownReport(), -1);
}

QTEST_MAIN(TestHistoryView)
#include "tst_historyview.moc"
