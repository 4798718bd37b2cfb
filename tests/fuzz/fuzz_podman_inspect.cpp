// `podman container inspect --format json`.
#include "FuzzSupport.h"
#include "podman/PodmanParse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    archy::fuzz::ensureApplication();
    QList<archy::InspectEntry> entries;
    QString error;
    archy::PodmanParse::parseInspect(archy::fuzz::bytes(data, size), &entries, &error);
    return 0;
}
