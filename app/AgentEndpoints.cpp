#include "AgentEndpoints.h"

#include <QCoreApplication>
#include <QFile>
#include <QHostAddress>
#include <QLoggingCategory>

#include <fcntl.h>
#include <grp.h>
#include <sys/stat.h>
#include <unistd.h>

#include "Async.h"
#include "CommandLine.h"
#include "ControlServer.h"
#include "TlsIdentity.h"
#include "Token.h"

namespace archy {

namespace {
Q_LOGGING_CATEGORY(lcEndpoints, "archy.endpoints", QtInfoMsg)
}

AgentEndpoints::AgentEndpoints(RecoveryBackend *backend, const AppOptions &options, QObject *parent)
    : QObject(parent), m_server(new ControlServer(backend, this)), m_dataDir(options.agent.dataDir),
      m_socketPath(options.socketPath), m_adminGroup(options.adminGroup), m_listen(options.listen),
      m_tlsCert(options.tlsCert), m_tlsKey(options.tlsKey)
{
}

AgentEndpoints::~AgentEndpoints() = default;

bool AgentEndpoints::start(QString *error)
{
    if (!m_listen.isEmpty()) {
        const int colon = m_listen.lastIndexOf(QLatin1Char(':'));
        bool ok = false;
        const uint port = m_listen.mid(colon + 1).toUInt(&ok);
        QString host = m_listen.left(colon);
        if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
            host = host.mid(1, host.size() - 2);
        if (colon <= 0 || !ok || port == 0 || port > 65535 || QHostAddress(host).isNull()) {
            *error = QCoreApplication::translate(
                         "archy::AgentEndpoints",
                         "--listen needs ADDRESS:PORT (for example 0.0.0.0:8443), not \"%1\".")
                         .arg(m_listen);
            return false;
        }
        m_lanHost = host;
        m_lanPort = quint16(port);
        if (m_tlsCert.isEmpty() != m_tlsKey.isEmpty()) {
            *error =
                QCoreApplication::translate("archy::AgentEndpoints", "--tls-cert and --tls-key go together.");
            return false;
        }
    }

    shareDataDirWithAdminGroup();
    QString localError;
    if (m_server->listenLocal(m_socketPath, m_adminGroup, &localError))
        qCInfo(lcEndpoints).noquote() << "serving screens and clients on" << m_socketPath;
    else
        qCWarning(lcEndpoints).noquote() << "no local control socket:" << localError;

    if (m_lanHost.isEmpty())
        return true;
    const QString dataDir = m_dataDir;
    runAsync(
        this,
        [dataDir] {
            QString tokenError;
            const QByteArray token = Token::ensureToken(dataDir, &tokenError);
            return std::make_pair(token, tokenError);
        },
        [this](const std::pair<QByteArray, QString> &result) {
            if (result.first.isEmpty()) {
                qCCritical(lcEndpoints).noquote() << "LAN endpoint off: no token:" << result.second;
                return;
            }
            startLan(result.first);
        });
    return true;
}

void AgentEndpoints::startLan(const QByteArray &token)
{
    auto listen = [this, token](const TlsIdentity &identity, const QString &identityError) {
        if (identity.isNull()) {
            qCCritical(lcEndpoints).noquote() << "LAN endpoint off: no TLS certificate:" << identityError;
            return;
        }
        QString error;
        if (!m_server->listenLan(QHostAddress(m_lanHost), m_lanPort, identity, token, &error)) {
            qCCritical(lcEndpoints).noquote() << "LAN endpoint off:" << error;
            return;
        }
        const QString info =
            QCoreApplication::translate("archy::AgentEndpoints", "LAN: wss://%1:%2 · certificate SHA-256 %3")
                .arg(m_lanHost.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(m_lanHost) : m_lanHost)
                .arg(m_server->lanPort())
                .arg(identity.fingerprint());
        qCInfo(lcEndpoints).noquote() << info;
        emit lanReady(info);
        emit lanIdentity(
            QStringLiteral("wss://%1:%2")
                .arg(m_lanHost.contains(QLatin1Char(':')) ? QStringLiteral("[%1]").arg(m_lanHost) : m_lanHost)
                .arg(m_server->lanPort()),
            identity.fingerprint());
    };
    if (!m_tlsCert.isEmpty()) {
        QString error;
        const TlsIdentity identity = TlsIdentity::load(m_tlsCert, m_tlsKey, &error);
        listen(identity, error);
        return;
    }
    TlsIdentity::ensureSelfSigned(m_dataDir, this, listen);
}

void AgentEndpoints::shareDataDirWithAdminGroup()
{
    // The socket sits in the data dir (0700). Members of the admin group may reach the socket,
    // nothing else: the dir becomes 0710 with that group (files in it stay 0600).
    const QByteArray groupName = m_adminGroup.toLocal8Bit();
    const struct group *group = groupName.isEmpty() ? nullptr : ::getgrnam(groupName.constData());
    if (!group)
        return;
    // On the descriptor of what was checked, so nothing swapped in between is changed instead.
    const int fd = ::open(QFile::encodeName(m_dataDir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return;
    struct stat info = {};
    if (::fstat(fd, &info) == 0 && info.st_uid == ::geteuid() &&
        (info.st_gid == group->gr_gid || ::fchown(fd, uid_t(-1), group->gr_gid) == 0) &&
        (info.st_mode & 07777) == 0700)
        ::fchmod(fd, 0710);
    ::close(fd);
}

} // namespace archy
