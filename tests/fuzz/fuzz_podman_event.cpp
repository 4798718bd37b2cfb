// `podman events --format json`: the input is a stream, fed line by line as EventWatcher does.
#include "FuzzSupport.h"
#include "podman/PodmanParse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    archy::fuzz::ensureApplication();
    const QList<QByteArray> lines = archy::fuzz::bytes(data, size).split('\n');
    for (const QByteArray &line : lines) {
        archy::PodmanEvent event;
        archy::PodmanParse::parseEvent(line, &event);
    }
    return 0;
}
