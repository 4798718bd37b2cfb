#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTextDocument>
#include <QtTest>

#include "ContainerModel.h"
#include "StatusText.h"
#include "FakeBackend.h"

namespace {

/// What a tooltip puts on the screen: Qt renders it as rich text when it looks like markup.
QString shownToolTip(const QModelIndex &index)
{
    const QString tip = index.data(Qt::ToolTipRole).toString();
    if (!Qt::mightBeRichText(tip))
        return tip;
    QTextDocument document;
    document.setHtml(tip);
    return document.toPlainText();
}

} // namespace

using namespace archy;
using namespace archy::test;

class TestContainerModel final : public QObject
{
    Q_OBJECT

private slots:
    void modelTesterOverBackendSignals();
    void resetLoadsAllRows();
    void changeUpdatesOneRow();
    void changeOfUnknownContainerInsertsRow();
    void summaryCounts();
    void retryPendingBlocksRetry();
    void finishedReportMergesWithoutReset();
    void columnsAndRoles();
    void crashLoopAndNote();
    void toolTipShowsMarkupLiterally();
};

void TestContainerModel::modelTesterOverBackendSignals()
{
    FakeBackend backend;
    ContainerModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBackend(&backend);
    backend.resetTo(makeCrashReport());
    backend.change(makeStatus(QStringLiteral("electrs"), ContainerState::Running, {}, 1));
    backend.change(makeStatus(QStringLiteral("new-one"), ContainerState::Starting));
    model.markRetryPending(QStringLiteral("lnd"));
    model.clearRetryPending();
    backend.resetTo(RecoveryReport{});
    backend.resetTo(makeCleanReport());
    model.flush(); // the last changes of a burst land at the end of the frame
    QCOMPARE(model.rowCount(), 1);
}

void TestContainerModel::resetLoadsAllRows()
{
    FakeBackend backend;
    backend.setReport(makeCrashReport());
    ContainerModel model;
    model.setBackend(&backend); // picks up the current report without a signal
    QCOMPARE(model.rowCount(), 4);
    // Problems first: the failed lnd leads, whatever the report's order.
    QCOMPARE(model.index(0, ContainerModel::Name).data().toString(), QStringLiteral("lnd"));

    // A new report is applied as removals and changes, never as a model reset.
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    backend.resetTo(makeCleanReport());
    model.flush();
    QCOMPARE(resets.count(), 0);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.rowOf(QStringLiteral("lnd")), -1);
}

void TestContainerModel::changeUpdatesOneRow()
{
    FakeBackend backend;
    backend.setReport(makeCrashReport());
    ContainerModel model;
    model.setBackend(&backend);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    backend.change(makeStatus(QStringLiteral("electrs"), ContainerState::Failed, QStringLiteral("boom"), 2));

    QCOMPARE(inserted.count(), 0);
    QCOMPARE(changed.count(), 1);
    const auto topLeft = changed.first().at(0).value<QModelIndex>();
    const auto bottomRight = changed.first().at(1).value<QModelIndex>();
    // Now failed, electrs moved up among the problems; only its row changed.
    const int electrs = model.rowOf(QStringLiteral("electrs"));
    QCOMPARE(topLeft.row(), electrs);
    QCOMPARE(bottomRight.row(), electrs);
    QCOMPARE(topLeft.column(), 0);
    QCOMPARE(bottomRight.column(), ContainerModel::ColumnCount - 1);
    const QModelIndex row = model.index(electrs, ContainerModel::State);
    QCOMPARE(FleetState(row.data(ContainerModel::StateRole).toInt()), FleetState::Failed);
    QCOMPARE(row.data().toString(), StatusText::stateWord(FleetState::Failed));
    QCOMPARE(row.data(ContainerModel::ErrorRole).toString(), QStringLiteral("boom"));
    QCOMPARE(model.index(electrs, ContainerModel::Attempts).data().toInt(), 2);
    QVERIFY(
        model.index(electrs, ContainerModel::Progress).data().toString().contains(QStringLiteral("boom")));
    QVERIFY(model.index(electrs, ContainerModel::Name)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("boom")));
}

void TestContainerModel::changeOfUnknownContainerInsertsRow()
{
    FakeBackend backend;
    backend.setReport(makeCrashReport());
    ContainerModel model;
    model.setBackend(&backend);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    backend.change(makeStatus(QStringLiteral("fulcrum"), ContainerState::Starting));

    QCOMPARE(inserted.count(), 1);
    QCOMPARE(inserted.first().at(1).toInt(), 4); // appended, then moved among those in flight
    QCOMPARE(model.rowCount(), 5);
    QCOMPARE(model.index(model.rowOf(QStringLiteral("fulcrum")), ContainerModel::Image).data().toString(),
             QStringLiteral("docker.io/archy/fulcrum:latest"));
}

