#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QSet>

#include "recovery/RecoveryTypes.h"

namespace archy {

class RecoveryBackend;

/**
 * The containers of the current start-up, one row each, fed only by RecoveryBackend signals.
 *
 * reportReset() replaces all rows; containerChanged() updates one row, or appends it when the
 * backend reports a container the model has not seen yet.
 */
class ContainerModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ContainerModel)

public:
    enum Column
    {
        Name,
        Image,
        State,
        Progress,
        Attempts,
        Time,
        Action, // hosts the per-row retry button
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role
    {
        NameRole = Qt::UserRole + 1,
        StateRole, // int(ContainerState)
        ErrorRole,
        NoteRole,
        AttemptsRole,
        StartedAtRole,  // epoch ms
        FinishedAtRole, // epoch ms
        CrashLoopRole,
        RetryPendingRole, // a retry was asked for and the backend has not answered yet
        CanRetryRole,     // Failed and not pending
        StatusRole,       // the whole ContainerStatus
        BarTextRole       // what the progress bar says: the error when failed, else state and note
    };
    Q_ENUM(Role)

    explicit ContainerModel(QObject *parent = nullptr);
    ~ContainerModel() override;

    /// Follows backend's signals from now on (and no longer the previous backend's) and loads its
    /// current report.
    void setBackend(RecoveryBackend *backend);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(const QString &name) const;
    ContainerStatus status(int row) const;
    QList<ContainerStatus> containers() const { return m_containers; }

    int totalCount() const { return int(m_containers.size()); }
    int recoveredCount() const;
    int failedCount() const;
    /// Failed containers for which no retry is pending.
    int retryableCount() const;
    /// "3 of 5 containers recovered", for people.
    QString summaryText() const;

    /// Remembers that a retry was requested so its button can be disabled before the backend answers.
    void markRetryPending(const QString &name);
    void clearRetryPending();

public slots:
    void resetReport(const archy::RecoveryReport &report);
    void updateContainer(const archy::ContainerStatus &status);
    /// A finished run carries every container's final state; merge it without a reset.
    void mergeReport(const archy::RecoveryReport &report);

signals:
    /// Counts (recovered, failed, total) may have changed.
    void summaryChanged();

private:
    QString timeText(const ContainerStatus &status) const;
    static QString stateText(const ContainerStatus &status);
    static QString barText(const ContainerStatus &status);

    QPointer<RecoveryBackend> m_backend;
    QList<ContainerStatus> m_containers;
    QSet<QString> m_retryPending;
};

} // namespace archy
