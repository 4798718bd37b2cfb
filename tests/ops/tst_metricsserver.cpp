// The metrics endpoint as Prometheus, a browser and a port scanner meet it: GET /metrics only,
// nothing written, bounded connections and request sizes.

#include <QSignalSpy>
#include <QTcpSocket>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>

#include "MetricsServer.h"

using namespace archy;

namespace {

constexpr QByteArrayView kBody = "archy_recovery_agent_info{version=\"t\"} 1\n";

/// Sends @p request and returns everything the server answered before it closed the connection.
QByteArray exchange(quint16 port, const QByteArray &request)
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, port);
    if (!socket.waitForConnected(5000))
        return "not connected";
    socket.write(request);
    QByteArray answer;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000))
        answer += socket.readAll();
    answer += socket.readAll();
    return answer;
}

/// The server on its own thread, so the test's blocking client calls cannot starve it.
class ServerThread final
{
public:
    explicit ServerThread(std::atomic<int> *scrapes)
    {
        m_thread.start();
        m_context.moveToThread(&m_thread);
        QMetaObject::invokeMethod(
            &m_context,
            [this, scrapes] {
                m_server = new MetricsServer([scrapes] {
                    ++*scrapes;
                    return kBody.toByteArray();
                });
                m_listening = m_server->listen(QHostAddress::LocalHost, 0, &m_error);
                m_port = m_server->serverPort();
            },
            Qt::BlockingQueuedConnection);
    }
    ~ServerThread()
    {
        QMetaObject::invokeMethod(
            &m_context, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_context.moveToThread(nullptr);
        m_thread.quit();
        m_thread.wait();
    }
    bool listening() const { return m_listening; }
    QString error() const { return m_error; }
    quint16 port() const { return m_port; }
    int openConnections()
    {
        int open = -1;
        QMetaObject::invokeMethod(
            &m_context, [&] { open = m_server->openConnections(); }, Qt::BlockingQueuedConnection);
        return open;
    }

private:
    QThread m_thread;
    QObject m_context;
    MetricsServer *m_server = nullptr;
    bool m_listening = false;
    QString m_error;
    quint16 m_port = 0;
};

} // namespace

class TestMetricsServer : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void parseAddress_data();
    void parseAddress();
    void getMetrics();
    void headHasNoBody();
    void otherPathsAndMethodsAreRefused_data();
    void otherPathsAndMethodsAreRefused();
    void oversizedRequestIsRefused();
    void requestSplitAcrossPackets();
    void connectionsAreBounded();

private:
    std::unique_ptr<ServerThread> m_server;
    std::atomic<int> m_scrapes = 0;
};

void TestMetricsServer::init()
{
    m_scrapes = 0;
    m_server.reset();
    m_server = std::make_unique<ServerThread>(&m_scrapes);
    QVERIFY2(m_server->listening(), qPrintable(m_server->error()));
    QVERIFY(m_server->port() > 0);
}

void TestMetricsServer::parseAddress_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QString>("host");
    QTest::addColumn<int>("port");
    QTest::newRow("v4") << QStringLiteral("127.0.0.1:9464") << true << QStringLiteral("127.0.0.1") << 9464;
    QTest::newRow("any") << QStringLiteral("0.0.0.0:1") << true << QStringLiteral("0.0.0.0") << 1;
    QTest::newRow("v6") << QStringLiteral("[::1]:9464") << true << QStringLiteral("::1") << 9464;
    QTest::newRow("no port") << QStringLiteral("127.0.0.1") << false << QString() << 0;
    QTest::newRow("port 0") << QStringLiteral("127.0.0.1:0") << false << QString() << 0;
    QTest::newRow("port too big") << QStringLiteral("127.0.0.1:70000") << false << QString() << 0;
    QTest::newRow("name") << QStringLiteral("localhost:9464") << false << QString() << 0;
    QTest::newRow("empty") << QString() << false << QString() << 0;
    QTest::newRow("only port") << QStringLiteral(":9464") << false << QString() << 0;
}

void TestMetricsServer::parseAddress()
{
    QFETCH(QString, text);
    QFETCH(bool, ok);
    QHostAddress address;
    quint16 port = 0;
    QString error;
    QCOMPARE(MetricsServer::parseAddress(text, &address, &port, &error), ok);
    if (ok) {
        QCOMPARE(address, QHostAddress(QTest::currentDataTag() == QByteArray("v6")
                                           ? QStringLiteral("::1")
                                           : text.section(QLatin1Char(':'), 0, 0)));
        QFETCH(int, port);
        QCOMPARE(int(port), port);
    } else {
        QVERIFY(error.contains(QLatin1String("--metrics")));
    }
}

