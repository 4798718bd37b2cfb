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

#include <csignal>
#include <functional>

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

inline AgentRun runOnce(const QStringList &args, int timeoutMs = 60000)
{
    QProcess process;
    process.setProgram(QStringLiteral(AGENT_PATH));
    process.setArguments(QStringList{QStringLiteral("--no-gui"), QStringLiteral("--once")} + args);
    QElapsedTimer timer;
    timer.start();
    process.start();
    AgentRun run;
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
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

/// Reads the first line-delimited JSON object of the history whose predicate holds, newest first.
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

} // namespace integration
