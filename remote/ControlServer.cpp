#include "ControlServer.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QHostAddress>
#include <QList>
#include <QLocalServer>
#include <QLocalSocket>
#include <QThread>
#include <QTimer>

#include <cerrno>
#include <cstring>

#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "ClientSession.h"
#include "MessageChannel.h"
#include "PeerCredentials.h"
#include "RemoteLogging.h"
#include "TlsIdentity.h"
#include "protocol/Protocol.h"
#include "recovery/RecoveryBackend.h"

namespace archy {

namespace {

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

enum class Probe
{
    Absent,
    Stale,
    Alive,
    NotSocket,
    Error
};

/// Whether something listens on the Unix socket @p path. Non-blocking: a listener answers a
/// connect at once (or with EAGAIN when its backlog is full), a dead file with ECONNREFUSED.
Probe probeLocalSocket(const QByteArray &path)
{
    struct stat st
    {
    };
    if (::lstat(path.constData(), &st) != 0)
        return errno == ENOENT ? Probe::Absent : Probe::Error;
    if (!S_ISSOCK(st.st_mode))
        return Probe::NotSocket;
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    if (size_t(path.size()) >= sizeof(address.sun_path))
        return Probe::Error;
    std::memcpy(address.sun_path, path.constData(), size_t(path.size()));
    const int fd = ::socket(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
    if (fd < 0)
        return Probe::Error;
    const int result = ::connect(fd, reinterpret_cast<const sockaddr *>(&address), sizeof(address));
    const int error = errno;
    ::close(fd);
    if (result == 0 || error == EAGAIN || error == EINPROGRESS)
        return Probe::Alive;
    if (error == ECONNREFUSED)
        return Probe::Stale;
    return Probe::Error; // EACCES and the like: we cannot tell, so leave it alone
}

/**
 * An authenticated LAN session seen from the agent's thread: what is sent is posted to the LAN
 * thread; what arrives is posted here. Unsent bytes count both what waits in the post queue and
 * what waits in the socket, so a peer that stops reading is dropped either way.
 */
class LanChannel final : public MessageChannel
{
public:
    LanChannel(LanEndpoint *endpoint, quint64 id, const QString &peer, std::shared_ptr<LanOutbox> outbox,
               const Limits &limits)
        : MessageChannel(limits), m_endpoint(endpoint), m_id(id), m_peer(peer), m_outbox(std::move(outbox))
    {
    }

    bool send(const QByteArray &message) override
    {
        if (!isOpen())
            return false;
        if (!hasRoomFor(message.size())) {
            abort();
            return false;
        }
        m_outbox->queued.fetch_add(message.size());
        LanEndpoint *endpoint = m_endpoint;
        const quint64 id = m_id;
        QMetaObject::invokeMethod(
            endpoint, [endpoint, id, message] { endpoint->sendTo(id, message); }, Qt::QueuedConnection);
        return true;
    }
    void close() override { post(true); }
    void abort() override
    {
        post(false);
        remoteClosed();
    }
    bool isOpen() const override { return !m_gone; }
    qint64 unsentBytes() const override { return m_outbox->queued.load() + m_outbox->backlog.load(); }
    QString peer() const override { return m_peer; }

    void deliver(const QByteArray &message) { emit messageReceived(message); }
    void remoteClosed()
    {
        if (m_gone)
            return;
        m_gone = true;
        emit disconnected();
    }

private:
    void post(bool graceful)
    {
        if (m_gone)
            return;
        LanEndpoint *endpoint = m_endpoint;
        const quint64 id = m_id;
        QMetaObject::invokeMethod(
            endpoint, [endpoint, id, graceful] { endpoint->closeSession(id, graceful); },
            Qt::QueuedConnection);
    }

    LanEndpoint *m_endpoint;
    quint64 m_id;
    QString m_peer;
    std::shared_ptr<LanOutbox> m_outbox;
    bool m_gone = false;
};

} // namespace

class ControlServer::Private
{
public:
    Private(ControlServer *q, RecoveryBackend *backend) : q(q), backend(backend) {}

    void connectBackend();
    void acceptLocal(QLocalSocket *socket);
    void addSession(ClientSession *session);
    void remove(ClientSession *session);
    void broadcast(const QJsonObject &message);
    void fleetChanged();
    int localCount(bool pendingOnly) const;

    ControlServer *q;
    RecoveryBackend *backend;
    Limits limits;
    QLocalServer *localServer = nullptr;
    QString socketPath;
    QString adminGroup;
    QList<ClientSession *> sessions;
    QList<ClientSession *> localSessions;
    QHash<quint64, LanChannel *> lanChannels;
    int authenticatedCount = 0;
    /// Fleet pushes: the first change goes out at once, later ones within the interval wait for
    /// it and go out as one (a storm of podman events costs each client one message per interval).
    QTimer *fleetTimer = nullptr;
    bool fleetPending = false;

