#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "TestSupport.h"
#include "state/History.h"
#include "state/HistoryWriter.h"

using archy::HistoryWriter;
using archy::RecoveryReport;

class TestHistoryWriter final : public QObject
{
    Q_OBJECT

private slots:
    void appendsInOrder();
    void readTakesHighestRevision();
    void callbacksRunInOrder();
    void readTreatsOutOfRangeNumbersAsZero();
};

namespace {
RecoveryReport reportWith(const QString &id, int revision)
{
    RecoveryReport report;
    report.id = id;
    report.revision = revision;
    report.startedAtMs = 1000;
    archy::ContainerStatus status;
    status.name = QStringLiteral("c%1").arg(revision);
    report.containers.append(status);
    return report;
}
} // namespace

void TestHistoryWriter::appendsInOrder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    HistoryWriter writer(dir.path());
    QSignalSpy drained(&writer, &HistoryWriter::drained);
    // Many revisions asked for at once, as twelve retries finishing together do: the file must
    // hold them in the order they were asked for.
    constexpr int Revisions = 40;
    for (int revision = 1; revision <= Revisions; ++revision)
        writer.append(reportWith(QStringLiteral("r1"), revision));
    QVERIFY(writer.isBusy());
    QVERIFY(drained.wait(20000));
    QVERIFY(!writer.isBusy());
    const QList<QJsonDocument> lines =
        archy::test::readJsonLines(QDir(dir.path()).filePath(archy::History::fileName()));
    QCOMPARE(lines.size(), Revisions);
    for (int i = 0; i < Revisions; ++i)
        QCOMPARE(lines.at(i).object().value(QLatin1String("revision")).toInt(), i + 1);
    const QList<RecoveryReport> read = archy::History::read(dir.path());
    QCOMPARE(read.size(), 1);
    QCOMPARE(read.first().revision, Revisions);
}

void TestHistoryWriter::readTakesHighestRevision()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // An old file written out of order: revision 3 before 2. The reader takes 3.
    QString error;
    QVERIFY(archy::History::append(dir.path(), reportWith(QStringLiteral("a"), 1), &error));
    QVERIFY(archy::History::append(dir.path(), reportWith(QStringLiteral("a"), 3), &error));
    QVERIFY(archy::History::append(dir.path(), reportWith(QStringLiteral("b"), 0), &error));
    QVERIFY(archy::History::append(dir.path(), reportWith(QStringLiteral("a"), 2), &error));
    const QList<RecoveryReport> read = archy::History::read(dir.path());
    QCOMPARE(read.size(), 2);
    QCOMPARE(read.at(0).id, QStringLiteral("a")); // its last line is the newest
    QCOMPARE(read.at(0).revision, 3);
    QCOMPARE(read.at(0).containers.first().name, QStringLiteral("c3"));
    QCOMPARE(read.at(1).id, QStringLiteral("b"));
}

void TestHistoryWriter::callbacksRunInOrder()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    HistoryWriter writer(dir.path());
    QList<int> order;
    for (int revision = 1; revision <= 5; ++revision)
        writer.append(reportWith(QStringLiteral("r"), revision),
                      [&order, revision] { order.append(revision); });
    QTRY_COMPARE_WITH_TIMEOUT(order.size(), 5, 10000);
    QCOMPARE(order, (QList<int>{1, 2, 3, 4, 5}));
}

void TestHistoryWriter::readTreatsOutOfRangeNumbersAsZero()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A hand-edited or garbled line: casting 1e300 to qint64 would be undefined behaviour (the
    // sanitizer build aborts on it), so such numbers read as 0 and the rest of the record stays.
    QFile file(QDir(dir.path()).filePath(archy::History::fileName()));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"id":"x","startedAtMs":1e300,"containers":[{"name":"c","retryAtMs":1e300,)"
               R"("startedAtMs":-1e300,"finishedAtMs":1e300}]})"
               "\n");
    file.close();
    const QList<RecoveryReport> read = archy::History::read(dir.path());
    QCOMPARE(read.size(), 1);
    QCOMPARE(read.first().startedAtMs, qint64(0));
    QCOMPARE(read.first().containers.size(), 1);
    QCOMPARE(read.first().containers.first().name, QStringLiteral("c"));
    QCOMPARE(read.first().containers.first().retryAtMs, qint64(0));
    QCOMPARE(read.first().containers.first().startedAtMs, qint64(0));
    QCOMPARE(read.first().containers.first().finishedAtMs, qint64(0));
}

QTEST_GUILESS_MAIN(TestHistoryWriter)
#include "tst_historywriter.moc"
