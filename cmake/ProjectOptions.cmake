# One INTERFACE target carries the language standard, warnings and Qt strictness macros.
add_library(archy_options INTERFACE)
target_compile_features(archy_options INTERFACE cxx_std_17)
set(CMAKE_CXX_EXTENSIONS OFF)
target_compile_options(archy_options INTERFACE -Wall -Wextra -Wpedantic)
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
