# One INTERFACE target carries the language standard, warnings and Qt strictness macros.
add_library(archy_options INTERFACE)
target_compile_features(archy_options INTERFACE cxx_std_17)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(archy_options INTERFACE -Wall -Wextra -Wpedantic)
# Qt's logging macros (qCDebug(category) << ...) leave their variadic part empty, which clang's
# -Wpedantic reports at every call (76 times in the fuzz build); GCC does not.
if(CMAKE_CXX_COMPILER_ID MATCHES "Clang")
    target_compile_options(archy_options INTERFACE -Wno-gnu-zero-variadic-macro-arguments)
endif()
option(ARCHY_WERROR "Treat warnings as errors (CI)" OFF)
if(ARCHY_WERROR)
    target_compile_options(archy_options INTERFACE -Werror)
endif()
target_compile_definitions(archy_options INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    ARCHY_VERSION="${PROJECT_VERSION}")

# scripts/test.sh --sanitize: AddressSanitizer + UndefinedBehaviorSanitizer on every target, in a
# build dir of its own. Undefined behaviour aborts instead of printing and carrying on, so CTest
# sees it as a failure. GCC leaves float-cast-overflow (1e300 cast to an integer) out of
# "undefined", unlike clang's fuzz build; it is named so both check the same.
option(ARCHY_SANITIZE "Build with -fsanitize=address,undefined" OFF)
if(ARCHY_SANITIZE)
    add_compile_options(-fsanitize=address,undefined,float-cast-overflow
                        -fno-sanitize-recover=undefined,float-cast-overflow -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined,float-cast-overflow)
endif()

# scripts/fuzz.sh: libFuzzer targets (clang only). Everything they link is instrumented for coverage
# and checked by ASan + UBSan; the UI, the app and the test suite are not built.
option(ARCHY_FUZZ "Build the libFuzzer targets in tests/fuzz (clang)" OFF)
if(ARCHY_FUZZ)
    if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
        message(FATAL_ERROR "ARCHY_FUZZ needs clang (CMAKE_CXX_COMPILER=clang++-14)")
    endif()
    add_compile_options(-fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
    add_link_options(-fsanitize=address,undefined)
endif()
