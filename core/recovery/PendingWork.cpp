#include "PendingWork.h"

#include <QTimer>

namespace archy {

PendingWork::PendingWork(QObject *parent) : QObject(parent) {}

PendingWork::~PendingWork() = default;

void PendingWork::begin()
{
    ++m_count;
}

void PendingWork::end()
{
    Q_ASSERT(m_count > 0);
    if (m_count > 0)
        --m_count;
    if (m_count == 0) {
        QTimer::singleShot(0, this, [this] {
            if (m_count == 0)
                emit idle();
        });
    }
}

} // namespace archy
