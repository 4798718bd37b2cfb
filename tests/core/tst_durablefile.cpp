#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include <cerrno>
#include <cstring>
#include <sys/mount.h>
#include <sys/stat.h>
#include <unistd.h>

#include "TestSupport.h"
#include "state/DurableFile.h"

namespace DurableFile = archy::DurableFile;
using archy::test::modeOf;
using archy::test::readAll;
using archy::test::writeAll;

namespace {
ino_t inodeOf(const QString &path)
{
    struct stat st
    {
    };
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
    void readMovesNonFilesAside_data();
    void readMovesNonFilesAside();
    void writeMovesNonFilesAside_data();
    void writeMovesNonFilesAside();
    void appendMovesNonFilesAside_data();
    void appendMovesNonFilesAside();
    void fullDiskLeavesNoTornFile();

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
    // The previous generation cannot be kept: its path lies under a regular file (ENOTDIR). (A
    // directory there is moved aside instead: writeMovesNonFilesAside.)
    QVERIFY(writeAll(path(QStringLiteral("a-file")), "x"));
    const QString previous = path(QStringLiteral("a-file/blocked.prev"));
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
    QCOMPARE(DurableFile::read(path(QStringLiteral("missing")), 100, &data, &error),
             DurableFile::ReadStatus::Missing);

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

namespace {

/// Plants a FIFO, a directory, a symlink to a FIFO or a symlink to a file at @p at; @p elsewhere
/// holds what a symlink points to.
bool plant(const QString &kind, const QString &at, const QString &elsewhere)
{
    const QByteArray name = QFile::encodeName(at);
    const QByteArray fifo = QFile::encodeName(QDir(elsewhere).filePath(QStringLiteral("fifo")));
    const QByteArray file = QFile::encodeName(QDir(elsewhere).filePath(QStringLiteral("victim")));
    if (kind == QLatin1String("fifo"))
        return ::mkfifo(name.constData(), 0600) == 0;
    if (kind == QLatin1String("directory"))
        return ::mkdir(name.constData(), 0700) == 0;
    if (kind == QLatin1String("symlink to fifo"))
        return ::mkfifo(fifo.constData(), 0600) == 0 && ::symlink(fifo.constData(), name.constData()) == 0;
    if (kind == QLatin1String("symlink to file"))
        return writeAll(QFile::decodeName(file), "victim\n") &&
               ::symlink(file.constData(), name.constData()) == 0;
    return false;
}

bool isRegularFile(const QString &path)
{
    struct stat st
    {
    };
    return ::lstat(QFile::encodeName(path).constData(), &st) == 0 && S_ISREG(st.st_mode);
}

void addObstacleRows()
{
    QTest::addColumn<QString>("kind");
    for (const char *kind : {"fifo", "directory", "symlink to fifo", "symlink to file"})
        QTest::newRow(kind) << QString::fromLatin1(kind);
}

} // namespace

void TestDurableFile::readMovesNonFilesAside_data()
{
    addObstacleRows();
}

void TestDurableFile::readMovesNonFilesAside()
{
    QFETCH(QString, kind);
    QTemporaryDir elsewhere;
    const QString target = path(QStringLiteral("state.json"));
    QVERIFY(plant(kind, target, elsewhere.path()));

    // A FIFO used to block this read for ever; the test's own timeout would be the failure.
    QByteArray data = "stale";
    QString error;
    QCOMPARE(DurableFile::read(target, 100, &data, &error), DurableFile::ReadStatus::Missing);
    QVERIFY(data.isEmpty());
    QVERIFY2(error.contains(QLatin1String("moved aside")), qPrintable(error));
    QCOMPARE(DurableFile::kindOf(target), DurableFile::Kind::Missing);
    const QStringList aside =
        QDir(m_dir->path())
            .entryList({QStringLiteral("state.json.not-a-file-*")}, QDir::AllEntries | QDir::System);
    QCOMPARE(aside.size(), 1);
    QVERIFY2(error.contains(aside.constFirst()), qPrintable(error));
    if (kind == QLatin1String("symlink to file"))
        QCOMPARE(readAll(QDir(elsewhere.path()).filePath(QStringLiteral("victim"))), QByteArray("victim\n"));
    // The next read finds the path free.
    error.clear();
    QCOMPARE(DurableFile::read(target, 100, &data, &error), DurableFile::ReadStatus::Missing);
    QVERIFY(error.isEmpty());
}

void TestDurableFile::writeMovesNonFilesAside_data()
{
    QTest::addColumn<QString>("kind");
    QTest::addColumn<bool>("atPrevious");
    for (const char *kind : {"fifo", "directory", "symlink to fifo", "symlink to file"}) {
        QTest::newRow(qPrintable(QStringLiteral("%1 at the target").arg(QLatin1String(kind))))
            << QString::fromLatin1(kind) << false;
        QTest::newRow(qPrintable(QStringLiteral("%1 at .prev").arg(QLatin1String(kind))))
            << QString::fromLatin1(kind) << true;
    }
}

void TestDurableFile::writeMovesNonFilesAside()
{
    QFETCH(QString, kind);
    QFETCH(bool, atPrevious);
    QTemporaryDir elsewhere;
    const QString target = path(QStringLiteral("state.json"));
    const QString previous = path(QStringLiteral("state.json.prev"));
    if (atPrevious)
        QVERIFY(writeAll(target, "one"));
    QVERIFY(plant(kind, atPrevious ? previous : target, elsewhere.path()));

    // A directory here used to block every later write.
    QString error;
    for (const QByteArray &data : {QByteArray("two"), QByteArray("three")}) {
        QVERIFY2(DurableFile::write(target, data, &error, previous), qPrintable(error));
        QCOMPARE(readAll(target), data);
        QVERIFY(isRegularFile(target));
    }
    QCOMPARE(readAll(previous), QByteArray("two"));
    QVERIFY(isRegularFile(previous));
    QCOMPARE(QDir(m_dir->path())
                 .entryList({QStringLiteral("*.not-a-file-*")}, QDir::AllEntries | QDir::System)
                 .size(),
             1);
    if (kind == QLatin1String("symlink to file"))
        QCOMPARE(readAll(QDir(elsewhere.path()).filePath(QStringLiteral("victim"))), QByteArray("victim\n"));
    QVERIFY(tempLeftovers().isEmpty());
}

void TestDurableFile::appendMovesNonFilesAside_data()
{
    addObstacleRows();
}

void TestDurableFile::appendMovesNonFilesAside()
{
    QFETCH(QString, kind);
    QTemporaryDir elsewhere;
    const QString target = path(QStringLiteral("history.jsonl"));
    QVERIFY(plant(kind, target, elsewhere.path()));
    QString error;
    QVERIFY2(DurableFile::appendLine(target, "{\"a\":1}", &error), qPrintable(error));
    QVERIFY(isRegularFile(target));
    QCOMPARE(readAll(target), QByteArray("{\"a\":1}\n"));
    QCOMPARE(modeOf(target), 0600);
    // Never appended through a planted symlink.
    if (kind == QLatin1String("symlink to file"))
        QCOMPARE(readAll(QDir(elsewhere.path()).filePath(QStringLiteral("victim"))), QByteArray("victim\n"));
}

void TestDurableFile::fullDiskLeavesNoTornFile()
{
    // A real full disk: a 64 KiB tmpfs. Mounting needs root (CI runs as root).
    const QString mountPoint = path(QStringLiteral("small"));
    QVERIFY(QDir().mkpath(mountPoint));
    const QByteArray point = QFile::encodeName(mountPoint);
    if (::mount("tmpfs", point.constData(), "tmpfs", 0, "size=64k,mode=0700") != 0)
        QSKIP(qPrintable(QStringLiteral("cannot mount a tmpfs here (%1): the disk-full test needs root")
                             .arg(QString::fromLocal8Bit(std::strerror(errno)))));
    struct Unmount
    {
        QByteArray point;
        ~Unmount() { ::umount2(point.constData(), MNT_DETACH); }
    } unmount{point};

    const QString history = QDir(mountPoint).filePath(QStringLiteral("history.jsonl"));
    const QString snapshot = QDir(mountPoint).filePath(QStringLiteral("snapshot.json"));
    QString error;
    QVERIFY2(DurableFile::appendLine(history, "{\"first\":true}", &error), qPrintable(error));
    QVERIFY2(DurableFile::write(snapshot, "{\"old\":true}", &error), qPrintable(error));
    // Fill what is left.
    const QString filler = QDir(mountPoint).filePath(QStringLiteral("filler"));
    {
        QFile file(filler);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray block(4096, 'x');
        while (file.write(block) == block.size() && file.flush()) {
        }
    }
    const QByteArray bigLine = "{\"line\":\"" + QByteArray(32 * 1024, 'y') + "\"}";
    error.clear();
    QVERIFY(!DurableFile::appendLine(history, bigLine, &error));
    QVERIFY2(error.contains(QLatin1String("No space")), qPrintable(error));
    QCOMPARE(readAll(history), QByteArray("{\"first\":true}\n")); // no partial line left
    error.clear();
    QVERIFY(!DurableFile::write(snapshot, QByteArray(32 * 1024, 'z'), &error));
    QCOMPARE(readAll(snapshot), QByteArray("{\"old\":true}"));
    QVERIFY(tempLeftovers().isEmpty());
    QVERIFY(QDir(mountPoint).entryList({QStringLiteral("*.tmp-*")}, QDir::Files | QDir::Hidden).isEmpty());

    // Space again: the next append starts on a line of its own.
    QVERIFY(QFile::remove(filler));
    QVERIFY2(DurableFile::appendLine(history, "{\"second\":true}", &error), qPrintable(error));
    QCOMPARE(readAll(history), QByteArray("{\"first\":true}\n{\"second\":true}\n"));
}

QTEST_GUILESS_MAIN(TestDurableFile)
#include "tst_durablefile.moc"
