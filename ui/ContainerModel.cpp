#include "ContainerModel.h"

#include <algorithm>

#include <QDateTime>
#include <QLocale>

#include "Icons.h"
#include "recovery/RecoveryBackend.h"

namespace archy {

namespace {

QString durationText(qint64 ms)
{
    if (ms < 0)
        ms = 0;
    if (ms < 60 * 1000)
        return ContainerModel::tr("%1 s").arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    const qint64 s = ms / 1000;
    return ContainerModel::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
}

} // namespace

ContainerModel::ContainerModel(QObject *parent) : QAbstractTableModel(parent) {}

ContainerModel::~ContainerModel() = default;

void ContainerModel::setBackend(RecoveryBackend *backend)
{
    if (m_backend)
        disconnect(m_backend, nullptr, this, nullptr);
    m_backend = backend;
    connect(backend, &RecoveryBackend::reportReset, this, &ContainerModel::resetReport);
    connect(backend, &RecoveryBackend::containerChanged, this, &ContainerModel::updateContainer);
    connect(backend, &RecoveryBackend::reportFinished, this, &ContainerModel::mergeReport);
    // The backend refused or failed the request; do not leave buttons disabled forever.
    connect(backend, &RecoveryBackend::errorOccurred, this, &ContainerModel::clearRetryPending);
    resetReport(backend->currentReport());
}

int ContainerModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_containers.size());
}

int ContainerModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ContainerModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const ContainerStatus &c = m_containers.at(index.row());
    const bool pending = m_retryPending.contains(c.name);

    switch (role) {
    case NameRole:
        return c.name;
    case StateRole:
        return int(c.state);
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
        return c.crashLoop;
    case RetryPendingRole:
        return pending;
    case CanRetryRole:
        return c.state == ContainerState::Failed && !pending;
    case StatusRole:
        return QVariant::fromValue(c);
    case BarTextRole:
        return barText(c);
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
            return stateText(c);
        case Progress:
            // Painted by ProgressDelegate; the text is what a screen reader or a copy gets.
            if (c.state == ContainerState::Failed && !c.error.isEmpty())
                return tr("%1: %2").arg(stateText(c), c.error);
            return barText(c);
        case Attempts:
            return c.attempts;
        case Time:
            return timeText(c);
        default:
            return {};
        }
    case Qt::DecorationRole:
        // On the name column so the state shows even where the State column is hidden (kiosk).
        if (index.column() == Name)
            return icons::forStatus(c);
        return {};
    case Qt::ToolTipRole: {
        QStringList lines;
        lines << tr("Container: %1").arg(c.name);
        if (!c.image.isEmpty())
            lines << tr("Image: %1").arg(c.image);
        lines << tr("State: %1").arg(containerStateText(c.state));
        if (c.attempts > 0)
            lines << tr("Attempts: %1").arg(c.attempts);
        if (c.crashLoop)
            lines << tr("Keeps stopping soon after being started (crash loop).");
        if (!c.error.isEmpty())
            lines << tr("Error: %1").arg(c.error);
        if (!c.note.isEmpty())
            lines << c.note;
        return lines.join(QLatin1Char('\n'));
    }
    case Qt::AccessibleTextRole:
        if (index.column() == Progress || index.column() == State) {
            QString text = stateText(c);
            if (!c.error.isEmpty() && c.state == ContainerState::Failed)
                text = tr("%1: %2").arg(text, c.error);
            else if (!c.note.isEmpty())
                text = tr("%1. %2").arg(text, c.note);
            return text;
        }
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
        return tr("Progress");
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
    return names;
}

int ContainerModel::rowOf(const QString &name) const
{
    for (int row = 0; row < m_containers.size(); ++row) {
        if (m_containers.at(row).name == name)
            return row;
    }
    return -1;
}

ContainerStatus ContainerModel::status(int row) const
{
    return row >= 0 && row < m_containers.size() ? m_containers.at(row) : ContainerStatus{};
}

int ContainerModel::recoveredCount() const
{
    return int(std::count_if(m_containers.cbegin(), m_containers.cend(),
                             [](const ContainerStatus &c) { return c.state == ContainerState::Running; }));
}

int ContainerModel::failedCount() const
{
    return int(std::count_if(m_containers.cbegin(), m_containers.cend(),
                             [](const ContainerStatus &c) { return c.state == ContainerState::Failed; }));
}

int ContainerModel::retryableCount() const
{
    return int(std::count_if(m_containers.cbegin(), m_containers.cend(), [this](const ContainerStatus &c) {
        return c.state == ContainerState::Failed && !m_retryPending.contains(c.name);
    }));
}

QString ContainerModel::summaryText() const
{
    if (m_containers.isEmpty())
        return tr("No containers to recover");
    return tr("%1 of %2 containers recovered").arg(recoveredCount()).arg(totalCount());
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
    if (!m_containers.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    emit summaryChanged();
}

void ContainerModel::resetReport(const RecoveryReport &report)
{
    beginResetModel();
    m_containers = report.containers;
    m_retryPending.clear();
    endResetModel();
    emit summaryChanged();
}

void ContainerModel::updateContainer(const ContainerStatus &status)
{
    m_retryPending.remove(status.name);
    const int row = rowOf(status.name);
    if (row < 0) {
        const int newRow = int(m_containers.size());
        beginInsertRows(QModelIndex(), newRow, newRow);
        m_containers.append(status);
        endInsertRows();
    } else {
        m_containers[row] = status;
        emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
    }
    emit summaryChanged();
}

void ContainerModel::mergeReport(const RecoveryReport &report)
{
    for (const ContainerStatus &status : report.containers) {
        const int row = rowOf(status.name);
        // A finished run is final for the containers it names; skip rows that did not change so
        // views keep their selection and buttons.
        if (row >= 0 && m_containers.at(row) == status && !m_retryPending.contains(status.name))
            continue;
        updateContainer(status);
    }
}

QString ContainerModel::stateText(const ContainerStatus &status)
{
    if (status.crashLoop && status.state == ContainerState::Failed)
        return tr("Crash loop");
    return containerStateText(status.state);
}

QString ContainerModel::barText(const ContainerStatus &status)
{
    if (status.state == ContainerState::Failed) {
        // Red already says "failed"; the bar's width is better spent on the reason.
        const QString reason = status.error.isEmpty() ? stateText(status) : status.error;
        return status.crashLoop ? tr("Crash loop: %1").arg(reason) : reason;
    }
    // The note (health check outcome, "was already running", a restart...) is worth a glance on
    // every screen; the tooltip and the details box carry it in full.
    if (!status.note.isEmpty())
        return tr("%1 · %2").arg(containerStateText(status.state), status.note);
    return containerStateText(status.state);
}

QString ContainerModel::timeText(const ContainerStatus &status) const
{
    if (status.startedAtMs <= 0)
        return {};
    const QString started =
        QLocale().toString(QDateTime::fromMSecsSinceEpoch(status.startedAtMs).time(), QLocale::ShortFormat);
    if (status.finishedAtMs > 0)
        return tr("%1 (%2)").arg(started, durationText(status.finishedAtMs - status.startedAtMs));
    return started;
}

} // namespace archy
