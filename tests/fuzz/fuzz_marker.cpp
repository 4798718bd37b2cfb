// The run marker (archipelago.pid): the seed's bare pid or our key=value record.
#include <cstdlib>

#include "FuzzSupport.h"
#include "state/RunMarker.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    archy::fuzz::ensureApplication();
    archy::MarkerRecord record;
    if (!archy::MarkerRecord::parse(archy::fuzz::bytes(data, size), &record))
        return 0;
    if (record.pid <= 0)
        std::abort();
    archy::MarkerRecord again;
    if (!archy::MarkerRecord::parse(record.serialize(), &again) || again.pid != record.pid)
        std::abort();
    return 0;
}
