# Embeds the SPDX licence index into the binary. The SPDX licence list
# (node_modules/spdx-license-list/spdx-full.json, installed by `npm ci --ignore-scripts` from the
# pinned package.json) is normalised and indexed at build time by a small generator built from the
# scan's own normalisation code (tools/generators/spdx_index_gen.cpp,
# analyzer/health/licence_normalise.cpp, licence_index.cpp); the generator writes the index and an
# assembler file that pulls it in with .incbin. health/licence_match reads it in place through the
# symbols rh_spdx_index / rh_spdx_index_end. Nothing generated is committed.
#
# Included from the top CMakeLists.txt after cmake/Grammars.cmake (for REPOHEALTH_NODE_MODULES);
# rh_embed_spdx(target) is called where the target is defined.
set(RH_SPDX_JSON "${REPOHEALTH_NODE_MODULES}/spdx-license-list/spdx-full.json")
if(NOT EXISTS "${RH_SPDX_JSON}")
  message(FATAL_ERROR "SPDX licence list missing at ${RH_SPDX_JSON}: run scripts/setup.sh (npm ci --ignore-scripts)")
endif()

enable_language(ASM)  # file scope: enable_language may not be called from a function

add_executable(spdx_index_gen "${CMAKE_SOURCE_DIR}/tools/generators/spdx_index_gen.cpp"
               "${CMAKE_SOURCE_DIR}/analyzer/health/licence_normalise.cpp"
               "${CMAKE_SOURCE_DIR}/analyzer/health/licence_index.cpp")
target_include_directories(spdx_index_gen PRIVATE "${CMAKE_SOURCE_DIR}/analyzer")
target_link_libraries(spdx_index_gen PRIVATE nlohmann_json::nlohmann_json PkgConfig::XXHASH)

set(RH_SPDX_INDEX "${CMAKE_BINARY_DIR}/generated/spdx_index.bin")
set(RH_SPDX_ASM "${CMAKE_BINARY_DIR}/generated/spdx_index.S")

function(rh_embed_spdx target)
  add_custom_command(
    OUTPUT "${RH_SPDX_INDEX}" "${RH_SPDX_ASM}"
    COMMAND spdx_index_gen "${RH_SPDX_JSON}" "${RH_SPDX_INDEX}" "${RH_SPDX_ASM}"
    DEPENDS spdx_index_gen "${RH_SPDX_JSON}"
    COMMENT "Normalising the SPDX licence list into the licence index")
  target_sources(${target} PRIVATE "${RH_SPDX_ASM}")
  # .incbin is invisible to the dependency scanner: reassemble when the index changes.
  set_source_files_properties("${RH_SPDX_ASM}" TARGET_DIRECTORY ${target}
                              PROPERTIES OBJECT_DEPENDS "${RH_SPDX_INDEX}")
endfunction()
