#include <QFile>
#include <QHash>
#include <QTest>

#include "podman/Podman.h"
#include "podman/PodmanParse.h"

using archy::PsEntry;

class TestPodmanParse final : public QObject
{
    Q_OBJECT

private slots:
    void parsePs_data();
    void parsePs();
    void parsePsKeepsLabelsAndState();
    void parsePsReplacesAnEarlierList();
    void isValidContainerName_data();
    void isValidContainerName();
    void argumentsSeparateNamesFromOptions();
    void recordedPs_data();
    void recordedPs();
    void recordedInspect_data();
    void recordedInspect();
    void eventExitCodeAndTime_data();
    void eventExitCodeAndTime();
    void knownWarningsAreNotErrors_data();
    void knownWarningsAreNotErrors();

private:
    static QByteArray recorded(const QString &file);
};

QByteArray TestPodmanParse::recorded(const QString &file)
{
    const QString path = QFINDTESTDATA(QStringLiteral("../data/") + file);
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly))
        qFatal("test data %s is missing", qPrintable(file));
    return f.readAll();
}

void TestPodmanParse::parsePs_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QStringList>("images");

    QTest::newRow("podman 4.3, Names as array")
        << QStringLiteral("ps-running-podman43.json") << true
        << QStringList{QStringLiteral("archy-bitcoin-knots"), QStringLiteral("archy-mempool-web"),
                       QStringLiteral("archy-tor")}
        << QStringList{QStringLiteral("localhost/bitcoin-knots:27.1"),
                       QStringLiteral("docker.io/mempool/frontend:3.0"),
                       QStringLiteral("localhost/archy-tor:0.4.8")};
    QTest::newRow("podman 4.3, stopped")
        << QStringLiteral("ps-stopped-podman43.json") << true
        << QStringList{QStringLiteral("archy-electrs"), QStringLiteral("archy-lnd")}
        << QStringList{QStringLiteral("localhost/electrs:0.10.5"),
                       QStringLiteral("docker.io/lightninglabs/lnd:v0.18.0-beta")};
    QTest::newRow("podman 1, Names as string")
        << QStringLiteral("ps-names-string-podman1.json") << true
        << QStringList{QStringLiteral("archy-web"), QStringLiteral("archy-db")}
        << QStringList{QStringLiteral("docker.io/library/nginx:1.17"),
                       QStringLiteral("docker.io/library/postgres:12")};
    QTest::newRow("empty list") << QStringLiteral("ps-empty-array.json") << true << QStringList()
                                << QStringList();
    QTest::newRow("empty output") << QStringLiteral("ps-empty.txt") << true << QStringList() << QStringList();
    QTest::newRow("garbage") << QStringLiteral("ps-garbage.txt") << false << QStringList() << QStringList();
    QTest::newRow("object, not a list")
        << QStringLiteral("ps-not-a-list.json") << false << QStringList() << QStringList();
    QTest::newRow("entries without names")
        << QStringLiteral("ps-without-names.json") << true << QStringList{QStringLiteral("archy-named")}
        << QStringList{QStringLiteral("unknown")}; // the seed's fallback for a missing image
}

void TestPodmanParse::parsePs()
{
    QFETCH(QString, file);
    QFETCH(bool, ok);
    QFETCH(QStringList, names);
    QFETCH(QStringList, images);

    // Pre-filled, to see that a failure leaves no stale entries behind.
    QList<PsEntry> entries{PsEntry{QStringLiteral("stale"), {}, {}, {}, {}}};
    QString error;
    QCOMPARE(archy::PodmanParse::parsePs(recorded(file), &entries, &error), ok);
    if (ok) {
        QVERIFY2(error.isEmpty(), qPrintable(error));
    } else {
        QVERIFY(!error.isEmpty());
        QVERIFY2(error.contains(QLatin1String("JSON")), qPrintable(error));
        QVERIFY(entries.isEmpty());
    }
    QStringList gotNames;
    QStringList gotImages;
    for (const PsEntry &entry : std::as_const(entries)) {
        gotNames.append(entry.name);
        gotImages.append(entry.image);
    }
    QCOMPARE(gotNames, names);
    QCOMPARE(gotImages, images);
}

