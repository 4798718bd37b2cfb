#pragma once

// The real engine (RecoveryAgent) on the fake podman (tests/fakepodman) after a crash: "web" runs,
// "bad" failed. Shared by the window and node list tests that need a live agent.

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

#include "RemoteTestSupport.h" // makeIdentity()
#include "recovery/RecoveryAgent.h"

namespace archy::test {

class EngineFixture final
{
public:
    EngineFixture() = default;
    EngineFixture(const EngineFixture &) = delete;
    EngineFixture &operator=(const EngineFixture &) = delete;
    ~EngineFixture()
    {
        agent.reset();
        for (const char *name : {"FAKE_PODMAN_STATE", "FAKE_PODMAN_LOG", "FAKE_PODMAN_FAIL_NAMES", "FAKE_PODMAN_MODE"})
            qunsetenv(name);
    }

    /// Starts the agent and waits for its first run to finish.
    bool start()
    {
        if (!m_dir.isValid())
            return false;
        if (!write(QStringLiteral("archipelago.pid"), "999999999\n")
            || !write(QStringLiteral("running-containers.json"),
                      R"({"timestamp":1,"containers":[{"name":"web","image":"img"},{"name":"bad","image":"img"}]})")
            || !write(QStringLiteral("podman-state.json"),
                      R"({"containers":[{"name":"web","image":"img","state":"exited"},)"
                      R"({"name":"bad","image":"img","state":"exited"}]})"))
            return false;
        qputenv("FAKE_PODMAN_STATE", m_dir.filePath(QStringLiteral("podman-state.json")).toUtf8());
        qputenv("FAKE_PODMAN_LOG", m_dir.filePath(QStringLiteral("podman.log")).toUtf8());
        qputenv("FAKE_PODMAN_FAIL_NAMES", "bad");
        qunsetenv("FAKE_PODMAN_MODE");

        AgentOptions options;
        options.dataDir = m_dir.path();
        options.podmanProgram = QStringLiteral(FAKE_PODMAN_PATH);
        options.resident = false;
        options.maxAttempts = 1;
        options.backoffInitialMs = 0;
        options.startGapSec = 0;
        agent = std::make_unique<RecoveryAgent>(options);
        if (agent->open() != RecoveryAgent::OpenResult::Ok)
            return false;
        QSignalSpy finished(agent.get(), &RecoveryBackend::reportFinished);
        agent->start();
        if (!finished.wait(15000))
            return false;
        qunsetenv("FAKE_PODMAN_FAIL_NAMES"); // fixed: a retry of bad works
        return true;
    }

    QString path(const QString &name) const { return m_dir.filePath(name); }

private:
    bool write(const QString &name, const QByteArray &data)
    {
        QFile file(m_dir.filePath(name));
        return file.open(QIODevice::WriteOnly | QIODevice::Truncate) && file.write(data) == data.size();
    }

    QTemporaryDir m_dir;

public:
    std::unique_ptr<RecoveryAgent> agent; ///< last: goes before its directory
};


/// Names and states, sorted: what a screen shows as rows (screens put problems first, so the
/// order is theirs to choose).
inline QStringList rowsOf(const QList<ContainerStatus> &containers)
{
    QStringList rows;
    for (const ContainerStatus &c : containers)
        rows << QStringLiteral("%1=%2").arg(c.name).arg(int(c.state));
    rows.sort();
    return rows;
}

/// The statuses of a model's rows, in row order.
template<typename Model>
QList<ContainerStatus> statusesOf(const Model *model)
{
    QList<ContainerStatus> statuses;
    for (int row = 0; row < model->rowCount(); ++row)
        statuses.append(model->status(row));
    return statuses;
}

} // namespace archy::test