void TestContainerModel::summaryCounts()
{
    FakeBackend backend;
    backend.setReport(makeCrashReport());
    ContainerModel model;
    model.setBackend(&backend);
    QCOMPARE(model.totalCount(), 4);
    QCOMPARE(model.recoveredCount(), 1);
    QCOMPARE(model.failedCount(), 1);
    QCOMPARE(model.summaryText(), StatusText::tr("%n services need attention", nullptr, 1));

    QSignalSpy summary(&model, &ContainerModel::summaryChanged);
    backend.change(makeStatus(QStringLiteral("electrs"), ContainerState::Running, {}, 1));
    QCOMPARE(summary.count(), 1);
    QCOMPARE(model.recoveredCount(), 2);
    QCOMPARE(model.summaryText(), StatusText::tr("%n services need attention", nullptr, 1));
}

void TestContainerModel::retryPendingBlocksRetry()
{
    FakeBackend backend;
    backend.setReport(makeCrashReport());
    ContainerModel model;
    model.setBackend(&backend);
    const QModelIndex lnd = model.index(model.rowOf(QStringLiteral("lnd")), ContainerModel::Action);
    QVERIFY(lnd.data(ContainerModel::CanRetryRole).toBool());
    QCOMPARE(model.retryableCount(), 1);

    model.markRetryPending(QStringLiteral("lnd"));
    QVERIFY(!lnd.data(ContainerModel::CanRetryRole).toBool());
    QVERIFY(lnd.data(ContainerModel::RetryPendingRole).toBool());
    QCOMPARE(model.retryableCount(), 0);

    // The backend's answer replaces "pending" with the real state.
    backend.change(makeStatus(QStringLiteral("lnd"), ContainerState::Failed, QStringLiteral("again"), 2));
    model.flush();
    QVERIFY(!lnd.data(ContainerModel::RetryPendingRole).toBool());
    QVERIFY(lnd.data(ContainerModel::CanRetryRole).toBool());

    // A backend error must not leave it blocked forever.
    model.markRetryPending(QStringLiteral("lnd"));
    emit backend.errorOccurred(QStringLiteral("history unwritable"));
    QVERIFY(lnd.data(ContainerModel::CanRetryRole).toBool());

    // Only failed containers can be retried.
    const QModelIndex running = model.index(model.rowOf(QStringLiteral("bitcoind")), ContainerModel::Action);
    QVERIFY(!running.data(ContainerModel::CanRetryRole).toBool());
}

void TestContainerModel::finishedReportMergesWithoutReset()
{
    FakeBackend backend;
    backend.setReport(makeCrashReport());
    ContainerModel model;
    model.setBackend(&backend);
    QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);

    RecoveryReport finished = makeCrashReport();
    finished.containers[1] = makeStatus(QStringLiteral("electrs"), ContainerState::Running, {}, 1);
    finished.containers[2] = makeStatus(QStringLiteral("mempool-web"), ContainerState::Running, {}, 1);
    backend.setReport(finished);
    emit backend.reportFinished(finished);
    model.flush();

    QCOMPARE(resets.count(), 0);
    QCOMPARE(changed.count(), 1); // one dataChanged spanning only the rows that changed
    QCOMPARE(model.recoveredCount(), 3);
}

void TestContainerModel::columnsAndRoles()
{
    ContainerModel model;
    QCOMPARE(model.columnCount(), int(ContainerModel::ColumnCount));
    for (int c = 0; c < ContainerModel::ColumnCount; ++c)
        QVERIFY(!model.headerData(c, Qt::Horizontal).toString().isEmpty());
    QVERIFY(model.roleNames().contains(ContainerModel::NameRole));
    model.resetReport(makeCrashReport());
    // Problems first (issue 8): the failed lnd on top, then what waits, what starts, and what runs.
    const QStringList expectedOrder = {QStringLiteral("lnd"), QStringLiteral("mempool-web"),
                                       QStringLiteral("electrs"), QStringLiteral("bitcoind")};
    QStringList order;
    for (int row = 0; row < model.rowCount(); ++row)
        order.append(model.index(row, ContainerModel::Progress).data(ContainerModel::NameRole).toString());
    QCOMPARE(order, expectedOrder);
    const int bitcoind = model.rowOf(QStringLiteral("bitcoind"));
    const int mempool = model.rowOf(QStringLiteral("mempool-web"));
    const int lnd = model.rowOf(QStringLiteral("lnd"));
    QVERIFY(!model.index(bitcoind, ContainerModel::Name).data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!model.index(bitcoind, ContainerModel::Time).data().toString().isEmpty());
    QVERIFY(model.index(mempool, ContainerModel::Time).data().toString().isEmpty()); // never started
    QCOMPARE(model.status(lnd).error, makeCrashReport().containers.at(3).error);
}

