// The LAN token file (remote-token), read the way the agent and the CLI read it.
#include <QDir>
#include <QFile>

#include <cstdlib>

#include "FuzzSupport.h"
#include "Token.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    archy::fuzz::ensureApplication();
    const QString dir = archy::fuzz::scratchDir().path();
    QFile file(QDir(dir).filePath(archy::Token::fileName()));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return 0;
    file.write(archy::fuzz::bytes(data, size));
    file.close();
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    QString error;
    const QByteArray token = archy::Token::ensureToken(dir, &error);
    if (!token.isEmpty() && !archy::Token::isValidToken(token))
        std::abort(); // only a valid token may come out
    return 0;
}
