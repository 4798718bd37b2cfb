// One agent, two screens: the kiosk attached on the local socket and an admin's desktop over the
// LAN show the same recovery; a retry pressed on either runs once on the agent and both update.

#include <QFile>
#include <QHostAddress>
#include <QPointer>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "ContainerModel.h"
#include "ContainerView.h"
#include "ControlServer.h"
#include "EngineFixture.h"
#include "DesktopWindow.h"
#include "KioskWindow.h"
#include "MainWindow.h"
#include "RemoteBackend.h"
#include "Token.h"

using namespace archy;

namespace {

int startsOf(const QString &logPath, const QString &name)
{
    QFile log(logPath);
    if (!log.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray needle = "\"start\",\"--\",\"" + name.toUtf8() + "\"";
    return int(log.readAll().count(needle));
}

ContainerState stateIn(const MainWindow &window, const QString &name)
{
    const ContainerModel *model = window.containerModel();
    const int row = model->rowOf(name);
    return row < 0 ? ContainerState::Waiting : model->status(row).state;
}

} // namespace

class TestTwoScreens : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void retryOnEitherScreenRunsOnceAndBothUpdate_data();
    void retryOnEitherScreenRunsOnceAndBothUpdate();

private:
    QTemporaryDir m_settingsDir;
};

void TestTwoScreens::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    // The desktop window reads the stored nodes and saves its geometry: never the user's real ones.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settingsDir.path());
}

void TestTwoScreens::retryOnEitherScreenRunsOnceAndBothUpdate_data()
{
    QTest::addColumn<bool>("pressOnKiosk");
    QTest::newRow("pressed on the kiosk") << true;
    QTest::newRow("pressed on the LAN desktop") << false;
}

void TestTwoScreens::retryOnEitherScreenRunsOnceAndBothUpdate()
{
    QFETCH(bool, pressOnKiosk);
    test::EngineFixture engine;
    QVERIFY(engine.start());

    ControlServer server(engine.agent.get());
    QString error;
    QVERIFY2(server.listenLocal(engine.path(QStringLiteral("control.sock")), QStringLiteral("archy-admin"),
                                &error),
             qPrintable(error));
    const TlsIdentity identity = test::makeIdentity(engine.path(QString()), &error);
    QVERIFY2(!identity.isNull(), qPrintable(error));
    const QByteArray token = Token::ensureToken(engine.path(QString()), &error);
    QVERIFY2(!token.isEmpty(), qPrintable(error));
    QVERIFY2(server.listenLan(QHostAddress::LocalHost, 0, identity, token, &error), qPrintable(error));

    std::unique_ptr<RemoteBackend> local(RemoteBackend::local(engine.path(QStringLiteral("control.sock"))));
    std::unique_ptr<RemoteBackend> lan(RemoteBackend::lan(
        QUrl(QStringLiteral("wss://127.0.0.1:%1").arg(server.lanPort())), token, identity.fingerprint()));
    KioskWindow kiosk(local.get());
    DesktopWindow desktop(lan.get());
    kiosk.showForMode();
    desktop.show();
    local->start();
    lan->start();
    QTRY_VERIFY_WITH_TIMEOUT(local->hasState() && lan->hasState(), 15000);

    // The same recovery on both screens, as the agent has it.
    const QStringList agentRows = test::rowsOf(engine.agent->currentReport().containers);
    QCOMPARE(test::rowsOf(test::statusesOf(kiosk.containerModel())), agentRows);
    QCOMPARE(test::rowsOf(test::statusesOf(desktop.containerModel())), agentRows);
    QCOMPARE(stateIn(kiosk, QStringLiteral("bad")), ContainerState::Failed);

    const QString log = engine.path(QStringLiteral("podman.log"));
    const int startsBefore = startsOf(log, QStringLiteral("bad"));
    MainWindow &pressed = pressOnKiosk ? static_cast<MainWindow &>(kiosk) : desktop;
    QPointer<QPushButton> retry = pressed.containerView()->retryButton(QStringLiteral("bad"));
    QVERIFY(retry);
    QTRY_VERIFY(retry->isEnabled());
    QTest::mouseClick(retry, Qt::LeftButton);

    QTRY_COMPARE_WITH_TIMEOUT(stateIn(kiosk, QStringLiteral("bad")), ContainerState::Running, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(stateIn(desktop, QStringLiteral("bad")), ContainerState::Running, 15000);
    QCOMPARE(engine.agent->currentReport().failed(), QStringList());
    QTest::qWait(300); // nothing more arrives
    QCOMPARE(startsOf(log, QStringLiteral("bad")), startsBefore + 1);
    QVERIFY(!kiosk.containerView()->retryButton(QStringLiteral("bad")));
    QVERIFY(!desktop.containerView()->retryButton(QStringLiteral("bad")));
}

QTEST_MAIN(TestTwoScreens)
#include "tst_twoscreens.moc"
