#include <QDir>
#include <QElapsedTimer>
#include <QDateTime>
#include <QTimeZone>
#include <QFile>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <functional>
#include <memory>

#include <csignal>
#include <sys/types.h>

#include "TestSupport.h"
#include "podman/EventWatcher.h"
#include "podman/Podman.h"
#include "podman/PodmanParse.h"

using archy::EventWatcher;
using archy::PodmanEvent;
using archy::test::FakePodman;

namespace {

QByteArray recorded(const QString &file)
{
    const QString path = QFINDTESTDATA(QStringLiteral("../data/") + file);
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
        qFatal("test data %s is missing", qPrintable(file));
    return f.readAll();
}

/// "status name" of each event the spy saw.
QStringList seen(const QSignalSpy &spy)
{
    QStringList out;
    for (const QList<QVariant> &args : spy) {
        const PodmanEvent e = args.at(0).value<PodmanEvent>();
        out.append(e.status + QLatin1Char(' ') + e.name);
    }
    return out;
}

QByteArray eventLine(const QString &status, const QString &name, int exitCode = -1)
{
    QByteArray line =
        "{\"ID\":\"" + QByteArray(64, 'c') + "\",\"Image\":\"localhost/bb:latest\",\"Name\":\"" +
        name.toUtf8() + "\",\"Status\":\"" + status.toUtf8() +
        "\",\"Time\":\"2026-11-28T05:23:27.160685167Z\",\"Type\":\"container\",\"Attributes\":{}";
    if (exitCode >= 0)
        line += ",\"ContainerExitCode\":" + QByteArray::number(exitCode);
    return line + "}\n";
}

qint64 firstEventMs(const QByteArray &recording)
{
    PodmanEvent first;
    archy::PodmanParse::parseEvent(recording.left(recording.indexOf('\n')), &first);
    return first.timeMs;
}

/// @p recording with every time field ("Time", "time", "timeNano") moved by @p shiftMs.
QByteArray shiftTimes(const QByteArray &recording, qint64 shiftMs)
{
    QString text = QString::fromUtf8(recording);
    static const QRegularExpression nano(QStringLiteral("\"timeNano\":(\\d+)"));
    static const QRegularExpression seconds(QStringLiteral("\"time\":(\\d+)"));
    static const QRegularExpression rfc3339(QStringLiteral("\"Time\":\"([^\"]+)\""));
    const auto shift = [&text](const QRegularExpression &re, const std::function<QString(const QString &)> &moved) {
        QString out;
        qsizetype from = 0;
        for (auto it = re.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            out += text.mid(from, m.capturedStart(1) - from) + moved(m.captured(1));
            from = m.capturedEnd(1);
        }
        text = out + text.mid(from);
    };
    shift(nano, [shiftMs](const QString &v) { return QString::number(v.toLongLong() + shiftMs * 1000000); });
    shift(seconds, [shiftMs](const QString &v) { return QString::number(v.toLongLong() + shiftMs / 1000); });
    shift(rfc3339, [shiftMs](const QString &v) {
        QString ms = v;
        ms.replace(QRegularExpression(QStringLiteral("(\\.\\d{3})\\d+")), QStringLiteral("\\1"));
        return QDateTime::fromString(ms, Qt::ISODateWithMs).addMSecs(shiftMs).toUTC().toString(Qt::ISODateWithMs);
    });
    return text.toUtf8();
}

} // namespace

class TestEventWatcher final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void recordedEventsInOrder_data();
    void recordedEventsInOrder();
    void replayResumesFromLastEvent_data();
    void replayResumesFromLastEvent();
    void appendedLinesFollowAndGarbageIsSkipped();
    void hugeLineIsDropped();
    void lineJustOverTheLimitIsDropped();
    void restartsAfterTheStreamEnds_data();
    void restartsAfterTheStreamEnds();
    void stopLeavesNoProcess();
    void stoppedStreamIsRestarted();
    void stopDuringBackoffDoesNotRelaunch();
    void destructorLeavesNoProcess();
    void unavailablePodmanDoesNothing();

private:
    bool append(const QByteArray &data) const;
    EventWatcher *makeWatcher();
    /// Waits until the fake's `events` has been started @p count times (it logs on start).
    bool waitForEventsCalls(int count) const;
    int eventsCalls() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<FakePodman> m_fake;
    std::unique_ptr<EventWatcher> m_watcher;
    QString m_eventsPath;
};

void TestEventWatcher::initTestCase()
{
    qRegisterMetaType<PodmanEvent>();
}