void TestPodmanParse::parsePsKeepsLabelsAndState()
{
    QList<PsEntry> entries;
    QString error;
    QVERIFY(
        archy::PodmanParse::parsePs(recorded(QStringLiteral("ps-running-podman43.json")), &entries, &error));
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(1).state, QStringLiteral("running"));
    QCOMPARE(entries.at(1).labels.value(QStringLiteral("io.archy.after")),
             QStringLiteral("archy-bitcoin-knots"));
    QCOMPARE(entries.at(1).id.size(), 64);
    QVERIFY(entries.at(2).labels.isEmpty()); // "Labels": null

    QVERIFY(
        archy::PodmanParse::parsePs(recorded(QStringLiteral("ps-stopped-podman43.json")), &entries, &error));
    QCOMPARE(entries.at(0).state, QStringLiteral("exited"));
    QCOMPARE(entries.at(1).state, QStringLiteral("created"));
}

void TestPodmanParse::parsePsReplacesAnEarlierList()
{
    QList<PsEntry> entries;
    QString error;
    QVERIFY(
        archy::PodmanParse::parsePs(recorded(QStringLiteral("ps-running-podman43.json")), &entries, &error));
    QCOMPARE(entries.size(), 3);
    QVERIFY(archy::PodmanParse::parsePs(recorded(QStringLiteral("ps-empty.txt")), &entries, &error));
    QVERIFY(entries.isEmpty());
    // The error pointer may be null.
    QVERIFY(!archy::PodmanParse::parsePs(recorded(QStringLiteral("ps-garbage.txt")), &entries, nullptr));
}

void TestPodmanParse::isValidContainerName_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");

    QTest::newRow("one letter") << QStringLiteral("a") << true;
    QTest::newRow("one digit") << QStringLiteral("7") << true;
    QTest::newRow("dash underscore dot") << QStringLiteral("archy-bitcoin_1.0") << true;
    QTest::newRow("253 chars") << QString(archy::MaxContainerNameLength, QLatin1Char('a')) << true;

    QTest::newRow("empty") << QString() << false;
    QTest::newRow("leading dash") << QStringLiteral("-x") << false;
    QTest::newRow("leading dot") << QStringLiteral(".x") << false;
    QTest::newRow("leading underscore") << QStringLiteral("_x") << false;
    QTest::newRow("space") << QStringLiteral("a b") << false;
    QTest::newRow("slash") << QStringLiteral("a/b") << false;
    QTest::newRow("dot dot slash") << QStringLiteral("../x") << false;
    QTest::newRow("shell") << QStringLiteral("a;rm -rf") << false;
    QTest::newRow("command substitution") << QStringLiteral("$(reboot)") << false;
    QTest::newRow("option --all") << QStringLiteral("--all") << false;
    QTest::newRow("unicode") << QString::fromUtf8("caf\xc3\xa9") << false;
    QTest::newRow("fullwidth letter") << QString::fromUtf8("\xef\xbd\x81") << false;
    QTest::newRow("254 chars") << QString(archy::MaxContainerNameLength + 1, QLatin1Char('a')) << false;
    QTest::newRow("newline inside") << QStringLiteral("a\nb") << false;
    QTest::newRow("trailing newline") << QStringLiteral("ab\n") << false;
    QTest::newRow("NUL") << QString::fromLatin1("ab\0c", 4) << false;
    QTest::newRow("tab") << QStringLiteral("a\tb") << false;
}

void TestPodmanParse::isValidContainerName()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QCOMPARE(archy::isValidContainerName(name), valid);
}

void TestPodmanParse::argumentsSeparateNamesFromOptions()
{
    const QStringList names{QStringLiteral("--all"), QStringLiteral("web")};
    QCOMPARE(archy::Podman::startArguments(names),
             (QStringList{QStringLiteral("start"), QStringLiteral("--"), QStringLiteral("--all"),
                          QStringLiteral("web")}));
    QCOMPARE(archy::Podman::psAllArguments(),
             (QStringList{QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--format"),
                          QStringLiteral("json")}));
    const QStringList inspect = archy::Podman::inspectArguments(names);
    QCOMPARE(inspect.mid(inspect.size() - 3), (QStringList{QStringLiteral("--")} + names));
    QCOMPARE(archy::Podman::healthcheckArguments(QStringLiteral("-x")),
             (QStringList{QStringLiteral("healthcheck"), QStringLiteral("run"), QStringLiteral("--"),
                          QStringLiteral("-x")}));
}

void TestPodmanParse::recordedPs_data()
{
    QTest::addColumn<QString>("version");
    QTest::newRow("podman 4.3.1") << QStringLiteral("podman431");
    QTest::newRow("podman 5.4.2") << QStringLiteral("podman542");
}

