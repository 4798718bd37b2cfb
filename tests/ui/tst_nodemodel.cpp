// NodeModel on fake backends: rows and roles under QAbstractItemModelTester, what is stored, and
// what editing, reconnecting and trusting a new certificate do to a node's backend and pin.
#include <QAbstractItemModelTester>
#include <QBrush>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include "FakeBackend.h"
#include "FakeNodeFactory.h"
#include "NodeModel.h"
#include "UiSettings.h"

using namespace archy;
using namespace archy::test;
using Connection = RecoveryBackend::Connection;
using Health = NodeModel::Health;

namespace {

const QString oldPin = QStringLiteral("AA:") + QStringLiteral("11:").repeated(30) + QStringLiteral("AA");
const QString newPin = QStringLiteral("BB:") + QStringLiteral("22:").repeated(30) + QStringLiteral("BB");

QUrl urlOf(const char *text)
{
    return QUrl(QString::fromLatin1(text));
}

} // namespace

class TestNodeModel final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void rowsAndRoles();
    void storedNodesComeBack();
    void editChangesUrlAndTokenFile();
    void editKeepsThePinAtTheSameAddress();
    void editRefusesWhatCannotBeStored();
    void reconnectAsksTheBackend();
    void reconnectWithoutHelpMakesANewBackend();
    void trustPinsStoresAndReconnects();

private:
    QTemporaryDir m_settingsDir;
};

void TestNodeModel::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    // Keep the tests away from the user's real settings.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    qRegisterMetaType<RecoveryBackend *>();
}

void TestNodeModel::init()
{
    UiSettings settings;
    settings.setNodes({});
}

void TestNodeModel::rowsAndRoles()
{
    FakeNodeFactory factory;
    NodeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);

    FakeBackend local;
    local.setReport(makeCrashReport());
    model.setLocalBackend(&local);
    QVERIFY(model.addNode(QStringLiteral("pantry"), urlOf("wss://pantry.local:8443/"),
                          QStringLiteral("/tokens/pantry")));
    FakeBackend demo;
    demo.presetConnection(Connection::Connected);
    demo.setReport(makeCleanReport());
    model.addBackend(QStringLiteral("demo"), &demo, QStringLiteral("somewhere"));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.rowCount(model.index(0)), 0);

    // This node: the crash is not acknowledged and lnd failed.
    const QModelIndex first = model.index(0);
    QCOMPARE(first.data(NodeModel::NameRole).toString(), QStringLiteral("This node"));
    QVERIFY(first.data(NodeModel::LocalRole).toBool());
    QVERIFY(!first.data(NodeModel::StoredRole).toBool());
    QCOMPARE(first.data(NodeModel::HealthRole).toInt(), int(Health::Attention));
    QCOMPARE(first.data(NodeModel::ConnectionRole).toInt(), int(Connection::InProcess));
    QVERIFY(
        first.data(NodeModel::StatusTextRole).toString().contains(QLatin1String("1 of 4 running, 1 failed")));
    QVERIFY(first.data(Qt::DisplayRole).toString().startsWith(QLatin1String("This node\n")));
    QVERIFY(!first.data(Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!first.data(Qt::BackgroundRole).isValid());

    // The stored node: its address without the trailing slash, its own backend, connecting.
    const QModelIndex second = model.index(1);
    QCOMPARE(second.data(NodeModel::UrlRole).toUrl(), urlOf("wss://pantry.local:8443"));
    QCOMPARE(second.data(NodeModel::TokenFileRole).toString(), QStringLiteral("/tokens/pantry"));
    QVERIFY(second.data(NodeModel::PinnedFingerprintRole).toString().isEmpty());
    QVERIFY(second.data(NodeModel::StoredRole).toBool());
    QCOMPARE(second.data(NodeModel::HealthRole).toInt(), int(Health::Connecting));
    QCOMPARE(factory.made.size(), 1);
    QCOMPARE(model.backendAt(1), factory.last());
    QCOMPARE(factory.started.size(), 1);

    // Changes reach the row through dataChanged.
    QSignalSpy changed(&model, &NodeModel::dataChanged);
    factory.last()->setConnection(Connection::Refused, QStringLiteral("The token was refused. Check it."));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toModelIndex(), second);
    QCOMPARE(model.healthAt(1), Health::Refused);
    QCOMPARE(model.statusTextAt(1), QStringLiteral("REFUSED: The token was refused."));
    QCOMPARE(second.data(Qt::BackgroundRole).value<QBrush>().color(), QColor(0xb3, 0x26, 0x1e));
    QVERIFY(second.data(Qt::FontRole).value<QFont>().bold());

    // First use pins the certificate.
    QSignalSpy pinned(&model, &NodeModel::fingerprintPinned);
    emit factory.last()->certificatePinned(oldPin);
    QCOMPARE(pinned.size(), 1);
    QCOMPARE(second.data(NodeModel::PinnedFingerprintRole).toString(), oldPin);
    QCOMPARE(UiSettings().nodes().constFirst().pinnedFingerprint, oldPin);

    QCOMPARE(model.index(2).data(NodeModel::HealthRole).toInt(), int(Health::Ok));
    QCOMPARE(model.detailsAt(2).split(QLatin1Char('\n')).at(1), QStringLiteral("somewhere"));

    // This node stays; the others go, the stored one from the settings too.
    model.removeNode(0);
    QCOMPARE(model.rowCount(), 3);
    QPointer<FakeBackend> made = factory.last();
    model.removeNode(1);
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(factory.disposed.size(), 1);
    QTRY_VERIFY(!made);
    QVERIFY(UiSettings().nodes().isEmpty());
    model.removeNode(1); // the demo's backend is the caller's: not disposed
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(factory.disposed.size(), 1);
}

