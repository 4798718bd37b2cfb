#pragma once

#include <QAbstractTableModel>
#include <QList>
#include <QPointer>
#include <QSet>

#include "recovery/FleetTypes.h"
#include "recovery/RecoveryTypes.h"

class QTimer;

namespace archy {

class RecoveryBackend;

/**
 * The node's whole fleet, one row per container, problems first, fed only by RecoveryBackend
 * signals. Changes are batched: whatever arrives within one frame is applied at once, as row
 * inserts, removals, moves and dataChanged, never as a full reset.
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
        StateRole, // int(FleetState)
        ErrorRole,
        NoteRole,
        AttemptsRole,
        StartedAtRole,  // epoch ms
        FinishedAtRole, // epoch ms
        CrashLoopRole,
        RetryPendingRole, // a retry was asked for and the backend has not answered yet
        CanRetryRole,     // a problem, and no retry pending
        StatusRole,       // the whole ContainerStatus
        BarTextRole,      // what the status bar says: the failure's cause, "Starting · 45 s"...
        EntryRole,        // the whole FleetEntry
        StateWordRole,    // "Running", "Crash loop"...
    };
    Q_ENUM(Role)

    /// After an update, changes arriving within this long are applied together at its end.
    static constexpr int BatchMs = 16;

    explicit ContainerModel(QObject *parent = nullptr);
    ~ContainerModel() override;

    /// Follows backend's signals from now on (and no longer the previous backend's) and loads its fleet.
    void setBackend(RecoveryBackend *backend);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    QHash<int, QByteArray> roleNames() const override;

    int rowOf(const QString &name) const;
    ContainerStatus status(int row) const;
    FleetEntry entry(int row) const;
    QList<FleetEntry> entries() const { return m_entries; }
    /// The rows as a Fleet, with podman's state as last reported.
    Fleet fleet() const;

    int totalCount() const { return int(m_entries.size()); }
    int recoveredCount() const;
    int failedCount() const;
    int inFlightCount() const;
    /// Failed containers for which no retry is pending.
    int retryableCount() const;
    /// The headline for people ("All 8 services are running", "2 services need attention").
    QString summaryText() const;

    /// Remembers that a retry was requested so its button can be disabled before the backend answers.
    void markRetryPending(const QString &name);
    void clearRetryPending();
    /// Applies what is waiting for the next frame now (tests, and before a screenshot).
    void flush();

public slots:
    /// Shows exactly @p fleet (diffed against the rows shown).
    void setFleet(const archy::Fleet &fleet);
    /// For a backend-less model: the report's containers as the fleet.
    void resetReport(const archy::RecoveryReport &report);
    /// One container changed (a backend-less model, or a change ahead of the next fleet).
    void updateContainer(const archy::ContainerStatus &status);

signals:
    /// Counts (running, failed, total) or podman's state may have changed.
    void summaryChanged();

private:
    void scheduleRefresh();
    void refreshFromBackend();
    void tick();
    void updateTicker();
    QString timeText(const FleetEntry &entry) const;

    QPointer<RecoveryBackend> m_backend;
    QList<FleetEntry> m_entries;
    QHash<QString, int> m_rows; ///< name -> row
    QSet<QString> m_retryPending;
    RecoveryReport m_report; ///< the backend's, for the headline
    bool m_listed = false;
    bool m_busy = false;
    QString m_podmanProblem;
    QTimer *m_batch;
    bool m_dirty = false; ///< a change arrived while the batch timer ran
    QTimer *m_ticker;     ///< once a second while a row shows an elapsed or remaining time
};

} // namespace archy
