// What the agent does with a client's message: decode, check a hello, read a command's fields.
#include <QJsonObject>

#include "FuzzSupport.h"
#include "podman/PodmanParse.h"
#include "protocol/Protocol.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    archy::fuzz::ensureApplication();
    const QByteArray input = archy::fuzz::bytes(data, size);
    if (input.size() > archy::Protocol::MaxClientMessageBytes)
        return 0; // refused before decoding
    QJsonObject message;
    QString error;
    if (!archy::Protocol::decode(input, &message, &error))
        return 0;
    const QString type = archy::Protocol::typeOf(message);
    if (type == archy::Protocol::Type::hello())
        (void)archy::Protocol::checkHello(message);
    else if (type == archy::Protocol::Type::retry())
        (void)archy::isValidContainerName(message.value(QLatin1String("name")).toString());
    (void)archy::Protocol::encode(
        archy::Protocol::error(archy::Protocol::Error::unknownCommand(), type.left(100)));
    return 0;
}
