#include "PeerCredentials.h"

#include <QCoreApplication>

#include <cerrno>
#include <cstring>
#include <vector>

#include <grp.h>
#include <pwd.h>
#include <sys/socket.h>
#include <unistd.h>

namespace archy {

PeerCredentials PeerCredentials::of(qintptr socketDescriptor)
{
    PeerCredentials result;
    ucred credentials{};
    socklen_t length = sizeof(credentials);
    if (::getsockopt(int(socketDescriptor), SOL_SOCKET, SO_PEERCRED, &credentials, &length) != 0) {
        result.error = QString::fromLocal8Bit(std::strerror(errno));
        return result;
    }
    result.known = true;
    result.uid = credentials.uid;
    result.gid = credentials.gid;
    result.pid = credentials.pid;
    return result;
}

QString PeerCredentials::describe() const
{
    if (!known)
        return QCoreApplication::translate("archy::ControlServer", "unknown peer (%1)").arg(error);
    return QStringLiteral("uid %1 pid %2").arg(uid).arg(pid);
}

bool PeerCredentials::mayControl(const QString &adminGroup) const
{
    if (!known)
        return false;
    if (uid == 0 || uid == ::geteuid())
        return true;
    gid_t admin = 0;
    return groupId(adminGroup, &admin) && (gid == admin || userInGroup(uid, admin));
}

bool PeerCredentials::groupId(const QString &name, gid_t *gid)
{
    if (name.isEmpty())
        return false;
    std::vector<char> buffer(16384);
    group entry{};
    group *result = nullptr;
    if (::getgrnam_r(name.toLocal8Bit().constData(), &entry, buffer.data(), buffer.size(), &result) != 0 ||
        !result)
        return false;
    *gid = result->gr_gid;
    return true;
}

bool PeerCredentials::userInGroup(uid_t uid, gid_t gid)
{
    std::vector<char> buffer(16384);
    passwd entry{};
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

} // namespace archy
