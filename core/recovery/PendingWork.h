#pragma once

#include <QObject>

namespace archy {

/**
 * Counts the work a shutdown has to wait for: file writes on the thread pool, podman calls, runs.
 * Each piece calls begin() when it starts and end() when it is over; idle() follows, from the event
 * loop, whenever the count drops to zero, so the callback that ended one piece can start the next
 * one first.
 */
class PendingWork final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PendingWork)

public:
    explicit PendingWork(QObject *parent = nullptr);
    ~PendingWork() override;

    void begin();
    void end();
    bool isIdle() const { return m_count == 0; }
    int count() const { return m_count; }

signals:
    void idle();

private:
    int m_count = 0;
};

} // namespace archy