void TestNodeModel::storedNodesComeBack()
{
    FakeNodeFactory factory;
    {
        NodeModel model;
        QVERIFY(model.addNode(QString(), urlOf("wss://attic.local:8443"), QStringLiteral("/tokens/attic")));
        QVERIFY(model.addNode(QStringLiteral("garage"), urlOf("wss://garage.local:8443"), QString()));
        QCOMPARE(model.nameAt(0), QStringLiteral("attic.local"));
        // No token file: refused by a stand-in, which says why.
        QCOMPARE(model.healthAt(1), Health::Refused);
        QVERIFY(model.statusTextAt(1).contains(QLatin1String("No token file")));
    }
    const QList<StoredNode> stored = UiSettings().nodes();
    QCOMPARE(stored.size(), 2);
    QCOMPARE(stored.at(0), (StoredNode{QStringLiteral("attic.local"), urlOf("wss://attic.local:8443"),
                                       QStringLiteral("/tokens/attic"), QString()}));

    NodeModel again;
    QAbstractItemModelTester tester(&again, QAbstractItemModelTester::FailureReportingMode::QtTest);
    again.loadNodes();
    again.loadNodes(); // nothing twice
    QCOMPARE(again.count(), 2);
    QCOMPARE(again.nameAt(1), QStringLiteral("garage"));
    QCOMPARE(again.tokenFileAt(0), QStringLiteral("/tokens/attic"));
}

void TestNodeModel::editChangesUrlAndTokenFile()
{
    FakeNodeFactory factory;
    NodeModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QVERIFY(
        model.addNode(QStringLiteral("pantry"), urlOf("wss://pantry.local:8443"), QStringLiteral("/old")));
    emit factory.last()->certificatePinned(oldPin);
    QCOMPARE(model.pinnedFingerprintAt(0), oldPin);
    QPointer<FakeBackend> old = factory.last();

    QSignalSpy replaced(&model, &NodeModel::backendReplaced);
    QString error;
    QVERIFY2(model.editNode(0, QStringLiteral("larder"), urlOf("wss://larder.local:9443"),
                            QStringLiteral("/new"), &error),
             qPrintable(error));

    // A new backend with the new values and no pin: the old pin vouched for the old address.
    QCOMPARE(factory.made.size(), 2);
    QCOMPARE(factory.made.last().url, urlOf("wss://larder.local:9443"));
    QCOMPARE(factory.made.last().tokenFile, QStringLiteral("/new"));
    QVERIFY(factory.made.last().pinnedFingerprint.isEmpty());
    QCOMPARE(factory.started.size(), 2);
    QCOMPARE(factory.started.last(), factory.last());
    QCOMPARE(replaced.size(), 1);
    QCOMPARE(replaced.at(0).at(1).value<RecoveryBackend *>(), factory.last());
    QCOMPARE(model.backendAt(0), factory.last());
    QVERIFY(factory.disposed.contains(old.data()));
    QTRY_VERIFY(!old);

    QCOMPARE(model.nameAt(0), QStringLiteral("larder"));
    QCOMPARE(model.urlAt(0), urlOf("wss://larder.local:9443"));
    QVERIFY(model.pinnedFingerprintAt(0).isEmpty());
    QCOMPARE(UiSettings().nodes(),
             (QList<StoredNode>{{QStringLiteral("larder"), urlOf("wss://larder.local:9443"),
                                 QStringLiteral("/new"), QString()}}));

    // The new address is pinned on its first use, as a new node would be.
    emit factory.last()->certificatePinned(newPin);
    QCOMPARE(UiSettings().nodes().constFirst().pinnedFingerprint, newPin);
}

