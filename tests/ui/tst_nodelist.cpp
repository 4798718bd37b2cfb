// The desktop's node list against a real agent (RecoveryAgent on the fake podman) served over the
// LAN by ControlServer: first-use pinning, a changed certificate refused, an unreadable token file,
// the add dialog, removal, and the window switching between nodes.
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSysInfo>
#include <QTemporaryDir>
#include <QtTest>

#include <memory>

#include "AddNodeDialog.h"
#include "ConnectionBanner.h"
#include "ContainerModel.h"
#include "ContainerView.h"
#include "ControlServer.h"
#include "CrashBanner.h"
#include "EngineFixture.h"
#include "LanBackendFactory.h"
#include "DesktopWindow.h"
#include "KioskWindow.h"
#include "MainWindow.h"
#include "NodeList.h"
#include "RemoteBackend.h"
#include "TextWrap.h"
#include "Token.h"

using namespace archy;
using namespace archy::test;
using Connection = RecoveryBackend::Connection;

class TestNodeList final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void firstUsePinsAndShowsTheAgent();
    void changedCertificateIsRefused();
    void unreadableTokenFile();
    void addDialogAndRemove();
    void windowFollowsTheSelectedNode();

private:
    QUrl lanUrl() const { return QUrl(QStringLiteral("wss://127.0.0.1:%1").arg(m_server->lanPort())); }
    static void storeNode(const QString &name, const QUrl &url, const QString &tokenFile, const QString &pin);
    static QString storedPin(int index);
    static int storedCount();

    QTemporaryDir m_settingsDir;
    QTemporaryDir m_identityDir;
    TlsIdentity m_identity;
    QByteArray m_token;
    QString m_tokenFile;
    std::unique_ptr<EngineFixture> m_engine;
    std::unique_ptr<ControlServer> m_server;
};

void TestNodeList::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    // Keep the tests away from the user's real settings.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
    qRegisterMetaType<RecoveryBackend::Connection>();
    // Other nodes are reached through the application's factory, as in main().
    LanBackendFactory::installDefault();
    QString error;
    m_identity = makeIdentity(m_identityDir.path(), &error);
    QVERIFY2(!m_identity.isNull(), qPrintable(error));
    m_token = Token::ensureToken(m_identityDir.path(), &error);
    QVERIFY2(!m_token.isEmpty(), qPrintable(error));
    m_tokenFile = QDir(m_identityDir.path()).filePath(Token::fileName());
}

void TestNodeList::init()
{
    QSettings().clear();
    QSettings(QStringLiteral("Archipelago"), QStringLiteral("archy-recovery")).clear();
    m_engine = std::make_unique<EngineFixture>();
    QVERIFY(m_engine->start());
    m_server = std::make_unique<ControlServer>(m_engine->agent.get());
    QString error;
    QVERIFY2(m_server->listenLan(QHostAddress::LocalHost, 0, m_identity, m_token, &error), qPrintable(error));
}

void TestNodeList::cleanup()
{
    m_server.reset();
    m_engine.reset();
}

void TestNodeList::storeNode(const QString &name, const QUrl &url, const QString &tokenFile,
                             const QString &pin)
{
    QSettings settings(QStringLiteral("Archipelago"), QStringLiteral("archy-recovery"));
    settings.beginWriteArray(NodeList::settingsKey());
    settings.setArrayIndex(0);
    settings.setValue(QStringLiteral("name"), name);
    settings.setValue(QStringLiteral("url"), url.toString());
    settings.setValue(QStringLiteral("tokenFile"), tokenFile);
    settings.setValue(QStringLiteral("pinnedFingerprint"), pin);
    settings.endArray();
}

QString TestNodeList::storedPin(int index)
{
    QSettings settings(QStringLiteral("Archipelago"), QStringLiteral("archy-recovery"));
    settings.beginReadArray(NodeList::settingsKey());
    settings.setArrayIndex(index);
    return settings.value(QStringLiteral("pinnedFingerprint")).toString();
}

int TestNodeList::storedCount()
{
    QSettings settings(QStringLiteral("Archipelago"), QStringLiteral("archy-recovery"));
    const int size = settings.beginReadArray(NodeList::settingsKey());
    settings.endArray();
    return size;
}