void TestPodmanParse::recordedPs()
{
    QFETCH(QString, version);
    QList<PsEntry> all;
    QString error;
    QVERIFY2(
        archy::PodmanParse::parsePs(recorded(QStringLiteral("ps-all-%1.json").arg(version)), &all, &error),
        qPrintable(error));
    QHash<QString, PsEntry> byName;
    for (const PsEntry &entry : std::as_const(all))
        byName.insert(entry.name, entry);
    const QStringList scenario{QStringLiteral("created1"), QStringLiteral("web"),    QStringLiteral("web0"),
                               QStringLiteral("db"),       QStringLiteral("worker"), QStringLiteral("runner"),
                               QStringLiteral("job-done"), QStringLiteral("fail"),   QStringLiteral("termer"),
                               QStringLiteral("oom")};
    for (const QString &name : scenario) {
        QVERIFY2(byName.contains(name), qPrintable(name));
        QCOMPARE(byName.value(name).image, QStringLiteral("localhost/archy-test-busybox:latest"));
        QCOMPARE(byName.value(name).id.size(), 64);
    }
    QCOMPARE(byName.value(QStringLiteral("created1")).state, QStringLiteral("created"));
    QVERIFY(byName.value(QStringLiteral("web")).isRunning());
    QVERIFY(byName.value(QStringLiteral("runner")).isRunning()); // SIGHUP stopped nothing
    QCOMPARE(byName.value(QStringLiteral("db")).state, QStringLiteral("exited"));
    QCOMPARE(
        byName.value(QStringLiteral("worker")).labels.value(QStringLiteral("io.archipelago.recovery.after")),
        QStringLiteral("db"));
    for (const PsEntry &entry : std::as_const(all))
        QCOMPARE(entry.isInfra, entry.name.endsWith(QLatin1String("-infra"))); // the pod's (5.4.2 only)

    QList<PsEntry> running;
    QVERIFY(archy::PodmanParse::parsePs(recorded(QStringLiteral("ps-running-%1.json").arg(version)), &running,
                                        &error));
    for (const PsEntry &entry : std::as_const(running))
        QVERIFY2(entry.isRunning(), qPrintable(entry.name));
    QList<PsEntry> stopped;
    QVERIFY(archy::PodmanParse::parsePs(recorded(QStringLiteral("ps-stopped-%1.json").arg(version)), &stopped,
                                        &error));
    QVERIFY(!stopped.isEmpty());
    QCOMPARE(running.size() + stopped.size(), all.size());
}

void TestPodmanParse::recordedInspect_data()
{
    recordedPs_data();
}

void TestPodmanParse::recordedInspect()
{
    QFETCH(QString, version);
    QList<archy::InspectEntry> entries;
    QString error;
    QVERIFY2(archy::PodmanParse::parseInspect(recorded(QStringLiteral("inspect-all-%1.json").arg(version)),
                                              &entries, &error),
             qPrintable(error));
    QHash<QString, archy::InspectEntry> byName;
    for (const archy::InspectEntry &entry : std::as_const(entries))
        byName.insert(entry.name, entry);
    QVERIFY(byName.value(QStringLiteral("web")).hasHealthcheck);
    QVERIFY(byName.value(QStringLiteral("web0")).hasHealthcheck);
    QVERIFY(!byName.value(QStringLiteral("worker")).hasHealthcheck); // --no-healthcheck: ["NONE"]
    QVERIFY(!byName.value(QStringLiteral("db")).hasHealthcheck);     // 5.4.2 has no State.Health here
    // --requires db: podman names it by id.
    QCOMPARE(byName.value(QStringLiteral("worker")).dependencyIds,
             QStringList{byName.value(QStringLiteral("db")).id});
    QCOMPARE(
        byName.value(QStringLiteral("worker")).labels.value(QStringLiteral("io.archipelago.recovery.after")),
        QStringLiteral("db"));
    QVERIFY(!byName.value(QStringLiteral("db")).oomKilled);
    if (version == QLatin1String("podman542")) {
        QVERIFY(byName.value(QStringLiteral("oom")).oomKilled);
        QCOMPARE(byName.value(QStringLiteral("inpod2")).dependencyIds.size(), 2); // infra + --requires inpod
    }

    // A missing name: podman prints what it found (or []) and fails with its own wording.
    QVERIFY(archy::PodmanParse::parseInspect(
        recorded(QStringLiteral("inspect-with-missing-%1.json").arg(version)), &entries, &error));
    QVERIFY(!entries.isEmpty());
    QVERIFY(archy::PodmanParse::parseInspect(
        recorded(QStringLiteral("inspect-only-missing-%1.json").arg(version)), &entries, &error));
    QVERIFY(entries.isEmpty());
    const QByteArray missing = recorded(QStringLiteral("inspect-only-missing-%1.stderr").arg(version));
    QVERIFY2(missing.contains("no such container"), missing.constData()); // what isPermanentFailure looks for
}

