#include "ClientSession.h"

#include <algorithm>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

#include "MessageChannel.h"
#include "RemoteLogging.h"
#include "podman/PodmanParse.h"
#include "protocol/Protocol.h"
#include "recovery/RecoveryBackend.h"

namespace archy {

ClientSession::ClientSession(MessageChannel *channel, RecoveryBackend *backend, bool authenticated,
                             QObject *parent)
    : QObject(parent), m_channel(channel), m_backend(backend), m_deadline(new QTimer(this)),
      m_authenticated(authenticated)
{
    channel->setParent(this);
    m_deadline->setSingleShot(true);
    connect(m_deadline, &QTimer::timeout, this, [this] {
        qCInfo(lcRemote).noquote() << peer() << "did not complete the handshake in time";
        close();
    });
    connect(channel, &MessageChannel::messageReceived, this, &ClientSession::onMessage);
    connect(channel, &MessageChannel::rejected, this,
            [this](const QString &code, const QString &detail) { refuse(code, detail); });
    connect(channel, &MessageChannel::disconnected, this, [this] {
        m_closing = true;
        m_deadline->stop();
        if (!m_finished) {
            m_finished = true;
            emit finished();
        }
    });
}

ClientSession::~ClientSession()
{
    m_channel->disconnect(this);
}

QJsonObject ClientSession::stateMessage() const
{
    return Protocol::state(m_backend->currentReport(), m_backend->isBusy(), m_backend->fleet(),
                           m_backend->nodeIdentity());
}

void ClientSession::start(int handshakeTimeoutMs)
{
    if (m_authenticated) {
        send(stateMessage());
        emit authenticated();
        return;
    }
    m_deadline->start(handshakeTimeoutMs);
}

QString ClientSession::peer() const
{
    return m_channel->peer();
}

void ClientSession::sendEvent(const QByteArray &message)
{
    if (m_authenticated && !m_closing && !m_channel->send(message))
        qCWarning(lcRemote).noquote() << peer() << "does not read its events; dropped it";
}

void ClientSession::send(const QJsonObject &message)
{
    if (!m_closing && !m_channel->send(Protocol::encode(message)))
        qCWarning(lcRemote).noquote() << peer() << "does not read what it is sent; dropped it";
}

void ClientSession::answerHistory(const QList<RecoveryReport> &reports)
{
    const QStringList ids = std::exchange(m_historyIds, {});
    for (const QString &id : ids)
        send(Protocol::history(reports, id));
}

void ClientSession::answerLogs(const ContainerLogs &logs)
{
    for (qsizetype i = 0; i < m_logs.size();) {
        const LogsRequest &request = m_logs.at(i);
        // An answer fetched with fewer lines than asked for (the in-process screen's 20) does not
        // do: that request's own answer follows.
        if (request.name != logs.name || (logs.requested > 0 && request.lines > logs.requested)) {
            ++i;
            continue;
        }
        ContainerLogs answer = logs;
        if (answer.lines.size() > request.lines)
            answer.lines = answer.lines.mid(answer.lines.size() - request.lines);
        const QString id = request.id;
        m_logs.removeAt(i);
        send(Protocol::logsResult(id, answer));
    }
}

void ClientSession::refuse(const QString &code, const QString &text)
{
    if (m_closing)
        return;
    qCDebug(lcRemote).noquote() << "refusing" << peer() << code << text;
    send(Protocol::error(code, text));
    emit refused(code);
    close();
}

void ClientSession::close()
{
    if (m_closing)
        return;
    m_closing = true;
    m_deadline->stop();
    m_channel->close();
    // A peer that never completes the close is cut off.
    QTimer::singleShot(5000, this, [this] { m_channel->abort(); });
}

void ClientSession::onMessage(const QByteArray &data)
{
    if (m_closing)
        return;
    QJsonObject message;
    QString error;
    if (!Protocol::decode(data, &message, &error)) {
        refuse(Protocol::Error::malformed(), error);
        return;
    }
    if (!m_authenticated) {
        if (Protocol::typeOf(message) != Protocol::Type::hello()) {
            refuse(Protocol::Error::unauthorized(), tr("Send hello first."));
            return;
        }
        onHello(message);
        return;
    }
    onCommand(message);
}

void ClientSession::onHello(const QJsonObject &hello)
{
    m_deadline->stop();
    const QString code = Protocol::checkHello(hello);
    if (code == Protocol::Error::unsupportedVersion()) {
        refuse(code, tr("This agent speaks protocol %1, not %2; update the older program.")
                         .arg(Protocol::Version)
                         .arg(hello.value(QLatin1String("protocol")).toVariant().toString().left(20)));
        return;
    }
    if (!code.isEmpty()) {
        refuse(code, tr("Bad hello."));
        return;
    }
    m_authenticated = true;
    send(Protocol::welcome(QStringLiteral(ARCHY_VERSION)));
    send(stateMessage());
    emit authenticated();
}

void ClientSession::answerError(const QString &id, const QString &code, const QString &text)
{
    send(Protocol::error(code, text, id));
}

void ClientSession::onCommand(const QJsonObject &message)
{
    const QString type = Protocol::typeOf(message);
    const QJsonValue idValue = message.value(QLatin1String("id"));
    if (!idValue.isString() || idValue.toString().isEmpty() ||
        idValue.toString().size() > Protocol::MaxIdLength) {
        answerError(
            QString(), Protocol::Error::badRequest(),
            tr("Every command needs an \"id\": a string of 1 to %1 characters.").arg(Protocol::MaxIdLength));
        return;
    }
    const QString id = idValue.toString();
    // The result goes out before the command runs: it comes before any event the command causes.
    if (type == Protocol::Type::retry()) {
        const QJsonValue nameValue = message.value(QLatin1String("name"));
        if (!nameValue.isString()) {
            answerError(id, Protocol::Error::badRequest(), tr("retry needs a string \"name\"."));
            return;
        }
        const QString name = nameValue.toString();
        const RecoveryReport report = m_backend->currentReport();
        const ContainerStatus *found = nullptr;
        for (const ContainerStatus &status : report.containers) {
            if (status.name == name)
                found = &status;
        }
        if (!found) {
            answerError(id, Protocol::Error::unknownContainer(),
                        tr("No container named \"%1\" in the current start-up.").arg(name.left(256)));
            return;
        }
        if (found->state != ContainerState::Failed) {
            answerError(
                id, Protocol::Error::notFailed(),
                tr("%1 has not failed (%2); nothing to retry.").arg(name, containerStateKey(found->state)));
            return;
        }
        qCInfo(lcRemote).noquote() << peer() << "asks to retry" << name;
        send(Protocol::result(id));
        m_backend->retry(name);
    } else if (type == Protocol::Type::retryAllFailed()) {
        const QStringList failed = m_backend->currentReport().failed();
        qCInfo(lcRemote).noquote() << peer() << "asks to retry all failed containers";
        QJsonObject answer = Protocol::result(id);
        answer.insert(QStringLiteral("containers"), QJsonArray::fromStringList(failed));
        send(answer);
        if (!failed.isEmpty())
            m_backend->retryAllFailed();
    } else if (type == Protocol::Type::snapshotNow()) {
        send(Protocol::result(id));
        m_backend->snapshotNow();
    } else if (type == Protocol::Type::acknowledge()) {
        const bool already = m_backend->currentReport().acknowledged;
        QJsonObject answer = Protocol::result(id);
        answer.insert(QStringLiteral("already"), already);
        send(answer);
        if (!already) {
            qCInfo(lcRemote).noquote() << peer() << "acknowledges the crash";
            m_backend->acknowledgeCrash();
        }
    } else if (type == Protocol::Type::requestHistory()) {
        if (m_historyIds.size() >= MaxPendingHistory) {
            answerError(id, Protocol::Error::busy(),
                        tr("Wait for the earlier history requests to be answered."));
            return;
        }
        const bool first = m_historyIds.isEmpty();
        m_historyIds.append(id);
        if (first)
            m_backend->requestHistory();
    } else if (type == Protocol::Type::logs()) {
        onLogsCommand(id, message);
    } else {
        answerError(id, Protocol::Error::unknownCommand(), tr("Unknown command \"%1\".").arg(type.left(100)));
    }
}

void ClientSession::onLogsCommand(const QString &id, const QJsonObject &message)
{
    const QJsonValue nameValue = message.value(QLatin1String("name"));
    if (!nameValue.isString() || !isValidContainerName(nameValue.toString())) {
        answerError(id, Protocol::Error::badRequest(), tr("logs needs a container name in \"name\"."));
        return;
    }
    const QString name = nameValue.toString();
    int lines = Protocol::DefaultLogLines;
    if (message.contains(QLatin1String("lines"))) {
        const QJsonValue linesValue = message.value(QLatin1String("lines"));
        const double asked = linesValue.toDouble(-1);
        if (!linesValue.isDouble() || asked != double(qint64(asked)) || asked < 1 ||
            asked > Protocol::MaxLogLines) {
            answerError(id, Protocol::Error::badRequest(),
                        tr("\"lines\" must be a whole number from 1 to %1.").arg(Protocol::MaxLogLines));
            return;
        }
        lines = int(asked);
    }
    if (m_logs.size() >= Protocol::MaxPendingLogs) {
        answerError(id, Protocol::Error::busy(), tr("Wait for the earlier logs requests to be answered."));
        return;
    }
    // A request of this session for the same container with as many lines or more is already on
    // its way: its answer does for this one too.
    const bool asked = std::any_of(m_logs.cbegin(), m_logs.cend(), [&](const LogsRequest &request) {
        return request.name == name && request.lines >= lines;
    });
    m_logs.append(LogsRequest{id, name, lines});
    if (!asked)
        m_backend->requestLogs(name, lines);
}

} // namespace archy