void TestEventWatcher::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_fake = std::make_unique<FakePodman>(m_dir->path());
    m_eventsPath = QDir(m_dir->path()).filePath(QStringLiteral("events.jsonl"));
    QVERIFY(archy::test::writeAll(m_eventsPath, QByteArray()));
    qputenv("FAKE_PODMAN_EVENTS", QFile::encodeName(m_eventsPath));
}

void TestEventWatcher::cleanup()
{
    m_watcher.reset();
    qunsetenv("FAKE_PODMAN_EVENTS");
    m_fake.reset();
    m_dir.reset();
}

bool TestEventWatcher::append(const QByteArray &data) const
{
    QFile file(m_eventsPath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Append))
        return false;
    return file.write(data) == data.size();
}

EventWatcher *TestEventWatcher::makeWatcher()
{
    m_watcher = std::make_unique<EventWatcher>(archy::Podman(archy::test::fakePodmanPath()));
    return m_watcher.get();
}

int TestEventWatcher::eventsCalls() const
{
    int n = 0;
    for (const QStringList &args : m_fake->calls())
        n += args.value(0) == QLatin1String("events") ? 1 : 0;
    return n;
}

bool TestEventWatcher::waitForEventsCalls(int count) const
{
    QElapsedTimer timer;
    timer.start();
    while (eventsCalls() < count && timer.elapsed() < 10000)
        QTest::qWait(20);
    return eventsCalls() >= count;
}

void TestEventWatcher::recordedEventsInOrder_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("podman 4.3.1") << QStringLiteral("events-stream-podman431.jsonl");
    QTest::newRow("podman 5.4.2") << QStringLiteral("events-stream-podman542.jsonl");
}

void TestEventWatcher::recordedEventsInOrder()
{
    QFETCH(QString, file);
    const QByteArray recording = recorded(file);
    const int lines = int(recording.count('\n'));
    QVERIFY(lines > 40);
    QVERIFY(append(recording));
    EventWatcher *watcher = makeWatcher();
    QSignalSpy events(watcher, &EventWatcher::eventReceived);
    QSignalSpy restarted(watcher, &EventWatcher::restarted);
    watcher->start();
    QCOMPARE(restarted.size(), 1); // the first start counts: the owner reconciles
    QVERIFY(watcher->isRunning());
    // What the agent's own follower streamed: every line a container event.
    QTRY_COMPARE_WITH_TIMEOUT(int(events.size()), lines, 5000);

    const QStringList all = seen(events);
    const auto event = [&](const QString &what) {
        const qsizetype at = all.indexOf(what);
        return at < 0 ? PodmanEvent() : events.at(at).at(0).value<PodmanEvent>();
    };
    // A job that ended well: podman 4.3.1 leaves "ContainerExitCode" out, which means 0.
    QCOMPARE(event(QStringLiteral("died job")).exitCode, 0);
    QCOMPARE(event(QStringLiteral("died termer")).exitCode, 0);
    QCOMPARE(event(QStringLiteral("died fail")).exitCode, 3);
    const PodmanEvent db = event(QStringLiteral("died db"));
    QCOMPARE(db.exitCode, 137);
    QCOMPARE(db.id.size(), 64);
    QCOMPARE(db.image, QStringLiteral("localhost/archy-test-busybox:latest"));
    QCOMPARE(db.labels.value(QStringLiteral("io.archy.app")), QStringLiteral("db"));
    QCOMPARE(event(QStringLiteral("start db")).exitCode, -1); // only died carries one
    QVERIFY(all.contains(QStringLiteral("rename job-done")));
    QVERIFY(all.contains(QStringLiteral("remove tmp1")));

    // Every event has its time ("Time" in 4.3, "timeNano"/"time" in 5), in order, to the ms.
    const qint64 since2026 = QDateTime(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::utc()).toMSecsSinceEpoch();
    qint64 previous = 0;
    for (const QList<QVariant> &args : std::as_const(events)) {
        const PodmanEvent e = args.at(0).value<PodmanEvent>();
        QVERIFY2(e.timeMs > since2026, qPrintable(e.status + QLatin1Char(' ') + e.name));
        QVERIFY2(e.timeMs >= previous, qPrintable(e.status + QLatin1Char(' ') + e.name));
        previous = e.timeMs;
    }
    QVERIFY(previous - events.first().at(0).value<PodmanEvent>().timeMs > 1000);

    // The arguments podman gets.
    QList<QStringList> eventCalls;
    for (const QStringList &args : m_fake->calls()) {
        if (args.value(0) == QLatin1String("events"))
            eventCalls.append(args);
    }
    QCOMPARE(eventCalls.size(), 1);
    // Replays from just before start(): nothing falls between the caller's reconcile and the stream.
    const QStringList args = eventCalls.first();
    QCOMPARE(args.mid(0, args.size() - 1), archy::Podman::eventsArguments(0).mid(0, args.size() - 1));
    const qint64 since = args.constLast().toLongLong();
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    QVERIFY2(since <= now && since >= now - 30, qPrintable(args.constLast()));
    QCOMPARE(restarted.size(), 1);
}

