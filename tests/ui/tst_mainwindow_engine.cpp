// The window driving the real engine (RecoveryAgent) against the fake podman (tests/fakepodman):
// what a person sees after a crash, and a retry clicked through to the history file.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

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
#include "RemoteBackend.h"
#include "recovery/RecoveryAgent.h"
#include "state/History.h"

using namespace archy;

namespace {

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
}

QList<QJsonObject> historyLines(const QString &path)
{
    QList<QJsonObject> lines;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    for (const QByteArray &line : file.readAll().split('\n')) {
        if (!line.trimmed().isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    }
    return lines;
}

QString resultOf(const QJsonObject &report, const QString &name)
{
    for (const QJsonValue &value : report.value(QLatin1String("containers")).toArray()) {
        if (value.toObject().value(QLatin1String("name")).toString() == name)
            return value.toObject().value(QLatin1String("result")).toString();
    }
    return {};
}

ContainerState stateOf(const ContainerModel *model, const QString &name)
{
    return model->status(model->rowOf(name)).state;
}

} // namespace

class TestMainWindowEngine final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void cleanup();
    void crashThenRetryRecovers_data();
    void crashThenRetryRecovers();
    void attachedToLocalAgent();

private:
    QTemporaryDir m_settingsDir;
    QScopedPointer<QTemporaryDir> m_dir;
};

void TestMainWindowEngine::initTestCase()
{
    QVERIFY(m_settingsDir.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settingsDir.path());
    QVERIFY(QFile::exists(QStringLiteral(FAKE_PODMAN_PATH)));
    // Other nodes are reached through the application's factory, as in main().
    LanBackendFactory::installDefault();
}

void TestMainWindowEngine::init()
{
    m_dir.reset(new QTemporaryDir);
    QVERIFY(m_dir->isValid());
    // A crash: the previous run's marker names a process that cannot exist.
    QVERIFY(writeFile(m_dir->filePath(QStringLiteral("archipelago.pid")), "999999999\n"));
    QVERIFY(writeFile(
        m_dir->filePath(QStringLiteral("running-containers.json")),
        R"({"timestamp":1,"containers":[{"name":"web","image":"img"},{"name":"bad","image":"img"}]})"));
    const QString state = m_dir->filePath(QStringLiteral("podman-state.json"));
    QVERIFY(writeFile(state, R"({"containers":[{"name":"web","image":"img","state":"exited"},)"
                             R"({"name":"bad","image":"img","state":"exited"}]})"));
    qputenv("FAKE_PODMAN_STATE", state.toUtf8());
    qputenv("FAKE_PODMAN_LOG", m_dir->filePath(QStringLiteral("podman.log")).toUtf8());
    qputenv("FAKE_PODMAN_FAIL_NAMES", "bad");
    qunsetenv("FAKE_PODMAN_MODE");
}

void TestMainWindowEngine::cleanup()
{
    for (const char *name :
         {"FAKE_PODMAN_STATE", "FAKE_PODMAN_LOG", "FAKE_PODMAN_FAIL_NAMES", "FAKE_PODMAN_MODE"})
        qunsetenv(name);
    m_dir.reset();
}

void TestMainWindowEngine::crashThenRetryRecovers_data()
{
    QTest::addColumn<bool>("resident");
    QTest::newRow("once") << false;
    QTest::newRow("resident") << true;
}

void TestMainWindowEngine::crashThenRetryRecovers()
{
    QFETCH(bool, resident);
    AgentOptions options;
    options.dataDir = m_dir->path();
    options.podmanProgram = QStringLiteral(FAKE_PODMAN_PATH);
    options.resident = resident;
    options.maxAttempts = 1;
    options.backoffInitialMs = 0;
    options.startGapSec = 0;

    RecoveryAgent agent(options);
    QCOMPARE(agent.open(), RecoveryAgent::OpenResult::Ok);
    DesktopWindow window(&agent);
    window.resize(1000, 600);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    QSignalSpy finished(&agent, &RecoveryBackend::reportFinished);
    agent.start();
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);

    // The crash is on the banner, web runs, bad failed with its Retry button.
    QVERIFY(window.crashBanner()->isAlarming());
    QVERIFY(window.crashBanner()->acknowledgeButton()->isVisible());
    ContainerModel *model = window.containerModel();
    QCOMPARE(model->rowCount(), 2);
    QCOMPARE(stateOf(model, QStringLiteral("web")), ContainerState::Running);
    QCOMPARE(stateOf(model, QStringLiteral("bad")), ContainerState::Failed);
    QVERIFY(!window.containerView()->retryButton(QStringLiteral("web")));
    QPointer<QPushButton> retry = window.containerView()->retryButton(QStringLiteral("bad"));
    QVERIFY(retry);
    QVERIFY(retry->isVisible());
    QVERIFY(retry->isEnabled());
    QVERIFY(!model->index(model->rowOf(QStringLiteral("bad")), 0)
                 .data(ContainerModel::ErrorRole)
                 .toString()
                 .isEmpty());

    const QString historyPath = m_dir->filePath(History::fileName());
    const int linesBefore = int(historyLines(historyPath).size());
    QVERIFY(linesBefore >= 1);

    // Fixed: the fake is a new process per call, so the changed environment applies to the next one.
    qunsetenv("FAKE_PODMAN_FAIL_NAMES");
    qputenv("FAKE_PODMAN_MODE", "start=slow:800");
    QTest::mouseClick(retry, Qt::LeftButton);

    // In flight: the button stays, disabled, and the row waits or starts.
    QVERIFY(!retry.isNull());
    QVERIFY(!retry->isEnabled());
    QTRY_VERIFY_WITH_TIMEOUT(stateOf(model, QStringLiteral("bad")) == ContainerState::Waiting ||
                                 stateOf(model, QStringLiteral("bad")) == ContainerState::Starting,
                             5000);
    if (QPushButton *inFlight = window.containerView()->retryButton(QStringLiteral("bad")))
        QVERIFY(!inFlight->isEnabled());
    QVERIFY(!window.retryAllButton()->isEnabled());

    QTRY_COMPARE_WITH_TIMEOUT(stateOf(model, QStringLiteral("bad")), ContainerState::Running, 15000);
    QVERIFY(!window.containerView()->retryButton(QStringLiteral("bad")));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 2, 15000);

    // The retry is on record: a new revision of the same start-up, bad recovered.
    QList<QJsonObject> lines;
    QTRY_VERIFY_WITH_TIMEOUT((lines = historyLines(historyPath)).size() > linesBefore, 5000);
    const QJsonObject last = lines.constLast();
    QVERIFY(last.value(QLatin1String("revision")).toInt() >= 1);
    QCOMPARE(last.value(QLatin1String("id")).toString(),
             lines.constFirst().value(QLatin1String("id")).toString());
    QCOMPARE(resultOf(last, QStringLiteral("bad")), QStringLiteral("recovered"));
    QCOMPARE(resultOf(last, QStringLiteral("web")), QStringLiteral("recovered"));
    QVERIFY(window.containerModel()->summaryText().contains(QLatin1String("2")));

    if (resident) {
        QSignalSpy stopped(&agent, &RecoveryAgent::shutdownFinished);
        agent.shutdown();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.size(), 1, 10000);
    }
}