void TestContainerModel::crashLoopAndNote()
{
    FakeBackend backend;
    backend.setReport(makeCrashReport());
    ContainerModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setBackend(&backend);

    // A note shows on the bar, in the tooltip and to a screen reader.
    ContainerStatus healthy = makeStatus(QStringLiteral("bitcoind"), ContainerState::Running, {}, 1);
    healthy.note = QStringLiteral("Its health check did not pass within 120 seconds.");
    backend.change(healthy);
    const QModelIndex bar = model.index(model.rowOf(healthy.name), ContainerModel::Progress);
    // The bar stays short ("Running"); the note is one tap (details) or hover (tooltip) away.
    QCOMPARE(bar.data(ContainerModel::BarTextRole).toString(), StatusText::stateWord(FleetState::Running));
    QVERIFY(bar.data(Qt::ToolTipRole).toString().contains(healthy.note));
    QCOMPARE(bar.data(ContainerModel::NoteRole).toString(), healthy.note);

    // A crash loop is a failure of its own kind: own state text, own icon, still retryable.
    ContainerStatus loop = makeStatus(QStringLiteral("electrs"), ContainerState::Failed,
                                      QStringLiteral("Keeps stopping within a minute"), 4);
    loop.crashLoop = true;
    backend.change(loop);
    model.flush(); // changes are batched; the second one in a burst waits for the batch timer
    const int row = model.rowOf(loop.name);
    QCOMPARE(model.index(row, ContainerModel::State).data().toString(), StatusText::tr("Crash loop"));
    QVERIFY(model.index(row, ContainerModel::Progress)
                .data(ContainerModel::BarTextRole)
                .toString()
                .startsWith(StatusText::tr("Crash loop")));
    QVERIFY(model.index(row, 0).data(ContainerModel::CrashLoopRole).toBool());
    QVERIFY(model.index(row, 0).data(ContainerModel::CanRetryRole).toBool());
    const QIcon loopIcon = model.index(row, ContainerModel::Name).data(Qt::DecorationRole).value<QIcon>();
    const QIcon failedIcon = model.index(model.rowOf(QStringLiteral("lnd")), ContainerModel::Name)
                                 .data(Qt::DecorationRole)
                                 .value<QIcon>();
    QVERIFY(!loopIcon.isNull());
    QVERIFY(loopIcon.pixmap(24, 24).toImage() != failedIcon.pixmap(24, 24).toImage());

    // An ordinary failure shows its cause on the bar (podman's boilerplate cut off, issue 8);
    // the full text stays in the tooltip and on the details page.
    const QModelIndex lndBar = model.index(model.rowOf(QStringLiteral("lnd")), ContainerModel::Progress);
    QCOMPARE(lndBar.data(ContainerModel::BarTextRole).toString(), QStringLiteral("port 9735 already in use"));
    QVERIFY(shownToolTip(lndBar).contains(makeCrashReport().containers.at(3).error));
}

void TestContainerModel::toolTipShowsMarkupLiterally()
{
    // Names and podman's errors are data: a tooltip that looks like markup must not be rendered.
    FakeBackend backend;
    RecoveryReport report = makeCrashReport();
    ContainerStatus hostile =
        makeStatus(QStringLiteral("<b>evil</b>"), ContainerState::Failed,
                   QStringLiteral("Error: <img src=x> & <a href=y>click</a>\nsecond line"), 1);
    report.containers.append(hostile);
    backend.setReport(report);
    ContainerModel model;
    model.setBackend(&backend);
    const QModelIndex index = model.index(model.rowOf(hostile.name), ContainerModel::Name);
    QVERIFY(index.isValid());
    const QString shown = shownToolTip(index);
    QVERIFY2(shown.contains(hostile.name), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("<img src=x> & <a href=y>click</a>")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("second line")), qPrintable(shown));
}

QTEST_MAIN(TestContainerModel)
#include "tst_containermodel.moc"
