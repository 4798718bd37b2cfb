#include "ContainerModel.h"

#include <QDateTime>
#include <QLocale>
#include <QTimer>

#include <algorithm>

#include "Icons.h"
#include "StatusText.h"
#include "TextWrap.h"
#include "recovery/RecoveryBackend.h"

namespace archy {

namespace {

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

int order(FleetState state)
{
    return fleetRank(state) * 100 + int(state);
}

bool lessThan(const FleetEntry &a, const FleetEntry &b)
{
    const int oa = order(a.state);
    const int ob = order(b.state);
    return oa != ob ? oa < ob : a.status.name < b.status.name;
}

bool ticks(FleetState state)
{
    return state == FleetState::Starting || state == FleetState::Retrying;
}

} // namespace

ContainerModel::ContainerModel(QObject *parent)
    : QAbstractTableModel(parent), m_batch(new QTimer(this)), m_ticker(new QTimer(this))
{
    m_batch->setSingleShot(true);
    m_batch->setInterval(BatchMs);
    connect(m_batch, &QTimer::timeout, this, [this] {
        if (m_dirty)
            refreshFromBackend();
    });
    m_ticker->setInterval(1000);
    connect(m_ticker, &QTimer::timeout, this, &ContainerModel::tick);
}

ContainerModel::~ContainerModel() = default;

void ContainerModel::setBackend(RecoveryBackend *backend)
{
    if (m_backend)
        disconnect(m_backend, nullptr, this, nullptr);
    m_backend = backend;
    m_retryPending.clear();
    // Every change only schedules a pull of the whole fleet: a burst of events costs one update.
    connect(backend, &RecoveryBackend::fleetChanged, this, &ContainerModel::scheduleRefresh);
    connect(backend, &RecoveryBackend::reportReset, this, &ContainerModel::scheduleRefresh);
    connect(backend, &RecoveryBackend::containerChanged, this, [this](const ContainerStatus &status) {
        m_retryPending.remove(status.name);
        scheduleRefresh();
    });
    connect(backend, &RecoveryBackend::reportFinished, this, &ContainerModel::scheduleRefresh);
    connect(backend, &RecoveryBackend::crashAcknowledged, this, &ContainerModel::scheduleRefresh);
    connect(backend, &RecoveryBackend::busyChanged, this, &ContainerModel::scheduleRefresh);
    connect(backend, &RecoveryBackend::connectionChanged, this, &ContainerModel::scheduleRefresh);
    // The backend refused or failed the request; do not leave buttons disabled forever.
    connect(backend, &RecoveryBackend::errorOccurred, this, &ContainerModel::clearRetryPending);
    refreshFromBackend();
}

void ContainerModel::scheduleRefresh()
{
    // Leading edge at once (a single change shows without delay), the rest of a burst collapses
    // into one more update at the end of the frame.
    if (m_batch->isActive()) {
        m_dirty = true;
        return;
    }
    refreshFromBackend();
    m_batch->start();
}

void ContainerModel::flush()
{
    if (m_dirty)
        refreshFromBackend();
}

void ContainerModel::refreshFromBackend()
{
    m_dirty = false;
    if (!m_backend)
        return;
    m_report = m_backend->currentReport();
    m_busy = m_backend->isBusy();
    setFleet(m_backend->fleet());
}

void ContainerModel::resetReport(const RecoveryReport &report)
{
    m_report = report;
    m_retryPending.clear();
    setFleet(Fleet::fromReport(report));
}

void ContainerModel::updateContainer(const ContainerStatus &status)
{
    m_retryPending.remove(status.name);
    Fleet next = fleet();
    bool found = false;
    for (FleetEntry &entry : next.containers) {
        if (entry.status.name == status.name) {
            entry.status = status;
            entry.state = Fleet::stateOf(status);
            entry.inRun = true;
            found = true;
        }
    }
    if (!found) {
        FleetEntry entry;
        entry.status = status;
        entry.state = Fleet::stateOf(status);
        entry.inRun = true;
        next.containers.append(entry);
    }
    setFleet(next);
}

void ContainerModel::setFleet(const Fleet &fleet)
{
    m_listed = fleet.listed;
    m_podmanProblem = fleet.podmanProblem;
    QList<FleetEntry> wanted = fleet.containers;
    std::stable_sort(wanted.begin(), wanted.end(), lessThan);
    QHash<QString, int> wantedRows;
    for (int i = 0; i < wanted.size(); ++i)
        wantedRows.insert(wanted.at(i).status.name, i);

    // 1. Rows that went away, bottom up so the rows above keep their numbers.
    for (int row = int(m_entries.size()) - 1; row >= 0; --row) {
        if (wantedRows.contains(m_entries.at(row).status.name))
            continue;
        beginRemoveRows(QModelIndex(), row, row);
        m_retryPending.remove(m_entries.at(row).status.name);
        m_entries.removeAt(row);
        endRemoveRows();
    }
    QHash<QString, int> current;
    for (int i = 0; i < m_entries.size(); ++i)
        current.insert(m_entries.at(i).status.name, i);

    // 2. New rows at the end, in one insert.
    QList<FleetEntry> added;
    for (const FleetEntry &entry : std::as_const(wanted)) {
        if (!current.contains(entry.status.name))
            added.append(entry);
    }
    if (!added.isEmpty()) {
        const int first = int(m_entries.size());
        beginInsertRows(QModelIndex(), first, first + int(added.size()) - 1);
        m_entries.append(added);
        endInsertRows();
    }

    // 3. Changed data, remembered by name (rows may move next).
    QSet<QString> changed;
    for (FleetEntry &entry : m_entries) {
        const FleetEntry &next = wanted.at(wantedRows.value(entry.status.name));
        if (entry != next) {
            if (entry.status.attempts != next.status.attempts || entry.state != next.state)
                m_retryPending.remove(entry.status.name);
            entry = next;
            changed.insert(entry.status.name);
        }
    }

    // 4. Order: problems first. A layout change keeps selections and row widgets where they belong.
    bool sameOrder = true;
    for (int i = 0; i < m_entries.size() && sameOrder; ++i)
        sameOrder = m_entries.at(i).status.name == wanted.at(i).status.name;
    if (!sameOrder) {
        emit layoutAboutToBeChanged({}, QAbstractItemModel::VerticalSortHint);
        const QModelIndexList before = persistentIndexList();
        QModelIndexList after;
        after.reserve(before.size());
        for (const QModelIndex &index : before) {
            const QString name = m_entries.at(index.row()).status.name;
            after.append(this->index(wantedRows.value(name), index.column()));
        }
        m_entries = wanted;
        changePersistentIndexList(before, after);
        emit layoutChanged({}, QAbstractItemModel::VerticalSortHint);
    }
    m_rows = wantedRows;

    if (!changed.isEmpty()) {
        int first = int(m_entries.size());
        int last = -1;
        for (const QString &name : std::as_const(changed)) {
            const int row = m_rows.value(name);
            first = qMin(first, row);
            last = qMax(last, row);
        }
        emit dataChanged(index(first, 0), index(last, ColumnCount - 1));
    }
    updateTicker();
    emit summaryChanged();
}

void ContainerModel::updateTicker()
{
    const bool any =
        std::any_of(m_entries.cbegin(), m_entries.cend(), [](const FleetEntry &e) { return ticks(e.state); });
    if (any && !m_ticker->isActive())
        m_ticker->start();
    else if (!any)
        m_ticker->stop();
}

void ContainerModel::tick()
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (ticks(m_entries.at(row).state))
            emit dataChanged(index(row, Progress), index(row, Time), {Qt::DisplayRole, BarTextRole});
    }
}

int ContainerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int ContainerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContainerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const FleetEntry &e = m_entries.at(index.row());
    const ContainerStatus &c = e.status;
    const bool pending = m_retryPending.contains(c.name);

    switch (role) {
    case NameRole:
        return c.name;
    case StateRole:
        return int(e.state);
    case ErrorRole:
        return c.error;
    case NoteRole:
        return c.note;
    case AttemptsRole:
        return c.attempts;
    case StartedAtRole:
        return c.startedAtMs;
    case FinishedAtRole:
        return c.finishedAtMs;
    case CrashLoopRole:
        return e.state == FleetState::CrashLoop;
    case RetryPendingRole:
        return pending;
    case CanRetryRole:
        return isProblem(e.state) && !pending;
    case StatusRole:
        return QVariant::fromValue(c);
    case EntryRole:
        return QVariant::fromValue(e);
    case BarTextRole:
        return pending ? tr("Retry requested…") : StatusText::rowText(e, nowMs());
    case StateWordRole:
        return StatusText::stateWord(e.state);
    default:
        break;
    }

    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Name:
            return c.name;
        case Image:
            return c.image;
        case State:
            return StatusText::stateWord(e.state);
        case Progress:
            return StatusText::rowText(e, nowMs());
        case Attempts:
            return c.attempts > 0 ? QVariant(c.attempts) : QVariant();
        case Time:
            return timeText(e);
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == Name)
            return icons::forFleetState(e.state);
        return {};
    case Qt::ToolTipRole: {
        QStringList lines;
        lines << tr("Container: %1").arg(c.name);
        if (!c.image.isEmpty())
            lines << tr("Image: %1").arg(c.image);
        lines << tr("State: %1").arg(StatusText::stateWord(e.state));
        if (!c.error.isEmpty())
            lines << tr("Error: %1").arg(c.error);
        if (!c.note.isEmpty())
            lines << c.note;
        return plainToolTip(lines.join(QLatin1Char('\n')));
    }
    case Qt::AccessibleTextRole:
        if (index.column() == Progress || index.column() == State)
            return tr("%1: %2").arg(StatusText::stateWord(e.state), StatusText::rowText(e, nowMs()));
        return data(index, Qt::DisplayRole).toString();
    case Qt::TextAlignmentRole:
        if (index.column() == Attempts)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return QVariant::fromValue(Qt::AlignLeft | Qt::AlignVCenter);
    default:
        return {};
    }
}

