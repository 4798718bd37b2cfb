#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "TestSupport.h"
#include "state/Snapshot.h"

using archy::Snapshot;
using archy::SnapshotEntry;
namespace SnapshotStore = archy::SnapshotStore;
using archy::test::modeOf;
using archy::test::readAll;
using archy::test::writeAll;

class TestSnapshot final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void readsSeedSnapshot();
    void fromJsonTypeChecks_data();
    void fromJsonTypeChecks();
    void extraKeysAreKept();
    void hostileNames_data();
    void hostileNames();
    void roundTrip();
    void storeWritesOwnerOnlyAndKeepsPrevious();
    void storeMissingIsQuiet();
    void tornFileFallsBackToPrevious();
    void tornFileWithoutPreviousWarns();
    void bothGenerationsBadWarnsNotFound();
    void hugeFileRefusedFast();
    void badTimestampKeepsTheList_data();
    void badTimestampKeepsTheList();
    void badTimestampInNewestDoesNotFallBack();

private:
    QString path(const QString &name) const { return QDir(m_dir->path()).filePath(name); }
    static Snapshot sample(const QString &firstName);

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestSnapshot::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

Snapshot TestSnapshot::sample(const QString &firstName)
{
    Snapshot snapshot;
    snapshot.timestamp = 1718000000;
    snapshot.containers.append(SnapshotEntry{firstName, QStringLiteral("bitcoin-knots:27.1"), {}, {}});
    snapshot.containers.append(
        SnapshotEntry{QStringLiteral("archy-mempool-web"), QStringLiteral("mempool/frontend:3.0"), {}, {}});
    return snapshot;
}

void TestSnapshot::readsSeedSnapshot()
{
    Snapshot snapshot;
    QString error;
    QVERIFY2(Snapshot::fromJson(readAll(archy::test::dataPath(QStringLiteral("seed-snapshot.json"))),
                                &snapshot, &error),
             qPrintable(error));
    QCOMPARE(snapshot.timestamp, 1000);
    QCOMPARE(snapshot.containers.size(), 2);
    QCOMPARE(snapshot.containers.at(0).name, QStringLiteral("archy-bitcoin-knots"));
    QCOMPARE(snapshot.containers.at(0).image, QStringLiteral("bitcoin-knots:27.1"));
    QCOMPARE(snapshot.containers.at(1).name, QStringLiteral("archy-mempool-web"));
    QCOMPARE(snapshot.containers.at(1).image, QStringLiteral("mempool/frontend:3.0"));
    QVERIFY(snapshot.containers.at(0).isValid());
    QVERIFY(snapshot.containers.at(1).isValid());
}

void TestSnapshot::fromJsonTypeChecks_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("errorMentions"); ///< document error, or the first entry's invalidReason
    QTest::addColumn<int>("count");
    QTest::addColumn<bool>("firstValid");

    // A bad timestamp is a warning, not a bad document (badTimestampKeepsTheList).
    QTest::newRow("timestamp string")
        << QByteArray("{\"timestamp\":\"1000\",\"containers\":[]}") << true << QString() << 0 << false;
    QTest::newRow("timestamp missing")
        << QByteArray("{\"containers\":[]}") << true << QString() << 0 << false;
    QTest::newRow("containers object")
        << QByteArray("{\"timestamp\":1,\"containers\":{\"name\":\"a\",\"image\":\"b\"}}") << false
        << QStringLiteral("containers") << 0 << false;
    QTest::newRow("containers missing")
        << QByteArray("{\"timestamp\":1}") << false << QStringLiteral("containers") << 0 << false;
    QTest::newRow("top level list") << QByteArray("[{\"name\":\"a\",\"image\":\"b\"}]") << false
                                    << QStringLiteral("object") << 0 << false;
    QTest::newRow("not json") << QByteArray("not valid json") << false << QStringLiteral("JSON") << 0
                              << false;
    QTest::newRow("empty") << QByteArray() << false << QStringLiteral("JSON") << 0 << false;
    QTest::newRow("entry not object")
        << QByteArray("{\"timestamp\":1,\"containers\":[42,{\"name\":\"ok\",\"image\":\"i\"}]}") << true
        << QStringLiteral("not an object") << 2 << false;
    QTest::newRow("name number") << QByteArray(
                                        "{\"timestamp\":1,\"containers\":[{\"name\":7,\"image\":\"i\"}]}")
                                 << true << QStringLiteral("\"name\" is number") << 1 << false;
    QTest::newRow("name missing") << QByteArray("{\"timestamp\":1,\"containers\":[{\"image\":\"i\"}]}")
                                  << true << QStringLiteral("\"name\"") << 1 << false;
    QTest::newRow("image missing") << QByteArray("{\"timestamp\":1,\"containers\":[{\"name\":\"web\"}]}")
                                   << true << QStringLiteral("\"image\"") << 1 << false;
    QTest::newRow("image null") << QByteArray(
                                       "{\"timestamp\":1,\"containers\":[{\"name\":\"web\",\"image\":null}]}")
                                << true << QStringLiteral("\"image\" is null") << 1 << false;
    QTest::newRow("valid") << QByteArray(
                                  "{\"timestamp\":1,\"containers\":[{\"name\":\"web\",\"image\":\"nginx\"}]}")
                           << true << QString() << 1 << true;
    QTest::newRow("empty list") << QByteArray("{\"timestamp\":0,\"containers\":[]}") << true << QString() << 0
                                << false;
}