void TestPodmanParse::eventExitCodeAndTime_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<qint64>("timeMs");
    // Lines as podman printed them (tests/data/events-stream-*.jsonl).
    QTest::newRow("4.3.1 died, exit 0 left out")
        << QByteArray(
               R"({"ID":"4a57","Image":"i","Name":"job","Status":"died","Time":"2026-12-02T08:15:12.006416236Z","Type":"container","Attributes":{}})")
        << 0 << qint64(1796199312006);
    QTest::newRow("4.3.1 died 137")
        << QByteArray(
               R"({"ContainerExitCode":137,"ID":"15","Image":"i","Name":"db","Status":"died","Time":"2026-12-02T08:15:18.836460403Z","Type":"container","Attributes":{}})")
        << 137 << qint64(1796199318836);
    QTest::newRow("4.3.1 start: no exit code")
        << QByteArray(
               R"({"ID":"15","Image":"i","Name":"db","Status":"start","Time":"2026-12-02T08:15:18.1Z","Type":"container","Attributes":{}})")
        << -1 << qint64(1796199318100);
    QTest::newRow("5.4.2 died 0, timeNano")
        << QByteArray(
               R"({"ContainerExitCode":0,"ID":"4a","Image":"i","Name":"job","Status":"died","time":1796200772,"timeNano":1796200772614427737,"Type":"container","Attributes":{}})")
        << 0 << qint64(1796200772614);
    QTest::newRow("5.4.2 time only")
        << QByteArray(
               R"({"ID":"4a","Image":"i","Name":"job","Status":"start","time":1796200772,"Type":"container","Attributes":{}})")
        << -1 << qint64(1796200772000);
    QTest::newRow("no time at all") << QByteArray(
                                           R"({"ID":"4a","Name":"job","Status":"start","Type":"container"})")
                                    << -1 << qint64(0);
    // Garbled numbers read as no time: casting them to qint64 would be undefined behaviour.
    QTest::newRow("timeNano 1e300")
        << QByteArray(R"({"ID":"4a","Name":"job","Status":"start","timeNano":1e300,"Type":"container"})")
        << -1 << qint64(0);
    QTest::newRow("time 9.3e15 s overflows ms")
        << QByteArray(R"({"ID":"4a","Name":"job","Status":"start","time":9.3e15,"Type":"container"})") << -1
        << qint64(0);
}

void TestPodmanParse::eventExitCodeAndTime()
{
    QFETCH(QByteArray, line);
    QFETCH(int, exitCode);
    QFETCH(qint64, timeMs);
    archy::PodmanEvent event;
    QVERIFY(archy::PodmanParse::parseEvent(line, &event));
    QCOMPARE(event.exitCode, exitCode);
    QCOMPARE(event.timeMs, timeMs);
}

void TestPodmanParse::knownWarningsAreNotErrors_data()
{
    QTest::addColumn<QByteArray>("standardError");
    QTest::addColumn<QByteArray>("expected");
    const QByteArray warning = recorded(QStringLiteral("cgroupsv1-warning-podman542.stderr")).trimmed();
    QVERIFY(warning.contains("cgroups-v1"));
    QTest::newRow("warning, then the error") << warning + "\nError: no such container does-not-exist\n"
                                             << QByteArray("Error: no such container does-not-exist\n");
    QTest::newRow("warning alone") << warning + "\n" << QByteArray("\n");
    QTest::newRow("other warnings stay")
        << QByteArray(
               "time=\"x\" level=warning msg=\"The cgroupv2 manager is set to systemd\"\nError: boom\n")
        << QByteArray(
               "time=\"x\" level=warning msg=\"The cgroupv2 manager is set to systemd\"\nError: boom\n");
    QTest::newRow("4.3.1 error") << recorded(QStringLiteral("inspect-only-missing-podman431.stderr"))
                                 << recorded(QStringLiteral("inspect-only-missing-podman431.stderr"));
}

void TestPodmanParse::knownWarningsAreNotErrors()
{
    QFETCH(QByteArray, standardError);
    QFETCH(QByteArray, expected);
    QCOMPARE(archy::PodmanParse::withoutKnownWarnings(standardError).trimmed(), expected.trimmed());
}

QTEST_GUILESS_MAIN(TestPodmanParse)
#include "tst_podmanparse.moc"
