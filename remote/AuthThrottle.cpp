#include "AuthThrottle.h"

namespace archy {

AuthThrottle::AuthThrottle(int initialMs, int maxMs, int maxEntries, qint64 memoryMs)
    : m_initialMs(qMax(0, initialMs)), m_maxMs(qMax(m_initialMs, maxMs)), m_maxEntries(qMax(1, maxEntries)),
      m_memoryMs(memoryMs)
{
    m_clock.start();
}

void AuthThrottle::setPenalty(int initialMs, int maxMs)
{
    m_initialMs = qMax(0, initialMs);
    m_maxMs = qMax(m_initialMs, maxMs);
}

int AuthThrottle::waitMs(const QString &address) const
{
    const auto it = m_entries.constFind(address);
    if (it == m_entries.cend())
        return 0;
    return int(qBound(qint64(0), it->untilMs - m_clock.elapsed(), qint64(m_maxMs)));
}

int AuthThrottle::failed(const QString &address)
{
    forgetOld();
    if (!m_entries.contains(address) && m_entries.size() >= m_maxEntries) {
        auto oldest = m_entries.begin();
        for (auto it = m_entries.begin(); it != m_entries.end(); ++it) {
            if (it->lastFailureMs < oldest->lastFailureMs)
                oldest = it;
        }
        m_entries.erase(oldest);
    }
    Entry &entry = m_entries[address];
    entry.failures = qMin(entry.failures + 1, 30);
    const qint64 now = m_clock.elapsed();
    const qint64 delay = qMin<qint64>(qint64(m_initialMs) << qMin(entry.failures - 1, 20), m_maxMs);
    entry.untilMs = now + delay;
    entry.lastFailureMs = now;
    return int(delay);
}

void AuthThrottle::succeeded(const QString &address)
{
    m_entries.remove(address);
}

void AuthThrottle::forgetOld()
{
    const qint64 now = m_clock.elapsed();
    for (auto it = m_entries.begin(); it != m_entries.end();) {
        if (now - it->lastFailureMs > m_memoryMs && now >= it->untilMs)
            it = m_entries.erase(it);
        else
            ++it;
    }
}

} // namespace archy
