# Turns a file into a C++ source defining `boothdeck::${SYMBOL}` as a std::string_view (run at
# build time): the built-in deck (kBuiltinDeck, the default) and the remote's phone page.
if(NOT SYMBOL)
  set(SYMBOL kBuiltinDeck)
endif()
file(READ ${INPUT} content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${content}")
file(WRITE ${OUTPUT}
  "// Generated from ${INPUT} by cmake/embed_file.cmake; do not edit.\n"
  "#include <string_view>\n"
  "namespace boothdeck {\n"
  "static const unsigned char kBytes[] = {${bytes} 0};\n"
  "extern const std::string_view ${SYMBOL}(reinterpret_cast<const char*>(kBytes), sizeof(kBytes) - 1);\n"
  "}\n")
