# Turns a text file into a C++ source defining `boothdeck::kBuiltinDeck` (run at build time).
file(READ ${INPUT} content HEX)
string(REGEX REPLACE "([0-9a-f][0-9a-f])" "0x\\1," bytes "${content}")
file(WRITE ${OUTPUT}
  "// Generated from assets/decks by cmake/embed_file.cmake; do not edit.\n"
  "#include <string_view>\n"
  "namespace boothdeck {\n"
  "static const unsigned char kBytes[] = {${bytes} 0};\n"
  "extern const std::string_view kBuiltinDeck(reinterpret_cast<const char*>(kBytes), sizeof(kBytes) - 1);\n"
  "}\n")