void TestMetricsServer::getMetrics()
{
    const QByteArray answer =
        exchange(m_server->port(), "GET /metrics HTTP/1.1\r\nHost: x\r\nAccept: text/plain\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
    QVERIFY(answer.contains("\r\nContent-Type: text/plain; version=0.0.4; charset=utf-8\r\n"));
    QVERIFY(answer.contains("\r\nContent-Length: " + QByteArray::number(kBody.size()) + "\r\n"));
    QVERIFY(answer.endsWith("\r\n\r\n" + kBody.toByteArray()));
    QCOMPARE(m_scrapes.load(), 1);
    // Prometheus adds query parameters on some setups; they do not change the answer.
    QVERIFY(exchange(m_server->port(), "GET /metrics?x=1 HTTP/1.0\r\n\r\n").startsWith("HTTP/1.1 200 OK"));
}

void TestMetricsServer::headHasNoBody()
{
    const QByteArray answer = exchange(m_server->port(), "HEAD /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
    QVERIFY2(answer.startsWith("HTTP/1.1 200 OK\r\n"), answer.constData());
    QVERIFY(answer.endsWith("\r\n\r\n"));
}

void TestMetricsServer::otherPathsAndMethodsAreRefused_data()
{
    QTest::addColumn<QByteArray>("request");
    QTest::addColumn<QByteArray>("status");
    QTest::newRow("root") << QByteArray("GET / HTTP/1.1\r\n\r\n") << QByteArray("404");
    QTest::newRow("traversal") << QByteArray("GET /../etc/passwd HTTP/1.1\r\n\r\n") << QByteArray("404");
    QTest::newRow("prefix") << QByteArray("GET /metricsx HTTP/1.1\r\n\r\n") << QByteArray("404");
    QTest::newRow("post") << QByteArray("POST /metrics HTTP/1.1\r\nContent-Length: 2\r\n\r\nhi")
                          << QByteArray("405");
    QTest::newRow("put") << QByteArray("PUT /metrics HTTP/1.1\r\n\r\n") << QByteArray("405");
    QTest::newRow("delete") << QByteArray("DELETE /metrics HTTP/1.1\r\n\r\n") << QByteArray("405");
    QTest::newRow("garbage") << QByteArray("\x16\x03\x01 hello\r\n\r\n") << QByteArray("400");
    QTest::newRow("http/2 preface") << QByteArray("PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n") << QByteArray("400");
}

void TestMetricsServer::otherPathsAndMethodsAreRefused()
{
    QFETCH(QByteArray, request);
    QFETCH(QByteArray, status);
    const QByteArray answer = exchange(m_server->port(), request);
    QVERIFY2(answer.startsWith("HTTP/1.1 " + status), answer.constData());
    QVERIFY(!answer.contains("archy_recovery_"));
    QCOMPARE(m_scrapes.load(), 0);
}

void TestMetricsServer::oversizedRequestIsRefused()
{
    const QByteArray huge =
        "GET /metrics HTTP/1.1\r\nX-Pad: " + QByteArray(MetricsServer::MaxRequestBytes * 4, 'a');
    const QByteArray answer = exchange(m_server->port(), huge);
    QVERIFY2(answer.startsWith("HTTP/1.1 431"), answer.left(80).constData());
    QCOMPARE(m_scrapes.load(), 0);
}

void TestMetricsServer::requestSplitAcrossPackets()
{
    QTcpSocket socket;
    socket.connectToHost(QHostAddress::LocalHost, m_server->port());
    QVERIFY(socket.waitForConnected(5000));
    socket.write("GET /metr");
    QVERIFY(socket.waitForBytesWritten(5000));
    // Nothing is answered before the header block is complete: 300 ms is many event-loop turns.
    QVERIFY(!socket.waitForReadyRead(300));
    socket.write("ics HTTP/1.1\r\nHost: x\r\n\r\n");
    QByteArray answer;
    while (socket.state() == QAbstractSocket::ConnectedState && socket.waitForReadyRead(5000))
        answer += socket.readAll();
    QVERIFY2(answer.startsWith("HTTP/1.1 200 OK"), answer.constData());
}

void TestMetricsServer::connectionsAreBounded()
{
    std::vector<std::unique_ptr<QTcpSocket>> idle;
    for (int i = 0; i < MetricsServer::MaxConnections; ++i) {
        idle.push_back(std::make_unique<QTcpSocket>());
        idle.back()->connectToHost(QHostAddress::LocalHost, m_server->port());
        QVERIFY(idle.back()->waitForConnected(5000));
    }
    // The server has accepted all of them before the one too many arrives.
    QTRY_COMPARE_WITH_TIMEOUT(m_server->openConnections(), MetricsServer::MaxConnections, 5000);
    QTcpSocket extra;
    QSignalSpy closed(&extra, &QTcpSocket::disconnected);
    extra.connectToHost(QHostAddress::LocalHost, m_server->port());
    QTRY_COMPARE_WITH_TIMEOUT(closed.count(), 1, 5000);
    for (auto &socket : idle)
        QCOMPARE(socket->state(), QAbstractSocket::ConnectedState);
    idle.clear();
    // Once they are gone, scrapes are served again.
    QTRY_VERIFY_WITH_TIMEOUT(
        exchange(m_server->port(), "GET /metrics HTTP/1.1\r\n\r\n").startsWith("HTTP/1.1 200 OK"), 5000);
}

QTEST_GUILESS_MAIN(TestMetricsServer)
#include "tst_metricsserver.moc"
