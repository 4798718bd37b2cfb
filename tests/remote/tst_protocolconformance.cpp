// Runs the examples of docs/protocol.md against a real agent over the local socket: the document
// and the implementation cannot drift apart. Also checks the document's HMAC test vector.

#include <QFile>
#include <QRegularExpression>
#include <QTest>

#include "ControlServer.h"
#include "RemoteTestSupport.h"

using namespace archy;
using namespace archy::test;

namespace {

QString documentPath()
{
    return QStringLiteral(ARCHY_SOURCE_DIR "/docs/protocol.md");
}

/// The ```protocol-example blocks of the document, each as its lines.
QList<QStringList> exampleBlocks()
{
    QFile file(documentPath());
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<QStringList> blocks;
    bool inside = false;
    for (const QString &line : QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'))) {
        if (!inside && line.trimmed() == QLatin1String("```protocol-example")) {
            inside = true;
            blocks.append(QStringList());
        } else if (inside && line.trimmed() == QLatin1String("```")) {
            inside = false;
        } else if (inside && !line.trimmed().isEmpty()) {
            blocks.last().append(line.trimmed());
        }
    }
    return blocks;
}

/// "…" matches anything; an object matches when every member shown matches.
bool matches(const QJsonValue &pattern, const QJsonValue &value)
{
    if (pattern.isString() && pattern.toString() == QStringLiteral("\u2026"))
        return !value.isUndefined();
    if (pattern.isObject()) {
        if (!value.isObject())
            return false;
        const QJsonObject p = pattern.toObject();
        const QJsonObject v = value.toObject();
        for (auto it = p.begin(); it != p.end(); ++it) {
            if (!matches(it.value(), v.value(it.key())))
                return false;
        }
        return true;
    }
    if (pattern.isArray()) {
        const QJsonArray p = pattern.toArray();
        const QJsonArray v = value.toArray();
        if (!value.isArray() || p.size() != v.size())
            return false;
        for (qsizetype i = 0; i < p.size(); ++i) {
            if (!matches(p.at(i), v.at(i)))
                return false;
        }
        return true;
    }
    return pattern == value;
}

QJsonObject parse(const QString &json)
{
    return QJsonDocument::fromJson(json.toUtf8()).object();
}

} // namespace

class TestProtocolConformance : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase() { registerRemoteTypes(); }
    void documentHasExamples();
    void example_data();
    void example();
    void hmacTestVector();
};

void TestProtocolConformance::documentHasExamples()
{
    const QList<QStringList> blocks = exampleBlocks();
    QVERIFY2(blocks.size() >= 5, qPrintable(documentPath()));
    for (const QStringList &block : blocks) {
        for (const QString &line : block) {
            QVERIFY2(line.startsWith(QLatin1String("C: ")) || line.startsWith(QLatin1String("S: ")) ||
                         line == QLatin1String("-- closed"),
                     qPrintable(line));
            if (line.startsWith(QLatin1String("C: ")) || line.startsWith(QLatin1String("S: ")))
                QVERIFY2(!parse(line.mid(3)).isEmpty(), qPrintable(line));
        }
    }
}

void TestProtocolConformance::example_data()
{
    QTest::addColumn<QStringList>("lines");
    const QList<QStringList> blocks = exampleBlocks();
    for (int i = 0; i < blocks.size(); ++i)
        QTest::newRow(qPrintable(QStringLiteral("example %1").arg(i + 1))) << blocks.at(i);
}

void TestProtocolConformance::example()
{
    QFETCH(QStringList, lines);
    AgentFixture fixture;
    QVERIFY(fixture.start());
    ControlServer server(fixture.agent.get());
    QString error;
    QVERIFY2(server.listenLocal(fixture.socketPath(), QString(), &error), qPrintable(error));

    RawLocalClient client(fixture.socketPath());
    QVERIFY(client.waitConnected());
    int next = 0; // messages before this index were matched or skipped
    QStringList ids;
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1String("C: "))) {
            const QJsonObject message = parse(line.mid(3));
            if (message.value(QLatin1String("id")).isString() &&
                Protocol::typeOf(message) != Protocol::Type::hello())
                ids.append(message.value(QLatin1String("id")).toString());
            client.send(message);
        } else if (line.startsWith(QLatin1String("S: "))) {
            const QJsonObject pattern = parse(line.mid(3));
            int found = -1;
            const bool matched = QTest::qWaitFor(
                [&] {
                    for (int i = next; i < client.received.messages.size(); ++i) {
                        if (matches(pattern, client.received.messages.at(i))) {
                            found = i;
                            return true;
                        }
                    }
                    return false;
                },
                10000);
            if (!matched || found < 0) {
                QStringList got;
                for (const QJsonObject &message : client.received.messages)
                    got << QString::fromUtf8(Protocol::encode(message)).left(300);
                QFAIL(qPrintable(
                    QStringLiteral("expected %1\nreceived:\n%2").arg(line, got.join(QLatin1Char('\n')))));
            }
            next = found + 1;
        } else if (line == QLatin1String("-- closed")) {
            QVERIFY2(client.waitClosed(5000), "the agent did not close the connection");
        }
    }
    // Each command was answered exactly once: wait briefly for stray second answers (the agent
    // answers synchronously, so 300 ms after the last expected message is ample).
    QTest::qWait(300);
    for (const QString &id : ids) {
        int answers = 0;
        for (const QJsonObject &message : client.received.messages) {
            const QString type = Protocol::typeOf(message);
            if (Protocol::idOf(message) == id &&
                (type == Protocol::Type::result() || type == Protocol::Type::error() ||
                 type == Protocol::Type::history()))
                ++answers;
        }
        if (!client.closed)
            QVERIFY2(answers == 1,
                     qPrintable(QStringLiteral("command %1 got %2 answers").arg(id).arg(answers)));
    }
    QCOMPARE(client.received.garbage, 0);
}

void TestProtocolConformance::hmacTestVector()
{
    QFile file(documentPath());
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QString text = QString::fromUtf8(file.readAll()).simplified();
    const QRegularExpression clientRe(QStringLiteral("client proof `([0-9a-f]{64})`"));
    const QRegularExpression serverRe(QStringLiteral("server proof `([0-9a-f]{64})`"));
    const QString documentedClient = clientRe.match(text).captured(1);
    const QString documentedServer = serverRe.match(text).captured(1);
    QVERIFY(!documentedClient.isEmpty());
    QVERIFY(!documentedServer.isEmpty());
    const QByteArray token = QByteArray("0123456789abcdef").repeated(4);
    const QString serverNonce(64, QLatin1Char('a'));
    const QString clientNonce(64, QLatin1Char('b'));
    QStringList pairs;
    for (int i = 0; i < 32; ++i)
        pairs << QStringLiteral("AB");
    const QString fingerprint = pairs.join(QLatin1Char(':'));
    QCOMPARE(Protocol::clientProof(token, serverNonce, clientNonce, fingerprint), documentedClient);
    QCOMPARE(Protocol::serverProof(token, serverNonce, clientNonce, fingerprint), documentedServer);
    QVERIFY(Protocol::clientProof(token, serverNonce, clientNonce, fingerprint) !=
            Protocol::clientProof(token, serverNonce, clientNonce, QStringLiteral("CD")));
}

QTEST_GUILESS_MAIN(TestProtocolConformance)
#include "tst_protocolconformance.moc"