void TestNodeModel::editKeepsThePinAtTheSameAddress()
{
    FakeNodeFactory factory;
    NodeModel model;
    QVERIFY(
        model.addNode(QStringLiteral("pantry"), urlOf("wss://pantry.local:8443"), QStringLiteral("/old")));
    emit factory.last()->certificatePinned(oldPin);
    QVERIFY(model.editNode(0, QString(), urlOf("wss://pantry.local:8443/"), QStringLiteral("/fixed")));
    QCOMPARE(factory.made.size(), 2);
    QCOMPARE(factory.made.last().tokenFile, QStringLiteral("/fixed"));
    QCOMPARE(factory.made.last().pinnedFingerprint, oldPin);
    QCOMPARE(model.nameAt(0), QStringLiteral("pantry.local")); // an empty name: the host
    QCOMPARE(UiSettings().nodes().constFirst().pinnedFingerprint, oldPin);
    QCOMPARE(UiSettings().nodes().constFirst().tokenFile, QStringLiteral("/fixed"));
}

void TestNodeModel::editRefusesWhatCannotBeStored()
{
    FakeNodeFactory factory;
    NodeModel model;
    FakeBackend local;
    model.setLocalBackend(&local);
    QVERIFY(model.addNode(QStringLiteral("a"), urlOf("wss://a.local:8443"), QStringLiteral("/a")));
    QVERIFY(model.addNode(QStringLiteral("b"), urlOf("wss://b.local:8443"), QStringLiteral("/b")));
    QString error;
    QVERIFY(!model.editNode(0, QStringLiteral("x"), urlOf("wss://x.local:1"), QStringLiteral("/x"), &error));
    QVERIFY(!error.isEmpty());
    error.clear();
    QVERIFY(
        !model.editNode(1, QStringLiteral("a"), urlOf("wss://b.local:8443"), QStringLiteral("/a"), &error));
    QVERIFY(error.contains(QLatin1String("already")));
    error.clear();
    QVERIFY(!model.editNode(1, QStringLiteral("a"), urlOf("https://a.local"), QStringLiteral("/a"), &error));
    QVERIFY(error.contains(QLatin1String("wss://")));
    QCOMPARE(factory.made.size(), 2);
    QCOMPARE(model.urlAt(1), urlOf("wss://a.local:8443"));
}

void TestNodeModel::reconnectAsksTheBackend()
{
    FakeNodeFactory factory;
    NodeModel model;
    QVERIFY(model.addNode(QStringLiteral("pantry"), urlOf("wss://pantry.local:8443"), QStringLiteral("/t")));
    FakeBackend *backend = factory.last();
    backend->reconnectable = true;
    backend->setConnection(Connection::Connected);
    QVERIFY(!model.canReconnect(0));
    model.reconnect(0);
    QCOMPARE(backend->reconnectCount, 0);

    backend->setConnection(Connection::Refused, QStringLiteral("The agent refused the token."));
    QVERIFY(model.canReconnect(0));
    model.reconnect(0);
    QCOMPARE(backend->reconnectCount, 1);
    QCOMPARE(factory.made.size(), 1);
    QCOMPARE(model.backendAt(0), backend);

    // Not shown for this node, which has nothing to reconnect to.
    FakeBackend local;
    local.presetConnection(Connection::Refused);
    local.reconnectable = true;
    model.setLocalBackend(&local);
    QVERIFY(!model.canReconnect(0));
    model.reconnect(0);
    QCOMPARE(local.reconnectCount, 0);
}

void TestNodeModel::reconnectWithoutHelpMakesANewBackend()
{
    FakeNodeFactory factory;
    NodeModel model;
    QVERIFY(model.addNode(QStringLiteral("pantry"), urlOf("wss://pantry.local:8443"), QStringLiteral("/t")));
    QPointer<FakeBackend> backend = factory.last();
    backend->setConnection(Connection::Reconnecting);
    QSignalSpy replaced(&model, &NodeModel::backendReplaced);
    model.reconnect(0);
    QCOMPARE(factory.made.size(), 2);
    QCOMPARE(replaced.size(), 1);
    QTRY_VERIFY(!backend);
}

void TestNodeModel::trustPinsStoresAndReconnects()
{
    FakeNodeFactory factory;
    NodeModel model;
    QVERIFY(model.addNode(QStringLiteral("pantry"), urlOf("wss://pantry.local:8443"), QStringLiteral("/t")));
    emit factory.last()->certificatePinned(oldPin);
    factory.last()->presentedFingerprint = newPin;
    QVERIFY(!model.offersNewCertificate(0)); // not refused
    factory.last()->setConnection(Connection::Refused, QStringLiteral("The certificate CHANGED."));
    QVERIFY(model.offersNewCertificate(0));

    QSignalSpy pinned(&model, &NodeModel::fingerprintPinned);
    model.trustCertificate(0, newPin);
    QCOMPARE(pinned.size(), 1);
    QCOMPARE(model.pinnedFingerprintAt(0), newPin);
    QCOMPARE(UiSettings().nodes().constFirst().pinnedFingerprint, newPin);
    QCOMPARE(factory.made.size(), 2);
    QCOMPARE(factory.made.last().pinnedFingerprint, newPin);
    QVERIFY(!model.offersNewCertificate(0));
}

QTEST_MAIN(TestNodeModel)
#include "tst_nodemodel.moc"
