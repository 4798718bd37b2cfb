#pragma once

#include "recovery/RecoveryBackend.h"

namespace archy::test {

/// A backend whose report and signals the test sets; the metrics and notifier only listen.
class StubBackend final : public RecoveryBackend
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StubBackend)

public:
    explicit StubBackend(QObject *parent = nullptr) : RecoveryBackend(parent) {}

    RecoveryReport currentReport() const override { return report; }
    bool isBusy() const override { return busy; }
    QString dataDir() const override { return dir; }

    void change(const ContainerStatus &status)
    {
        bool found = false;
        for (ContainerStatus &c : report.containers) {
            if (c.name == status.name) {
                c = status;
                found = true;
            }
        }
        if (!found)
            report.containers.append(status);
        emit containerChanged(status);
    }
    void finish() { emit reportFinished(report); }
    void crashLoop(const QString &name) { emit crashLoopDetected(name); }
    void error(const QString &message) { emit errorOccurred(message); }

    RecoveryReport report;
    bool busy = false;
    QString dir;

public slots:
    void retry(const QString &) override {}
    void retryAllFailed() override {}
    void acknowledgeCrash() override {}
    void requestHistory() override {}
    void snapshotNow() override {}
};

inline ContainerStatus status(const QString &name, ContainerState state, int attempts,
                              const QString &error = {})
{
    ContainerStatus s;
    s.name = name;
    s.image = QStringLiteral("localhost/test:latest");
    s.state = state;
    s.attempts = attempts;
    s.error = error;
    return s;
}

} // namespace archy::test
