#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <sys/stat.h>

#include "TestSupport.h"
#include "state/DurableFile.h"

namespace DurableFile = archy::DurableFile;
using archy::test::modeOf;
using archy::test::readAll;
using archy::test::writeAll;

namespace {
ino_t inodeOf(const QString &path)
{
    struct stat st {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : 0;
}
} // namespace

class TestDurableFile final : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void writeCreatesOwnerOnlyFile();
    void writeReplacesByRename();
    void writeKeepsPreviousGeneration();
    void writeLeavesNoTempFiles();
    void failedWriteLeavesNoTempFilesAndKeepsTarget();
    void writeFailsUnderRegularFile_data();
    void writeFailsUnderRegularFile();
    void appendCreatesAndAppends();
    void appendFailsUnderRegularFile();
    void removeMissingIsNotAnError();
    void removeDeletes();
    void readStatuses();
    void readRefusesHugeFileWithoutReadingIt();
    void readOfDirectoryIsAnError();

private:
    QString path(const QString &name) const { return QDir(m_dir->path()).filePath(name); }
    QStringList tempLeftovers() const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestDurableFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

QStringList TestDurableFile::tempLeftovers() const
{
    return QDir(m_dir->path()).entryList({QStringLiteral("*.tmp-*")}, QDir::Files | QDir::Hidden);
}

void TestDurableFile::writeCreatesOwnerOnlyFile()
{
    const QString target = path(QStringLiteral("state.json"));
    QString error;
    QVERIFY2(DurableFile::write(target, "hello", &error), qPrintable(error));
    QCOMPARE(readAll(target), QByteArray("hello"));
    QCOMPARE(modeOf(target), 0600);

    // An existing file with loose permissions is replaced by an owner-only one.
    const QString loose = path(QStringLiteral("loose.json"));
    QVERIFY(writeAll(loose, "old"));
    QVERIFY(::chmod(QFile::encodeName(loose).constData(), 0644) == 0);
    QVERIFY2(DurableFile::write(loose, "new", &error), qPrintable(error));
    QCOMPARE(modeOf(loose), 0600);
}

void TestDurableFile::writeReplacesByRename()
{
    const QString target = path(QStringLiteral("state.json"));
    QString error;
    QVERIFY(DurableFile::write(target, "first version, long enough to notice a partial overwrite", &error));
    const ino_t before = inodeOf(target);
    QVERIFY(before != 0);
    // A reader holding the old file keeps seeing the old content: the new one is a new inode.
    QFile reader(target);
    QVERIFY(reader.open(QIODevice::ReadOnly));
    QVERIFY(DurableFile::write(target, "second", &error));
    QCOMPARE(readAll(target), QByteArray("second"));
    QVERIFY(inodeOf(target) != before);
    QCOMPARE(reader.readAll(), QByteArray("first version, long enough to notice a partial overwrite"));
}

void TestDurableFile::writeKeepsPreviousGeneration()
{
    const QString target = path(QStringLiteral("state.json"));
    const QString previous = path(QStringLiteral("state.json.prev"));
    QString error;
    QVERIFY2(DurableFile::write(target, "one", &error, previous), qPrintable(error));
    QCOMPARE(readAll(target), QByteArray("one"));
    QVERIFY(!QFile::exists(previous)); // nothing to keep yet, and that is not an error
    QVERIFY(DurableFile::write(target, "two", &error, previous));
    QCOMPARE(readAll(target), QByteArray("two"));
    QCOMPARE(readAll(previous), QByteArray("one"));
    QVERIFY(DurableFile::write(target, "three", &error, previous));
    QCOMPARE(readAll(target), QByteArray("three"));
    QCOMPARE(readAll(previous), QByteArray("two"));
    QCOMPARE(modeOf(previous), 0600);
}

void TestDurableFile::writeLeavesNoTempFiles()
{
    const QString target = path(QStringLiteral("state.json"));
    QString error;
    for (int i = 0; i < 5; ++i)
        QVERIFY(DurableFile::write(target, QByteArray::number(i), &error, target + QStringLiteral(".prev")));
    QCOMPARE(tempLeftovers(), QStringList());
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden),
             (QStringList{QStringLiteral("state.json"), QStringLiteral("state.json.prev")}));
}

void TestDurableFile::failedWriteLeavesNoTempFilesAndKeepsTarget()
{
    const QString target = path(QStringLiteral("state.json"));
    QString error;
    QVERIFY(DurableFile::write(target, "keep me", &error));
    // The previous generation cannot be kept: its path is a non-empty directory.
    const QString previous = path(QStringLiteral("blocked.prev"));
    QVERIFY(QDir().mkpath(previous + QStringLiteral("/inside")));
    QVERIFY(!DurableFile::write(target, "lost", &error, previous));
    QVERIFY2(error.contains(target), qPrintable(error));
    QCOMPARE(readAll(target), QByteArray("keep me"));
    QCOMPARE(tempLeftovers(), QStringList());
}

void TestDurableFile::writeFailsUnderRegularFile_data()
{
    QTest::addColumn<bool>("underProc");
    // chmod 0500 on a directory does not stop root, and CI runs as root: use paths nobody can write.
    QTest::newRow("parent is a regular file (ENOTDIR)") << false;
    QTest::newRow("under /proc") << true;
}

