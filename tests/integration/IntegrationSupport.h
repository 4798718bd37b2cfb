#pragma once

// Helpers shared by the integration tests: run the real archy-recovery executable and read what
// it left behind.

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <QProcessEnvironment>
#include <QTemporaryDir>

#include <csignal>
#include <functional>
#include <memory>

#include <unistd.h>

#include "PodmanSandbox.h"

namespace integration {

struct AgentRun
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
    qint64 elapsedMs = 0;
};

inline QStringList dataDirArgs(const QString &dir)
{
    return {QStringLiteral("--data-dir"), dir};
}

/**
 * Starts @p process as the leader of a process group of its own. Whatever it starts (podman,
 * the fake podman, `podman events` above all) stays in that group even when the process itself
 * is SIGKILLed to fake a crash, so killProcessGroup() reaps it all and no test leaves a process
 * behind. (conmon, and so the containers, leave the group with setsid: they are the sandbox's.)
 */
inline void ownProcessGroup(QProcess &process)
{
    process.setChildProcessModifier([] { ::setpgid(0, 0); });
}

/// SIGKILL to every process still in the group @p leaderPid led (the leader may be gone already).
inline void killProcessGroup(qint64 leaderPid)
{
    if (leaderPid > 0)
        ::kill(-pid_t(leaderPid), SIGKILL);
}

/// Runs archy-recovery with @p args to the end and collects what it said.
inline AgentRun runCommand(const QStringList &args, int timeoutMs = 60000)
{
    QProcess process;
    ownProcessGroup(process);
    QElapsedTimer timer;
    timer.start();
    process.start(QStringLiteral(AGENT_PATH), args);
    const qint64 group = process.processId();
    AgentRun run;
    if (!process.waitForFinished(timeoutMs)) {
        killProcessGroup(group);
        process.waitForFinished();
        run.err = "timed out";
        return run;
    }
    run.elapsedMs = timer.elapsed();
    run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    return run;
}

/// `archy-recovery --no-gui --once ARGS`
inline AgentRun runOnce(const QStringList &args, int timeoutMs = 60000)
{
    return runCommand(QStringList{QStringLiteral("--no-gui"), QStringLiteral("--once")} + args, timeoutMs);
}

inline QJsonObject reportOf(const AgentRun &run)
{
    return QJsonDocument::fromJson(run.out).object();
}

inline QJsonObject containerIn(const QJsonObject &report, const QString &name)
{
    const QJsonArray containers = report.value(QLatin1String("containers")).toArray();
    for (const QJsonValue &value : containers) {
        if (value.toObject().value(QLatin1String("name")).toString() == name)
            return value.toObject();
    }
    return {};
}

inline void writeFile(const QString &path, const QByteArray &data)
{
    QFile file(path);
    QVERIFY2(file.open(QIODevice::WriteOnly | QIODevice::Truncate), qPrintable(path));
    QCOMPARE(file.write(data), data.size());
}

inline QByteArray seedSnapshot(const QStringList &names, const QString &image)
{
    QJsonArray containers;
    for (const QString &name : names)
        containers.append(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("image"), image}});
    return QJsonDocument(QJsonObject{{QStringLiteral("timestamp"), 1000},
                                     {QStringLiteral("containers"), containers}})
        .toJson(QJsonDocument::Compact);
}

/// A pid that surely names no process: one of ours, reaped.
inline qint64 deadPid()
{
    QProcess process;
    process.start(QStringLiteral("true"), {});
    process.waitForFinished();
    return process.processId() > 0 ? process.processId() : 999999999;
}

inline bool waitFor(const std::function<bool()> &condition, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < timeoutMs) {
        if (condition())
            return true;
        QTest::qWait(100);
    }
    return condition();
}

inline bool processAlive(qint64 pid)
{
    return ::kill(pid_t(pid), 0) == 0;
}

/// The newest line of the history in @p dataDir (the latest revision of the latest start-up).
inline QJsonObject lastHistoryEntry(const QString &dataDir)
{
    QFile history(QDir(dataDir).filePath(QStringLiteral("recovery-history.jsonl")));
    if (!history.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> lines = history.readAll().trimmed().split('\n');
    return QJsonDocument::fromJson(lines.constLast()).object();
}

/// Waits until the snapshot in @p dataDir lists (or, with @p present false, no longer lists) @p name
/// among the containers that should run.
inline bool waitForSnapshot(const QString &dataDir, const QString &name, bool present, int timeoutMs)
{
    return waitFor(
        [&] {
            QFile file(QDir(dataDir).filePath(QStringLiteral("running-containers.json")));
            if (!file.open(QIODevice::ReadOnly))
                return false;
            const QJsonArray containers =
                QJsonDocument::fromJson(file.readAll()).object().value(QLatin1String("containers")).toArray();
            bool found = false;
            for (const QJsonValue &value : containers)
                found = found || value.toObject().value(QLatin1String("name")).toString() == name;
            return found == present;
        },
        timeoutMs);
}

/**
 * What every integration test needs: an isolated podman store, a temporary dir, and the
 * archy-recovery processes it started, all cleaned up. Settings written by the processes (pins,
 * window geometry) go to a throwaway config dir, never the user's.
 */
class AgentFixture final
{
public:
    AgentFixture()
    {
        qputenv("XDG_CONFIG_HOME", m_tmp.filePath(QStringLiteral("config")).toUtf8());
        m_sandbox = std::make_unique<PodmanSandbox>();
        if (!m_sandbox->ok())
            qWarning("REAL PODMAN UNAVAILABLE, podman tests will be skipped: %s", qPrintable(m_sandbox->skipReason()));
    }
    ~AgentFixture() { cleanup(); }
    AgentFixture(const AgentFixture &) = delete;
    AgentFixture &operator=(const AgentFixture &) = delete;

    bool isValid() const { return m_tmp.isValid(); }
    PodmanSandbox &sandbox() { return *m_sandbox; }
    QString path(const QString &name) const { return m_tmp.filePath(name); }

    /// Starts archy-recovery with @p args; a GUI one runs offscreen.
    QProcess *start(const QStringList &args, bool gui = false)
    {
        auto *process = new QProcess;
        m_processes.append(process);
        if (gui) {
            QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
            process->setProcessEnvironment(environment);
        } else {
            process->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        }
        ownProcessGroup(*process);
        process->start(QStringLiteral(AGENT_PATH), args);
        m_groups.append(process->processId());
        return process;
    }

    /// Kills what a test left running and removes its containers.
    void cleanup()
    {
        // Also what the processes started and left when a test SIGKILLed them to fake a crash.
        for (const qint64 group : std::as_const(m_groups))
            killProcessGroup(group);
        m_groups.clear();
        for (QProcess *process : std::as_const(m_processes)) {
            if (process->state() != QProcess::NotRunning)
                process->waitForFinished();
            delete process;
        }
        m_processes.clear();
        if (m_sandbox && m_sandbox->ok())
            m_sandbox->podman({QStringLiteral("rm"), QStringLiteral("-af"), QStringLiteral("-t0")});
    }

private:
    QTemporaryDir m_tmp;
    std::unique_ptr<PodmanSandbox> m_sandbox;
    QList<QProcess *> m_processes;
    QList<qint64> m_groups;
};

} // namespace integration

/// QSKIP (which must run in the test function) when podman cannot run a container here.
#define ARCHY_REQUIRE_PODMAN(fixture)                                                                        \
    do {                                                                                                     \
        if (!(fixture).sandbox().ok())                                                                       \
            QSKIP(qPrintable(QStringLiteral("podman cannot run a container here: ") + (fixture).sandbox().skipReason())); \
    } while (false)
