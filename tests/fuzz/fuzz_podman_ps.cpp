// `podman ps --format json`.
#include <cstdlib>

#include "FuzzSupport.h"
#include "podman/PodmanParse.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    archy::fuzz::ensureApplication();
    QList<archy::PsEntry> entries;
    QString error;
    if (archy::PodmanParse::parsePs(archy::fuzz::bytes(data, size), &entries, &error)) {
        for (const archy::PsEntry &entry : entries) {
            if (entry.name.isEmpty())
                std::abort(); // documented: entries without a usable name are dropped
        }
    }
    return 0;
}
