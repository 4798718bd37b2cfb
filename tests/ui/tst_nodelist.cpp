// The desktop's node list against a real agent (RecoveryAgent on the fake podman) served over the
// LAN by ControlServer: first-use pinning, a changed certificate refused, an unreadable token file
// fixed by editing the node, the add dialog, removal, and the window switching between nodes. On fake
// backends: the Edit, Reconnect and Trust buttons, and the tab order of the dock.
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QHostAddress>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMessageBox>
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
#include "FakeNodeFactory.h"
#include "LanBackendFactory.h"
#include "DesktopWindow.h"
#include "KioskWindow.h"
#include "MainWindow.h"
#include "NodeList.h"
#include "RemoteBackend.h"
#include "TextWrap.h"
#include "Token.h"
#include "UiSettings.h"

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
    void editFixesARefusedNode();
    void windowFollowsTheSelectedNode();
    void editDialogChangesTheNode();
    void reconnectButtonOnARefusedNode();
    void trustShowsBothFingerprintsAndPinsOnConsent();
    void tabOrderFollowsTheScreen();

private:
    QUrl lanUrl() const { return QUrl(QStringLiteral("wss://127.0.0.1:%1").arg(m_server->lanPort())); }
    static void storeNode(const QString &name, const QUrl &url, const QString &tokenFile, const QString &pin);
    static QString storedPin(int index) { return UiSettings().nodes().value(index).pinnedFingerprint; }
    static int storedCount() { return int(UiSettings().nodes().size()); }

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
    UiSettings().setNodes({{name, url, tokenFile, pin}});
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
    QCOMPARE(list.model()->index(0).data(Qt::BackgroundRole).value<QBrush>().color(),
             QColor(0xb3, 0x26, 0x1e));
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

void TestNodeList::editFixesARefusedNode()
{
    NodeList list;
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    const QString missing = QDir(m_settingsDir.path()).filePath(QStringLiteral("no-such-token"));
    RecoveryBackend *refused = list.ensureNode(lanUrl(), missing, QStringLiteral("pantry"));
    QCOMPARE(refused->connection(), Connection::Refused);
    // A refused node offers both ways out.
    QVERIFY(list.reconnectButton()->isVisible());
    QVERIFY(list.editButton()->isEnabled());

    QTest::mouseClick(list.editButton(), Qt::LeftButton);
    AddNodeDialog *dialog = list.editDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("pantry"));
    QCOMPARE(dialog->url(), lanUrl());
    QCOMPARE(dialog->tokenFile(), missing);
    dialog->tokenFileEdit()->setText(m_tokenFile);
    QVERIFY2(dialog->okButton()->isEnabled(), qPrintable(dialog->problem()));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY(!list.editDialog());

    QCOMPARE(list.count(), 1);
    QVERIFY(list.currentBackend() != refused);
    QTRY_COMPARE_WITH_TIMEOUT(list.currentBackend()->connection(), Connection::Connected, 15000);
    QCOMPARE(UiSettings().nodes().constFirst().tokenFile, m_tokenFile);
    QTRY_COMPARE(storedPin(0), m_identity.fingerprint());
    QVERIFY(!list.reconnectButton()->isVisible());
}

namespace {

const QString oldPin = QStringLiteral("AA:") + QStringLiteral("11:").repeated(30) + QStringLiteral("AA");
const QString newPin = QStringLiteral("BB:") + QStringLiteral("22:").repeated(30) + QStringLiteral("BB");

/// The widgets Tab visits from @p first, in order, until it comes back.
QList<QWidget *> tabChain(QWidget *first)
{
    QList<QWidget *> chain;
    QWidget *widget = first;
    do {
        if ((widget->focusPolicy() & Qt::TabFocus) && widget->isVisibleTo(first->window()) &&
            widget->isEnabled())
            chain.append(widget);
        widget = widget->nextInFocusChain();
    } while (widget && widget != first);
    return chain;
}

} // namespace

void TestNodeList::editDialogChangesTheNode()
{
    FakeNodeFactory factory;
    FakeBackend local;
    NodeList list;
    list.setLocalBackend(&local);
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    QCOMPARE(list.currentRow(), 0);
    QVERIFY(!list.editButton()->isEnabled()); // this node is not in the settings
    QVERIFY(list.addNode(QStringLiteral("pantry"), QUrl(QStringLiteral("wss://pantry.local:8443")),
                         QStringLiteral("/old")));
    emit factory.last()->certificatePinned(oldPin);
    QCOMPARE(storedPin(0), oldPin);
    list.setCurrentRow(1);
    QVERIFY(list.editButton()->isEnabled());

    QSignalSpy current(&list, &NodeList::currentBackendChanged);
    QTest::mouseClick(list.editButton(), Qt::LeftButton);
    AddNodeDialog *dialog = list.editDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->nameEdit()->text(), QStringLiteral("pantry"));
    QCOMPARE(dialog->urlEdit()->text(), QStringLiteral("wss://pantry.local:8443"));
    QCOMPARE(dialog->tokenFileEdit()->text(), QStringLiteral("/old"));
    dialog->nameEdit()->setText(QStringLiteral("larder"));
    dialog->urlEdit()->setText(QStringLiteral("larder.local:9443"));
    dialog->tokenFileEdit()->setText(QStringLiteral("/new"));
    QTest::mouseClick(dialog->okButton(), Qt::LeftButton);
    QTRY_VERIFY(!list.editDialog());

    // Restarted with the new values, without the old address's pin; the window follows.
    QCOMPARE(factory.made.size(), 2);
    QCOMPARE(factory.made.last().url, QUrl(QStringLiteral("wss://larder.local:9443")));
    QCOMPARE(factory.made.last().tokenFile, QStringLiteral("/new"));
    QVERIFY(factory.made.last().pinnedFingerprint.isEmpty());
    QCOMPARE(current.size(), 1);
    QCOMPARE(current.at(0).at(0).value<RecoveryBackend *>(), factory.last());
    QCOMPARE(current.at(0).at(1).toString(), QStringLiteral("larder"));
    QCOMPARE(list.nameAt(1), QStringLiteral("larder"));
    QVERIFY(list.pinnedFingerprintAt(1).isEmpty());
    const StoredNode stored = UiSettings().nodes().constFirst();
    QCOMPARE(stored.name, QStringLiteral("larder"));
    QCOMPARE(stored.url, QUrl(QStringLiteral("wss://larder.local:9443")));
    QCOMPARE(stored.tokenFile, QStringLiteral("/new"));
    QVERIFY(stored.pinnedFingerprint.isEmpty());
    QVERIFY(list.detailsLabel()->text().contains(QLatin1String("/new")));
}

