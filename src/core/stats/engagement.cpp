// Accounting of engagement figures: every event first books the time since the last one to the
// slide that was on screen, then changes what is on screen.
#include "core/stats/engagement.h"

namespace boothdeck {

void SlideFigures::add(const SlideFigures& more) {
  shown += more.shown;
  seconds += more.seconds;
  touches += more.touches;
  dwell += more.dwell;
  if (!more.title.empty()) title = more.title;
}

SlideFigures& EngagementCounter::at(std::map<std::pair<std::string, int>, SlideFigures>& table,
                                    const std::string& date) {
  SlideFigures& f = table[{date, slide_}];
  f.date = date;
  f.slide = slide_;
  f.title = title_;
  return f;
}

void EngagementCounter::account(double now, const std::string& date) {
  double elapsed = now - since_;
  since_ = now;
  // A clock that went backwards books nothing rather than negative time.
  if (slide_ < 0 || !visible_ || elapsed <= 0) return;
  for (auto* table : {&totals_, &pending_}) {
    SlideFigures& f = at(*table, date);
    f.seconds += elapsed;
    if (engaged_) f.dwell += elapsed;
  }
}

void EngagementCounter::slide_shown(double now, const std::string& date, int slide,
                                    std::string title, bool by_visitor) {
  account(now, date);
  slide_ = slide;
  title_ = std::move(title);
  engaged_ = by_visitor;
  for (auto* table : {&totals_, &pending_}) ++at(*table, date).shown;
}

void EngagementCounter::visitor_touch(double now, const std::string& date) {
  account(now, date);
  if (slide_ < 0) return;
  engaged_ = true;
  for (auto* table : {&totals_, &pending_}) ++at(*table, date).touches;
}

void EngagementCounter::set_visible(double now, const std::string& date, bool visible) {
  account(now, date);
  visible_ = visible;
}

std::vector<SlideFigures> EngagementCounter::take_increments(double now, const std::string& date) {
  account(now, date);
  std::vector<SlideFigures> out;
  for (auto& [key, figures] : pending_)
    if (!figures.empty()) out.push_back(figures);
  pending_.clear();
  return out;
}

std::vector<SlideFigures> EngagementCounter::totals(const std::string& date) const {
  std::vector<SlideFigures> out;
  for (auto it = totals_.lower_bound({date, -1}); it != totals_.end() && it->first.first == date;
       ++it)
    out.push_back(it->second);
  return out;
}

void EngagementCounter::restore(const std::vector<SlideFigures>& figures) {
  for (const SlideFigures& f : figures) {
    SlideFigures& total = totals_[{f.date, f.slide}];
    if (total.date.empty()) total.date = f.date, total.slide = f.slide;
    total.add(f);
  }
}

void EngagementCounter::keep_only(const std::string& date) {
  std::erase_if(totals_, [&](const auto& entry) { return entry.first.first != date; });
}

}  // namespace boothdeck
