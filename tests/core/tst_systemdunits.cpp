// Containers that systemd manages (label PODMAN_SYSTEMD_UNIT, set by quadlet and by
// `podman generate systemd` units) come back through `systemctl start UNIT`, never `podman start`.
// systemd is not PID 1 on the test machines: a fake systemctl records what it is asked.

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <unistd.h>

#include "TestSupport.h"
#include "recovery/RecoveryAgent.h"
#include "recovery/RecoveryPlan.h"
#include "state/RunMarker.h"
#include "state/Snapshot.h"

using namespace archy;
using archy::test::FakePodman;
using archy::test::readAll;
using archy::test::writeAll;

namespace {

ContainerStatus find(const RecoveryReport &report, const QString &name)
{
    for (const ContainerStatus &status : report.containers) {
        if (status.name == name)
            return status;
    }
    return {};
}

} // namespace

class TestSystemdUnits final : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void init();
    void unitNameFromLabel_data();
    void unitNameFromLabel();
    void labelledContainerIsStartedBySystemctl();
    void failingUnitIsReportedWithSystemdsError();

private:
    AgentOptions options() const;
    /// A fake systemctl: logs its arguments, one invocation per line; exits FAKE_SYSTEMCTL_EXIT.
    void writeFakeSystemctl();
    void writeState(const QJsonArray &containers);
    bool runStartup(RecoveryAgent &agent, RecoveryReport *report);
    QString path(const QString &name) const { return QDir(m_dir->path()).filePath(name); }
    QStringList systemctlCalls() const;
    QStringList podmanStarts() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<QTemporaryDir> m_fakeDir;
    std::unique_ptr<FakePodman> m_fake;
};

void TestSystemdUnits::initTestCase()
{
    qRegisterMetaType<ContainerStatus>();
    qRegisterMetaType<RecoveryReport>();
}

void TestSystemdUnits::init()
{
    m_fake.reset(); // its destructor clears the environment the next one sets
    m_dir = std::make_unique<QTemporaryDir>();
    m_fakeDir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid() && m_fakeDir->isValid());
    m_fake = std::make_unique<FakePodman>(m_fakeDir->path());
    qunsetenv("FAKE_SYSTEMCTL_EXIT");
    writeFakeSystemctl();
}

AgentOptions TestSystemdUnits::options() const
{
    AgentOptions o;
    o.dataDir = path(QStringLiteral("data"));
    o.podmanProgram = archy::test::fakePodmanPath();
    o.systemctlProgram = QDir(m_fakeDir->path()).filePath(QStringLiteral("systemctl"));
    o.snapshotDelaySec = 3600;
    o.snapshotIntervalSec = 3600;
    o.startGapSec = 0;
    o.startTimeoutSec = 5;
    o.podmanTimeoutSec = 5;
    o.maxAttempts = 2;
    o.backoffInitialMs = 50;
    o.backoffMaxMs = 100;
    o.resident = false;
    return o;
}

