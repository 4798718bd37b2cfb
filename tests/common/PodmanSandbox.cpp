#include "PodmanSandbox.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>
#include <cerrno>

#include <sys/mount.h>
#include <unistd.h>

namespace {

const QLatin1String kImage("localhost/archy-test-busybox:latest");
const QLatin1String kBusybox("/bin/busybox");

// A TOML basic string.
QString tomlString(const QString &s)
{
    QString e = s;
    e.replace(QLatin1String("\\"), QLatin1String("\\\\"));
    e.replace(QLatin1String("\""), QLatin1String("\\\""));
    return QLatin1Char('"') + e + QLatin1Char('"');
}

bool writeFile(const QString &path, const QString &text)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(text.toUtf8()) >= 0;
}

// Mount points at or below `dir` (from /proc/self/mountinfo), deepest first.
QStringList mountsBelow(const QString &dir)
{
    QStringList result;
    QFile f(QStringLiteral("/proc/self/mountinfo"));
    if (!f.open(QIODevice::ReadOnly))
        return result;
    const QString prefix = dir + QLatin1Char('/');
    for (const QByteArray &line : f.readAll().split('\n')) {
        const QList<QByteArray> fields = line.split(' ');
        if (fields.size() < 5)
            continue;
        QByteArray mp = fields.at(4);
        mp.replace("\\040", " ").replace("\\011", "\t").replace("\\012", "\n").replace("\\134", "\\");
        const QString mountPoint = QFile::decodeName(mp);
        if (mountPoint.startsWith(prefix))
            result << mountPoint;
    }
    std::sort(result.begin(), result.end(), [](const QString &a, const QString &b) { return a.size() > b.size(); });
    return result;
}

} // namespace

PodmanSandbox::PodmanSandbox(const QString &podmanBinary)
{
    m_podman = podmanBinary.contains(QLatin1Char('/')) ? podmanBinary : QStandardPaths::findExecutable(podmanBinary);
    if (m_podman.isEmpty() || !QFileInfo(m_podman).isExecutable()) {
        m_skipReason = QStringLiteral("podman not found (%1): install podman to run this test").arg(podmanBinary);
        return;
    }
    m_ok = setUp();
}

PodmanSandbox::~PodmanSandbox()
{
    cleanUp();
}

QString PodmanSandbox::dir() const
{
    return m_tmp ? m_tmp->path() : QString();
}

QString PodmanSandbox::image() const
{
    return kImage;
}

QString PodmanSandbox::storageConf() const
{
    return dir() + QLatin1String("/storage.conf");
}

QString PodmanSandbox::containersConf() const
{
    return dir() + QLatin1String("/containers.conf");
}

QProcessEnvironment PodmanSandbox::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("CONTAINERS_STORAGE_CONF"), storageConf());
    env.insert(QStringLiteral("CONTAINERS_CONF"), containersConf());
    return env;
}

bool PodmanSandbox::setUp()
{
    m_tmp = std::make_unique<QTemporaryDir>(QDir::tempPath() + QLatin1String("/archy-podman-XXXXXX"));
    if (!m_tmp->isValid()) {
        m_skipReason = QStringLiteral("cannot create a temporary directory: %1").arg(m_tmp->errorString());
        return false;
    }
    if (!writeConfigs()) {
        m_skipReason = QStringLiteral("cannot write the sandbox configuration in %1").arg(dir());
        return false;
    }

    m_hadConf = qEnvironmentVariableIsSet("CONTAINERS_CONF");
    m_hadStorageConf = qEnvironmentVariableIsSet("CONTAINERS_STORAGE_CONF");
    m_oldConf = qgetenv("CONTAINERS_CONF");
    m_oldStorageConf = qgetenv("CONTAINERS_STORAGE_CONF");
    qputenv("CONTAINERS_CONF", QFile::encodeName(containersConf()));
    qputenv("CONTAINERS_STORAGE_CONF", QFile::encodeName(storageConf()));
    m_envSet = true;

    const QString tarPath = dir() + QLatin1String("/busybox-rootfs.tar");
    if (!buildRootfsTar(tarPath))
        return false; // m_skipReason set

    int rc = -1;
    QByteArray errOut;
    podman({QStringLiteral("import"), QStringLiteral("--quiet"), QStringLiteral("--change"), QStringLiteral("ENV PATH=/bin"),
            tarPath, kImage},
           &rc, &errOut);
    QFile::remove(tarPath);
    if (rc != 0) {
        m_skipReason = QStringLiteral("podman import of the busybox image failed (exit %1): %2")
                           .arg(rc)
                           .arg(QString::fromLocal8Bit(errOut).trimmed());
        return false;
    }

    // Can a container really run here (runtime, cgroups, namespaces)?
    podman({QStringLiteral("run"), QStringLiteral("--rm"), kImage, QStringLiteral("true")}, &rc, &errOut);
    if (rc != 0) {
        m_skipReason = QStringLiteral("podman cannot run a container on this machine (exit %1): %2")
                           .arg(rc)
                           .arg(QString::fromLocal8Bit(errOut).trimmed());
        return false;
    }
    return true;
}

