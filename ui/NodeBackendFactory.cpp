#include "NodeBackendFactory.h"

namespace archy {

namespace {
NodeBackendFactory *installedFactory = nullptr;
}

NodeBackendFactory *NodeBackendFactory::instance()
{
    return installedFactory;
}

void NodeBackendFactory::install(NodeBackendFactory *factory)
{
    installedFactory = factory;
}

} // namespace archy