void TestNodeList::firstUsePinsAndShowsTheAgent()
{
    NodeList list;
    list.resize(320, 500);
    list.show();
    QSignalSpy pinned(&list, &NodeList::fingerprintPinned);
    QString error;
    QVERIFY2(list.addNode(QStringLiteral("pantry"), lanUrl(), m_tokenFile, &error), qPrintable(error));
    QCOMPARE(list.count(), 1);
    QCOMPARE(storedCount(), 1);
    QVERIFY(storedPin(0).isEmpty());

    RecoveryBackend *backend = list.backendAt(0);
    QVERIFY(qobject_cast<RemoteBackend *>(backend));
    QTRY_COMPARE_WITH_TIMEOUT(backend->connection(), Connection::Connected, 15000);
    // The same rows as the agent; at a glance: an unacknowledged crash, one of two running.
    QCOMPARE(rowsOf(backend->currentReport().containers),
             rowsOf(m_engine->agent->currentReport().containers));
    QTRY_COMPARE(list.healthAt(0), NodeList::Health::Attention);
    QVERIFY2(list.statusTextAt(0).contains(QLatin1String("1 of 2 running, 1 failed")),
             qPrintable(list.statusTextAt(0)));
    QVERIFY(list.statusTextAt(0).contains(QLatin1String("Crash not acknowledged")));

    // Trusted on first use: pinned in the settings and shown.
    QCOMPARE(pinned.size(), 1);
    QCOMPARE(pinned.at(0).at(1).toString(), m_identity.fingerprint());
    QCOMPARE(storedPin(0), m_identity.fingerprint());
    QCOMPARE(list.pinnedFingerprintAt(0), m_identity.fingerprint());
    QVERIFY(withoutBreaks(list.detailsLabel()->text()).contains(m_identity.fingerprint()));

    // Acknowledged elsewhere: the row calms down.
    m_engine->agent->acknowledgeCrash();
    QTRY_VERIFY(!list.statusTextAt(0).contains(QLatin1String("Crash")));

    // A second list (the next start) connects with the pin, and asks nothing.
    NodeList again;
    QSignalSpy pinnedAgain(&again, &NodeList::fingerprintPinned);
    again.loadNodes();
    QCOMPARE(again.count(), 1);
    QCOMPARE(again.pinnedFingerprintAt(0), m_identity.fingerprint());
    QTRY_COMPARE_WITH_TIMEOUT(again.backendAt(0)->connection(), Connection::Connected, 15000);
    QCOMPARE(pinnedAgain.size(), 0);
}

void TestNodeList::changedCertificateIsRefused()
{
    const QString wrong =
        QStringLiteral("AB:CD:") + QStringLiteral("00:").repeated(29) + QStringLiteral("EF");
    storeNode(QStringLiteral("attic"), lanUrl(), m_tokenFile, wrong);
    NodeList list;
    list.show();
    list.loadNodes();
    QCOMPARE(list.count(), 1);
    RecoveryBackend *backend = list.backendAt(0);
    QTRY_COMPARE_WITH_TIMEOUT(backend->connection(), Connection::Refused, 15000);
    QTRY_COMPARE(list.healthAt(0), NodeList::Health::Refused);
    QVERIFY(list.statusTextAt(0).contains(QLatin1String("REFUSED")));
    QVERIFY(list.statusTextAt(0).contains(QLatin1String("CHANGED")));
    QCOMPARE(list.list()->item(0)->background().color(), QColor(0xb3, 0x26, 0x1e));
    const QString details = withoutBreaks(list.detailsLabel()->text());
    QVERIFY(details.contains(wrong));
    QVERIFY(details.contains(m_identity.fingerprint()));
    // The pin is kept: a changed certificate is never re-pinned silently.
    QCOMPARE(storedPin(0), wrong);
    QCOMPARE(m_server->sessionCount(), 0);
}

void TestNodeList::unreadableTokenFile()
{
    NodeList list;
    const QString missing = QDir(m_settingsDir.path()).filePath(QStringLiteral("no-such-token"));
    RecoveryBackend *backend = list.ensureNode(lanUrl(), missing);
    QVERIFY(backend);
    QCOMPARE(backend->connection(), Connection::Refused);
    QVERIFY(backend->connectionDetail().contains(missing));
    QCOMPARE(list.healthAt(0), NodeList::Health::Refused);
    QVERIFY(list.statusTextAt(0).contains(QLatin1String("Cannot read the token file")));
    QSignalSpy errors(backend, &RecoveryBackend::errorOccurred);
    backend->retryAllFailed();
    QCOMPARE(errors.size(), 1);

    // The right file given later (the command line again): the node comes alive.
    RecoveryBackend *fixed = list.ensureNode(lanUrl(), m_tokenFile);
    QCOMPARE(list.count(), 1);
    QVERIFY(fixed != backend);
    QTRY_COMPARE_WITH_TIMEOUT(fixed->connection(), Connection::Connected, 15000);
    QCOMPARE(list.currentBackend(), fixed);
}

