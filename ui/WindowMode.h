#pragma once

namespace archy {

/// Desktop: a normal resizable window for an admin. Kiosk: full screen on the node's touch screen.
enum class WindowMode
{
    Desktop,
    Kiosk
};

} // namespace archy