void TestSnapshot::fromJsonTypeChecks()
{
    QFETCH(QByteArray, json);
    QFETCH(bool, ok);
    QFETCH(QString, errorMentions);
    QFETCH(int, count);
    QFETCH(bool, firstValid);

    Snapshot snapshot;
    snapshot.timestamp = 99; // must be reset
    QString error;
    QCOMPARE(Snapshot::fromJson(json, &snapshot, &error), ok);
    QCOMPARE(snapshot.containers.size(), count);
    if (!ok) {
        QVERIFY2(error.contains(errorMentions), qPrintable(error));
        return;
    }
    if (count == 0)
        return;
    const SnapshotEntry &first = snapshot.containers.first();
    QCOMPARE(first.isValid(), firstValid);
    if (!firstValid) {
        QVERIFY2(first.invalidReason.contains(errorMentions), qPrintable(first.invalidReason));
        QVERIFY(first.image.isEmpty()); // an invalid entry carries nothing that could reach podman
    }
    if (QTest::currentDataTag() == QByteArray("entry not object")) {
        // One bad entry does not spoil the next.
        QVERIFY(snapshot.containers.at(1).isValid());
        QCOMPARE(snapshot.containers.at(1).name, QStringLiteral("ok"));
    }
}

void TestSnapshot::extraKeysAreKept()
{
    const QByteArray json = "{\"timestamp\":5,\"containers\":[{\"name\":\"web\",\"image\":\"nginx\","
                            "\"after\":[\"db\"],\"restart\":\"always\"}],\"writer\":\"someone\"}";
    Snapshot snapshot;
    QString error;
    QVERIFY(Snapshot::fromJson(json, &snapshot, &error));
    const SnapshotEntry &entry = snapshot.containers.at(0);
    QVERIFY(entry.isValid());
    QCOMPARE(entry.extra.value(QLatin1String("restart")).toString(), QStringLiteral("always"));
    QCOMPARE(entry.extra.value(QLatin1String("after")).toArray().at(0).toString(), QStringLiteral("db"));
    QVERIFY(!entry.extra.contains(QLatin1String("name")));
    QVERIFY(!entry.extra.contains(QLatin1String("image")));

    // And they survive a rewrite.
    Snapshot again;
    QVERIFY(Snapshot::fromJson(snapshot.toJson(), &again, &error));
    QCOMPARE(again.containers.at(0).extra, entry.extra);
}

void TestSnapshot::hostileNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::newRow("shell") << QStringLiteral(";rm -rf /");
    QTest::newRow("option") << QStringLiteral("--privileged");
    QTest::newRow("path") << QStringLiteral("../x");
    QTest::newRow("newline") << QStringLiteral("a\nb");
    QTest::newRow("escape sequence") << QStringLiteral("a\x1b[2Jb");
    QTest::newRow("10k chars") << QString(10000, QLatin1Char('a'));
    QTest::newRow("command substitution") << QStringLiteral("$(reboot)");
    QTest::newRow("empty") << QString();
}

void TestSnapshot::hostileNames()
{
    QFETCH(QString, name);
    QJsonObject entry;
    entry.insert(QStringLiteral("name"), name);
    entry.insert(QStringLiteral("image"), QStringLiteral("evil:latest"));
    QJsonObject root;
    root.insert(QStringLiteral("timestamp"), 1);
    root.insert(QStringLiteral("containers"),
                QJsonArray{entry, QJsonObject{{QStringLiteral("name"), QStringLiteral("good")},
                                              {QStringLiteral("image"), QStringLiteral("ok")}}});
    Snapshot snapshot;
    QString error;
    QVERIFY2(Snapshot::fromJson(QJsonDocument(root).toJson(), &snapshot, &error), qPrintable(error));
    QCOMPARE(snapshot.containers.size(), 2);
    const SnapshotEntry &bad = snapshot.containers.at(0);
    QVERIFY(!bad.isValid());
    QVERIFY2(bad.invalidReason.contains(QLatin1String("not a valid container name")),
             qPrintable(bad.invalidReason));
    QVERIFY(bad.image.isEmpty());
    // Shown to people escaped and cut: nothing that could move a cursor or flood a log.
    QVERIFY2(bad.name.size() <= 81, qPrintable(QString::number(bad.name.size())));
    for (const QString &text : {bad.name, bad.invalidReason}) {
        for (const QChar c : text)
            QVERIFY2(c.isPrint(), qPrintable(QStringLiteral("unprintable U+%1").arg(c.unicode(), 4, 16)));
    }
    if (name.contains(QLatin1Char('\n')))
        QVERIFY2(bad.name.contains(QLatin1String("\\u000a")), qPrintable(bad.name));
    QVERIFY(snapshot.containers.at(1).isValid());
}

