#include "SystemdNotify.h"

#include <cstring>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

namespace archy {

void systemdNotify(const QByteArray &state)
{
    const QByteArray socketPath = qgetenv("NOTIFY_SOCKET");
    if (socketPath.isEmpty() || socketPath.size() >= int(sizeof(sockaddr_un::sun_path)))
        return;
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    std::memcpy(address.sun_path, socketPath.constData(), size_t(socketPath.size()));
    if (address.sun_path[0] == '@')
        address.sun_path[0] = '\0'; // abstract namespace
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return;
    const socklen_t length = socklen_t(offsetof(sockaddr_un, sun_path) + size_t(socketPath.size()));
    [[maybe_unused]] const ssize_t sent =
        ::sendto(fd, state.constData(), size_t(state.size()), MSG_NOSIGNAL,
                 reinterpret_cast<const sockaddr *>(&address), length);
    ::close(fd);
}

} // namespace archy