void TestNodeList::reconnectButtonOnARefusedNode()
{
    FakeNodeFactory factory;
    NodeList list;
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    QVERIFY(list.addNode(QStringLiteral("pantry"), QUrl(QStringLiteral("wss://pantry.local:8443")),
                         QStringLiteral("/t")));
    FakeBackend *backend = factory.last();
    backend->reconnectable = true;
    backend->setConnection(Connection::Connected);
    QVERIFY(!list.reconnectButton()->isVisible());
    backend->setConnection(Connection::Refused, QStringLiteral("The agent refused the token."));
    QVERIFY(list.reconnectButton()->isVisible());
    QVERIFY(list.editButton()->isEnabled());
    QVERIFY(!list.trustButton()->isVisible()); // no other certificate on offer
    QTest::mouseClick(list.reconnectButton(), Qt::LeftButton);
    QCOMPARE(backend->reconnectCount, 1);
    QCOMPARE(factory.made.size(), 1);
}

void TestNodeList::trustShowsBothFingerprintsAndPinsOnConsent()
{
    FakeNodeFactory factory;
    NodeList list;
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    QVERIFY(list.addNode(QStringLiteral("pantry"), QUrl(QStringLiteral("wss://pantry.local:8443")),
                         QStringLiteral("/t")));
    emit factory.last()->certificatePinned(oldPin);
    factory.last()->presentedFingerprint = newPin;
    factory.last()->setConnection(Connection::Refused, QStringLiteral("The certificate CHANGED."));
    QVERIFY(list.trustButton()->isVisible());
    QSignalSpy pinned(&list, &NodeList::fingerprintPinned);

    const auto openBox = [&list]() -> QMessageBox * {
        QTest::mouseClick(list.trustButton(), Qt::LeftButton);
        auto *box = list.findChild<QMessageBox *>(QStringLiteral("trustCertificateConfirmation"));
        return box && box->isVisible() ? box : nullptr;
    };

    // Declined: nothing changes.
    QPointer<QMessageBox> box = openBox();
    QVERIFY(box);
    QCOMPARE(box->textFormat(), Qt::PlainText);
    QVERIFY2(box->text().contains(oldPin) && box->text().contains(newPin), qPrintable(box->text()));
    QVERIFY(box->text().indexOf(oldPin) < box->text().indexOf(newPin));
    QTest::mouseClick(box->button(QMessageBox::Cancel), Qt::LeftButton);
    QTRY_VERIFY(!box);
    QCOMPARE(list.pinnedFingerprintAt(0), oldPin);
    QCOMPARE(storedPin(0), oldPin);
    QCOMPARE(factory.made.size(), 1);
    QCOMPARE(pinned.size(), 0);

    // Accepted: the new one is pinned, stored and connected with.
    box = openBox();
    QVERIFY(box);
    QAbstractButton *trust = nullptr;
    for (QAbstractButton *button : box->buttons()) {
        if (box->buttonRole(button) == QMessageBox::AcceptRole)
            trust = button;
    }
    QVERIFY(trust);
    QTest::mouseClick(trust, Qt::LeftButton);
    QTRY_VERIFY(!box);
    QCOMPARE(list.pinnedFingerprintAt(0), newPin);
    QCOMPARE(storedPin(0), newPin);
    QCOMPARE(factory.made.size(), 2);
    QCOMPARE(factory.made.last().pinnedFingerprint, newPin);
    QCOMPARE(pinned.size(), 1);
    QVERIFY(!list.trustButton()->isVisible());
}

void TestNodeList::tabOrderFollowsTheScreen()
{
    FakeNodeFactory factory;
    NodeList list;
    list.show();
    QVERIFY(QTest::qWaitForWindowExposed(&list));
    QVERIFY(list.addNode(QStringLiteral("pantry"), QUrl(QStringLiteral("wss://pantry.local:8443")),
                         QStringLiteral("/t")));
    emit factory.last()->certificatePinned(oldPin);
    factory.last()->presentedFingerprint = newPin;
    factory.last()->setConnection(Connection::Refused, QStringLiteral("The certificate CHANGED."));
    // Every button shown and enabled: the list, then the rows of buttons top to bottom, left to right.
    const QList<QWidget *> expected = {list.view(),      list.reconnectButton(), list.trustButton(),
                                       list.addButton(), list.editButton(),      list.removeButton()};
    QCOMPARE(tabChain(list.view()), expected);
}

QTEST_MAIN(TestNodeList)
#include "tst_nodelist.moc"