void TestSnapshot::roundTrip()
{
    Snapshot snapshot = sample(QStringLiteral("archy-bitcoin-knots"));
    snapshot.containers[1].extra.insert(QStringLiteral("labels"),
                                        QJsonObject{{QStringLiteral("k"), QStringLiteral("v")}});
    Snapshot back;
    QString error;
    QVERIFY2(Snapshot::fromJson(snapshot.toJson(), &back, &error), qPrintable(error));
    QCOMPARE(back.timestamp, snapshot.timestamp);
    QCOMPARE(back.containers.size(), snapshot.containers.size());
    for (int i = 0; i < snapshot.containers.size(); ++i) {
        QCOMPARE(back.containers.at(i).name, snapshot.containers.at(i).name);
        QCOMPARE(back.containers.at(i).image, snapshot.containers.at(i).image);
        QCOMPARE(back.containers.at(i).extra, snapshot.containers.at(i).extra);
        QVERIFY(back.containers.at(i).isValid());
    }
    // The seed could read what we write: same top-level keys and types.
    const QJsonObject root = QJsonDocument::fromJson(snapshot.toJson()).object();
    QVERIFY(root.value(QLatin1String("timestamp")).isDouble());
    QVERIFY(root.value(QLatin1String("containers")).isArray());
}

void TestSnapshot::storeWritesOwnerOnlyAndKeepsPrevious()
{
    QString error;
    QVERIFY2(SnapshotStore::write(m_dir->path(), sample(QStringLiteral("first")), &error), qPrintable(error));
    QVERIFY2(SnapshotStore::write(m_dir->path(), sample(QStringLiteral("second")), &error),
             qPrintable(error));
    QCOMPARE(modeOf(path(SnapshotStore::fileName())), 0600);
    QCOMPARE(modeOf(path(SnapshotStore::previousFileName())), 0600);
    const SnapshotStore::ReadResult result = SnapshotStore::read(m_dir->path());
    QVERIFY(result.found);
    QVERIFY(!result.usedPrevious);
    QVERIFY2(result.warning.isEmpty(), qPrintable(result.warning));
    QCOMPARE(result.snapshot.containers.at(0).name, QStringLiteral("second"));
}

void TestSnapshot::storeMissingIsQuiet()
{
    const SnapshotStore::ReadResult result = SnapshotStore::read(m_dir->path());
    QVERIFY(!result.found);
    QVERIFY(result.snapshot.containers.isEmpty());
    QVERIFY2(result.warning.isEmpty(), qPrintable(result.warning));
}

void TestSnapshot::tornFileFallsBackToPrevious()
{
    QString error;
    QVERIFY(SnapshotStore::write(m_dir->path(), sample(QStringLiteral("older")), &error));
    QVERIFY(SnapshotStore::write(m_dir->path(), sample(QStringLiteral("newer")), &error));
    const QString current = path(SnapshotStore::fileName());
    const QByteArray full = readAll(current);
    QVERIFY(writeAll(current, full.left(full.size() / 2))); // torn by a power cut
    const SnapshotStore::ReadResult result = SnapshotStore::read(m_dir->path());
    QVERIFY(result.found);
    QVERIFY(result.usedPrevious);
    QCOMPARE(result.snapshot.containers.size(), 2);
    QCOMPARE(result.snapshot.containers.at(0).name, QStringLiteral("older"));
    QVERIFY2(result.warning.contains(current), qPrintable(result.warning));
    QVERIFY2(result.warning.contains(QLatin1String("previous")), qPrintable(result.warning));
}

void TestSnapshot::tornFileWithoutPreviousWarns()
{
    QVERIFY(writeAll(path(SnapshotStore::fileName()), "not valid json"));
    const SnapshotStore::ReadResult result = SnapshotStore::read(m_dir->path());
    QVERIFY(!result.found);
    QVERIFY(result.snapshot.containers.isEmpty());
    QVERIFY2(result.warning.contains(QLatin1String("corrupt")), qPrintable(result.warning));
}

