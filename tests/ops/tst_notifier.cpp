// Notifications: who is told when, what a --notify-command reads on stdin, what a --notify-url
// receives, and how failures (exit status, timeouts, HTTP errors, untrusted TLS) are handled.

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QTemporaryDir>
#include <QTest>

#include "HttpListener.h"
#include "Notifier.h"
#include "NotifyMessage.h"
#include "OpsTestSupport.h"

using namespace archy;
using namespace archy::test;

namespace {

RecoveryReport crashWithFailure()
{
    RecoveryReport report;
    report.id = QStringLiteral("r1");
    report.crashInfo.crash = true;
    report.crashInfo.reason = QStringLiteral("the previous run's marker was left behind");
    report.containers = {
        status(QStringLiteral("web"), ContainerState::Running, 1),
        status(QStringLiteral("broken"), ContainerState::Failed, 3, QStringLiteral("no such program"))};
    return report;
}

RecoveryReport cleanStartup()
{
    RecoveryReport report;
    report.id = QStringLiteral("r2");
    report.containers = {status(QStringLiteral("web"), ContainerState::Running, 1)};
    return report;
}

Notifier::Options fastOptions()
{
    Notifier::Options options;
    options.host = QStringLiteral("node1");
    options.backoffInitialMs = 50;
    options.requestTimeoutMs = 5000;
    options.commandTimeoutMs = 5000;
    return options;
}

} // namespace

class TestNotifier : public QObject
{
    Q_OBJECT

private slots:
    void policy_data();
    void policy();
    void messageNamesTheFailedContainer();
    void messageHasNoControlChars();
    void commandReadsTheReportOnStdin();
    void commandRunsWithoutAShell();
    void commandExitStatusIsReported();
    void hangingCommandIsStopped();
    void cleanStartupNotifiesNobody();
    void onlyTheStartupReportNotifies();
    void crashLoopNotifies();
    void urlGetsAnNtfyStylePost();
    void urlIsRetriedWithBackoff();
    void refusedUrlIsNotRetried();
    void unreachableUrlGivesUpAfterMaxAttempts();
    void untrustedTlsIsRefused();
    void checkUrlAndCommand();
    void splitCommandWords_data();
    void splitCommandWords();
};

void TestNotifier::policy_data()
{
    QTest::addColumn<bool>("crash");
    QTest::addColumn<bool>("failed");
    QTest::addColumn<bool>("notify");
    QTest::newRow("clean, all running") << false << false << false;
    QTest::newRow("clean, one failed") << false << true << true;
    QTest::newRow("crash, all running") << true << false << true;
    QTest::newRow("crash, one failed") << true << true << true;
}

void TestNotifier::policy()
{
    QFETCH(bool, crash);
    QFETCH(bool, failed);
    QFETCH(bool, notify);
    RecoveryReport report = cleanStartup();
    report.crashInfo.crash = crash;
    if (failed)
        report.containers.append(
            status(QStringLiteral("db"), ContainerState::Failed, 1, QStringLiteral("x")));
    QCOMPARE(startupNeedsNotification(report), notify);
}

void TestNotifier::messageNamesTheFailedContainer()
{
    const NotifyMessage message =
        makeNotifyMessage(crashWithFailure(), NotifyReason::Startup, QStringLiteral("node1"));
    QVERIFY2(message.title.contains(QLatin1String("node1")), qPrintable(message.title));
    QVERIFY2(message.body.contains(QLatin1String("broken")), qPrintable(message.body));
    QVERIFY(message.body.contains(QLatin1String("1 of 2")));
    QCOMPARE(message.priority, 4);
    const QJsonObject json = QJsonDocument::fromJson(message.json).object();
    QCOMPARE(json.value(QLatin1String("crash")).toBool(), true);
    QCOMPARE(json.value(QLatin1String("failed")).toArray(), QJsonArray{QStringLiteral("broken")});
    QCOMPARE(json.value(QLatin1String("event")).toString(), QStringLiteral("startup"));
    QCOMPARE(json.value(QLatin1String("host")).toString(), QStringLiteral("node1"));
}

void TestNotifier::messageHasNoControlChars()
{
    RecoveryReport report = crashWithFailure();
    report.containers[1].error = QStringLiteral("evil\x1b[31m\r\nTitle: x\x07");
    const NotifyMessage message =
        makeNotifyMessage(report, NotifyReason::Startup, QStringLiteral("no\x1b\nde"));
    for (const QChar c : message.title + message.body) {
        QVERIFY2(c == QLatin1Char('\n') || c.category() != QChar::Other_Control, qPrintable(message.body));
    }
    QVERIFY(!message.title.contains(QLatin1Char('\n')));
}

