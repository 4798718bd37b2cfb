#pragma once

#include <QObject>
#include <QProcess>

#include "Podman.h"
#include "PodmanParse.h"

class QTimer;

namespace archy {

/**
 * Follows `podman events --format json --filter type=container` in one long-running process and
 * emits each container event. The stream starts with `--since`: from just before start() the first
 * time, from the last event seen after a restart, so nothing falls between a reconcile and the
 * moment podman is ready to stream (events may come twice; the tracker takes them so). If the
 * process dies it is started again after a doubling delay (1 s up to 10 s), and restarted() tells
 * the owner to reconcile. A heartbeat (every HeartbeatMs) finds a stream that is stopped (SIGSTOP)
 * and kills it, so it is restarted the same way: a stuck or dead stream is noticed within seconds.
 */
class EventWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EventWatcher)

public:
    explicit EventWatcher(const Podman &podman, QObject *parent = nullptr);
    ~EventWatcher() override;

    void start();
    /// Kills the stream; stopped() follows once the process is reaped (from the event loop).
    void stop();
    bool isRunning() const;
    /// stop() was called and the killed process is not reaped yet.
    bool isStopping() const { return m_dying > 0; }

    /// The podman events process, 0 if none (for tests and logs).
    qint64 processId() const;

    static constexpr int HeartbeatMs = 2000;
    /// Longest event line accepted; a longer one is dropped, so a broken stream cannot eat memory.
    static constexpr int MaxLineBytes = 1024 * 1024;

signals:
    void eventReceived(const archy::PodmanEvent &event);
    /// The stream (re)started after a gap: events in the gap are lost.
    void restarted();
    void stopped();

private:
    void launch();
    void onReadyRead();
    void onFinished();
    void checkHeartbeat();

    Podman m_podman;
    QProcess *m_process = nullptr;
    QTimer *m_restartTimer;
    QTimer *m_heartbeat;
    QByteArray m_buffer;
    int m_restartDelayMs = 1000;
    qint64 m_sinceMs = 0;
    bool m_stopped = true;
    bool m_discarding = false;
    int m_dying = 0;
};

} // namespace archy