void TestNodeList::addDialogAndRemove()
{
    NodeList list;
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    QTest::mouseClick(list.addButton(), Qt::LeftButton);
    AddNodeDialog *dialog = list.addDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(!dialog->okButton()->isEnabled());
    dialog->nameEdit()->setText(QStringLiteral("garage"));
    dialog->urlEdit()->setText(QStringLiteral("http://nope"));
    QVERIFY(!dialog->okButton()->isEnabled());
    QVERIFY(!dialog->problem().isEmpty());
    dialog->urlEdit()->setText(QStringLiteral("127.0.0.1:%1").arg(m_server->lanPort()));
    dialog->tokenFileEdit()->setText(m_tokenFile);
    QVERIFY2(dialog->okButton()->isEnabled(), qPrintable(dialog->problem()));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY(!list.addDialog());
    QCOMPARE(list.count(), 1);
    QCOMPARE(list.nameAt(0), QStringLiteral("garage"));
    QCOMPARE(list.urlAt(0), lanUrl());
    QCOMPARE(storedCount(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(list.backendAt(0)->connection(), Connection::Connected, 15000);
    QTRY_COMPARE(m_server->sessionCount(), 1);

    // The same address twice is refused by the dialog.
    list.openAddDialog();
    list.addDialog()->urlEdit()->setText(lanUrl().toString());
    list.addDialog()->tokenFileEdit()->setText(m_tokenFile);
    QVERIFY(!list.addDialog()->okButton()->isEnabled());
    list.addDialog()->reject();

    // Removed: gone from the list and the settings, its connection closed.
    QPointer<RecoveryBackend> backend = list.backendAt(0);
    list.removeNode(0);
    QCOMPARE(list.count(), 0);
    QCOMPARE(storedCount(), 0);
    QTRY_VERIFY(!backend);
    QTRY_COMPARE(m_server->sessionCount(), 0);
}

void TestNodeList::windowFollowsTheSelectedNode()
{
    // This node: a scripted clean one; the other node: the agent over the LAN.
    EngineFixture local;
    QVERIFY(local.start());
    DesktopWindow window(local.agent.get());
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    NodeList *list = window.nodeList();
    QVERIFY(list);
    QCOMPARE(list->count(), 1); // this node only
    QVERIFY(!window.nodeDock()->isVisible());

    RecoveryBackend *remote = window.addRemoteNode(lanUrl(), m_tokenFile);
    QVERIFY(qobject_cast<RemoteBackend *>(remote));
    QVERIFY(window.nodeDock()->isVisible());
    QCOMPARE(list->count(), 2);
    QCOMPARE(list->currentRow(), 1);
    QCOMPARE(window.backend(), remote);
    QVERIFY(window.connectionBanner()->isVisible()); // connecting
    QTRY_COMPARE_WITH_TIMEOUT(window.connectionLabel()->property("connection").toInt(),
                              int(Connection::Connected), 15000);
    QTRY_COMPARE(rowsOf(archy::test::statusesOf(window.containerModel())),
                 rowsOf(m_engine->agent->currentReport().containers));
    QVERIFY(window.crashBanner()->isAlarming());
    QVERIFY(window.windowTitle().contains(lanUrl().host()));

    // A retry from the window reaches the remote agent.
    QPushButton *retry = window.containerView()->retryButton(QStringLiteral("bad"));
    QVERIFY(retry && retry->isEnabled());
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(m_engine->agent->currentReport().containers.constLast().state,
                              ContainerState::Running, 15000);

    // Back to this node.
    list->setCurrentRow(0);
    QCOMPARE(window.backend(), local.agent.get());
    QCOMPARE(window.connectionLabel()->text(), ConnectionBanner::shortText(Connection::InProcess, {}));
    // Issue 8: the window says which node it shows, this one too (by its host name), and no longer
    // the remote one.
    QVERIFY2(window.windowTitle().contains(QSysInfo::machineHostName()), qPrintable(window.windowTitle()));
    QVERIFY(window.windowTitle().contains(QStringLiteral("Archy Recovery")));
    if (!QSysInfo::machineHostName().contains(lanUrl().host()))
        QVERIFY2(!window.windowTitle().contains(lanUrl().host()), qPrintable(window.windowTitle()));

    // The same node asked for again (the command line at the next start) is not added twice.
    QCOMPARE(window.addRemoteNode(lanUrl(), m_tokenFile), remote);
    QCOMPARE(list->count(), 2);
    QCOMPARE(window.backend(), remote);

    // Removing the node shown falls back to this node before the backend goes.
    list->removeNode(1);
    QCOMPARE(window.backend(), local.agent.get());
}

QTEST_MAIN(TestNodeList)
#include "tst_nodelist.moc"