void TestEventWatcher::replayResumesFromLastEvent_data()
{
    recordedEventsInOrder_data();
}

void TestEventWatcher::replayResumesFromLastEvent()
{
    QFETCH(QString, file);
    // The recording moved to the near future, so its times are past the watcher's own start.
    const qint64 shiftMs = QDateTime::currentMSecsSinceEpoch() + 60000 - firstEventMs(recorded(file));
    const QByteArray shifted = shiftTimes(recorded(file), shiftMs);
    PodmanEvent last;
    for (const QByteArray &line : shifted.split('\n')) {
        PodmanEvent e;
        if (archy::PodmanParse::parseEvent(line, &e))
            last = e;
    }
    QVERIFY(last.timeMs > QDateTime::currentMSecsSinceEpoch());
    QVERIFY(append(shifted));

    EventWatcher *watcher = makeWatcher();
    QSignalSpy events(watcher, &EventWatcher::eventReceived);
    QSignalSpy restarted(watcher, &EventWatcher::restarted);
    watcher->start();
    QTRY_COMPARE_WITH_TIMEOUT(int(events.size()), int(shifted.count('\n')), 5000);
    // The stream dies (podman restarted, say): the next one replays from the last event seen.
    const QList<qint64> pids = m_fake->pids();
    QCOMPARE(pids.size(), 1);
    QCOMPARE(::kill(pid_t(pids.first()), SIGTERM), 0);
    QVERIFY(restarted.wait(5000));
    QTRY_COMPARE_WITH_TIMEOUT(eventsCalls(), 2, 5000);
    QList<QStringList> eventCalls;
    for (const QStringList &args : m_fake->calls()) {
        if (args.value(0) == QLatin1String("events"))
            eventCalls.append(args);
    }
    QCOMPARE(eventCalls.at(1).constLast().toLongLong(), last.timeMs / 1000);
}

void TestEventWatcher::appendedLinesFollowAndGarbageIsSkipped()
{
    EventWatcher *watcher = makeWatcher();
    QSignalSpy events(watcher, &EventWatcher::eventReceived);
    watcher->start();
    QVERIFY(waitForEventsCalls(1));

    QVERIFY(append(eventLine(QStringLiteral("start"), QStringLiteral("a1"))));
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 1, 5000);

    QByteArray noise;
    noise += "this is not json\n";
    noise += "\n";
    noise += "   \n";
    noise += "[1,2,3]\n";
    noise += "{\"ID\":\"x\",\"Name\":\"img\",\"Status\":\"pull\",\"Type\":\"image\"}\n";
    noise += "{\"Name\":\"no-status\",\"Type\":\"container\"}\n";
    noise += "{\"Status\":\"start\",\"Type\":\"container\"}\n"; // neither id nor name
    noise += "{\"ID\":\"abc\",\"Name\":\"half";                 // completed below
    QVERIFY(append(noise));
    QVERIFY(append(eventLine(QStringLiteral("stop"), QStringLiteral("a2")).prepend("\"}\n")));
    QVERIFY(append(eventLine(QStringLiteral("died"), QStringLiteral("a2"), 137)));
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 3, 5000);
    QCOMPARE(seen(events),
             (QStringList{QStringLiteral("start a1"), QStringLiteral("stop a2"), QStringLiteral("died a2")}));

    // A line written in two pieces is one event (the fake waits for the newline; so do we).
    QByteArray split = eventLine(QStringLiteral("kill"), QStringLiteral("a3"));
    QVERIFY(append(split.left(40)));
    QTest::qWait(200);
    QVERIFY(append(split.mid(40)));
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 4, 5000);
    QCOMPARE(seen(events).last(), QStringLiteral("kill a3"));
    QTest::qWait(100);
    QCOMPARE(events.size(), 4);
}

