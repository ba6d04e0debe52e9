# pos_add_test(<name> SOURCES <files...> [LIBS <targets...>] [LABELS <labels...>] [GUI] [TIMEOUT <s>]
#              [ARGS <args...>] [ENVIRONMENT <VAR=value...>])
# One executable per unit. Every test runs headless (QT_QPA_PLATFORM=offscreen) with a fixed UTF-8 locale and
# Qt's test mode for standard paths, so nothing touches the developer's real data. Labels: unit (default),
# gui, integration, slow.
function(pos_add_test name)
    cmake_parse_arguments(ARG "GUI" "TIMEOUT" "SOURCES;LIBS;LABELS;ARGS;ENVIRONMENT" ${ARGN})
    if(NOT ARG_SOURCES)
        message(FATAL_ERROR "pos_add_test(${name}) needs SOURCES")
    endif()
    add_executable(${name} ${ARG_SOURCES})
    target_link_libraries(${name} PRIVATE ${ARG_LIBS} pos_testsupport Qt6::Test pos_build_settings)
    target_compile_definitions(${name} PRIVATE
        POS_TEST_DATA_DIR="${PROJECT_SOURCE_DIR}/tests/data"
        POS_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
        POS_BINARY_DIR="${PROJECT_BINARY_DIR}"
        POS_BIN_DIR="${PROJECT_BINARY_DIR}/bin")
    set_target_properties(${name} PROPERTIES RUNTIME_OUTPUT_DIRECTORY "${PROJECT_BINARY_DIR}/tests")
    add_test(NAME ${name} COMMAND ${name} ${ARG_ARGS})

    set(labels ${ARG_LABELS})
    if(ARG_GUI)
        list(APPEND labels gui)
    endif()
    if(NOT labels)
        set(labels unit)
    endif()
    if(NOT ARG_TIMEOUT)
        set(ARG_TIMEOUT 120)
    endif()
    set_tests_properties(${name} PROPERTIES
        LABELS "${labels}"
        TIMEOUT ${ARG_TIMEOUT}
        ENVIRONMENT "LC_ALL=C.UTF-8;QT_QPA_PLATFORM=offscreen;QT_ACCESSIBILITY=0;${ARG_ENVIRONMENT}")
endfunction()