QVariant ContainerModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Container");
    case Image:
        return tr("Image");
    case State:
        return tr("State");
    case Progress:
        return tr("Status");
    case Attempts:
        return tr("Attempts");
    case Time:
        return tr("Time");
    case Action:
        return tr("Action");
    default:
        return {};
    }
}

QHash<int, QByteArray> ContainerModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(NameRole, "name");
    names.insert(StateRole, "state");
    names.insert(ErrorRole, "error");
    names.insert(NoteRole, "note");
    names.insert(AttemptsRole, "attempts");
    names.insert(StartedAtRole, "startedAt");
    names.insert(FinishedAtRole, "finishedAt");
    names.insert(CrashLoopRole, "crashLoop");
    names.insert(RetryPendingRole, "retryPending");
    names.insert(CanRetryRole, "canRetry");
    names.insert(StatusRole, "status");
    names.insert(BarTextRole, "barText");
    names.insert(EntryRole, "entry");
    names.insert(StateWordRole, "stateWord");
    return names;
}

int ContainerModel::rowOf(const QString &name) const
{
    return m_rows.value(name, -1);
}

ContainerStatus ContainerModel::status(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row).status : ContainerStatus{};
}

FleetEntry ContainerModel::entry(int row) const
{
    return row >= 0 && row < m_entries.size() ? m_entries.at(row) : FleetEntry{};
}

Fleet ContainerModel::fleet() const
{
    Fleet fleet;
    fleet.containers = m_entries;
    fleet.listed = m_listed;
    fleet.podmanProblem = m_podmanProblem;
    return fleet;
}

int ContainerModel::recoveredCount() const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [](const FleetEntry &e) { return e.state == FleetState::Running; }));
}

int ContainerModel::failedCount() const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [](const FleetEntry &e) { return isProblem(e.state); }));
}

int ContainerModel::inFlightCount() const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(),
                             [](const FleetEntry &e) { return isInFlight(e.state); }));
}

int ContainerModel::retryableCount() const
{
    return int(std::count_if(m_entries.cbegin(), m_entries.cend(), [this](const FleetEntry &e) {
        return isProblem(e.state) && !m_retryPending.contains(e.status.name);
    }));
}

QString ContainerModel::summaryText() const
{
    return StatusText::headline(fleet(), m_report, m_busy);
}

void ContainerModel::markRetryPending(const QString &name)
{
    const int row = rowOf(name);
    if (row < 0 || m_retryPending.contains(name))
        return;
    m_retryPending.insert(name);
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    emit summaryChanged();
}

void ContainerModel::clearRetryPending()
{
    if (m_retryPending.isEmpty())
        return;
    m_retryPending.clear();
    if (!m_entries.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit summaryChanged();
}

QString ContainerModel::timeText(const FleetEntry &entry) const
{
    const ContainerStatus &status = entry.status;
    if (status.startedAtMs <= 0)
        return {};
    const QString started =
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(status.startedAtMs).time(), QLocale::LongFormat);
    if (status.finishedAtMs > 0)
        return tr("%1 (%2)").arg(started, StatusText::duration(status.finishedAtMs - status.startedAtMs));
    return tr("%1 (%2)").arg(started, StatusText::duration(nowMs() - status.startedAtMs));
}

} // namespace archy
