#include "ControlServer.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QHostAddress>
#include <QJsonObject>
#include <QList>
#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslSocket>
#include <QTimer>
#include <QWebSocket>
#include <QWebSocketServer>

#include <cerrno>
#include <cstring>
#include <utility>
#include <vector>

#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

#include "RemoteLogging.h"
#include "TlsIdentity.h"
#include "Token.h"
#include "protocol/Protocol.h"
#include "recovery/RecoveryBackend.h"

namespace archy {

namespace {


/// Connections still in their handshake; more are dropped at once (a cheap flood guard).
constexpr int MaxPendingSessions = 64;
/// Messages queued behind a hello that waits out an authentication penalty.
constexpr int MaxQueuedMessages = 16;
/// A client that does not read its events is dropped once this much waits for it.
constexpr qint64 MaxUnsentBytes = 4 * qint64(Protocol::MaxServerMessageBytes);
/// Penalties are forgotten this long after an address's last failure.
constexpr qint64 PenaltyMemoryMs = 15 * 60 * 1000;
/// Frames up to this size are read and answered with too-large; beyond it Qt drops the connection
/// itself (close code 1009) without buffering the rest.
constexpr quint64 LanReceiveLimit = 4 * Protocol::MaxClientMessageBytes;

QString errnoText()
{
    return QString::fromLocal8Bit(std::strerror(errno));
}

enum class Probe { Absent, Stale, Alive, NotSocket, Error };

/// Whether something listens on the Unix socket @p path. Non-blocking: a listener answers a
/// connect at once (or with EAGAIN when its backlog is full), a dead file with ECONNREFUSED.
Probe probeLocalSocket(const QByteArray &path)
{
    struct stat st {};
    if (::lstat(path.constData(), &st) != 0)
        return errno == ENOENT ? Probe::Absent : Probe::Error;
    if (!S_ISSOCK(st.st_mode))
        return Probe::NotSocket;
    sockaddr_un address {};
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

bool groupId(const QString &name, gid_t *gid)
{
    if (name.isEmpty())
        return false;
    std::vector<char> buffer(16384);
    group entry {};
    group *result = nullptr;
    if (::getgrnam_r(name.toLocal8Bit().constData(), &entry, buffer.data(), buffer.size(), &result) != 0
        || !result)
        return false;
    *gid = result->gr_gid;
    return true;
}

/// True if the user @p uid belongs to the group @p gid (primary or supplementary).
bool userInGroup(uid_t uid, gid_t gid)
{
    std::vector<char> buffer(16384);
    passwd entry {};
    passwd *result = nullptr;
    if (::getpwuid_r(uid, &entry, buffer.data(), buffer.size(), &result) != 0 || !result)
        return false;
    if (result->pw_gid == gid)
        return true;
    int count = 64;
    std::vector<gid_t> groups(static_cast<size_t>(count));
    if (::getgrouplist(result->pw_name, result->pw_gid, groups.data(), &count) < 0) {
        groups.resize(size_t(count));
        if (::getgrouplist(result->pw_name, result->pw_gid, groups.data(), &count) < 0)
            return false;
    }
    for (int i = 0; i < count; ++i) {
        if (groups[size_t(i)] == gid)
            return true;
    }
    return false;
}

struct PeerCheck
{
    bool allowed = false;
    QString peer; ///< "uid 1000 pid 42", for logs
};

PeerCheck checkLocalPeer(qintptr fd, const QString &adminGroup)
{
    PeerCheck check;
    ucred credentials {};
    socklen_t length = sizeof(credentials);
    if (::getsockopt(int(fd), SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0) {
        check.peer = QCoreApplication::translate("archy::ControlServer", "unknown peer (%1)").arg(errnoText());
        return check;
    }
    check.peer = QStringLiteral("uid %1 pid %2").arg(credentials.uid).arg(credentials.pid);
    if (credentials.uid == 0 || credentials.uid == ::geteuid()) {
        check.allowed = true;
        return check;
    }
    gid_t admin = 0;
    if (groupId(adminGroup, &admin))
        check.allowed = credentials.gid == admin || userInGroup(credentials.uid, admin);
    return check;
}

/// One client connection, on either transport. A QObject so it can be the context of its socket's
/// connections and die with deleteLater().
class Session final : public QObject
{
public:
    explicit Session(QObject *parent) : QObject(parent), deadline(new QTimer(this))
    {
        deadline->setSingleShot(true);
    }

    QPointer<QLocalSocket> local;
    QPointer<QWebSocket> web;
    QString peer;    ///< for logs
    QString address; ///< LAN only: the key of the authentication penalty
    bool authenticated = false;
    bool closing = false;
    bool held = false;         ///< a hello waits out a penalty; later messages queue
    bool wantsHistory = false;
    QByteArray buffer;         ///< local: bytes after the last newline
    QList<QByteArray> queued;
    QTimer *deadline;
};

struct Penalty
{
    int failures = 0;
    qint64 untilMs = 0;       ///< on clock(): hellos from the address wait until then
    qint64 lastFailureMs = 0;
};

} // namespace

class ControlServer::Private
{
public:
    Private(ControlServer *q, RecoveryBackend *backend) : q(q), backend(backend) { clock.start(); }

    void connectBackend();
    void acceptLocal(QLocalSocket *socket);
    void acceptLan(QWebSocket *socket);
    Session *newSession();
    void readLocal(Session *session);
    void handle(Session *session, const QByteArray &data);
    void handleHello(Session *session, const QJsonObject &hello);
    void judgeHello(Session *session, const QJsonObject &hello);
    void handleCommand(Session *session, const QJsonObject &message);
    void release(Session *session);
    void send(Session *session, const QJsonObject &message);
    void refuse(Session *session, const QString &code, const QString &text);
    void close(Session *session);
    void remove(Session *session);
    void broadcast(const QJsonObject &message);
    int pendingCount() const;
    void forgetOldPenalties();

    ControlServer *q;
    RecoveryBackend *backend;
    QLocalServer *localServer = nullptr;
    QWebSocketServer *lanServer = nullptr;
    QString socketPath;
    QString adminGroup;
    QByteArray token;
    QList<Session *> sessions;
    QHash<QString, Penalty> penalties;
    QElapsedTimer clock;
    int handshakeTimeoutMs = 10000;
    int penaltyInitialMs = 1000;
    int penaltyMaxMs = 30000;
    int authenticatedCount = 0;
};

ControlServer::ControlServer(RecoveryBackend *backend, QObject *parent)
    : QObject(parent), d(std::make_unique<Private>(this, backend))
{
    d->connectBackend();
}

ControlServer::~ControlServer()
{
    // Everything that could call back into d goes before d does.
    const QList<Session *> sessions = d->sessions;
    d->sessions.clear();
    for (Session *session : sessions) {
        if (session->local)
            session->local->disconnect();
        if (session->web)
            session->web->disconnect();
        delete session;
    }
    delete d->localServer; // close() removes the socket file
    delete d->lanServer;
}

void ControlServer::Private::connectBackend()
{
    QObject::connect(backend, &RecoveryBackend::reportReset, q, [this](const RecoveryReport &report) {
        broadcast(Protocol::state(report, backend->isBusy()));
    });
    QObject::connect(backend, &RecoveryBackend::containerChanged, q,
                     [this](const ContainerStatus &status) { broadcast(Protocol::container(status)); });
    QObject::connect(backend, &RecoveryBackend::reportFinished, q,
                     [this](const RecoveryReport &report) { broadcast(Protocol::report(report)); });
    QObject::connect(backend, &RecoveryBackend::busyChanged, q, [this](bool busy) { broadcast(Protocol::busy(busy)); });
    QObject::connect(backend, &RecoveryBackend::crashAcknowledged, q, [this] { broadcast(Protocol::acknowledged()); });
    QObject::connect(backend, &RecoveryBackend::crashLoopDetected, q,
                     [this](const QString &name) { broadcast(Protocol::crashLoop(name)); });
    QObject::connect(backend, &RecoveryBackend::errorOccurred, q,
                     [this](const QString &message) { broadcast(Protocol::notice(message)); });
    QObject::connect(backend, &RecoveryBackend::historyLoaded, q, [this](const QList<RecoveryReport> &reports) {
        const QJsonObject message = Protocol::history(reports);
        const QList<Session *> targets = sessions;
        for (Session *session : targets) {
            if (session->authenticated && session->wantsHistory) {
                session->wantsHistory = false;
                send(session, message);
            }
        }
    });
}

bool ControlServer::listenLocal(const QString &socketPath, const QString &adminGroup, QString *error)
{
    QString ignored;
    QString *err = error ? error : &ignored;
    if (d->localServer) {
        *err = QCoreApplication::translate("archy::ControlServer", "Already listening on %1.").arg(d->socketPath);
        return false;
    }
    const QByteArray encoded = QFile::encodeName(socketPath);
    switch (probeLocalSocket(encoded)) {
    case Probe::Absent:
        break;
    case Probe::Stale:
        qCInfo(lcRemote).noquote() << "removing the stale control socket" << socketPath;
        if (::unlink(encoded.constData()) != 0 && errno != ENOENT) {
            *err = QCoreApplication::translate("archy::ControlServer", "Cannot remove the stale socket %1: %2").arg(socketPath, errnoText());
            return false;
        }
        break;
    case Probe::Alive:
        *err = QCoreApplication::translate("archy::ControlServer", "Another program is already listening on %1.").arg(socketPath);
        return false;
    case Probe::NotSocket:
        *err = QCoreApplication::translate("archy::ControlServer", "%1 exists and is not a socket; not touching it.").arg(socketPath);
        return false;
    case Probe::Error:
        *err = QCoreApplication::translate("archy::ControlServer", "Cannot use %1 for the control socket: %2").arg(socketPath, errnoText());
        return false;
    }

    auto *server = new QLocalServer(this);
    // Qt binds in a private temporary directory, sets the mode, then renames into place, so the
    // socket is never reachable with looser permissions.
    server->setSocketOptions(QLocalServer::UserAccessOption | QLocalServer::GroupAccessOption);
    if (!server->listen(socketPath)) {
        *err = QCoreApplication::translate("archy::ControlServer", "Cannot listen on %1: %2").arg(socketPath, server->errorString());
        delete server;
        return false;
    }
    gid_t admin = 0;
    if (groupId(adminGroup, &admin)) {
        if (::chown(encoded.constData(), uid_t(-1), admin) != 0)
            qCWarning(lcRemote).noquote() << "cannot give" << socketPath << "to group" << adminGroup << ':'
                                          << errnoText();
    } else if (!adminGroup.isEmpty()) {
        qCInfo(lcRemote).noquote() << "group" << adminGroup << "does not exist; the control socket"
                                   << "admits root and this user only";
    }
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
    if (d->lanServer) {
        *err = QCoreApplication::translate("archy::ControlServer", "Already listening on the LAN.");
        return false;
    }
    if (!QSslSocket::supportsSsl()) {
        *err = QCoreApplication::translate("archy::ControlServer", "TLS is not available (no Qt TLS backend with OpenSSL).");
        return false;
    }
    if (identity.isNull()) {
        *err = QCoreApplication::translate("archy::ControlServer", "No TLS certificate and key.");
        return false;
    }
    if (token.isEmpty()) {
        *err = QCoreApplication::translate("archy::ControlServer", "No token for LAN clients.");
        return false;
    }
    auto *server = new QWebSocketServer(QStringLiteral("archy-recovery"), QWebSocketServer::SecureMode, this);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    configuration.setLocalCertificate(identity.certificate());
    configuration.setPrivateKey(identity.privateKey());
    configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    server->setSslConfiguration(configuration);
    server->setHandshakeTimeout(d->handshakeTimeoutMs);
    if (!server->listen(address, port)) {
        *err = QCoreApplication::translate("archy::ControlServer", "Cannot listen on %1 port %2: %3").arg(address.toString()).arg(port).arg(server->errorString());
        delete server;
        return false;
    }
    d->lanServer = server;
    d->token = token;
    connect(server, &QWebSocketServer::newConnection, this, [this] {
        while (QWebSocket *socket = d->lanServer->nextPendingConnection())
            d->acceptLan(socket);
    });
    // Junk, plain TCP or a failed TLS handshake only costs that connection; log it quietly.
    connect(server, &QWebSocketServer::serverError, this, [](QWebSocketProtocol::CloseCode code) {
        qCDebug(lcRemote) << "LAN handshake failed:" << code;
    });
    connect(server, &QWebSocketServer::sslErrors, this, [](const QList<QSslError> &errors) {
        qCDebug(lcRemote) << "LAN TLS errors:" << errors;
    });
    connect(server, &QWebSocketServer::acceptError, this, [](QAbstractSocket::SocketError socketError) {
        qCWarning(lcRemote) << "LAN accept failed:" << socketError;
    });
    qCInfo(lcRemote).noquote() << "listening on" << QStringLiteral("wss://%1:%2").arg(address.toString()).arg(lanPort())
                               << "certificate SHA-256" << identity.fingerprint();
    return true;
}

QString ControlServer::localSocketPath() const
{
    return d->socketPath;
}

quint16 ControlServer::lanPort() const
{
    return d->lanServer ? d->lanServer->serverPort() : 0;
}

int ControlServer::sessionCount() const
{
    return d->authenticatedCount;
}

void ControlServer::setHandshakeTimeout(int ms)
{
    d->handshakeTimeoutMs = qMax(1, ms);
    if (d->lanServer)
        d->lanServer->setHandshakeTimeout(d->handshakeTimeoutMs);
}

void ControlServer::setAuthPenalty(int initialMs, int maxMs)
{
    d->penaltyInitialMs = qMax(0, initialMs);
    d->penaltyMaxMs = qMax(d->penaltyInitialMs, maxMs);
}

Session *ControlServer::Private::newSession()
{
    auto *session = new Session(q);
    sessions.append(session);
    QObject::connect(session->deadline, &QTimer::timeout, session, [this, session] {
        qCInfo(lcRemote).noquote() << session->peer << "did not complete the handshake in time";
        close(session);
    });
    session->deadline->start(handshakeTimeoutMs);
    return session;
}

int ControlServer::Private::pendingCount() const
{
    int count = 0;
    for (const Session *session : sessions)
        count += session->authenticated ? 0 : 1;
    return count;
}

void ControlServer::Private::acceptLocal(QLocalSocket *socket)
{
    if (pendingCount() >= MaxPendingSessions) {
        qCWarning(lcRemote) << "too many connections in their handshake; dropping a local one";
        socket->abort();
        socket->deleteLater();
        return;
    }
    Session *session = newSession();
    socket->setParent(session);
    session->local = socket;
    const PeerCheck check = checkLocalPeer(socket->socketDescriptor(), adminGroup);
    session->peer = QCoreApplication::translate("archy::ControlServer", "local %1").arg(check.peer);
    QObject::connect(socket, &QLocalSocket::disconnected, session, [this, session] { remove(session); });
    QObject::connect(socket, &QLocalSocket::errorOccurred, session, [this, session](QLocalSocket::LocalSocketError e) {
        if (e != QLocalSocket::PeerClosedError)
            qCDebug(lcRemote).noquote() << session->peer << "socket error" << e;
        if (session->local && session->local->state() == QLocalSocket::UnconnectedState)
            remove(session);
    });
    if (!check.allowed) {
        qCWarning(lcRemote).noquote() << "refusing" << session->peer << "on the control socket: not root, not"
                                      << "this user, not in group" << adminGroup;
        refuse(session, Protocol::Error::unauthorized(),
               QCoreApplication::translate("archy::ControlServer", "Only root, the agent's user and members of group %1 may connect.").arg(adminGroup));
        return;
    }
    QObject::connect(socket, &QLocalSocket::readyRead, session, [this, session] { readLocal(session); });
    if (socket->bytesAvailable() > 0)
        readLocal(session);
}

void ControlServer::Private::acceptLan(QWebSocket *socket)
{
    if (pendingCount() >= MaxPendingSessions) {
        qCWarning(lcRemote) << "too many connections in their handshake; dropping one from"
                            << socket->peerAddress().toString();
        socket->abort();
        socket->deleteLater();
        return;
    }
    Session *session = newSession();
    socket->setParent(session);
    session->web = socket;
    session->address = socket->peerAddress().toString();
    session->peer = QStringLiteral("%1:%2").arg(session->address).arg(socket->peerPort());
    socket->setMaxAllowedIncomingMessageSize(LanReceiveLimit);
    socket->setMaxAllowedIncomingFrameSize(LanReceiveLimit);
    QObject::connect(socket, &QWebSocket::disconnected, session, [this, session] { remove(session); });
    QObject::connect(socket, &QWebSocket::textMessageReceived, session,
                     [this, session](const QString &text) { handle(session, text.toUtf8()); });
    QObject::connect(socket, &QWebSocket::binaryMessageReceived, session, [this, session](const QByteArray &) {
        refuse(session, Protocol::Error::malformed(), QCoreApplication::translate("archy::ControlServer", "Messages are text frames."));
    });
}

void ControlServer::Private::readLocal(Session *session)
{
    QLocalSocket *socket = session->local;
    if (!socket)
        return;
    while (!session->closing && socket->bytesAvailable() > 0) {
        // Never read more than one message and a newline beyond what is kept: a flood costs at
        // most that much memory before it is refused.
        const qint64 room = Protocol::MaxClientMessageBytes + 1 - session->buffer.size();
        session->buffer += socket->read(qMax<qint64>(1, room));
        for (;;) {
            const qsizetype newline = session->buffer.indexOf('\n');
            if (newline < 0)
                break;
            const QByteArray line = session->buffer.left(newline);
            session->buffer.remove(0, newline + 1);
            if (!line.trimmed().isEmpty())
                handle(session, line);
            if (session->closing)
                return;
        }
        if (session->buffer.size() > Protocol::MaxClientMessageBytes) {
            refuse(session, Protocol::Error::tooLarge(),
                   QCoreApplication::translate("archy::ControlServer", "A message may be at most %1 bytes.").arg(Protocol::MaxClientMessageBytes));
            return;
        }
    }
}

void ControlServer::Private::handle(Session *session, const QByteArray &data)
{
    if (session->closing)
        return;
    if (session->held) {
        if (session->queued.size() >= MaxQueuedMessages)
            refuse(session, Protocol::Error::tooLarge(), QCoreApplication::translate("archy::ControlServer", "Too many messages before the handshake."));
        else
            session->queued.append(data);
        return;
    }
    if (data.size() > Protocol::MaxClientMessageBytes) {
        refuse(session, Protocol::Error::tooLarge(),
               QCoreApplication::translate("archy::ControlServer", "A message may be at most %1 bytes.").arg(Protocol::MaxClientMessageBytes));
        return;
    }
    QJsonObject message;
    QString error;
    if (!Protocol::decode(data, &message, &error)) {
        refuse(session, Protocol::Error::malformed(), error);
        return;
    }
    if (!session->authenticated) {
        if (Protocol::typeOf(message) != Protocol::Type::hello()) {
            refuse(session, Protocol::Error::unauthorized(), QCoreApplication::translate("archy::ControlServer", "Send hello first."));
            return;
        }
        handleHello(session, message);
        return;
    }
    handleCommand(session, message);
}

void ControlServer::Private::handleHello(Session *session, const QJsonObject &hello)
{
    // The hello arrived in time; from here on the penalty, not the deadline, bounds the wait.
    session->deadline->stop();
    if (!session->web) {
        judgeHello(session, hello);
        return;
    }
    const auto it = penalties.constFind(session->address);
    const qint64 wait = it == penalties.cend() ? 0 : it->untilMs - clock.elapsed();
    if (wait <= 0) {
        judgeHello(session, hello);
        return;
    }
    session->held = true;
    QTimer::singleShot(int(wait), session, [this, session, hello] {
        session->held = false;
        judgeHello(session, hello);
        release(session);
    });
}

void ControlServer::Private::judgeHello(Session *session, const QJsonObject &hello)
{
    if (session->closing)
        return;
    const QString code = Protocol::checkHello(hello);
    if (code == Protocol::Error::unsupportedVersion()) {
        refuse(session, code,
               QCoreApplication::translate("archy::ControlServer", "This agent speaks protocol %1, not %2.")
                   .arg(Protocol::Version)
                   .arg(hello.value(QLatin1String("protocol")).toVariant().toString()));
        return;
    }
    if (!code.isEmpty()) {
        refuse(session, code, QCoreApplication::translate("archy::ControlServer", "Bad hello."));
        return;
    }
    if (session->web) {
        const QJsonValue value = hello.value(QLatin1String("token"));
        const bool good = value.isString() && Token::constantTimeEquals(value.toString().toUtf8(), token);
        if (!good) {
            forgetOldPenalties();
            Penalty &penalty = penalties[session->address];
            penalty.failures += 1;
            const qint64 now = clock.elapsed();
            const int shift = qMin(penalty.failures - 1, 20);
            const qint64 delay = qMin<qint64>(qint64(penaltyInitialMs) << shift, penaltyMaxMs);
            penalty.untilMs = now + delay;
            penalty.lastFailureMs = now;
            qCWarning(lcRemote).noquote() << "wrong or missing token from" << session->peer << "(failure"
                                          << penalty.failures << "- answering in" << delay << "ms)";
            session->held = true;
            QTimer::singleShot(int(delay), session, [this, session] {
                session->held = false;
                session->queued.clear();
                refuse(session, Protocol::Error::unauthorized(), QCoreApplication::translate("archy::ControlServer", "Wrong or missing token."));
            });
            return;
        }
        penalties.remove(session->address);
    }
    session->authenticated = true;
    ++authenticatedCount;
    qCInfo(lcRemote).noquote() << "client" << session->peer << "connected";
    send(session, Protocol::welcome(QStringLiteral(ARCHY_VERSION)));
    send(session, Protocol::state(backend->currentReport(), backend->isBusy()));
    emit q->sessionCountChanged(authenticatedCount);
}

void ControlServer::Private::release(Session *session)
{
    const QList<QByteArray> queued = std::exchange(session->queued, {});
    for (const QByteArray &data : queued) {
        if (session->closing || session->held)
            return;
        handle(session, data);
    }
}

void ControlServer::Private::handleCommand(Session *session, const QJsonObject &message)
{
    const QString type = Protocol::typeOf(message);
    if (type == Protocol::Type::retry()) {
        const QJsonValue name = message.value(QLatin1String("name"));
        if (!name.isString()) {
            refuse(session, Protocol::Error::malformed(), QCoreApplication::translate("archy::ControlServer", "retry needs a string \"name\"."));
            return;
        }
        qCInfo(lcRemote).noquote() << session->peer << "asks to retry" << name.toString();
        backend->retry(name.toString());
    } else if (type == Protocol::Type::retryAllFailed()) {
        qCInfo(lcRemote).noquote() << session->peer << "asks to retry all failed containers";
        backend->retryAllFailed();
    } else if (type == Protocol::Type::snapshotNow()) {
        backend->snapshotNow();
    } else if (type == Protocol::Type::acknowledge()) {
        qCInfo(lcRemote).noquote() << session->peer << "acknowledges the crash";
        backend->acknowledgeCrash();
    } else if (type == Protocol::Type::requestHistory()) {
        session->wantsHistory = true;
        backend->requestHistory();
    } else {
        send(session, Protocol::error(Protocol::Error::unknownCommand(),
                                      QCoreApplication::translate("archy::ControlServer", "Unknown command \"%1\".").arg(type.left(100))));
    }
}

void ControlServer::Private::send(Session *session, const QJsonObject &message)
{
    if (session->closing)
        return;
    const QByteArray data = Protocol::encode(message);
    if (session->local) {
        if (session->local->bytesToWrite() > MaxUnsentBytes) {
            qCWarning(lcRemote).noquote() << session->peer << "does not read its events; dropping it";
            session->closing = true;
            session->local->abort();
            return;
        }
        session->local->write(data + '\n');
    } else if (session->web) {
        session->web->sendTextMessage(QString::fromUtf8(data));
    }
}

void ControlServer::Private::refuse(Session *session, const QString &code, const QString &text)
{
    if (session->closing)
        return;
    qCDebug(lcRemote).noquote() << "refusing" << session->peer << code << text;
    send(session, Protocol::error(code, text));
    emit q->clientRefused(session->peer, code);
    close(session);
}

void ControlServer::Private::close(Session *session)
{
    if (session->closing)
        return;
    session->closing = true;
    session->deadline->stop();
    session->queued.clear();
    // Both flush what was written (the error) before the connection goes.
    if (session->local) {
        session->local->disconnectFromServer();
        if (session->local && session->local->state() == QLocalSocket::UnconnectedState)
            remove(session);
    } else if (session->web) {
        session->web->close(QWebSocketProtocol::CloseCodePolicyViolated);
    }
    // A peer that never completes the close handshake is cut off.
    QTimer::singleShot(5000, session, [session] {
        if (session->local)
            session->local->abort();
        if (session->web)
            session->web->abort();
    });
}

void ControlServer::Private::remove(Session *session)
{
    if (!sessions.removeOne(session))
        return;
    session->closing = true;
    if (session->authenticated) {
        session->authenticated = false;
        --authenticatedCount;
        qCInfo(lcRemote).noquote() << "client" << session->peer << "disconnected";
        emit q->sessionCountChanged(authenticatedCount);
    }
    session->deleteLater();
}

void ControlServer::Private::broadcast(const QJsonObject &message)
{
    const QList<Session *> targets = sessions;
    for (Session *session : targets) {
        if (session->authenticated)
            send(session, message);
    }
}

void ControlServer::Private::forgetOldPenalties()
{
    const qint64 now = clock.elapsed();
    for (auto it = penalties.begin(); it != penalties.end();) {
        if (now - it->lastFailureMs > PenaltyMemoryMs && now >= it->untilMs)
            it = penalties.erase(it);
        else
            ++it;
    }
}

} // namespace archy
