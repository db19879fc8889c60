# Embeds every file under rules/ into the binary: a generated C++ source holding a table of
# {path relative to rules/, bytes}. Rules and language specs are data, read at run time
# from this table (and from user folders).
function(rh_embed_folder target folder)
  file(GLOB_RECURSE files CONFIGURE_DEPENDS "${folder}/*.yml" "${folder}/*.yaml")
  set(out "${CMAKE_BINARY_DIR}/generated/embedded_rules.cpp")
  add_custom_command(
    OUTPUT "${out}"
    COMMAND ${CMAKE_COMMAND} -DFOLDER=${folder} -DOUT=${out} -P "${CMAKE_SOURCE_DIR}/cmake/EmbedRun.cmake"
    DEPENDS ${files} "${CMAKE_SOURCE_DIR}/cmake/EmbedRun.cmake"
    COMMENT "Embedding rules/ into the binary")
  target_sources(${target} PRIVATE "${out}")
endfunction()