void TestDurableFile::writeFailsUnderRegularFile()
{
    QFETCH(bool, underProc);
    QString target;
    if (underProc) {
        target = QStringLiteral("/proc/archy-test-nowhere/state.json");
    } else {
        const QString file = path(QStringLiteral("plain-file"));
        QVERIFY(writeAll(file, "x"));
        target = file + QStringLiteral("/state.json");
    }
    QString error;
    QVERIFY(!DurableFile::write(target, "data", &error));
    QVERIFY2(error.contains(target), qPrintable(error));
    QVERIFY(!QFile::exists(target));
    QCOMPARE(tempLeftovers(), QStringList());
}

void TestDurableFile::appendCreatesAndAppends()
{
    const QString target = path(QStringLiteral("history.jsonl"));
    QString error;
    QVERIFY2(DurableFile::appendLine(target, "a", &error), qPrintable(error));
    QCOMPARE(modeOf(target), 0600);
    const ino_t inode = inodeOf(target);
    QVERIFY(DurableFile::appendLine(target, "b\n", &error));
    QCOMPARE(readAll(target), QByteArray("a\nb\n"));
    QCOMPARE(inodeOf(target), inode); // appended in place, not rewritten
    // A torn last line (power cut mid-write) is closed before the next line goes on.
    QFile torn(target);
    QVERIFY(torn.open(QIODevice::Append));
    torn.write("{\"half\":");
    torn.close();
    QVERIFY(DurableFile::appendLine(target, "c", &error));
    QCOMPARE(readAll(target), QByteArray("a\nb\n{\"half\":\nc\n"));
}

void TestDurableFile::appendFailsUnderRegularFile()
{
    const QString file = path(QStringLiteral("plain-file"));
    QVERIFY(writeAll(file, "x"));
    const QString target = file + QStringLiteral("/history.jsonl");
    QString error;
    QVERIFY(!DurableFile::appendLine(target, "a", &error));
    QVERIFY2(error.contains(target), qPrintable(error));
}

void TestDurableFile::removeMissingIsNotAnError()
{
    QString error;
    QVERIFY(DurableFile::remove(path(QStringLiteral("never-existed")), &error));
    QVERIFY(error.isEmpty());
}

void TestDurableFile::removeDeletes()
{
    const QString target = path(QStringLiteral("marker"));
    QString error;
    QVERIFY(DurableFile::write(target, "1", &error));
    QVERIFY(DurableFile::remove(target, &error));
    QVERIFY(!QFile::exists(target));
    // A path under a regular file cannot be removed, and says which path.
    const QString file = path(QStringLiteral("plain-file"));
    QVERIFY(writeAll(file, "x"));
    QVERIFY(!DurableFile::remove(file + QStringLiteral("/marker"), &error));
    QVERIFY2(error.contains(file), qPrintable(error));
}

void TestDurableFile::readStatuses()
{
    QByteArray data = "untouched";
    QString error;
    QCOMPARE(DurableFile::read(path(QStringLiteral("missing")), 100, &data, &error), DurableFile::ReadStatus::Missing);

    const QString target = path(QStringLiteral("ten"));
    QVERIFY(writeAll(target, "0123456789"));
    QCOMPARE(DurableFile::read(target, 10, &data, &error), DurableFile::ReadStatus::Ok);
    QCOMPARE(data, QByteArray("0123456789"));
    data = "untouched";
    QCOMPARE(DurableFile::read(target, 9, &data, &error), DurableFile::ReadStatus::TooBig);
    QVERIFY(data.isEmpty() || data == "untouched");
    QVERIFY2(error.contains(target), qPrintable(error));

    const QString empty = path(QStringLiteral("empty"));
    QVERIFY(writeAll(empty, QByteArray()));
    QCOMPARE(DurableFile::read(empty, 10, &data, &error), DurableFile::ReadStatus::Ok);
    QVERIFY(data.isEmpty());
}

void TestDurableFile::readRefusesHugeFileWithoutReadingIt()
{
    const QString target = path(QStringLiteral("huge.json"));
    {
        QFile file(target);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.resize(50LL * 1024 * 1024)); // sparse: costs no disk
    }
    QByteArray data;
    QString error;
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(DurableFile::read(target, 4 * 1024 * 1024, &data, &error), DurableFile::ReadStatus::TooBig);
    QVERIFY2(timer.elapsed() < 1000, "a refused file must not be read"); // sanity bound, not a benchmark
    QVERIFY(data.isEmpty());
    QVERIFY2(error.contains(target), qPrintable(error));
    QVERIFY2(error.contains(QString::number(50LL * 1024 * 1024)), qPrintable(error));
}

void TestDurableFile::readOfDirectoryIsAnError()
{
    const QString dir = path(QStringLiteral("a-directory"));
    QVERIFY(QDir().mkpath(dir));
    QByteArray data;
    QString error;
    const DurableFile::ReadStatus status = DurableFile::read(dir, 100, &data, &error);
    QVERIFY(status != DurableFile::ReadStatus::Ok);
    QVERIFY(status != DurableFile::ReadStatus::Missing);
}

QTEST_GUILESS_MAIN(TestDurableFile)
#include "tst_durablefile.moc"
