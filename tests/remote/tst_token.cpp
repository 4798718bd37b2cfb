#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include "RemoteTestSupport.h"
#include "Token.h"

class TestToken final : public QObject
{
    Q_OBJECT

private slots:
    void madePrivateAndStable();
    void invalidFileIsAnError();
    void looseFileIsTightened();
    void constantTimeEquals_data();
    void constantTimeEquals();
};

void TestToken::madePrivateAndStable()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QString error;
    const QByteArray token = archy::Token::ensureToken(dir.path(), &error);
    QVERIFY2(!token.isEmpty(), qPrintable(error));
    QCOMPARE(token.size(), 64);
    QVERIFY(archy::Token::isValidToken(token));
    const QString path = QDir(dir.path()).filePath(archy::Token::fileName());
    QCOMPARE(archy::test::modeOf(path), 0600);
    QCOMPARE(archy::test::readAll(path).trimmed(), token);
    QCOMPARE(archy::Token::ensureToken(dir.path(), &error), token);

    QTemporaryDir other;
    QVERIFY(archy::Token::ensureToken(other.path(), &error) != token); // random, not derived
}

void TestToken::invalidFileIsAnError()
{
    QTemporaryDir dir;
    const QString path = QDir(dir.path()).filePath(archy::Token::fileName());
    QVERIFY(archy::test::writeAll(path, "not-a-token\n"));
    QString error;
    QVERIFY(archy::Token::ensureToken(dir.path(), &error).isEmpty());
    QVERIFY(error.contains(QLatin1String("64 hex")));
    QCOMPARE(archy::test::readAll(path), QByteArray("not-a-token\n")); // left for the owner
}

void TestToken::looseFileIsTightened()
{
    QTemporaryDir dir;
    const QString path = QDir(dir.path()).filePath(archy::Token::fileName());
    const QByteArray token(64, 'a');
    QVERIFY(archy::test::writeAll(path, token));
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));
    QString error;
    QCOMPARE(archy::Token::ensureToken(dir.path(), &error), token);
    QCOMPARE(archy::test::modeOf(path), 0600);
}

void TestToken::constantTimeEquals_data()
{
    QTest::addColumn<QByteArray>("a");
    QTest::addColumn<QByteArray>("b");
    QTest::addColumn<bool>("equal");
    const QByteArray token(64, 'f');
    QByteArray lastDiffers = token;
    lastDiffers[63] = 'e';
    QByteArray firstDiffers = token;
    firstDiffers[0] = '0';
    QTest::newRow("same") << token << QByteArray(token) << true;
    QTest::newRow("last differs") << token << lastDiffers << false;
    QTest::newRow("first differs") << token << firstDiffers << false;
    QTest::newRow("prefix") << token << token.left(63) << false;
    QTest::newRow("longer") << token << token + 'f' << false;
    QTest::newRow("empty vs token") << QByteArray() << token << false;
    QTest::newRow("both empty") << QByteArray() << QByteArray() << true;
}

void TestToken::constantTimeEquals()
{
    QFETCH(QByteArray, a);
    QFETCH(QByteArray, b);
    QFETCH(bool, equal);
    QCOMPARE(archy::Token::constantTimeEquals(a, b), equal);
    QCOMPARE(archy::Token::constantTimeEquals(b, a), equal);
}

QTEST_GUILESS_MAIN(TestToken)
#include "tst_token.moc"
