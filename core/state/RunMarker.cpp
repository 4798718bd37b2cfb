#include "RunMarker.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QList>

#include <unistd.h>

#include "DurableFile.h"

namespace archy {

namespace {

QByteArray readSmallFile(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return file.read(4096);
}

bool isSeedOrUs(const QString &executable)
{
    const QString base = QFileInfo(executable).fileName();
    return base.startsWith(QLatin1String("archy")) || base.startsWith(QLatin1String("archipelago"));
}

} // namespace

QByteArray MarkerRecord::serialize() const
{
    QByteArray out = QByteArray::number(pid) + '\n';
    out += "boot_id=" + bootId.toUtf8() + '\n';
    out += "start_ticks=" + QByteArray::number(startTicks) + '\n';
    out += "exe=" + executable.toUtf8() + '\n';
    out += "written_ms=" + QByteArray::number(writtenAtMs) + '\n';
    return out;
}

bool MarkerRecord::parse(const QByteArray &data, MarkerRecord *record)
{
    *record = MarkerRecord();
    const QList<QByteArray> lines = data.split('\n');
    bool ok = false;
    const qint64 pid = lines.value(0).trimmed().toLongLong(&ok);
    if (!ok || pid <= 0)
        return false;
    record->pid = pid;
    for (int i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        const int eq = line.indexOf('=');
        if (eq <= 0)
            continue;
        const QByteArray key = line.left(eq);
        const QByteArray value = line.mid(eq + 1);
        if (key == "boot_id")
            record->bootId = QString::fromUtf8(value);
        else if (key == "start_ticks")
            record->startTicks = value.toLongLong();
        else if (key == "exe")
            record->executable = QString::fromUtf8(value);
        else if (key == "written_ms")
            record->writtenAtMs = value.toLongLong();
        else
            continue;
        record->legacy = false;
    }
    return true;
}

MarkerRecord MarkerRecord::current()
{
    MarkerRecord record;
    record.pid = ::getpid();
    record.bootId = RunMarker::currentBootId();
    record.startTicks = RunMarker::processStartTicks(record.pid);
    record.executable = RunMarker::processExecutable(record.pid);
    record.writtenAtMs = QDateTime::currentMSecsSinceEpoch();
    record.legacy = false;
    return record;
}

namespace RunMarker {

QString currentBootId()
{
    return QString::fromLatin1(readSmallFile(QStringLiteral("/proc/sys/kernel/random/boot_id")).trimmed());
}

qint64 processStartTicks(qint64 pid)
{
    const QByteArray stat = readSmallFile(QStringLiteral("/proc/%1/stat").arg(pid));
    // The command name (field 2) may hold spaces and parentheses: fields resume after the last ')'.
    const int close = stat.lastIndexOf(')');
    if (close < 0)
        return -1;
    const QList<QByteArray> fields = stat.mid(close + 2).split(' ');
    // fields[0] is field 3 (state); starttime is field 22.
    bool ok = false;
    const qint64 ticks = fields.value(22 - 3).toLongLong(&ok);
    return ok ? ticks : -1;
}

QString processExecutable(qint64 pid)
{
    return QFileInfo(QStringLiteral("/proc/%1/exe").arg(pid)).symLinkTarget();
}

Judgement judge(const QString &path)
{
    Judgement judgement;
    QByteArray data;
    QString error;
    const DurableFile::ReadStatus status = DurableFile::read(path, 4096, &data, &error);
    if (status == DurableFile::ReadStatus::Missing) {
        // Something that was not a file (moved aside now) was never a marker we wrote.
        judgement.reason = error;
        return judgement;
    }

    judgement.verdict = Verdict::Crash;
    MarkerRecord record;
    if (status != DurableFile::ReadStatus::Ok || !MarkerRecord::parse(data, &record)) {
        judgement.reason = QCoreApplication::translate(
            "archy::RunMarker", "The run marker was left behind but is unreadable; treated as a crash.");
        return judgement;
    }
    judgement.pid = record.pid;

    if (record.pid == ::getpid()) {
        judgement.reason = QCoreApplication::translate(
                               "archy::RunMarker",
                               "The run marker names pid %1, which is now this process: the pid was reused "
                               "(new boot or pid namespace), so the previous run crashed.")
                               .arg(record.pid);
        return judgement;
    }
    if (!record.legacy && !record.bootId.isEmpty() && record.bootId != currentBootId()) {
        judgement.reason = QCoreApplication::translate(
                               "archy::RunMarker",
                               "The system was restarted while the previous run (pid %1) was still going.")
                               .arg(record.pid);
        return judgement;
    }
    const qint64 ticks = processStartTicks(record.pid);
    if (ticks < 0) {
        judgement.reason =
            QCoreApplication::translate("archy::RunMarker",
                                        "The previous run (pid %1) ended without a clean shutdown.")
                .arg(record.pid);
        return judgement;
    }
    const QString executable = processExecutable(record.pid);
    if (!record.legacy) {
        if (record.startTicks >= 0 && record.startTicks != ticks) {
            judgement.reason = QCoreApplication::translate(
                                   "archy::RunMarker",
                                   "The previous run (pid %1) ended without a clean shutdown; that pid now "
                                   "belongs to another process (%2).")
                                   .arg(record.pid)
                                   .arg(QFileInfo(executable).fileName());
            return judgement;
        }
        // Same boot, same pid, same start time, yet we hold the lock: the lock file was tampered with.
        // Never remove the marker of what may be a live instance.
        judgement.verdict = Verdict::LiveInstance;
        judgement.reason =
            QCoreApplication::translate("archy::RunMarker", "The instance with pid %1 still runs.")
                .arg(record.pid);
        return judgement;
    }
    // The seed's bare pid: the process behind it is alive. Unless it is the seed itself, started
    // before it wrote the marker, the pid was reused.
    if (!executable.isEmpty() && !isSeedOrUs(executable)) {
        judgement.reason =
            QCoreApplication::translate(
                "archy::RunMarker", "The previous run (pid %1) ended without a clean shutdown; that pid now "
                                    "belongs to an unrelated process (%2).")
                .arg(record.pid)
                .arg(QFileInfo(executable).fileName());
        return judgement;
    }
    const qint64 markerMs = QFileInfo(path).lastModified().toMSecsSinceEpoch();
    const qint64 ticksPerSecond = ::sysconf(_SC_CLK_TCK);
    bool uptimeOk = false;
    const double uptime =
        readSmallFile(QStringLiteral("/proc/uptime")).split(' ').value(0).toDouble(&uptimeOk);
    if (executable.isEmpty()) {
        // We run as the seed's user or as root, so the seed's own executable is readable: a process
        // whose executable is not (pid 1, a kernel thread) is not the seed. After a reboot on a node
        // whose clock went back, such a process can look older than the marker.
        const bool kernelThread = readSmallFile(QStringLiteral("/proc/%1/cmdline").arg(record.pid)).isEmpty();
        const qint64 bootMs = uptimeOk ? QDateTime::currentMSecsSinceEpoch() - qint64(uptime * 1000) : 0;
        if (record.pid == 1 || kernelThread || (uptimeOk && markerMs < bootMs)) {
            judgement.reason = QCoreApplication::translate(
                                   "archy::RunMarker",
                                   "The previous run (pid %1) ended without a clean shutdown; that pid now "
                                   "belongs to a process whose program cannot be read (a system process).")
                                   .arg(record.pid);
            return judgement;
        }
    }
    if (uptimeOk && ticksPerSecond > 0) {
        const qint64 bootMs = QDateTime::currentMSecsSinceEpoch() - qint64(uptime * 1000);
        const qint64 processStartMs = bootMs + ticks * 1000 / ticksPerSecond;
        if (processStartMs > markerMs + 1000) {
            judgement.reason = QCoreApplication::translate(
                                   "archy::RunMarker",
                                   "The previous run (pid %1) ended without a clean shutdown; that pid was "
                                   "reused by a process started after the marker was written.")
                                   .arg(record.pid);
            return judgement;
        }
    }
    judgement.verdict = Verdict::LiveInstance;
    judgement.reason =
        QCoreApplication::translate("archy::RunMarker",
                                    "The previous instance (pid %1, %2) still runs on this data dir.")
            .arg(record.pid)
            .arg(QFileInfo(executable).fileName());
    return judgement;
}

} // namespace RunMarker
} // namespace archy