void TestNotifier::commandReadsTheReportOnStdin()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("report.json"));
    StubBackend backend;
    backend.report = crashWithFailure();
    Notifier::Options options = fastOptions();
    options.commands = {QStringLiteral("tee \"%1\"").arg(out)};
    Notifier notifier(&backend, options);
    QSignalSpy finished(&notifier, &Notifier::commandFinished);
    QSignalSpy idle(&notifier, &Notifier::idle);
    backend.finish();
    QVERIFY(!notifier.isIdle());
    QVERIFY(idle.wait(10000));
    QCOMPARE(finished.count(), 1);
    QCOMPARE(finished.at(0).at(1).toInt(), 0);
    QCOMPARE(finished.at(0).at(2).toBool(), true);
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject json = QJsonDocument::fromJson(file.readAll()).object();
    QCOMPARE(json.value(QLatin1String("crash")).toBool(), true);
    QCOMPARE(json.value(QLatin1String("failed")).toArray(), QJsonArray{QStringLiteral("broken")});
}

void TestNotifier::commandRunsWithoutAShell()
{
    // Through a shell, $HOME would expand and `;` would end the command: test(1) would then fail.
    StubBackend backend;
    backend.report = crashWithFailure();
    Notifier::Options options = fastOptions();
    options.commands = {QStringLiteral("test '$HOME;' = \"\\$HOME;\"")};
    Notifier notifier(&backend, options);
    QSignalSpy finished(&notifier, &Notifier::commandFinished);
    backend.finish();
    QVERIFY(finished.wait(10000));
    QCOMPARE(finished.at(0).at(2).toBool(), true);
}

void TestNotifier::commandExitStatusIsReported()
{
    StubBackend backend;
    backend.report = crashWithFailure();
    Notifier::Options options = fastOptions();
    options.commands = {QStringLiteral("sh -c 'exit 7'"), QStringLiteral("/no/such/notifier")};
    Notifier notifier(&backend, options);
    QSignalSpy finished(&notifier, &Notifier::commandFinished);
    QSignalSpy idle(&notifier, &Notifier::idle);
    QTest::ignoreMessage(QtWarningMsg,
                         QRegularExpression(QStringLiteral("sh -c 'exit 7' exited with status 7")));
    QTest::ignoreMessage(QtWarningMsg, QRegularExpression(QStringLiteral("/no/such/notifier")));
    backend.finish();
    QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 2, 10000);
    QMap<QString, int> codes;
    for (const QList<QVariant> &call : std::as_const(finished)) {
        QCOMPARE(call.at(2).toBool(), false);
        codes.insert(call.at(0).toString(), call.at(1).toInt());
    }
    QCOMPARE(codes.value(QStringLiteral("sh -c 'exit 7'")), 7);
    QCOMPARE(codes.value(QStringLiteral("/no/such/notifier")), -1);
    QVERIFY(notifier.isIdle());
}

void TestNotifier::hangingCommandIsStopped()
{
    StubBackend backend;
    backend.report = crashWithFailure();
    Notifier::Options options = fastOptions();
    options.commandTimeoutMs = 300;
    options.commands = {QStringLiteral("sleep 60")};
    Notifier notifier(&backend, options);
    QSignalSpy finished(&notifier, &Notifier::commandFinished);
    QElapsedTimer timer;
    timer.start();
    backend.finish();
    QVERIFY(finished.wait(10000));
    QVERIFY2(timer.elapsed() < 9000, qPrintable(QString::number(timer.elapsed())));
    QCOMPARE(finished.at(0).at(2).toBool(), false);
}

void TestNotifier::cleanStartupNotifiesNobody()
{
    HttpListener listener;
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString out = dir.filePath(QStringLiteral("report.json"));
    StubBackend backend;
    backend.report = cleanStartup();
    Notifier::Options options = fastOptions();
    options.commands = {QStringLiteral("tee \"%1\"").arg(out)};
    options.urls = {QUrl(listener.url())};
    Notifier notifier(&backend, options);
    QSignalSpy finished(&notifier, &Notifier::commandFinished);
    QSignalSpy posted(&notifier, &Notifier::postFinished);
    backend.finish();
    // The decision is made while reportFinished is delivered: nothing was started, so nothing is
    // in flight and nothing can arrive later.
    QVERIFY(notifier.isIdle());
    QCOMPARE(finished.count(), 0);
    QCOMPARE(posted.count(), 0);
    QCOMPARE(listener.connections, 0);
    QVERIFY(!QFile::exists(out));
}