bool PodmanSandbox::writeConfigs()
{
    const QString d = dir();
    for (const char *sub : {"graph", "run", "tmp", "cni"}) {
        if (!QDir().mkpath(d + QLatin1Char('/') + QLatin1String(sub)))
            return false;
    }
    const QString storage = QStringLiteral("[storage]\n"
                                           "driver = \"vfs\"\n"
                                           "graphroot = %1\n"
                                           "runroot = %2\n")
                                .arg(tomlString(d + QLatin1String("/graph")), tomlString(d + QLatin1String("/run")));
    const QString containers =
        QStringLiteral("[containers]\n"
                       "netns = \"none\"\n"
                       "default_ulimits = [\"nofile=1024:1024\", \"nproc=1024:1024\"]\n"
                       "log_driver = \"k8s-file\"\n"
                       "\n"
                       "[network]\n"
                       "network_config_dir = %1\n"
                       "\n"
                       "[engine]\n"
                       "runtime = \"runc\"\n"
                       "cgroup_manager = \"cgroupfs\"\n"
                       "events_logger = \"file\"\n"
                       "tmp_dir = %2\n"
                       "lock_type = \"file\"\n"
                       "image_copy_tmp_dir = %2\n")
            .arg(tomlString(d + QLatin1String("/cni")), tomlString(d + QLatin1String("/tmp")));
    return writeFile(storageConf(), storage) && writeFile(containersConf(), containers);
}

bool PodmanSandbox::buildRootfsTar(const QString &tarPath)
{
    const QString busybox = qEnvironmentVariableIsSet("ARCHY_BUSYBOX") ? qEnvironmentVariable("ARCHY_BUSYBOX") : QString(kBusybox);
    if (!QFileInfo(busybox).isExecutable()) {
        m_skipReason = QStringLiteral("%1 not found: install the busybox-static package").arg(busybox);
        return false;
    }
    const QString tar = QStandardPaths::findExecutable(QStringLiteral("tar"));
    if (tar.isEmpty()) {
        m_skipReason = QStringLiteral("tar not found");
        return false;
    }
    const QString root = dir() + QLatin1String("/rootfs");
    for (const char *sub : {"bin", "etc", "tmp", "proc", "sys", "dev", "root"}) {
        if (!QDir().mkpath(root + QLatin1Char('/') + QLatin1String(sub))) {
            m_skipReason = QStringLiteral("cannot create %1").arg(root);
            return false;
        }
    }
    QFile::setPermissions(root + QLatin1String("/tmp"), QFileDevice::Permissions(0x7777)); // rwx for all
    if (!QFile::copy(busybox, root + QLatin1String("/bin/busybox"))) {
        m_skipReason = QStringLiteral("cannot copy %1").arg(busybox);
        return false;
    }

    QProcess list;
    list.start(busybox, {QStringLiteral("--list")});
    if (!list.waitForFinished(30000) || list.exitCode() != 0) {
        m_skipReason = QStringLiteral("%1 --list failed").arg(busybox);
        return false;
    }
    const QList<QByteArray> applets = list.readAllStandardOutput().split('\n');
    for (const QByteArray &applet : applets) {
        const QByteArray name = applet.trimmed();
        if (name.isEmpty() || name == "busybox" || name.contains('/'))
            continue;
        const QByteArray link = QFile::encodeName(root + QLatin1String("/bin/")) + name;
        if (::symlink("busybox", link.constData()) != 0 && errno != EEXIST) {
            m_skipReason = QStringLiteral("cannot create the applet symlink %1").arg(QFile::decodeName(link));
            return false;
        }
    }
    writeFile(root + QLatin1String("/etc/passwd"),
              QStringLiteral("root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n"));
    writeFile(root + QLatin1String("/etc/group"), QStringLiteral("root:x:0:\nnogroup:x:65534:\n"));

    QProcess tarProc;
    tarProc.start(tar, {QStringLiteral("--numeric-owner"), QStringLiteral("--owner=0"), QStringLiteral("--group=0"),
                        QStringLiteral("-C"), root, QStringLiteral("-cf"), tarPath, QStringLiteral(".")});
    const bool tarOk = tarProc.waitForFinished(60000) && tarProc.exitStatus() == QProcess::NormalExit && tarProc.exitCode() == 0;
    QDir(root).removeRecursively();
    if (!tarOk) {
        m_skipReason = QStringLiteral("tar of the busybox rootfs failed: %1")
                           .arg(QString::fromLocal8Bit(tarProc.readAllStandardError()).trimmed());
        return false;
    }
    return true;
}

