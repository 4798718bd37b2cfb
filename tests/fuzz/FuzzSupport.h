#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstddef>
#include <cstdint>
#include <memory>

/// libFuzzer entry points share this: a QCoreApplication (translate() and QFile want one) and the
/// input as a QByteArray.
namespace archy::fuzz {

inline void ensureApplication()
{
    static int argc = 1;
    static char name[] = "archy-fuzz";
    static char *argv[] = {name, nullptr};
    static std::unique_ptr<QCoreApplication> app = std::make_unique<QCoreApplication>(argc, argv);
}

inline QByteArray bytes(const uint8_t *data, size_t size)
{
    return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size));
}

/// One private directory per process for targets whose parser reads a file.
inline const QTemporaryDir &scratchDir()
{
    static QTemporaryDir dir;
    return dir;
}

} // namespace archy::fuzz