void TestSystemdUnits::writeFakeSystemctl()
{
    const QString script = QDir(m_fakeDir->path()).filePath(QStringLiteral("systemctl"));
    const QString log = QDir(m_fakeDir->path()).filePath(QStringLiteral("systemctl.log"));
    QVERIFY(writeAll(
        script, QStringLiteral(
                    "#!/bin/sh\n"
                    "echo \"$*\" >> '%1'\n"
                    "code=${FAKE_SYSTEMCTL_EXIT:-0}\n"
                    "if [ \"$code\" != 0 ]; then\n"
                    "  echo \"Job for $3 failed because the control process exited with error code.\" >&2\n"
                    "fi\n"
                    "exit \"$code\"\n")
                    .arg(log)
                    .toUtf8()));
    QVERIFY(QFile::setPermissions(script,
                                  QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
}

void TestSystemdUnits::writeState(const QJsonArray &containers)
{
    QVERIFY(writeAll(m_fake->statePath(),
                     QJsonDocument(QJsonObject{{QStringLiteral("containers"), containers}}).toJson()));
}

bool TestSystemdUnits::runStartup(RecoveryAgent &agent, RecoveryReport *report)
{
    if (agent.open() != RecoveryAgent::OpenResult::Ok)
        return false;
    QSignalSpy finished(&agent, &RecoveryAgent::reportFinished);
    agent.start();
    if (!finished.wait(20000))
        return false;
    *report = finished.at(0).at(0).value<RecoveryReport>();
    return true;
}

QStringList TestSystemdUnits::systemctlCalls() const
{
    const QString text =
        QString::fromUtf8(readAll(QDir(m_fakeDir->path()).filePath(QStringLiteral("systemctl.log"))));
    return text.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

QStringList TestSystemdUnits::podmanStarts() const
{
    QStringList starts;
    const QList<QByteArray> lines = readAll(m_fake->logPath()).split('\n');
    for (const QByteArray &line : lines) {
        const QJsonArray args = QJsonDocument::fromJson(line).array();
        if (args.contains(QStringLiteral("start")))
            starts.append(QString::fromUtf8(line));
    }
    return starts;
}

void TestSystemdUnits::unitNameFromLabel_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("unit");
    QTest::newRow("quadlet") << QStringLiteral("app.service") << QStringLiteral("app.service");
    QTest::newRow("generate systemd")
        << QStringLiteral("container-web.service") << QStringLiteral("container-web.service");
    QTest::newRow("template") << QStringLiteral("pod@x.service") << QStringLiteral("pod@x.service");
    QTest::newRow("escaped") << QStringLiteral("a\\x2db.service") << QStringLiteral("a\\x2db.service");
    QTest::newRow("option") << QStringLiteral("--all.service") << QString();
    QTest::newRow("path") << QStringLiteral("/etc/x.service") << QString();
    QTest::newRow("glob") << QStringLiteral("*.service") << QString();
    QTest::newRow("two units") << QStringLiteral("a.service b.service") << QString();
    QTest::newRow("not a service") << QStringLiteral("app.timer") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestSystemdUnits::unitNameFromLabel()
{
    QFETCH(QString, label);
    QFETCH(QString, unit);
    QMap<QString, QString> labels;
    if (!label.isEmpty())
        labels.insert(QStringLiteral("PODMAN_SYSTEMD_UNIT"), label);
    QCOMPARE(RecoveryPlan::systemdUnitOf(labels), unit);
}

void TestSystemdUnits::labelledContainerIsStartedBySystemctl()
{
    writeState(QJsonArray{
        QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                    {QStringLiteral("image"), QStringLiteral("img:1")},
                    {QStringLiteral("state"), QStringLiteral("exited")},
                    {QStringLiteral("labels"),
                     QJsonObject{{QStringLiteral("PODMAN_SYSTEMD_UNIT"), QStringLiteral("app.service")}}}},
        QJsonObject{{QStringLiteral("name"), QStringLiteral("plain")},
                    {QStringLiteral("image"), QStringLiteral("img:1")},
                    {QStringLiteral("state"), QStringLiteral("exited")}}});
    QVERIFY(QDir().mkpath(path(QStringLiteral("data"))));
    QVERIFY(writeAll(QDir(path(QStringLiteral("data"))).filePath(RunMarker::fileName()), "999999999"));
    QVERIFY(writeAll(
        QDir(path(QStringLiteral("data"))).filePath(SnapshotStore::fileName()),
        R"({"timestamp":1000,"containers":[{"name":"app","image":"img:1"},{"name":"plain","image":"img:1"}]})"));

    RecoveryAgent agent(options());
    RecoveryReport report;
    QVERIFY(runStartup(agent, &report));
    QVERIFY(report.crashInfo.crash);

    const QString expected = ::geteuid() == 0 ? QStringLiteral("start -- app.service")
                                              : QStringLiteral("--user start -- app.service");
    QCOMPARE(systemctlCalls(), QStringList{expected});
    // podman started the plain container, and never the one systemd manages.
    const QStringList starts = podmanStarts();
    QCOMPARE(starts.size(), 1);
    QVERIFY2(starts.constFirst().contains(QLatin1String("\"plain\"")),
             qPrintable(starts.join(QLatin1Char('\n'))));
    QVERIFY(!starts.constFirst().contains(QLatin1String("\"app\"")));

    const ContainerStatus app = find(report, QStringLiteral("app"));
    QCOMPARE(app.state, ContainerState::Running);
    QVERIFY2(app.note.contains(QLatin1String("app.service is active")), qPrintable(app.note));
    QCOMPARE(find(report, QStringLiteral("plain")).state, ContainerState::Running);
}

void TestSystemdUnits::failingUnitIsReportedWithSystemdsError()
{
    writeState(QJsonArray{
        QJsonObject{{QStringLiteral("name"), QStringLiteral("app")},
                    {QStringLiteral("image"), QStringLiteral("img:1")},
                    {QStringLiteral("state"), QStringLiteral("exited")},
                    {QStringLiteral("labels"),
                     QJsonObject{{QStringLiteral("PODMAN_SYSTEMD_UNIT"), QStringLiteral("app.service")}}}}});
    QVERIFY(QDir().mkpath(path(QStringLiteral("data"))));
    QVERIFY(writeAll(QDir(path(QStringLiteral("data"))).filePath(RunMarker::fileName()), "999999999"));
    QVERIFY(writeAll(QDir(path(QStringLiteral("data"))).filePath(SnapshotStore::fileName()),
                     R"({"timestamp":1000,"containers":[{"name":"app","image":"img:1"}]})"));
    qputenv("FAKE_SYSTEMCTL_EXIT", "1");

    RecoveryAgent agent(options());
    RecoveryReport report;
    QVERIFY(runStartup(agent, &report));
    qunsetenv("FAKE_SYSTEMCTL_EXIT");

    const ContainerStatus app = find(report, QStringLiteral("app"));
    QCOMPARE(app.state, ContainerState::Failed);
    QCOMPARE(app.attempts, 2); // retried like any start, through systemd both times
    QVERIFY2(app.error.contains(QLatin1String("Job for app.service failed")), qPrintable(app.error));
    QCOMPARE(systemctlCalls().size(), 2);
    QVERIFY(podmanStarts().isEmpty());
}

QTEST_GUILESS_MAIN(TestSystemdUnits)
#include "tst_systemdunits.moc"
