# POS_FUZZ (clang only, the fuzz preset): every project library gets libFuzzer's coverage instrumentation plus
# ASan and UBSan, and fuzz/ is built; the fuzz targets themselves link -fsanitize=fuzzer (fuzz/CMakeLists.txt).
option(POS_FUZZ "Build the libFuzzer targets in fuzz/ (clang) and instrument the project libraries for them" OFF)
set(POS_FUZZ_INSTRUMENTATION -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined
    -fno-omit-frame-pointer)
if(POS_FUZZ AND NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "POS_FUZZ needs clang (libFuzzer): configure with the fuzz preset")
endif()

# One INTERFACE target carries every compile setting; each project target links it PRIVATE.
# No directory-scope flags anywhere in the tree.
add_library(pos_build_settings INTERFACE)
target_compile_features(pos_build_settings INTERFACE cxx_std_20)
target_include_directories(pos_build_settings INTERFACE
    "${PROJECT_SOURCE_DIR}"          # #include "core/Result.h"
    "${PROJECT_BINARY_DIR}/generated")
target_compile_definitions(pos_build_settings INTERFACE
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_CAST_FROM_BYTEARRAY
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_KEYWORDS
    QT_USE_QSTRINGBUILDER
    QT_STRICT_ITERATORS
    QT_DISABLE_DEPRECATED_UP_TO=0x060400
    OPENSSL_API_COMPAT=30000
    OPENSSL_NO_DEPRECATED)
target_compile_options(pos_build_settings INTERFACE
    $<$<CXX_COMPILER_ID:GNU,Clang,AppleClang>:-Wall -Wextra -Wpedantic -Wold-style-cast -Wnon-virtual-dtor
        -Woverloaded-virtual -Wshadow -Wcast-qual -Wformat=2 -Wimplicit-fallthrough>
    $<$<CXX_COMPILER_ID:MSVC>:/W4 /permissive- /utf-8>
    $<$<BOOL:${POS_WERROR}>:$<IF:$<CXX_COMPILER_ID:MSVC>,/WX,-Werror>>
    $<$<BOOL:${POS_SANITIZE}>:-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined>
    $<$<BOOL:${POS_FUZZ}>:${POS_FUZZ_INSTRUMENTATION}>)
target_link_options(pos_build_settings INTERFACE
    $<$<BOOL:${POS_SANITIZE}>:-fsanitize=address,undefined>
    $<$<BOOL:${POS_FUZZ}>:-fsanitize=address,undefined>)

# Version header generated into the build tree, never into the source tree.
configure_file("${PROJECT_SOURCE_DIR}/cmake/PosVersion.h.in" "${PROJECT_BINARY_DIR}/generated/PosVersion.h" @ONLY)
