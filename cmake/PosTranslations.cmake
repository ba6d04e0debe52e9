# pos_add_translation_updates(<source folders...>)
# Qt 6.4's qt_add_lupdate scans one target's sources; our strings live in many libraries, so the sources of
# every target in the given folders are collected and handed to it. Gives the targets pos_ui_lupdate
# (zh_CN: every message), pos_app_lupdate (en: plural forms only, English being the source language) and
# Qt's global update_translations, which refreshes translations/*.ts in place.
function(pos_add_translation_updates)
    set(sources "")
    foreach(folder IN LISTS ARGN)
        get_property(targets DIRECTORY "${PROJECT_SOURCE_DIR}/${folder}" PROPERTY BUILDSYSTEM_TARGETS)
        foreach(target IN LISTS targets)
            get_target_property(type ${target} TYPE)
            if(type STREQUAL "UTILITY" OR type STREQUAL "INTERFACE_LIBRARY")
                continue()
            endif()
            get_target_property(target_sources ${target} SOURCES)
            get_target_property(target_dir ${target} SOURCE_DIR)
            foreach(source IN LISTS target_sources)
                if(NOT source MATCHES "\\.(cpp|h)$" OR source MATCHES "(_autogen|/\\.rcc/|qrc_)")
                    continue()
                endif()
                if(NOT IS_ABSOLUTE "${source}")
                    set(source "${target_dir}/${source}")
                endif()
                list(APPEND sources "${source}")
            endforeach()
        endforeach()
    endforeach()
    list(REMOVE_DUPLICATES sources)
    set(common_options -silent -locations none -no-obsolete)
    qt_add_lupdate(pos_ui
        TS_FILES "${PROJECT_SOURCE_DIR}/translations/pos_zh_CN.ts"
        SOURCES ${sources}
        INCLUDE_DIRECTORIES "${PROJECT_SOURCE_DIR}"
        OPTIONS ${common_options})
    qt_add_lupdate(pos_app
        TS_FILES "${PROJECT_SOURCE_DIR}/translations/pos_en.ts"
        SOURCES ${sources}
        INCLUDE_DIRECTORIES "${PROJECT_SOURCE_DIR}"
        OPTIONS ${common_options} -pluralonly)
endfunction()
