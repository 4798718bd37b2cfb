// The agent among the tools an owner already runs: a real Prometheus scraping --metrics while real
// podman runs the containers, and --notify-command / --notify-url after a crash.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <csignal>
#include <memory>

#include "HttpListener.h"
#include "IntegrationSupport.h"

using namespace integration;
using archy::test::HttpListener;

namespace {

/// A port nothing listens on right now (the kernel's pick for port 0).
quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

/// GET http://127.0.0.1:PORT/PATH; the body, or an empty array if it did not answer 200.
QByteArray httpGet(quint16 port, const QByteArray &path)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(2000))
        return {};
    socket.write("GET " + path + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n");
    QByteArray answer;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000))
        answer += socket.readAll();
    answer += socket.readAll();
    const qsizetype end = answer.indexOf("\r\n\r\n");
    if (!answer.startsWith("HTTP/1.1 200") && !answer.startsWith("HTTP/1.0 200"))
        return {};
    return end < 0 ? QByteArray() : answer.mid(end + 4);
}

/// Prepares @p dir as left by a power cut: a stale marker and a snapshot listing @p names.
void crashedDataDir(const QString &dir, const QStringList &names, const QString &image)
{
    QVERIFY(QDir().mkpath(dir));
    writeFile(QDir(dir).filePath(QStringLiteral("archipelago.pid")), QByteArray::number(deadPid()));
    writeFile(QDir(dir).filePath(QStringLiteral("running-containers.json")), seedSnapshot(names, image));
}

} // namespace

class TestEcosystem : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();

    void prometheusScrapesMetrics();
    void crashWithFailureNotifies();
    void cleanStartupNotifiesNobody();

private:
    /// An agent whose stderr the test reads (and which cleanup() stops).
    QProcess *startAgent(const QStringList &args);

    std::unique_ptr<AgentFixture> m_fx;
    std::vector<std::unique_ptr<QProcess>> m_processes;
};

void TestEcosystem::initTestCase()
{
    m_fx = std::make_unique<AgentFixture>();
    QVERIFY(m_fx->isValid());
}

void TestEcosystem::cleanup()
{
    for (auto &process : m_processes) {
        if (process->state() != QProcess::NotRunning) {
            process->kill();
            process->waitForFinished();
        }
    }
    m_processes.clear();
    m_fx->cleanup();
}

QProcess *TestEcosystem::startAgent(const QStringList &args)
{
    m_processes.push_back(std::make_unique<QProcess>());
    QProcess *process = m_processes.back().get();
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->start(QStringLiteral(AGENT_PATH), args);
    return process;
}