void TestSnapshot::bothGenerationsBadWarnsNotFound()
{
    QVERIFY(writeAll(path(SnapshotStore::fileName()), "{\"timestamp\":1,\"contai"));
    QVERIFY(writeAll(path(SnapshotStore::previousFileName()), "{\"timestamp\":1,\"containers\":{}}"));
    const SnapshotStore::ReadResult result = SnapshotStore::read(m_dir->path());
    QVERIFY(!result.found);
    QVERIFY(!result.usedPrevious);
    QVERIFY(result.snapshot.containers.isEmpty());
    QVERIFY2(result.warning.contains(path(SnapshotStore::fileName())), qPrintable(result.warning));
    QVERIFY2(result.warning.contains(path(SnapshotStore::previousFileName())), qPrintable(result.warning));
}

void TestSnapshot::hugeFileRefusedFast()
{
    const QString current = path(SnapshotStore::fileName());
    {
        QFile file(current);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(50LL * 1024 * 1024));
    }
    QElapsedTimer timer;
    timer.start();
    const SnapshotStore::ReadResult result = SnapshotStore::read(m_dir->path());
    QVERIFY2(timer.elapsed() < 1000, "a 50 MB snapshot must be refused, not parsed"); // sanity bound only
    QVERIFY(!result.found);
    QVERIFY(result.snapshot.containers.isEmpty());
    QVERIFY2(result.warning.contains(current), qPrintable(result.warning));
    QVERIFY2(result.warning.contains(QLatin1String("refused")), qPrintable(result.warning));
}

void TestSnapshot::badTimestampKeepsTheList_data()
{
    QTest::addColumn<QByteArray>("timestamp");
    QTest::addColumn<bool>("good");
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QTest::newRow("now") << QByteArray::number(now) << true;
    QTest::newRow("in an hour") << QByteArray::number(now + 3600) << true;
    QTest::newRow("1") << QByteArrayLiteral("1") << true;
    QTest::newRow("zero") << QByteArrayLiteral("0") << false;
    QTest::newRow("negative") << QByteArrayLiteral("-5") << false;
    QTest::newRow("in two days") << QByteArray::number(now + 2 * 86400) << false;
    QTest::newRow("year 9999") << QByteArrayLiteral("253402300799") << false;
    // 9.3e15 s used to overflow the milliseconds to a negative time.
    QTest::newRow("9.3e15") << QByteArrayLiteral("9.3e15") << false;
    QTest::newRow("1e308") << QByteArrayLiteral("1e308") << false;
    QTest::newRow("string") << QByteArrayLiteral("\"2026-01-01\"") << false;
    QTest::newRow("null") << QByteArrayLiteral("null") << false;
}

void TestSnapshot::badTimestampKeepsTheList()
{
    QFETCH(QByteArray, timestamp);
    QFETCH(bool, good);
    const QByteArray json =
        "{\"timestamp\":" + timestamp + ",\"containers\":[{\"name\":\"web\",\"image\":\"nginx\"}]}";
    Snapshot snapshot;
    QString error;
    QVERIFY2(Snapshot::fromJson(json, &snapshot, &error), qPrintable(error));
    QCOMPARE(snapshot.containers.size(), 1);
    QCOMPARE(snapshot.containers.constFirst().name, QStringLiteral("web"));
    if (good) {
        QVERIFY2(snapshot.warning.isEmpty(), qPrintable(snapshot.warning));
        QCOMPARE(snapshot.timestamp, timestamp.toLongLong());
        return;
    }
    QVERIFY2(snapshot.warning.contains(QLatin1String("timestamp")), qPrintable(snapshot.warning));
    QCOMPARE(snapshot.timestamp, 0); // unknown, never a negative or overflowing time
}

void TestSnapshot::badTimestampInNewestDoesNotFallBack()
{
    QString error;
    QVERIFY(SnapshotStore::write(m_dir->path(), sample(QStringLiteral("older")), &error));
    QVERIFY(SnapshotStore::write(m_dir->path(), sample(QStringLiteral("newer")), &error));
    const QString current = path(SnapshotStore::fileName());
    QByteArray json = readAll(current);
    json.replace("1718000000", "-1");
    QVERIFY(writeAll(current, json));
    const SnapshotStore::ReadResult result = SnapshotStore::read(m_dir->path());
    QVERIFY(result.found);
    QVERIFY(!result.usedPrevious);
    QCOMPARE(result.snapshot.containers.at(0).name, QStringLiteral("newer"));
    QVERIFY2(result.warning.contains(QLatin1String("timestamp")), qPrintable(result.warning));
}

QTEST_GUILESS_MAIN(TestSnapshot)
#include "tst_snapshot.moc"
