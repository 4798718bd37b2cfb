// The snapshot file (running-containers.json): parse, and what parses must survive a round trip.
#include <cstdlib>

#include "FuzzSupport.h"
#include "state/Snapshot.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    archy::fuzz::ensureApplication();
    archy::Snapshot snapshot;
    QString error;
    if (!archy::Snapshot::fromJson(archy::fuzz::bytes(data, size), &snapshot, &error))
        return 0;
    archy::Snapshot again;
    if (!archy::Snapshot::fromJson(snapshot.toJson(), &again, &error))
        std::abort(); // we wrote something we cannot read back
    return 0;
}