void TestEcosystem::prometheusScrapesMetrics()
{
    ARCHY_REQUIRE_PODMAN(*m_fx);
    QVERIFY2(m_fx->sandbox().run(QStringLiteral("m1")), qPrintable(m_fx->sandbox().lastError()));
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("m1")));
    const QString dir = m_fx->path(QStringLiteral("metrics"));
    crashedDataDir(dir, {QStringLiteral("m1")}, m_fx->sandbox().image());

    const quint16 port = freePort();
    QProcess *agent =
        startAgent(dataDirArgs(dir) + QStringList{QStringLiteral("--no-gui"), QStringLiteral("--config"),
                                                  QStringLiteral("/dev/null"), QStringLiteral("--metrics"),
                                                  QStringLiteral("127.0.0.1:%1").arg(port)});
    QVERIFY(agent->waitForStarted());
    const QByteArray running = "archy_recovery_container_state{container=\"m1\",state=\"running\"} 1";
    QByteArray metrics;
    QVERIFY2(waitFor(
                 [&] {
                     metrics = httpGet(port, "/metrics");
                     return metrics.contains(running);
                 },
                 30000),
             metrics.constData());
    QCOMPARE(m_fx->sandbox().state(QStringLiteral("m1")), QStringLiteral("running"));
    QVERIFY(metrics.contains("archy_recovery_last_startup_crash 1\n"));

    // promtool, the Prometheus project's own linter, on exactly what GET /metrics returned.
    QProcess promtool;
    promtool.setProcessChannelMode(QProcess::MergedChannels);
    promtool.start(QStringLiteral(PROMTOOL_PATH), {QStringLiteral("check"), QStringLiteral("metrics")});
    QVERIFY(promtool.waitForStarted());
    promtool.write(metrics);
    promtool.closeWriteChannel();
    QVERIFY(promtool.waitForFinished(30000));
    QVERIFY2(promtool.exitCode() == 0 && promtool.readAll().trimmed().isEmpty(), metrics.constData());
    const QList<QByteArray> lines = metrics.trimmed().split('\n');
    for (const QByteArray &line : lines) {
        const QByteArray name = line.startsWith("# ") ? line.split(' ').value(2) : line;
        QVERIFY2(name.startsWith("archy_recovery_"), line.constData());
    }

    // A real Prometheus server scrapes it and reports the target up.
    const QString promDir = m_fx->path(QStringLiteral("prometheus"));
    QVERIFY(QDir().mkpath(promDir));
    const QString config = QDir(promDir).filePath(QStringLiteral("prometheus.yml"));
    writeFile(config, QStringLiteral("global:\n  scrape_interval: 1s\n  scrape_timeout: 1s\n"
                                     "scrape_configs:\n  - job_name: archy-recovery\n    static_configs:\n"
                                     "      - targets: ['127.0.0.1:%1']\n")
                          .arg(port)
                          .toUtf8());
    const quint16 promPort = freePort();
    m_processes.push_back(std::make_unique<QProcess>());
    QProcess *prometheus = m_processes.back().get();
    prometheus->setProcessChannelMode(QProcess::MergedChannels);
    prometheus->start(
        QStringLiteral(PROMETHEUS_PATH),
        {QStringLiteral("--config.file=") + config,
         QStringLiteral("--storage.tsdb.path=") + QDir(promDir).filePath(QStringLiteral("data")),
         QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(promPort)});
    QVERIFY(prometheus->waitForStarted());
    QJsonObject target;
    const bool up = waitFor(
        [&] {
            const QJsonArray active = QJsonDocument::fromJson(httpGet(promPort, "/api/v1/targets"))
                                          .object()
                                          .value(QLatin1String("data"))
                                          .toObject()
                                          .value(QLatin1String("activeTargets"))
                                          .toArray();
            target = active.first().toObject();
            return target.value(QLatin1String("health")).toString() == QLatin1String("up");
        },
        60000);
    QVERIFY2(up, QJsonDocument(target).toJson().constData());
    QCOMPARE(target.value(QLatin1String("scrapeUrl")).toString(),
             QStringLiteral("http://127.0.0.1:%1/metrics").arg(port));
    // And what it stored is what the agent said.
    QJsonArray result;
    QVERIFY(waitFor(
        [&] {
            result = QJsonDocument::fromJson(
                         httpGet(promPort, "/api/v1/"
                                           "query?query=archy_recovery_container_state%7Bcontainer%3D%22m1%"
                                           "22%2Cstate%3D%22running%22%7D"))
                         .object()
                         .value(QLatin1String("data"))
                         .toObject()
                         .value(QLatin1String("result"))
                         .toArray();
            return !result.isEmpty();
        },
        30000));
    QCOMPARE(result.first().toObject().value(QLatin1String("value")).toArray().at(1).toString(),
             QStringLiteral("1"));

    prometheus->terminate();
    QVERIFY(prometheus->waitForFinished(30000));
    agent->terminate();
    QVERIFY(agent->waitForFinished(30000));
    QCOMPARE(agent->exitCode(), 0);
}