QByteArray PodmanSandbox::podman(const QStringList &args, int *exitCode, QByteArray *stdErr, int timeoutMs)
{
    QProcess p;
    if (m_tmp)
        p.setProcessEnvironment(environment());
    p.start(m_podman, args);
    int rc = -1;
    if (!p.waitForStarted(10000)) {
        m_lastError = QStringLiteral("cannot start %1: %2").arg(m_podman, p.errorString());
    } else if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished(5000);
        m_lastError = QStringLiteral("podman %1 timed out after %2 ms").arg(args.join(QLatin1Char(' '))).arg(timeoutMs);
    } else if (p.exitStatus() != QProcess::NormalExit) {
        m_lastError = QStringLiteral("podman %1 crashed").arg(args.join(QLatin1Char(' ')));
    } else {
        rc = p.exitCode();
    }
    const QByteArray out = p.readAllStandardOutput();
    const QByteArray err = p.readAllStandardError();
    if (rc != 0 && !err.isEmpty())
        m_lastError = QStringLiteral("podman %1: %2").arg(args.join(QLatin1Char(' ')), QString::fromLocal8Bit(err).trimmed());
    if (exitCode)
        *exitCode = rc;
    if (stdErr)
        *stdErr = err;
    return out;
}

bool PodmanSandbox::run(const QString &name, const QStringList &extraRunArgs, const QStringList &cmd)
{
    QStringList args{QStringLiteral("run"), QStringLiteral("-d"), QStringLiteral("--name"), name};
    args << extraRunArgs << kImage << cmd;
    int rc = -1;
    podman(args, &rc);
    return rc == 0;
}

QString PodmanSandbox::state(const QString &name)
{
    int rc = -1;
    const QByteArray out = podman({QStringLiteral("inspect"), QStringLiteral("--type"), QStringLiteral("container"),
                                   QStringLiteral("--format"), QStringLiteral("{{.State.Status}}"), name},
                                  &rc);
    return rc == 0 ? QString::fromUtf8(out).trimmed() : QString();
}

bool PodmanSandbox::kill(const QString &name)
{
    int rc = -1;
    podman({QStringLiteral("kill"), name}, &rc);
    return rc == 0;
}

bool PodmanSandbox::stop(const QString &name)
{
    int rc = -1;
    podman({QStringLiteral("stop"), QStringLiteral("-t"), QStringLiteral("0"), name}, &rc);
    return rc == 0;
}

QStringList PodmanSandbox::running()
{
    int rc = -1;
    const QByteArray out = podman({QStringLiteral("ps"), QStringLiteral("--format"), QStringLiteral("{{.Names}}")}, &rc);
    if (rc != 0)
        return {};
    return QString::fromUtf8(out).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
}

void PodmanSandbox::cleanUp()
{
    if (!m_tmp)
        return;
    if (m_tmp->isValid() && QFileInfo::exists(containersConf())) {
        podman({QStringLiteral("rm"), QStringLiteral("-af"), QStringLiteral("-t0")}, nullptr, nullptr, 60000);
        podman({QStringLiteral("rmi"), QStringLiteral("-af")}, nullptr, nullptr, 60000);
        // A container whose removal failed may still have its shm tmpfs mounted below the store.
        for (const QString &mp : mountsBelow(dir()))
            ::umount2(QFile::encodeName(mp).constData(), MNT_DETACH);
        // vfs layers contain read-only directories: make everything writable before deleting.
        QDirIterator it(dir(), QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System,
                        QDirIterator::Subdirectories);
        while (it.hasNext()) {
            const QFileInfo fi(it.next());
            if (fi.isDir() && !fi.isSymLink())
                QFile::setPermissions(fi.filePath(), fi.permissions() | QFileDevice::WriteOwner | QFileDevice::ReadOwner |
                                                         QFileDevice::ExeOwner);
        }
        QFile::setPermissions(dir(), QFileInfo(dir()).permissions() | QFileDevice::WriteOwner);
    }
    m_tmp->remove();
    m_tmp.reset();
    if (m_envSet) {
        if (m_hadConf)
            qputenv("CONTAINERS_CONF", m_oldConf);
        else
            qunsetenv("CONTAINERS_CONF");
        if (m_hadStorageConf)
            qputenv("CONTAINERS_STORAGE_CONF", m_oldStorageConf);
        else
            qunsetenv("CONTAINERS_STORAGE_CONF");
        m_envSet = false;
    }
}
