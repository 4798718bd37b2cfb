#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include "RemoteTestSupport.h"
#include "TlsIdentity.h"

using archy::TlsIdentity;

class TestTlsIdentity final : public QObject
{
    Q_OBJECT

private slots:
    void selfSignedIsMadeOnceAndPrivate();
    void loadErrors();
    void callbackDroppedWithReceiver();
};

void TestTlsIdentity::selfSignedIsMadeOnceAndPrivate()
{
    QTemporaryDir dir;
    QString error;
    const TlsIdentity identity = archy::test::makeIdentity(dir.path(), &error);
    QVERIFY2(!identity.isNull(), qPrintable(error));
    const QString cert = QDir(dir.path()).filePath(TlsIdentity::certFileName());
    const QString key = QDir(dir.path()).filePath(TlsIdentity::keyFileName());
    QCOMPARE(archy::test::modeOf(cert), 0600);
    QCOMPARE(archy::test::modeOf(key), 0600);
    QVERIFY(QRegularExpression(QStringLiteral("^([0-9A-F]{2}:){31}[0-9A-F]{2}$")).match(identity.fingerprint()).hasMatch());
    QVERIFY(identity.certificate().subjectInfo(QSslCertificate::CommonName).contains(QStringLiteral("archy-recovery")));
    QCOMPARE(identity.privateKey().algorithm(), QSsl::Ec);
    // No work files left behind.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden).size(), 2);

    const QDateTime modified = QFileInfo(cert).lastModified();
    const TlsIdentity again = archy::test::makeIdentity(dir.path(), &error);
    QCOMPARE(again.fingerprint(), identity.fingerprint());
    QCOMPARE(QFileInfo(cert).lastModified(), modified);

    const TlsIdentity loaded = TlsIdentity::load(cert, key, &error);
    QCOMPARE(loaded.fingerprint(), identity.fingerprint());
}

void TestTlsIdentity::loadErrors()
{
    QTemporaryDir dir;
    const QString cert = QDir(dir.path()).filePath(QStringLiteral("c.pem"));
    const QString key = QDir(dir.path()).filePath(QStringLiteral("k.pem"));
    QString error;
    QVERIFY(TlsIdentity::load(cert, key, &error).isNull());
    QVERIFY(error.contains(cert));
    QVERIFY(archy::test::writeAll(cert, "garbage"));
    QVERIFY(archy::test::writeAll(key, "garbage"));
    QVERIFY(TlsIdentity::load(cert, key, &error).isNull());
    QVERIFY(!error.isEmpty());

    // A certificate in the data dir without its key is not silently replaced.
    QVERIFY(archy::test::writeAll(QDir(dir.path()).filePath(TlsIdentity::certFileName()), "garbage"));
    const TlsIdentity identity = archy::test::makeIdentity(dir.path(), &error);
    QVERIFY(identity.isNull());
    QVERIFY(!error.isEmpty());
}

void TestTlsIdentity::callbackDroppedWithReceiver()
{
    QTemporaryDir dir;
    bool called = false;
    {
        QObject receiver;
        TlsIdentity::ensureSelfSigned(dir.path(), &receiver, [&](const TlsIdentity &, const QString &) { called = true; });
    }
    QTest::qWait(300);
    QVERIFY(!called);
}

QTEST_GUILESS_MAIN(TestTlsIdentity)
#include "tst_tlsidentity.moc"
