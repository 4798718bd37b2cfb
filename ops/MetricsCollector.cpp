#include "MetricsCollector.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QMap>

#include "recovery/RecoveryBackend.h"
#include "state/Snapshot.h"

namespace archy {

namespace {

constexpr ContainerState kStates[] = {ContainerState::Waiting, ContainerState::Starting,
                                      ContainerState::Running, ContainerState::Failed};

class Writer
{
public:
    void family(const char *name, const char *type, const char *help)
    {
        m_current = QByteArrayLiteral("archy_recovery_") + name;
        m_out += "# HELP " + m_current + ' ' + help + '\n';
        m_out += "# TYPE " + m_current + ' ' + type + '\n';
    }
    void sample(const QByteArray &labels, double value) { sample(QByteArray(), labels, value); }
    void sample(const QByteArray &suffix, const QByteArray &labels, double value)
    {
        m_out += m_current + suffix;
        if (!labels.isEmpty())
            m_out += '{' + labels + '}';
        m_out += ' ' + QByteArray::number(value, 'g', 15) + '\n';
    }
    QByteArray result() const { return m_out; }

private:
    QByteArray m_out;
    QByteArray m_current;
};

QByteArray label(const char *name, const QString &value)
{
    return QByteArray(name) + "=\"" + escapeLabelValue(value) + '"';
}

} // namespace

QByteArray escapeLabelValue(const QString &value)
{
    QByteArray out;
    const QByteArray utf8 = value.toUtf8();
    out.reserve(utf8.size());
    for (const char c : utf8) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '"')
            out += "\\\"";
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

QByteArray renderMetrics(const MetricsInput &input)
{
    Writer w;
    const RecoveryReport &report = input.report;

    w.family("agent_info", "gauge", "The running agent; always 1, the version is a label.");
    w.sample(label("version", input.version), 1);

    w.family("busy", "gauge", "1 while a container start (start-up or retry) is in flight or queued.");
    w.sample({}, input.busy ? 1 : 0);

    w.family("last_startup_crash", "gauge",
             "1 if the last start-up found that the previous run ended without a clean shutdown.");
    w.sample({}, report.crashInfo.crash ? 1 : 0);

    w.family("last_startup_timestamp_seconds", "gauge", "When the last start-up began (Unix time).");
    w.sample({}, double(report.startedAtMs) / 1000.0);

    w.family("last_startup_duration_seconds", "gauge",
             "How long the last start-up's recovery took; while it runs, how long it has been running.");
    const qint64 end = report.finishedAtMs > 0 ? report.finishedAtMs : input.nowMs;
    w.sample({}, report.startedAtMs > 0 ? double(qMax<qint64>(0, end - report.startedAtMs)) / 1000.0 : 0.0);

    w.family("last_startup_containers_before", "gauge",
             "Containers running at the snapshot the last start-up used (0 without a crash).");
    w.sample({}, report.crashInfo.containersBefore);

    w.family("containers", "gauge", "Containers of the current start-up by state.");
    QMap<ContainerState, int> byState;
    for (const ContainerStatus &status : report.containers)
        byState[status.state] += 1;
    for (const ContainerState state : kStates)
        w.sample(label("state", containerStateKey(state)), byState.value(state));

    w.family(
        "container_state", "gauge",
        "1 for the state each container of the current start-up is in (waiting, starting, running, failed).");
    for (const ContainerStatus &status : report.containers) {
        for (const ContainerState state : kStates) {
            w.sample(label("container", status.name) + ',' + label("state", containerStateKey(state)),
                     status.state == state ? 1 : 0);
        }
    }

    w.family("container_crash_loop", "gauge",
             "1 while a container is flagged as crash looping (no longer restarted automatically).");
    for (const ContainerStatus &status : report.containers)
        w.sample(label("container", status.name), status.crashLoop ? 1 : 0);

    // Counters are listed in name order so two scrapes diff cleanly.
    QStringList names = input.counters.keys();
    names.sort();
    auto counterFamily = [&](const char *family, const char *help, quint64 ContainerCounters::*field) {
        w.family(family, "counter", help);
        for (const QString &name : std::as_const(names))
            w.sample(label("container", name), double(input.counters.value(name).*field));
    };
    counterFamily("start_attempts_total", "podman start calls made for a container since the agent started.",
                  &ContainerCounters::startAttempts);
    counterFamily("start_failures_total",
                  "podman start calls that failed (podman errors) for a container since the agent started.",
                  &ContainerCounters::failedAttempts);
    counterFamily("restarts_total", "Times a container was brought back to running since the agent started.",
                  &ContainerCounters::restarts);
    counterFamily("crash_loops_total",
                  "Times a container was flagged as crash looping since the agent started.",
                  &ContainerCounters::crashLoops);

    w.family("errors_total", "counter",
             "Errors that are no container's fault (state files unwritable...) since the agent started.");
    w.sample({}, double(input.agentErrors));

    if (input.snapshotAgeSec >= 0) {
        w.family("snapshot_age_seconds", "gauge",
                 "Seconds since the snapshot of running containers was written.");
        w.sample({}, double(input.snapshotAgeSec));
        w.family("snapshot_timestamp_seconds", "gauge",
                 "When the snapshot of running containers was written (Unix time).");
        w.sample({}, double(input.snapshotTimestampSec));
    }
    return w.result();
}

MetricsCollector::MetricsCollector(RecoveryBackend *backend, QObject *parent)
    : QObject(parent), m_backend(backend)
{
    connect(backend, &RecoveryBackend::reportReset, this, [this](const RecoveryReport &report) {
        for (const ContainerStatus &status : report.containers)
            observe(status);
    });
    connect(backend, &RecoveryBackend::containerChanged, this, &MetricsCollector::observe);
    connect(backend, &RecoveryBackend::crashLoopDetected, this, &MetricsCollector::observeCrashLoop);
    connect(backend, &RecoveryBackend::errorOccurred, this, &MetricsCollector::observeError);
}

void MetricsCollector::observe(const ContainerStatus &status)
{
    ContainerCounters &counters = m_counters[status.name];
    auto seen = m_seen.find(status.name);
    const bool known = seen != m_seen.end();
    const Seen before = known ? *seen : Seen{};
    // A new start-up (or a restart after a death) begins counting attempts from its own zero.
    const int attemptsBefore = status.attempts >= before.attempts ? before.attempts : 0;
    counters.startAttempts += quint64(qMax(0, status.attempts - attemptsBefore));
    const bool wasStarting = before.state == ContainerState::Starting;
    if (wasStarting && !status.error.isEmpty() &&
        (status.state == ContainerState::Waiting || status.state == ContainerState::Failed)) {
        counters.failedAttempts += 1;
    }
    if (status.state == ContainerState::Running && before.state != ContainerState::Running &&
        status.attempts > 0)
        counters.restarts += 1;
    m_seen.insert(status.name, Seen{status.state, status.attempts});
}

void MetricsCollector::observeCrashLoop(const QString &name)
{
    m_counters[name].crashLoops += 1;
}

void MetricsCollector::observeError()
{
    m_errors += 1;
}

QByteArray MetricsCollector::exposition() const
{
    MetricsInput input;
    input.report = m_backend->currentReport();
    input.counters = m_counters;
    input.agentErrors = m_errors;
    input.busy = m_backend->isBusy();
    input.version = QCoreApplication::applicationVersion();
    input.nowMs = QDateTime::currentMSecsSinceEpoch();
    const QString dataDir = m_backend->dataDir();
    if (!dataDir.isEmpty()) {
        // One stat per scrape: cheap, and right even when another writer touched the file.
        const QFileInfo snapshot(QDir(dataDir).filePath(SnapshotStore::fileName()));
        if (snapshot.exists()) {
            const qint64 writtenMs = snapshot.lastModified().toMSecsSinceEpoch();
            input.snapshotTimestampSec = writtenMs / 1000;
            input.snapshotAgeSec = qMax<qint64>(0, (input.nowMs - writtenMs) / 1000);
        }
    }
    return renderMetrics(input);
}

} // namespace archy