// The kiosk attached to the agent's local socket: the same rows as in-process; the agent going
// away leaves the rows on screen but disables retries; a new agent on the same path reloads all.
void TestMainWindowEngine::attachedToLocalAgent()
{
    using Connection = RecoveryBackend::Connection;
    archy::test::EngineFixture engine;
    QVERIFY(engine.start());
    QTemporaryDir socketDir;
    const QString socketPath = socketDir.filePath(QStringLiteral("control.sock"));
    auto server = std::make_unique<ControlServer>(engine.agent.get());
    QString error;
    QVERIFY2(server->listenLocal(socketPath, QStringLiteral("archy-admin"), &error), qPrintable(error));

    DesktopWindow inProcess(engine.agent.get());
    std::unique_ptr<RemoteBackend> remote(RemoteBackend::local(socketPath));
    remote->setTimeouts(2000, 50, 200);
    KioskWindow window(remote.get());
    window.resize(800, 480);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.connectionBanner()->isVisible());
    QVERIFY(!window.crashBanner()->isVisible()); // nothing to say before the first state
    remote->start();

    QTRY_COMPARE_WITH_TIMEOUT(remote->connection(), Connection::Connected, 10000);
    QTRY_VERIFY(!window.connectionBanner()->isVisible());
    QVERIFY(window.connectionLabel()->isVisible());
    QCOMPARE(archy::test::rowsOf(archy::test::statusesOf(window.containerModel())),
             archy::test::rowsOf(archy::test::statusesOf(inProcess.containerModel())));
    QCOMPARE(window.containerModel()->rowCount(), 2);
    QVERIFY(window.crashBanner()->isVisible());
    QVERIFY(window.crashBanner()->isAlarming());
    QPointer<QPushButton> retry = window.containerView()->retryButton(QStringLiteral("bad"));
    QVERIFY(retry && retry->isEnabled());

    // The agent goes away.
    server.reset();
    QTRY_COMPARE_WITH_TIMEOUT(remote->connection(), Connection::Reconnecting, 10000);
    QVERIFY(window.connectionBanner()->isVisible());
    QVERIFY(window.connectionBanner()->title().contains(QLatin1String("reconnecting")));
    QVERIFY(!window.connectionBanner()->details().isEmpty());
    QCOMPARE(window.containerModel()->rowCount(), 2);
    retry = window.containerView()->retryButton(QStringLiteral("bad"));
    QVERIFY(retry && !retry->isEnabled());
    QVERIFY(!window.retryAllButton()->isEnabled());

    // Meanwhile the agent moved on: bad was retried and runs now.
    QSignalSpy finished(engine.agent.get(), &RecoveryBackend::reportFinished);
    engine.agent->retry(QStringLiteral("bad"));
    QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
    QCOMPARE(stateOf(window.containerModel(), QStringLiteral("bad")),
             ContainerState::Failed); // stale, as it must be

    server = std::make_unique<ControlServer>(engine.agent.get());
    QVERIFY2(server->listenLocal(socketPath, QStringLiteral("archy-admin"), &error), qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(remote->connection(), Connection::Connected, 10000);
    QTRY_VERIFY(!window.connectionBanner()->isVisible());
    QTRY_COMPARE(stateOf(window.containerModel(), QStringLiteral("bad")), ContainerState::Running);
    QCOMPARE(archy::test::rowsOf(archy::test::statusesOf(window.containerModel())),
             archy::test::rowsOf(engine.agent->currentReport().containers));
    QVERIFY(window.retryAllButton()->isEnabled() == (window.containerModel()->retryableCount() > 0));
    QVERIFY(window.commandsEnabled());
}

QTEST_MAIN(TestMainWindowEngine)
#include "tst_mainwindow_engine.moc"
