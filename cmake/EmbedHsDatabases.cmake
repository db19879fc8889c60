# Embeds the Vectorscan databases of the built-in rules, compiled at build time for a generic
# x86-64 (engine/hs_prebuilt.h): tools/generators/hs_databases_gen.cpp, linked with the engine,
# loads the embedded rules, compiles what a scan would compile, serializes it into one blob and
# writes an assembler file that pulls the blob in with .incbin. The CLI hands the blob to the
# engine through the symbols rh_hs_databases / rh_hs_databases_end (cli/prebuilt.cpp). Nothing
# generated is committed.
#
# Included from analyzer/CMakeLists.txt after rh_engine is defined; rh_embed_hs_databases(target)
# is called there too (the custom command must live in the target's folder).
add_executable(hs_databases_gen "${CMAKE_SOURCE_DIR}/tools/generators/hs_databases_gen.cpp")
target_link_libraries(hs_databases_gen PRIVATE rh_engine PkgConfig::XXHASH)

set(RH_HS_DATABASES "${CMAKE_BINARY_DIR}/generated/hs_databases.bin")
set(RH_HS_DATABASES_ASM "${CMAKE_BINARY_DIR}/generated/hs_databases.S")

function(rh_embed_hs_databases target)
  add_custom_command(
    OUTPUT "${RH_HS_DATABASES}" "${RH_HS_DATABASES_ASM}"
    COMMAND hs_databases_gen "${RH_HS_DATABASES}" "${RH_HS_DATABASES_ASM}"
    DEPENDS hs_databases_gen
    COMMENT "Compiling the built-in rules' Vectorscan databases")
  target_sources(${target} PRIVATE "${RH_HS_DATABASES_ASM}")
  set_source_files_properties("${RH_HS_DATABASES_ASM}" TARGET_DIRECTORY ${target}
                              PROPERTIES OBJECT_DEPENDS "${RH_HS_DATABASES}")
endfunction()