void TestEventWatcher::hugeLineIsDropped()
{
    EventWatcher *watcher = makeWatcher();
    QSignalSpy events(watcher, &EventWatcher::eventReceived);
    QSignalSpy restarted(watcher, &EventWatcher::restarted);
    watcher->start();
    QVERIFY(waitForEventsCalls(1));

    // A valid container event, but twice as long as allowed.
    const QByteArray pad(2 * EventWatcher::MaxLineBytes, 'x');
    const QByteArray huge =
        "{\"ID\":\"" + QByteArray(64, 'd') +
        "\",\"Name\":\"huge\",\"Status\":\"start\",\"Type\":\"container\",\"Attributes\":{\"pad\":\"" + pad +
        "\"}}\n";
    QVERIFY(append(eventLine(QStringLiteral("start"), QStringLiteral("before")) + huge +
                   eventLine(QStringLiteral("start"), QStringLiteral("after"))));
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 2, 5000);
    QVERIFY(append(eventLine(QStringLiteral("died"), QStringLiteral("later"), 1)));
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 3, 5000);
    QCOMPARE(seen(events), (QStringList{QStringLiteral("start before"), QStringLiteral("start after"),
                                        QStringLiteral("died later")}));
    QVERIFY(watcher->isRunning());
    QCOMPARE(restarted.size(), 1); // dropping the line did not cost the stream

    // A huge line with no newline yet, then the rest of it and more events.
    QVERIFY(append(huge.left(huge.size() - 10)));
    QTest::qWait(300);
    QVERIFY(append(huge.right(10) + eventLine(QStringLiteral("start"), QStringLiteral("last"))));
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 4, 5000);
    QCOMPARE(seen(events).last(), QStringLiteral("start last"));
}

void TestEventWatcher::lineJustOverTheLimitIsDropped()
{
    // MaxLineBytes says "a longer one is dropped". A line only a little longer arrives with its
    // newline in the same read that crosses the limit, so the size check after the loop never
    // sees it.
    EventWatcher *watcher = makeWatcher();
    QSignalSpy events(watcher, &EventWatcher::eventReceived);
    watcher->start();
    QVERIFY(waitForEventsCalls(1));
    const QByteArray pad(EventWatcher::MaxLineBytes + 1000, 'x');
    const QByteArray tooLong =
        "{\"ID\":\"" + QByteArray(64, 'e') +
        "\",\"Name\":\"toolong\",\"Status\":\"start\",\"Type\":\"container\",\"Attributes\":{\"pad\":\"" +
        pad + "\"}}\n";
    QVERIFY(tooLong.size() > EventWatcher::MaxLineBytes);
    QVERIFY(append(eventLine(QStringLiteral("start"), QStringLiteral("before")) + tooLong +
                   eventLine(QStringLiteral("start"), QStringLiteral("after"))));
    QTRY_VERIFY_WITH_TIMEOUT(seen(events).contains(QStringLiteral("start after")), 5000);
    QCOMPARE(seen(events), (QStringList{QStringLiteral("start before"), QStringLiteral("start after")}));
}

void TestEventWatcher::restartsAfterTheStreamEnds_data()
{
    QTest::addColumn<QString>("mode");
    QTest::newRow("exits with an error") << QStringLiteral("events=fail:1:boom");
    QTest::newRow("crashes") << QStringLiteral("events=crash");
}

void TestEventWatcher::restartsAfterTheStreamEnds()
{
    QFETCH(QString, mode);
    QVERIFY(append(eventLine(QStringLiteral("start"), QStringLiteral("r1"))));
    FakePodman::setMode(mode);
    EventWatcher *watcher = makeWatcher();
    QSignalSpy events(watcher, &EventWatcher::eventReceived);
    QSignalSpy restarted(watcher, &EventWatcher::restarted);
    QElapsedTimer timer;
    timer.start();
    watcher->start();
    QCOMPARE(restarted.size(), 1);
    // The first `events` has its environment; the next one follows the file normally.
    FakePodman::clearBehaviour();

    QVERIFY(restarted.wait(5000));
    QCOMPARE(restarted.size(), 2);
    // After the backoff (1 s); generous bounds, only the order of magnitude matters.
    QVERIFY2(timer.elapsed() >= 800, qPrintable(QString::number(timer.elapsed())));
    QTRY_COMPARE_WITH_TIMEOUT(eventsCalls(), 2, 5000);
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 1, 5000);
    QCOMPARE(seen(events), QStringList{QStringLiteral("start r1")});
    QVERIFY(watcher->isRunning());

    // And it keeps following.
    QVERIFY(append(eventLine(QStringLiteral("died"), QStringLiteral("r1"), 1)));
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 2, 5000);
    QCOMPARE(restarted.size(), 2);
}

