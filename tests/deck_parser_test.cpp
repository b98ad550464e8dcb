#include <doctest/doctest.h>
#include "core/deck/deck_parser.h"
using namespace boothdeck;
TEST_CASE("smoke") { CHECK(parse_deck("# hi", {}).deck.slides.size() == 1); }
