#pragma once

// Small helpers shared by the core tests: files, processes, and the fake podman's environment.

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <sys/stat.h>

namespace archy::test {

/// tests/data in the source tree: recorded podman output and seed files.
inline QString dataPath(const QString &name)
{
    return QDir(QStringLiteral(ARCHY_CORE_TEST_DATA_DIR)).filePath(name);
}

inline QByteArray readAll(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.readAll();
}

inline bool writeAll(const QString &path, const QByteArray &data)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return file.write(data) == data.size();
}

/// The permission bits of @p path (e.g. 0600), or -1.
inline int modeOf(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

/// True while /proc knows @p pid (a zombie counts: it was not reaped).
inline bool processExists(qint64 pid)
{
    return pid > 0 && QFile::exists(QStringLiteral("/proc/%1").arg(pid));
}

/// Lines of a JSONL-ish file, each parsed as a JSON document.
inline QList<QJsonDocument> readJsonLines(const QString &path)
{
    QList<QJsonDocument> out;
    const QList<QByteArray> lines = readAll(path).split('\n');
    for (const QByteArray &line : lines) {
        if (!line.trimmed().isEmpty())
            out.append(QJsonDocument::fromJson(line));
    }
    return out;
}

/// The seed's snapshot, exactly as serde_json::to_string wrote it.
inline QByteArray seedSnapshotJson()
{
    return QByteArrayLiteral("{\"timestamp\":1000,\"containers\":[{\"name\":\"archy-bitcoin-knots\","
                             "\"image\":\"bitcoin-knots:27.1\"},{\"name\":\"archy-mempool-web\","
                             "\"image\":\"mempool/frontend:3.0\"}]}");
}

#ifdef FAKE_PODMAN_PATH
inline QString fakePodmanPath()
{
    return QStringLiteral(FAKE_PODMAN_PATH);
}

/**
 * Points the fake podman (through the environment every child inherits) at files in @p dir, and
 * clears every behaviour variable; the destructor clears them all again.
 */
class FakePodman final
{
public:
    struct Container
    {
        QString name;
        QString image;
        QString state; ///< running, exited, created
    };

    explicit FakePodman(const QString &dir) : m_dir(dir)
    {
        clearAll();
        qputenv("FAKE_PODMAN_LOG", QFile::encodeName(logPath()));
        qputenv("FAKE_PODMAN_STATE", QFile::encodeName(statePath()));
        qputenv("FAKE_PODMAN_PIDFILE", QFile::encodeName(pidPath()));
        qputenv("FAKE_PODMAN_HANG_MAX_SEC", "30");
    }
    ~FakePodman() { clearAll(); }
    FakePodman(const FakePodman &) = delete;
    FakePodman &operator=(const FakePodman &) = delete;

    QString logPath() const { return QDir(m_dir).filePath(QStringLiteral("fakepodman.log")); }
    QString statePath() const { return QDir(m_dir).filePath(QStringLiteral("fakepodman-state.json")); }
    QString pidPath() const { return QDir(m_dir).filePath(QStringLiteral("fakepodman.pids")); }

    static void setMode(const QString &mode) { qputenv("FAKE_PODMAN_MODE", mode.toUtf8()); }
    static void setFailNames(const QString &names) { qputenv("FAKE_PODMAN_FAIL_NAMES", names.toUtf8()); }
    static void setFailTimes(const QString &spec) { qputenv("FAKE_PODMAN_FAIL_TIMES", spec.toUtf8()); }
    static void clearBehaviour()
    {
        qunsetenv("FAKE_PODMAN_MODE");
        qunsetenv("FAKE_PODMAN_FAIL_NAMES");
        qunsetenv("FAKE_PODMAN_FAIL_TIMES");
        qunsetenv("FAKE_PODMAN_NAMES_AS_STRING");
    }

    bool setContainers(const QList<Container> &containers) const
    {
        QJsonArray array;
        for (const Container &c : containers) {
            QJsonObject object;
            object.insert(QStringLiteral("name"), c.name);
            object.insert(QStringLiteral("image"), c.image);
            object.insert(QStringLiteral("state"), c.state);
            array.append(object);
        }
        QJsonObject root;
        root.insert(QStringLiteral("containers"), array);
        return writeAll(statePath(), QJsonDocument(root).toJson());
    }

    /// The state the fake keeps for @p name ("running", "exited"...), empty if unknown.
    QString stateOf(const QString &name) const
    {
        const QJsonArray array =
            QJsonDocument::fromJson(readAll(statePath())).object().value(QLatin1String("containers")).toArray();
        for (const QJsonValue &value : array) {
            const QJsonObject object = value.toObject();
            if (object.value(QLatin1String("name")).toString() == name)
                return object.value(QLatin1String("state")).toString();
        }
        return {};
    }

    /// Every invocation's arguments, in order.
    QList<QStringList> calls() const
    {
        QList<QStringList> out;
        for (const QJsonDocument &document : readJsonLines(logPath())) {
            QStringList args;
            for (const QJsonValue &value : document.array())
                args.append(value.toString());
            out.append(args);
        }
        return out;
    }

    /// Arguments of the `start` invocations only.
    QList<QStringList> startCalls() const
    {
        QList<QStringList> out;
        for (const QStringList &args : calls()) {
            if (args.value(0) == QLatin1String("start"))
                out.append(args);
        }
        return out;
    }

    QList<qint64> pids() const
    {
        QList<qint64> out;
        for (const QByteArray &line : readAll(pidPath()).split('\n')) {
            if (!line.trimmed().isEmpty())
                out.append(line.trimmed().toLongLong());
        }
        return out;
    }

private:
    static void clearAll()
    {
        clearBehaviour();
        qunsetenv("FAKE_PODMAN_LOG");
        qunsetenv("FAKE_PODMAN_STATE");
        qunsetenv("FAKE_PODMAN_PIDFILE");
    }

    QString m_dir;
};
#endif

} // namespace archy::test