void TestEventWatcher::stopLeavesNoProcess()
{
    EventWatcher *watcher = makeWatcher();
    QSignalSpy restarted(watcher, &EventWatcher::restarted);
    watcher->start();
    watcher->start(); // no second process
    QVERIFY(waitForEventsCalls(1));
    QTRY_COMPARE_WITH_TIMEOUT(m_fake->pids().size(), 1, 5000);
    const qint64 pid = m_fake->pids().first();
    QVERIFY(archy::test::processExists(pid));
    QVERIFY(watcher->isRunning());

    watcher->stop();
    QVERIFY(!watcher->isRunning());
    // Killed at once and reaped from the event loop (no blocking wait): not even a zombie is left.
    QTRY_VERIFY2_WITH_TIMEOUT(!archy::test::processExists(pid), "podman events outlived stop()", 3000);

    // Nothing comes back by itself.
    QTest::qWait(1500);
    QCOMPARE(restarted.size(), 1);
    QCOMPARE(m_fake->pids().size(), 1);

    // start() after stop() follows again.
    watcher->start();
    QCOMPARE(restarted.size(), 2);
    QTRY_COMPARE_WITH_TIMEOUT(m_fake->pids().size(), 2, 5000);
    watcher->stop();
    for (const qint64 p : m_fake->pids())
        QTRY_VERIFY_WITH_TIMEOUT(!archy::test::processExists(p), 3000);
}

void TestEventWatcher::stoppedStreamIsRestarted()
{
    EventWatcher *watcher = makeWatcher();
    QSignalSpy events(watcher, &EventWatcher::eventReceived);
    QSignalSpy restarted(watcher, &EventWatcher::restarted);
    watcher->start();
    QTRY_VERIFY_WITH_TIMEOUT(watcher->processId() > 0, 5000);
    const qint64 stuck = watcher->processId();
    QVERIFY(append(eventLine(QStringLiteral("start"), QStringLiteral("s1"))));
    QTRY_COMPARE_WITH_TIMEOUT(events.size(), 1, 5000);

    // A stopped stream delivers nothing and never ends: the heartbeat must notice (issue: 10 s).
    QElapsedTimer timer;
    timer.start();
    QCOMPARE(::kill(pid_t(stuck), SIGSTOP), 0);
    QTRY_COMPARE_WITH_TIMEOUT(restarted.size(), 2, 10000);
    QVERIFY2(timer.elapsed() < 10000, qPrintable(QString::number(timer.elapsed())));
    QTRY_VERIFY2_WITH_TIMEOUT(!archy::test::processExists(stuck), "the stopped stream was not killed", 3000);
    QTRY_VERIFY_WITH_TIMEOUT(watcher->processId() > 0 && watcher->processId() != stuck, 5000);

    // The new stream follows on from the last event seen.
    QVERIFY(append(eventLine(QStringLiteral("died"), QStringLiteral("s1"), 0)));
    QTRY_VERIFY_WITH_TIMEOUT(seen(events).contains(QStringLiteral("died s1")), 5000);
    watcher->stop();
}

void TestEventWatcher::stopDuringBackoffDoesNotRelaunch()
{
    FakePodman::setMode(QStringLiteral("events=fail:125:Error: cannot open the journal"));
    EventWatcher *watcher = makeWatcher();
    QSignalSpy restarted(watcher, &EventWatcher::restarted);
    watcher->start();
    QVERIFY(waitForEventsCalls(1));
    QTRY_VERIFY_WITH_TIMEOUT(!watcher->isRunning(), 5000); // exited; waiting out the backoff
    watcher->stop();
    QTest::qWait(1500);
    QCOMPARE(restarted.size(), 1);
    QCOMPARE(eventsCalls(), 1);
    for (const qint64 p : m_fake->pids())
        QVERIFY(!archy::test::processExists(p));
}

void TestEventWatcher::destructorLeavesNoProcess()
{
    EventWatcher *watcher = makeWatcher();
    watcher->start();
    QTRY_COMPARE_WITH_TIMEOUT(m_fake->pids().size(), 1, 5000);
    const qint64 pid = m_fake->pids().first();
    QVERIFY(archy::test::processExists(pid));
    m_watcher.reset();
    QVERIFY2(!archy::test::processExists(pid), "podman events outlived its watcher");
}

void TestEventWatcher::unavailablePodmanDoesNothing()
{
    EventWatcher watcher{archy::Podman(QDir(m_dir->path()).filePath(QStringLiteral("no-such-podman")))};
    QSignalSpy restarted(&watcher, &EventWatcher::restarted);
    QSignalSpy events(&watcher, &EventWatcher::eventReceived);
    watcher.start();
    QTest::qWait(200);
    QVERIFY(!watcher.isRunning());
    QVERIFY(events.isEmpty());
    QVERIFY(restarted.isEmpty());
    watcher.stop();
}

QTEST_GUILESS_MAIN(TestEventWatcher)
#include "tst_eventwatcher.moc"