    QThread *lanThread = nullptr;
    LanEndpoint *lanEndpoint = nullptr;
    quint16 lanPort = 0;
    std::shared_ptr<LanCounters> lanCounters = std::make_shared<LanCounters>();
};

ControlServer::ControlServer(RecoveryBackend *backend, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(this, backend))
{
    d->connectBackend();
}

ControlServer::~ControlServer()
{
    if (d->lanThread) {
        // The endpoint is deleted on its own thread as that thread ends.
        d->lanThread->quit();
        d->lanThread->wait();
        delete d->lanThread;
    }
    const QList<ClientSession *> sessions = d->sessions;
    d->sessions.clear();
    for (ClientSession *session : sessions) {
        session->disconnect(this);
        delete session;
    }
    delete d->localServer; // close() removes the socket file
}

void ControlServer::setLimits(const Limits &limits)
{
    d->limits = limits;
}

ControlServer::Limits ControlServer::limits() const
{
    return d->limits;
}

void ControlServer::Private::connectBackend()
{
    fleetTimer = new QTimer(q);
    fleetTimer->setSingleShot(true);
    fleetTimer->setInterval(Protocol::FleetPushIntervalMs);
    QObject::connect(fleetTimer, &QTimer::timeout, q, [this] {
        if (!fleetPending)
            return;
        fleetPending = false;
        broadcast(Protocol::fleet(backend->fleet()));
        fleetTimer->start();
    });
    QObject::connect(backend, &RecoveryBackend::reportReset, q, [this](const RecoveryReport &report) {
        broadcast(Protocol::state(report, backend->isBusy(), backend->fleet(), backend->nodeIdentity()));
    });
    QObject::connect(backend, &RecoveryBackend::fleetChanged, q, [this] { fleetChanged(); });
    QObject::connect(backend, &RecoveryBackend::nodeIdentityChanged, q,
                     [this](const NodeIdentity &identity) { broadcast(Protocol::node(identity)); });
    QObject::connect(backend, &RecoveryBackend::logsLoaded, q, [this](const ContainerLogs &logs) {
        const QList<ClientSession *> targets = sessions;
        for (ClientSession *session : targets) {
            if (session->isAuthenticated())
                session->answerLogs(logs);
        }
    });
    QObject::connect(backend, &RecoveryBackend::containerChanged, q,
                     [this](const ContainerStatus &status) { broadcast(Protocol::container(status)); });
    QObject::connect(backend, &RecoveryBackend::reportFinished, q,
                     [this](const RecoveryReport &report) { broadcast(Protocol::report(report)); });
    QObject::connect(backend, &RecoveryBackend::busyChanged, q,
                     [this](bool busy) { broadcast(Protocol::busy(busy)); });
    QObject::connect(backend, &RecoveryBackend::crashAcknowledged, q,
                     [this] { broadcast(Protocol::acknowledged()); });
    QObject::connect(backend, &RecoveryBackend::crashLoopDetected, q,
                     [this](const QString &name) { broadcast(Protocol::crashLoop(name)); });
    QObject::connect(backend, &RecoveryBackend::errorOccurred, q,
                     [this](const QString &message) { broadcast(Protocol::notice(message)); });
    QObject::connect(backend, &RecoveryBackend::historyLoaded, q,
                     [this](const QList<RecoveryReport> &reports) {
                         const QList<ClientSession *> targets = sessions;
                         for (ClientSession *session : targets) {
                             if (session->isAuthenticated() && session->wantsHistory())
                                 session->answerHistory(reports);
                         }
                     });
}

bool ControlServer::listenLocal(const QString &socketPath, const QString &adminGroup, QString *error)
{
    QString ignored;
    QString *err = error ? error : &ignored;
    if (d->localServer) {
        *err = QCoreApplication::translate("archy::ControlServer", "Already listening on %1.")
                   .arg(d->socketPath);
        return false;
    }
    const QByteArray encoded = QFile::encodeName(socketPath);
    switch (probeLocalSocket(encoded)) {
    case Probe::Absent:
        break;
    case Probe::Stale:
        qCInfo(lcRemote).noquote() << "removing the stale control socket" << socketPath;
        if (::unlink(encoded.constData()) != 0 && errno != ENOENT) {
            *err =
                QCoreApplication::translate("archy::ControlServer", "Cannot remove the stale socket %1: %2")
                    .arg(socketPath, errnoText());
            return false;
        }
        break;
    case Probe::Alive:
        *err =
            QCoreApplication::translate("archy::ControlServer", "Another program is already listening on %1.")
                .arg(socketPath);
        return false;
    case Probe::NotSocket:
        *err = QCoreApplication::translate("archy::ControlServer",
                                           "%1 exists and is not a socket; not touching it.")
                   .arg(socketPath);
        return false;
    case Probe::Error:
        *err = QCoreApplication::translate("archy::ControlServer", "Cannot use %1 for the control socket: %2")
                   .arg(socketPath, errnoText());
        return false;
    }

    auto *server = new QLocalServer(this);
    // Qt binds in a private temporary directory, sets the mode, then renames into place, so the
    // socket is never reachable with looser permissions.
    server->setSocketOptions(QLocalServer::UserAccessOption | QLocalServer::GroupAccessOption);
    if (!server->listen(socketPath)) {
        *err = QCoreApplication::translate("archy::ControlServer", "Cannot listen on %1: %2")
                   .arg(socketPath, server->errorString());
        delete server;
        return false;
    }
    // Neither call follows a symlink planted where the socket was just made.
    gid_t admin = 0;
    if (PeerCredentials::groupId(adminGroup, &admin)) {
        if (::lchown(encoded.constData(), uid_t(-1), admin) != 0)
            qCWarning(lcRemote).noquote()
                << "cannot give" << socketPath << "to group" << adminGroup << ':' << errnoText();
    } else if (!adminGroup.isEmpty()) {
        qCInfo(lcRemote).noquote() << "group" << adminGroup << "does not exist; the control socket"
                                   << "admits root and this user only";
    }
    struct stat made
    {
    };
    if (::lstat(encoded.constData(), &made) == 0 && S_ISSOCK(made.st_mode))
        ::chmod(encoded.constData(), 0660);
    d->localServer = server;
    d->socketPath = socketPath;
    d->adminGroup = adminGroup;
    connect(server, &QLocalServer::newConnection, this, [this] {
        while (QLocalSocket *socket = d->localServer->nextPendingConnection())
            d->acceptLocal(socket);
    });
    qCInfo(lcRemote).noquote() << "control socket" << socketPath;
    return true;
}

bool ControlServer::listenLan(const QHostAddress &address, quint16 port, const TlsIdentity &identity,
                              const QByteArray &token, QString *error)
{
    QString ignored;
    QString *err = error ? error : &ignored;
    if (d->lanThread) {
        *err = QCoreApplication::translate("archy::ControlServer", "Already listening on the LAN.");
        return false;
    }
    if (identity.isNull() || token.isEmpty()) {
        *err = QCoreApplication::translate("archy::ControlServer",
                                           "The LAN endpoint needs a certificate and a token.");
        return false;
    }
    quint16 bound = 0;
    QString bindError;
    const qintptr fd = LanEndpoint::bindListening(address.toString(), port, &bound, &bindError);
    if (fd < 0) {
        *err = QCoreApplication::translate("archy::ControlServer", "Cannot listen on %1:%2: %3")
                   .arg(address.toString())
                   .arg(port)
                   .arg(bindError);
        return false;
    }

    // Everything the LAN thread reports is posted to this thread, with this object as context:
    // nothing arrives after the server is gone.
    LanEndpoint::Callbacks callbacks;
    ControlServer *server = this;
    Private *p = d.get();
    callbacks.opened = [server, p](quint64 id, const QString &peer, std::shared_ptr<LanOutbox> outbox) {
        QMetaObject::invokeMethod(
            server,
            [p, id, peer, outbox] {
                MessageChannel::Limits channelLimits;
                channelLimits.maxIncoming = Protocol::MaxClientMessageBytes;
                channelLimits.maxUnsent = p->limits.lan.maxUnsent;
                auto *channel = new LanChannel(p->lanEndpoint, id, peer, outbox, channelLimits);
                p->lanChannels.insert(id, channel);
                auto *session = new ClientSession(channel, p->backend, true, p->q);
                QObject::connect(channel, &QObject::destroyed, p->q, [p, id] { p->lanChannels.remove(id); });
                p->addSession(session);
                session->start(0);
            },
            Qt::QueuedConnection);
    };
    callbacks.received = [server, p](quint64 id, const QByteArray &message) {
        QMetaObject::invokeMethod(
            server,
            [p, id, message] {
                if (LanChannel *channel = p->lanChannels.value(id))
                    channel->deliver(message);
            },
            Qt::QueuedConnection);
    };
    callbacks.closed = [server, p](quint64 id) {
        QMetaObject::invokeMethod(
            server,
            [p, id] {
                if (LanChannel *channel = p->lanChannels.value(id))
                    channel->remoteClosed();
            },
            Qt::QueuedConnection);
    };

    LanLimits lanLimits = d->limits.lan;
    d->lanThread = new QThread;
    d->lanThread->setObjectName(QStringLiteral("archy-lan"));
    d->lanEndpoint = new LanEndpoint(lanLimits, d->lanCounters, callbacks);
    d->lanEndpoint->moveToThread(d->lanThread);
    connect(d->lanThread, &QThread::finished, d->lanEndpoint, &QObject::deleteLater);
    d->lanThread->start();
    LanEndpoint *endpoint = d->lanEndpoint;
    QMetaObject::invokeMethod(
        endpoint, [endpoint, fd, identity, token] { endpoint->start(fd, identity, token); },
        Qt::QueuedConnection);
    d->lanPort = bound;
    qCInfo(lcRemote).noquote() << "listening on"
                               << QStringLiteral("wss://%1:%2").arg(address.toString()).arg(bound)
                               << "certificate SHA-256" << identity.fingerprint();
    return true;
}

QString ControlServer::localSocketPath() const
{
    return d->socketPath;
}

quint16 ControlServer::lanPort() const
{
    return d->lanPort;
}

int ControlServer::sessionCount() const
{
    return d->authenticatedCount;
}

LanStats ControlServer::lanStats() const
{
    return d->lanCounters->snapshot();
}

void ControlServer::setHandshakeTimeout(int ms)
{
    d->limits.lan.handshakeTimeoutMs = qMax(1, ms);
}

void ControlServer::setAuthPenalty(int initialMs, int maxMs)
{
    d->limits.lan.penaltyInitialMs = qMax(0, initialMs);
    d->limits.lan.penaltyMaxMs = qMax(d->limits.lan.penaltyInitialMs, maxMs);
}

int ControlServer::Private::localCount(bool pendingOnly) const
{
    int count = 0;
    for (const ClientSession *session : localSessions)
        count += (!pendingOnly || !session->isAuthenticated()) ? 1 : 0;
    return count;
}

void ControlServer::Private::acceptLocal(QLocalSocket *socket)
{
    if (localCount(false) >= limits.maxLocalConnections || localCount(true) >= limits.maxLocalHandshakes) {
        qCWarning(lcRemote) << "too many local connections; dropping one";
        socket->abort();
        socket->deleteLater();
        return;
    }
    const PeerCredentials credentials = PeerCredentials::of(socket->socketDescriptor());
    MessageChannel::Limits channelLimits;
    channelLimits.maxIncoming = Protocol::MaxClientMessageBytes;
    channelLimits.maxUnsent = limits.maxUnsent;
    auto *channel = new LocalChannel(socket, channelLimits);
    channel->setPeer(
        QCoreApplication::translate("archy::ControlServer", "local %1").arg(credentials.describe()));
    auto *session = new ClientSession(channel, backend, false, q);
    localSessions.append(session);
    addSession(session);
    if (!credentials.mayControl(adminGroup)) {
        qCWarning(lcRemote).noquote()
            << "refusing" << session->peer() << "on the control socket: not root, not"
            << "this user, not in group" << adminGroup;
        session->refuse(
            Protocol::Error::unauthorized(),
            QCoreApplication::translate("archy::ControlServer",
                                        "Only root, the agent's user and members of group %1 may connect.")
                .arg(adminGroup));
        return;
    }
    session->start(limits.lan.handshakeTimeoutMs);
}

void ControlServer::Private::addSession(ClientSession *session)
{
    sessions.append(session);
    QObject::connect(session, &ClientSession::authenticated, q, [this, session] {
        ++authenticatedCount;
        qCInfo(lcRemote).noquote() << "client" << session->peer() << "connected";
        emit q->sessionCountChanged(authenticatedCount);
    });
    QObject::connect(session, &ClientSession::refused, q,
                     [this, session](const QString &code) { emit q->clientRefused(session->peer(), code); });
    QObject::connect(session, &ClientSession::finished, q, [this, session] { remove(session); });
}

void ControlServer::Private::remove(ClientSession *session)
{
    if (!sessions.removeOne(session))
        return;
    localSessions.removeOne(session);
    if (session->isAuthenticated()) {
        --authenticatedCount;
        qCInfo(lcRemote).noquote() << "client" << session->peer() << "disconnected";
        emit q->sessionCountChanged(authenticatedCount);
    }
    session->deleteLater();
}

void ControlServer::Private::fleetChanged()
{
    if (fleetTimer->isActive()) {
        fleetPending = true;
        return;
    }
    // The newest fleet, not the signal's: a push that waited carries everything since.
    broadcast(Protocol::fleet(backend->fleet()));
    fleetTimer->start();
}

void ControlServer::Private::broadcast(const QJsonObject &message)
{
    const QByteArray data = Protocol::encode(message);
    const QList<ClientSession *> targets = sessions;
    for (ClientSession *session : targets)
        session->sendEvent(data);
}

} // namespace archy
