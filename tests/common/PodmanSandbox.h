#pragma once

#include <QByteArray>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

#include <memory>

// An isolated podman store for integration tests (C++ twin of tests/podman/sandbox.sh).
//
// The constructor creates a temporary directory holding storage.conf (vfs driver, graphroot and
// runroot inside it) and containers.conf (runc, cgroupfs, netns "none", file events/locks, tmp_dir
// inside it), points CONTAINERS_STORAGE_CONF / CONTAINERS_CONF of the current process at them
// (qputenv, so every child process such as the agent under test inherits them), imports the
// busybox image image() and checks that a container can really run. The machine's own
// containers and images are never visible to, or touched by, anything using the sandbox.
//
//     PodmanSandbox sb;
//     if (!sb.ok())
//         QSKIP(qPrintable(sb.skipReason()));
//     QVERIFY(sb.run(QStringLiteral("web")));
//     QVERIFY(sb.kill(QStringLiteral("web")));
//     QCOMPARE(sb.state(QStringLiteral("web")), QStringLiteral("exited"));
//
// The destructor removes every container and image of the store, deletes the directory and
// restores the previous values of the two environment variables. Use one sandbox at a time
// per process (the environment is process-wide).
class PodmanSandbox
{
public:
    explicit PodmanSandbox(const QString &podmanBinary = QStringLiteral("podman"));
    ~PodmanSandbox();

    PodmanSandbox(const PodmanSandbox &) = delete;
    PodmanSandbox &operator=(const PodmanSandbox &) = delete;

    // False if podman cannot run a container here; skipReason() then says why.
    bool ok() const { return m_ok; }
    QString skipReason() const { return m_skipReason; }

    QString dir() const;                 // the store's root directory
    QString image() const;               // "localhost/archy-test-busybox:latest"
    QString podmanPath() const { return m_podman; } // absolute path of podman
    QString storageConf() const;         // value of CONTAINERS_STORAGE_CONF
    QString containersConf() const;      // value of CONTAINERS_CONF
    // The current environment plus the two variables, for QProcess::setProcessEnvironment.
    QProcessEnvironment environment() const;

    // podman run -d --name NAME EXTRA... IMAGE CMD...; true if exit code 0.
    bool run(const QString &name, const QStringList &extraRunArgs = {},
             const QStringList &cmd = {QStringLiteral("sleep"), QStringLiteral("100000")});
    // podman inspect --format {{.State.Status}}: "running", "exited", "created", ...; empty if
    // the container does not exist.
    QString state(const QString &name);
    bool kill(const QString &name);      // podman kill NAME (SIGKILL, like a crash)
    bool stop(const QString &name);      // podman stop -t 0 NAME
    QStringList running();               // names of running containers

    // Runs podman synchronously in the sandbox; returns stdout. exitCode gets the exit code
    // (-1 if it could not start, crashed or timed out), stdErr its stderr.
    QByteArray podman(const QStringList &args, int *exitCode = nullptr, QByteArray *stdErr = nullptr,
                      int timeoutMs = 120000);

    // Stderr of the last podman call that failed (for QVERIFY2 messages).
    QString lastError() const { return m_lastError; }

private:
    bool setUp();
    bool writeConfigs();
    bool buildRootfsTar(const QString &tarPath);
    void cleanUp();

    std::unique_ptr<QTemporaryDir> m_tmp;
    QString m_podman;
    bool m_ok = false;
    QString m_skipReason;
    QString m_lastError;
    QByteArray m_oldConf, m_oldStorageConf;
    bool m_hadConf = false, m_hadStorageConf = false;
    bool m_envSet = false;
};
