#include <QFile>
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
        << QStringList{QStringLiteral("localhost/bitcoin-knots:27.1"), QStringLiteral("docker.io/mempool/frontend:3.0"),
                       QStringLiteral("localhost/archy-tor:0.4.8")};
    QTest::newRow("podman 4.3, stopped")
        << QStringLiteral("ps-stopped-podman43.json") << true
        << QStringList{QStringLiteral("archy-electrs"), QStringLiteral("archy-lnd")}
        << QStringList{QStringLiteral("localhost/electrs:0.10.5"),
                       QStringLiteral("docker.io/lightninglabs/lnd:v0.18.0-beta")};
    QTest::newRow("podman 1, Names as string")
        << QStringLiteral("ps-names-string-podman1.json") << true
        << QStringList{QStringLiteral("archy-web"), QStringLiteral("archy-db")}
        << QStringList{QStringLiteral("docker.io/library/nginx:1.17"), QStringLiteral("docker.io/library/postgres:12")};
    QTest::newRow("empty list") << QStringLiteral("ps-empty-array.json") << true << QStringList() << QStringList();
    QTest::newRow("empty output") << QStringLiteral("ps-empty.txt") << true << QStringList() << QStringList();
    QTest::newRow("garbage") << QStringLiteral("ps-garbage.txt") << false << QStringList() << QStringList();
    QTest::newRow("object, not a list") << QStringLiteral("ps-not-a-list.json") << false << QStringList()
                                        << QStringList();
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
    QVERIFY(archy::PodmanParse::parsePs(recorded(QStringLiteral("ps-running-podman43.json")), &entries, &error));
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(1).state, QStringLiteral("running"));
    QCOMPARE(entries.at(1).labels.value(QStringLiteral("io.archy.after")), QStringLiteral("archy-bitcoin-knots"));
    QCOMPARE(entries.at(1).id.size(), 64);
    QVERIFY(entries.at(2).labels.isEmpty()); // "Labels": null

    QVERIFY(archy::PodmanParse::parsePs(recorded(QStringLiteral("ps-stopped-podman43.json")), &entries, &error));
    QCOMPARE(entries.at(0).state, QStringLiteral("exited"));
    QCOMPARE(entries.at(1).state, QStringLiteral("created"));
}

void TestPodmanParse::parsePsReplacesAnEarlierList()
{
    QList<PsEntry> entries;
    QString error;
    QVERIFY(archy::PodmanParse::parsePs(recorded(QStringLiteral("ps-running-podman43.json")), &entries, &error));
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
             (QStringList{QStringLiteral("start"), QStringLiteral("--"), QStringLiteral("--all"), QStringLiteral("web")}));
    QCOMPARE(archy::Podman::psAllArguments(),
             (QStringList{QStringLiteral("ps"), QStringLiteral("-a"), QStringLiteral("--format"), QStringLiteral("json")}));
    const QStringList inspect = archy::Podman::inspectArguments(names);
    QCOMPARE(inspect.mid(inspect.size() - 3), (QStringList{QStringLiteral("--")} + names));
    QCOMPARE(archy::Podman::healthcheckArguments(QStringLiteral("-x")),
             (QStringList{QStringLiteral("healthcheck"), QStringLiteral("run"), QStringLiteral("--"), QStringLiteral("-x")}));
}

QTEST_GUILESS_MAIN(TestPodmanParse)
#include "tst_podmanparse.moc"
