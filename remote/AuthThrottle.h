#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QString>

namespace archy {

/**
 * Slows down guessing on the LAN: after a failed authentication from an address, its answers wait
 * initialMs, doubling per failure up to maxMs. maxMs stays below the client's handshake timeout
 * (10 s), so a stranger behind the same address (NAT) delays the owner but cannot lock them out.
 * The table is bounded: at most maxEntries addresses (the least recently failing one is forgotten
 * first), and an address is forgotten memoryMs after its last failure.
 */
class AuthThrottle final
{
public:
    AuthThrottle(int initialMs = 500, int maxMs = 4000, int maxEntries = 1024,
                 qint64 memoryMs = 15 * 60 * 1000);

    void setPenalty(int initialMs, int maxMs);
    /// How long a hello from @p address waits now before it is judged (0: at once).
    int waitMs(const QString &address) const;
    /// Records a failure; returns how long its refusal waits.
    int failed(const QString &address);
    void succeeded(const QString &address);
    int size() const { return int(m_entries.size()); }
    int maxMs() const { return m_maxMs; }

private:
    struct Entry
    {
        int failures = 0;
        qint64 untilMs = 0;
        qint64 lastFailureMs = 0;
    };
    void forgetOld();

    int m_initialMs;
    int m_maxMs;
    int m_maxEntries;
    qint64 m_memoryMs;
    QHash<QString, Entry> m_entries;
    QElapsedTimer m_clock;
};

} // namespace archy
