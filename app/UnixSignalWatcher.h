#pragma once

#include <QObject>

class QSocketNotifier;

namespace archy {

/**
 * Turns SIGTERM/SIGINT (and SIGHUP) into Qt signals: the handler only writes a byte to a socketpair,
 * and a QSocketNotifier reads it in the event loop, where anything may be done safely.
 *
 * SIGHUP's default action would kill the agent uncleanly (marker left, events child orphaned); it is
 * caught and reported as hangupReceived() instead.
 */
class UnixSignalWatcher final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UnixSignalWatcher)

public:
    explicit UnixSignalWatcher(QObject *parent = nullptr);
    ~UnixSignalWatcher() override;

    bool isValid() const { return m_notifier != nullptr; }

signals:
    void terminationRequested(int signalNumber);
    void hangupReceived();

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace archy
