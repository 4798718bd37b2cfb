# archy_add_translations(<target>)
#
# Embeds translations/archy-recovery_<lang>.qm into <target> under the resource prefix /i18n
# (loaded by archy::installTranslators()). lupdate scans core/, remote/, ops/, ui/ and app/, not only <target>'s own
# sources, so every tr() string of the application lands in the .ts files.
#
# Refresh the .ts files after changing strings:  cmake --build <build> --target update_translations
function(archy_add_translations target)
    set(root ${PROJECT_SOURCE_DIR})
    file(GLOB_RECURSE archy_tr_sources CONFIGURE_DEPENDS
        ${root}/core/*.cpp ${root}/core/*.h
        ${root}/remote/*.cpp ${root}/remote/*.h
        ${root}/ops/*.cpp ${root}/ops/*.h
        ${root}/ui/*.cpp ${root}/ui/*.h
        ${root}/app/*.cpp ${root}/app/*.h)
    qt_add_translations(${target}
        TS_FILES
            ${root}/translations/archy-recovery_de.ts
            ${root}/translations/archy-recovery_es.ts
            # English: only the plural forms of %n strings (the source text is English already).
            ${root}/translations/archy-recovery_en.ts
        SOURCES ${archy_tr_sources}
        INCLUDE_DIRECTORIES ${root}/core ${root}/remote ${root}/ops ${root}/ui ${root}/app
        RESOURCE_PREFIX /i18n
        LUPDATE_OPTIONS -no-obsolete -locations none)
endfunction()
