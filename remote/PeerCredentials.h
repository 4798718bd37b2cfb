#pragma once

#include <QString>

#include <sys/types.h>

namespace archy {

/**
 * Who is at the other end of a Unix socket (SO_PEERCRED) and whether the control socket lets them
 * in: root, the agent's own user, and members (primary or supplementary) of the admin group.
 */
struct PeerCredentials
{
    bool known = false;
    uid_t uid = 0;
    gid_t gid = 0;
    pid_t pid = 0;
    QString error; ///< why they could not be read

    static PeerCredentials of(qintptr socketDescriptor);
    /// "uid 1000 pid 42", for logs.
    QString describe() const;
    bool mayControl(const QString &adminGroup) const;

    /// The gid of group @p name; false if there is no such group.
    static bool groupId(const QString &name, gid_t *gid);
    /// True if user @p uid belongs to group @p gid.
    static bool userInGroup(uid_t uid, gid_t gid);
};

} // namespace archy