void TestEcosystem::crashWithFailureNotifies()
{
    ARCHY_REQUIRE_PODMAN(*m_fx);
    // A container that cannot start (its command does not exist) and one that can.
    QVERIFY(m_fx->sandbox()
                .podman({QStringLiteral("create"), QStringLiteral("--name"), QStringLiteral("broken"),
                         m_fx->sandbox().image(), QStringLiteral("/no/such/program")})
                .size() > 0);
    QVERIFY(m_fx->sandbox().run(QStringLiteral("fine")));
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("fine")));
    const QString dir = m_fx->path(QStringLiteral("notify"));
    crashedDataDir(dir, {QStringLiteral("broken"), QStringLiteral("fine")}, m_fx->sandbox().image());

    HttpListener listener;
    QSignalSpy received(&listener, &HttpListener::requestReceived);
    // The URL comes from the config file, the command from the command line.
    const QString config = m_fx->path(QStringLiteral("notify.conf"));
    writeFile(config, QStringLiteral("notify-url = %1\nmax-attempts = 2\n").arg(listener.url()).toUtf8());
    const QString out = m_fx->path(QStringLiteral("notify-report.json"));
    QProcess *agent =
        startAgent(dataDirArgs(dir) + QStringList{QStringLiteral("--no-gui"), QStringLiteral("--config"),
                                                  config, QStringLiteral("--backoff-initial"),
                                                  QStringLiteral("0"), QStringLiteral("--notify-command"),
                                                  QStringLiteral("tee %1").arg(out)});
    QVERIFY(agent->waitForStarted());

    QVERIFY2(received.wait(60000) || received.count() > 0, agent->peek(1 << 20).constData());
    const archy::test::HttpRequest &post = listener.requests.constFirst();
    QCOMPARE(post.method, QByteArray("POST"));
    QVERIFY2(post.body.contains("broken"), post.body.constData());
    QVERIFY(!post.headers.value("title").isEmpty());

    QJsonObject report;
    QVERIFY2(waitFor(
                 [&] {
                     QFile file(out);
                     report = file.open(QIODevice::ReadOnly)
                                  ? QJsonDocument::fromJson(file.readAll()).object()
                                  : QJsonObject();
                     return !report.isEmpty();
                 },
                 30000),
             agent->peek(1 << 20).constData());
    QCOMPARE(report.value(QLatin1String("crash")).toBool(), true);
    QCOMPARE(report.value(QLatin1String("failed")).toArray(), QJsonArray{QStringLiteral("broken")});
    QCOMPARE(m_fx->sandbox().state(QStringLiteral("fine")), QStringLiteral("running"));
    // The exit status of the command is logged.
    QVERIFY(waitFor([&] { return agent->peek(1 << 20).contains("exited with status 0"); }, 10000));

    agent->terminate();
    QVERIFY(agent->waitForFinished(30000));
    QCOMPARE(listener.requests.size(), 1);
}

void TestEcosystem::cleanStartupNotifiesNobody()
{
    ARCHY_REQUIRE_PODMAN(*m_fx);
    QVERIFY(m_fx->sandbox().run(QStringLiteral("web")));
    const QString dir = m_fx->path(QStringLiteral("clean"));
    HttpListener listener;
    const QString out = m_fx->path(QStringLiteral("clean-report.json"));
    const QStringList args = dataDirArgs(dir) + QStringList{QStringLiteral("--no-gui"),
                                                            QStringLiteral("--config"),
                                                            QStringLiteral("/dev/null"),
                                                            QStringLiteral("--snapshot-delay"),
                                                            QStringLiteral("0"),
                                                            QStringLiteral("--notify-command"),
                                                            QStringLiteral("tee %1").arg(out),
                                                            QStringLiteral("--notify-url"),
                                                            listener.url()};

    // A first run that ends cleanly leaves a snapshot with web in it...
    QProcess *first = startAgent(args);
    QVERIFY(waitForSnapshot(dir, QStringLiteral("web"), true, 30000));
    first->terminate();
    QVERIFY(first->waitForFinished(30000));
    QCOMPARE(first->exitCode(), 0);

    // ...and web dies while no agent runs (not the owner's doing: no agent saw it). The next
    // start-up is clean, restores web and nothing fails.
    QVERIFY(m_fx->sandbox().kill(QStringLiteral("web")));
    QProcess *second = startAgent(args);
    QVERIFY(waitFor([&] { return second->peek(1 << 20).contains("nobody to notify"); }, 30000));
    QVERIFY2(second->peek(1 << 20).contains("start-up done: 1 of 1 running"),
             second->peek(1 << 20).constData());
    second->terminate();
    QVERIFY(second->waitForFinished(30000));
    // The start-up's decision is made once, when its report is done; the agent has exited since,
    // so nothing can arrive later.
    QVERIFY(!QFile::exists(out));
    QCOMPARE(listener.connections, 0);
    QCOMPARE(m_fx->sandbox().state(QStringLiteral("web")), QStringLiteral("running"));
}

QTEST_GUILESS_MAIN(TestEcosystem)
#include "tst_ecosystem.moc"
