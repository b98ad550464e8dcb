// Engagement figures: for each day and slide, how often it was shown, its seconds on screen,
// visitor touches, and its dwell after a touch. Counts and seconds only: no positions, images,
// identifiers or anything else about a person. Pure logic with `now` passed in; links nothing
// graphical.
//
//   EngagementCounter counter;
//   counter.slide_shown(now, "2026-12-01", 3, "벤치마크", /*by_visitor=*/true);
//   counter.visitor_touch(now, "2026-12-01");
//   for (const SlideFigures& f : counter.take_increments(now, "2026-12-01")) append(f);
#pragma once

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace boothdeck {

// One slide on one day. As an increment, what happened since the last one; as a total, the day.
struct SlideFigures {
  std::string date;    // local date, "YYYY-MM-DD"
  int slide = 0;       // 0-based index in the deck
  std::string title;   // the slide's title when last shown (decks change)
  long shown = 0;      // times the slide came on screen
  double seconds = 0;  // seconds on screen (not blanked)
  long touches = 0;    // visitor taps and swipes while it was on screen
  // Seconds on screen after a visitor touched it, or after a visitor's touch brought it up:
  // how long visitors stayed with it.
  double dwell = 0;

  bool empty() const { return shown == 0 && seconds == 0 && touches == 0 && dwell == 0; }
  void add(const SlideFigures& more);
};

class EngagementCounter {
 public:
  // The slide now on screen; `by_visitor` when a visitor's touch brought it up.
  void slide_shown(double now, const std::string& date, int slide, std::string title,
                   bool by_visitor);
  // A visitor's tap or swipe on the slide (not on the operator panel).
  void visitor_touch(double now, const std::string& date);
  // The screen is blanked (or comes back): blanked time counts for no slide.
  void set_visible(double now, const std::string& date, bool visible);
  // Accounts time up to `now` and hands over what changed since the last call, one entry per
  // (date, slide); the day's totals keep growing.
  std::vector<SlideFigures> take_increments(double now, const std::string& date);
  // Totals of `date`, slides in deck order.
  std::vector<SlideFigures> totals(const std::string& date) const;
  // Adds figures written before a restart to the totals (not to the increments).
  void restore(const std::vector<SlideFigures>& figures);
  // Forgets totals of other days than `date` (memory stays bounded over weeks).
  void keep_only(const std::string& date);

 private:
  void account(double now, const std::string& date);
  SlideFigures& at(std::map<std::pair<std::string, int>, SlideFigures>& table,
                   const std::string& date);

  std::map<std::pair<std::string, int>, SlideFigures> totals_, pending_;
  int slide_ = -1;
  std::string title_;
  bool visible_ = true;
  bool engaged_ = false;  // a visitor touched the current showing of the slide
  double since_ = 0;      // time accounted up to here
};

}  // namespace boothdeck
