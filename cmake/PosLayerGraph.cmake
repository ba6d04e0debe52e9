# pos_write_layer_graph(<output file> <source folders...>)
# Writes, at generate time, one line per project target defined in the given folders:
#   <target>|<type>|<folder>|<direct link items separated by ;>
# tests/build/tst_layer_rules.cpp reads the file and fails when the dependency direction
# core <- storage, devices, acquirer <- activation, sales <- ui <- app is broken.
function(pos_write_layer_graph output)
    set(content "")
    foreach(folder IN LISTS ARGN)
        get_property(targets DIRECTORY "${PROJECT_SOURCE_DIR}/${folder}" PROPERTY BUILDSYSTEM_TARGETS)
        foreach(target IN LISTS targets)
            get_target_property(type ${target} TYPE)
            if(type STREQUAL "UTILITY")
                continue()
            endif()
            # Qt's helper targets (resources, translations, autogen) are not part of the layering.
            if(target MATCHES "_(autogen|resources_[0-9]+|other_files)$" OR target MATCHES "^pos_(ui|app)_(resources|i18n)")
                continue()
            endif()
            string(APPEND content "${target}|${type}|${folder}|$<JOIN:$<TARGET_PROPERTY:${target},LINK_LIBRARIES>,;>\n")
        endforeach()
    endforeach()
    file(GENERATE OUTPUT "${output}" CONTENT "${content}")
endfunction()
