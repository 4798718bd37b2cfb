#pragma once

#include <QObject>

class QSocketNotifier;

namespace archy {

/**
 * Turns SIGTERM/SIGINT into a Qt signal: the handler only writes a byte to a socketpair, and a
 * QSocketNotifier reads it in the event loop, where anything may be done safely.
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

private:
    void onReadable();

    QSocketNotifier *m_notifier = nullptr;
};

} // namespace archy
