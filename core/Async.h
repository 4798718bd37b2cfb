#pragma once

#include <QFutureWatcher>
#include <QObject>
#include <QtConcurrent/QtConcurrentRun>

#include <utility>

namespace archy {

/**
 * Runs @p work on the global thread pool and delivers its result to @p done on @p receiver's thread.
 * The watcher is parented to @p receiver: if the receiver dies first, the callback is dropped.
 * For file and CPU work only (fsync'ed writes, parses); never waits.
 */
template <typename Work, typename Done>
void runAsync(QObject *receiver, Work work, Done done)
{
    using Result = decltype(work());
    auto *watcher = new QFutureWatcher<Result>(receiver);
    QObject::connect(watcher, &QFutureWatcher<Result>::finished, receiver,
                     [watcher, done = std::move(done)]() mutable {
                         done(watcher->result());
                         watcher->deleteLater();
                     });
    watcher->setFuture(QtConcurrent::run(std::move(work)));
}

} // namespace archy
