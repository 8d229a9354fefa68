# Embeds text files into the binary as string_views, so the flinklint executable is self-contained.
# flinklint_embed(<symbol> <prefix> <output.cpp> <files...>) defines
#   flinklint::embedded::<symbol>() -> std::span<const EmbeddedFile>
set(FLINKLINT_EMBED_SCRIPT ${CMAKE_CURRENT_LIST_DIR}/EmbedScript.cmake)

function(flinklint_embed symbol prefix output)
  set(files ${ARGN})
  list(SORT files)
  string(REPLACE ";" "|" joined "${files}")
  add_custom_command(
    OUTPUT ${output}
    COMMAND ${CMAKE_COMMAND} -DSYMBOL=${symbol} -DPREFIX=${prefix} -DOUTPUT=${output}
            "-DFILES=${joined}" -P ${FLINKLINT_EMBED_SCRIPT}
    DEPENDS ${files} ${FLINKLINT_EMBED_SCRIPT}
    COMMENT "Embedding ${prefix} files"
    VERBATIM)
endfunction()
