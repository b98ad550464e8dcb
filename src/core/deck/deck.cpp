// Small queries on the deck model.
#include "core/deck/deck.h"

#include <algorithm>

namespace boothdeck {

std::string plain_text(const RichText& text) {
  std::string out;
  for (const Span& span : text) out += span.text;
  return out;
}

double BarChart::axis_max() const {
  if (max && *max > 0) return *max;
  double largest = 0;
  for (const Bar& bar : bars) largest = std::max(largest, bar.value);
  return largest > 0 ? largest : 1;
}

std::string Slide::title() const {
  for (const Block& block : blocks)
    if (block.kind == BlockKind::Heading) return plain_text(block.text);
  return "";
}

double Deck::duration_of(int slide) const {
  if (slide >= 0 && slide < static_cast<int>(slides.size()) && slides[slide].duration > 0)
    return slides[slide].duration;
  return settings.duration;
}

Transition Deck::transition_into(int slide) const {
  if (slide >= 0 && slide < static_cast<int>(slides.size()) && slides[slide].transition)
    return *slides[slide].transition;
  return settings.transition;
}

}  // namespace boothdeck