void TestNotifier::onlyTheStartupReportNotifies()
{
    HttpListener listener;
    StubBackend backend;
    backend.report = cleanStartup();
    Notifier::Options options = fastOptions();
    options.urls = {QUrl(listener.url())};
    Notifier notifier(&backend, options);
    QSignalSpy posted(&notifier, &Notifier::postFinished);
    backend.finish();
    // A later report (a retry the owner asked for) with a failure is not a start-up.
    backend.report = crashWithFailure();
    backend.finish();
    QVERIFY(notifier.isIdle());
    QCOMPARE(posted.count(), 0);
}

void TestNotifier::crashLoopNotifies()
{
    HttpListener listener;
    StubBackend backend;
    backend.report = cleanStartup();
    Notifier::Options options = fastOptions();
    options.urls = {QUrl(listener.url())};
    Notifier notifier(&backend, options);
    QSignalSpy posted(&notifier, &Notifier::postFinished);
    backend.finish();
    backend.crashLoop(QStringLiteral("web"));
    QVERIFY(posted.wait(10000));
    QCOMPARE(listener.requests.size(), 1);
    QVERIFY(listener.requests.constFirst().headers.value("title").contains("web keeps crashing"));
    QVERIFY(listener.requests.constFirst().body.contains("web"));
}

void TestNotifier::urlGetsAnNtfyStylePost()
{
    HttpListener listener;
    StubBackend backend;
    backend.report = crashWithFailure();
    Notifier::Options options = fastOptions();
    options.urls = {QUrl(listener.url())};
    Notifier notifier(&backend, options);
    QSignalSpy posted(&notifier, &Notifier::postFinished);
    backend.finish();
    QVERIFY(posted.wait(10000));
    QCOMPARE(posted.at(0).at(1).toBool(), true);
    QCOMPARE(listener.requests.size(), 1);
    const HttpRequest &request = listener.requests.constFirst();
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.path, QByteArray("/archy"));
    QVERIFY(request.headers.value("content-type").startsWith("text/plain"));
    QVERIFY2(request.headers.value("title").contains("node1"), request.headers.value("title").constData());
    QCOMPARE(request.headers.value("priority"), QByteArray("4"));
    QVERIFY(!request.headers.value("tags").isEmpty());
    QVERIFY2(request.body.contains("Failed: broken"), request.body.constData());
    QVERIFY(notifier.isIdle());
}

void TestNotifier::urlIsRetriedWithBackoff()
{
    HttpListener listener;
    listener.statuses = {503, 500};
    StubBackend backend;
    backend.report = crashWithFailure();
    Notifier::Options options = fastOptions();
    options.urls = {QUrl(listener.url())};
    Notifier notifier(&backend, options);
    QSignalSpy posted(&notifier, &Notifier::postFinished);
    QElapsedTimer timer;
    timer.start();
    backend.finish();
    QVERIFY(posted.wait(10000));
    QCOMPARE(posted.at(0).at(1).toBool(), true);
    QCOMPARE(posted.at(0).at(2).toInt(), 3);
    QCOMPARE(listener.requests.size(), 3);
    // Backoff of 50 ms, then 100 ms, between the three POSTs.
    QVERIFY2(timer.elapsed() >= 150, qPrintable(QString::number(timer.elapsed())));
}

void TestNotifier::refusedUrlIsNotRetried()
{
    HttpListener listener;
    listener.statuses = {403};
    StubBackend backend;
    backend.report = crashWithFailure();
    Notifier::Options options = fastOptions();
    options.urls = {QUrl(listener.url())};
    Notifier notifier(&backend, options);
    QSignalSpy posted(&notifier, &Notifier::postFinished);
    backend.finish();
    QVERIFY(posted.wait(10000));
    QCOMPARE(posted.at(0).at(1).toBool(), false);
    QCOMPARE(posted.at(0).at(2).toInt(), 1);
    QCOMPARE(listener.requests.size(), 1);
}

void TestNotifier::unreachableUrlGivesUpAfterMaxAttempts()
{
    quint16 closedPort = 0;
    {
        HttpListener gone;
        closedPort = gone.port();
    }
    StubBackend backend;
    backend.report = crashWithFailure();
    Notifier::Options options = fastOptions();
    options.maxAttempts = 3;
    options.urls = {QUrl(QStringLiteral("http://127.0.0.1:%1/x").arg(closedPort))};
    Notifier notifier(&backend, options);
    QSignalSpy posted(&notifier, &Notifier::postFinished);
    backend.finish();
    QVERIFY(posted.wait(10000));
    QCOMPARE(posted.at(0).at(1).toBool(), false);
    QCOMPARE(posted.at(0).at(2).toInt(), 3);
    QVERIFY(notifier.isIdle());
}

void TestNotifier::untrustedTlsIsRefused()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString cert = dir.filePath(QStringLiteral("cert.pem"));
    const QString key = dir.filePath(QStringLiteral("key.pem"));
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-days"),
                   QStringLiteral("1"), QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"),
                   QStringLiteral("-addext"), QStringLiteral("subjectAltName=IP:127.0.0.1"),
                   QStringLiteral("-keyout"), key, QStringLiteral("-out"), cert});
    QVERIFY(openssl.waitForFinished(60000));
    QCOMPARE(openssl.exitCode(), 0);
    QFile certFile(cert), keyFile(key);
    QVERIFY(certFile.open(QIODevice::ReadOnly) && keyFile.open(QIODevice::ReadOnly));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setLocalCertificate(QSslCertificate(certFile.readAll()));
    tls.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Rsa));
    HttpListener listener(&tls);
    StubBackend backend;
    backend.report = crashWithFailure();
    Notifier::Options options = fastOptions();
    options.maxAttempts = 2;
    options.urls = {QUrl(listener.url(QStringLiteral("https")))};
    Notifier notifier(&backend, options);
    QSignalSpy posted(&notifier, &Notifier::postFinished);
    backend.finish();
    QVERIFY(posted.wait(10000));
    // A self-signed certificate is not trusted: the message is never handed over.
    QCOMPARE(posted.at(0).at(1).toBool(), false);
    QCOMPARE(listener.requests.size(), 0);
}

void TestNotifier::checkUrlAndCommand()
{
    QString error;
    QVERIFY(Notifier::checkUrl(QStringLiteral("https://ntfy.sh/my-node"), &error));
    QVERIFY(Notifier::checkUrl(QStringLiteral("http://192.168.1.2:8080/hook"), &error));
    QVERIFY(!Notifier::checkUrl(QStringLiteral("ftp://example.org/x"), &error));
    QVERIFY(error.contains(QLatin1String("--notify-url")));
    QVERIFY(!Notifier::checkUrl(QStringLiteral("file:///etc/passwd"), &error));
    QVERIFY(!Notifier::checkUrl(QStringLiteral("ntfy.sh/topic"), &error));
    QVERIFY(Notifier::checkCommand(QStringLiteral("logger -t archy"), &error));
    QVERIFY(!Notifier::checkCommand(QStringLiteral("   "), &error));
    QVERIFY(!Notifier::checkCommand(QStringLiteral("/no/such/program --x"), &error));
    QVERIFY(error.contains(QLatin1String("/no/such/program")));
}

void TestNotifier::splitCommandWords_data()
{
    QTest::addColumn<QString>("command");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QStringList>("words");
    QTest::newRow("plain") << QStringLiteral("logger -t archy") << true
                           << QStringList{QStringLiteral("logger"), QStringLiteral("-t"),
                                          QStringLiteral("archy")};
    QTest::newRow("spaces") << QStringLiteral("  a   b  ") << true
                            << QStringList{QStringLiteral("a"), QStringLiteral("b")};
    QTest::newRow("single") << QStringLiteral("sh -c 'exit 7'") << true
                            << QStringList{QStringLiteral("sh"), QStringLiteral("-c"),
                                           QStringLiteral("exit 7")};
    QTest::newRow("double") << QStringLiteral("a \"b \\\" $c\"") << true
                            << QStringList{QStringLiteral("a"), QStringLiteral("b \" $c")};
    QTest::newRow("backslash") << QStringLiteral("a\\ b c") << true
                               << QStringList{QStringLiteral("a b"), QStringLiteral("c")};
    QTest::newRow("joined") << QStringLiteral("x'y z'\"w\"") << true << QStringList{QStringLiteral("xy zw")};
    QTest::newRow("empty quotes") << QStringLiteral("a ''") << true
                                  << QStringList{QStringLiteral("a"), QString()};
    QTest::newRow("operators are words")
        << QStringLiteral("a ; b | c") << true
        << QStringList{QStringLiteral("a"), QStringLiteral(";"), QStringLiteral("b"), QStringLiteral("|"),
                       QStringLiteral("c")};
    QTest::newRow("unterminated single") << QStringLiteral("a 'b") << false << QStringList{};
    QTest::newRow("unterminated double") << QStringLiteral("a \"b") << false << QStringList{};
    QTest::newRow("trailing backslash") << QStringLiteral("a \\") << false << QStringList{};
}

void TestNotifier::splitCommandWords()
{
    QFETCH(QString, command);
    QFETCH(bool, ok);
    QFETCH(QStringList, words);
    QStringList got;
    QCOMPARE(archy::splitCommandWords(command, &got), ok);
    if (ok)
        QCOMPARE(got, words);
}

QTEST_GUILESS_MAIN(TestNotifier)
#include "tst_notifier.moc"
