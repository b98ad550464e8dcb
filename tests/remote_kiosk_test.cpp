// The kiosk beyond its own screen, on the fake platform: a phone's commands cross to the loop
// through the queue, the status and the event stream follow the show, thumbnails are drawn
// between frames, the presenter's window comes and goes without touching the public show,
// pairing again from the panel revokes the token, every log line carries the wall clock, and
// screens with `sync: wallclock` started apart show the same slides at the same moments.
#include <SDL_image.h>
#include <doctest/doctest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <future>
#include <regex>
#include <thread>

#include "app/kiosk/kiosk_remote.h"
#include "kiosk_rig.h"

using namespace boothdeck;
using namespace std::chrono_literals;

namespace {

const char* kDeck =
    "---\nduration: 4\ntransition: none\nidle-return: 30\n---\n# 하나\n\n<!-- notes: 첫 노트 "
    "-->\n---\n# 둘\n---\n# 셋\n";

// Runs the loop in short stretches until `done` (another thread's work) is ready; the fake
// clock advances a little each stretch, real time passes between them.
template <typename T>
T serve_until(Rig& rig, std::future<T>& done) {
  for (int i = 0; i < 2000 && done.wait_for(1ms) != std::future_status::ready; ++i)
    rig.run_until(rig.now() + 0.02);
  REQUIRE(done.wait_for(0ms) == std::future_status::ready);
  return done.get();
}

// A port nothing listens on now (the kernel's pick), for a server of the test's own.
int free_port() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address);
  socklen_t size = sizeof address;
  getsockname(fd, reinterpret_cast<sockaddr*>(&address), &size);
  close(fd);
  return ntohs(address.sin_port);
}

}  // namespace

TEST_CASE("a phone's commands cross to the loop through the queue and move the show") {
  Rig rig(kDeck);
  RemoteExchange& exchange = rig.kiosk->remote_exchange();
  double t = rig.now();
  rig.run_until(t + 1);
  uint64_t go = exchange.post({RemoteAction::GoTo, 3}, Source::Api);
  uint64_t blank = exchange.post({RemoteAction::Blank}, Source::Api);
  uint64_t again = exchange.post({RemoteAction::Blank}, Source::Api);  // already blank: nothing
  REQUIRE(go > 0);
  CHECK_FALSE(exchange.wait_done(again, 0ms));
  rig.run_until(rig.now() + 0.01);  // woken at once: the fake clock stands still
  CHECK(exchange.wait_done(again, 0ms));
  CHECK(rig.kiosk->show().slide() == 2);
  CHECK(rig.kiosk->show().blanked());
  CHECK(rig.kiosk->show().held());  // a phone is a presenter's remote
  auto commands = rig.events("remote");
  REQUIRE(commands.size() == 3);
  CHECK(commands[0]["via"] == "http");
  CHECK(commands[0]["command"] == "goto");
  CHECK(commands[0]["slide"] == 3);
  CHECK(rig.slides_logged("api") == std::vector<int>{2});
  CHECK(rig.events("blank").size() == 1);
  CHECK(blank < again);
  // The status the phone reads afterwards is the new one.
  auto status = exchange.status();
  REQUIRE(status);
  CHECK((*status)["slide"] == 3);
  CHECK((*status)["count"] == 3);
  CHECK((*status)["blank"] == true);
  CHECK((*status)["held"] == true);
  CHECK((*status)["next"] == 1);             // the deck loops
  CHECK((*status)["slide_left"].is_null());  // not counting while held
  // A flood fills the queue: the rest are refused (HTTP 429), none is lost silently.
  int queued = 0;
  for (int i = 0; i < 100; ++i) queued += exchange.post({RemoteAction::Next}, Source::Api) > 0;
  CHECK(queued == static_cast<int>(RemoteExchange::kMaxQueued));
}

TEST_CASE("the event stream: the status when it changes, and the log's events after it") {
  Rig rig(kDeck);
  RemoteExchange& exchange = rig.kiosk->remote_exchange();
  double t = rig.now();
  rig.run_until(t + 9);  // two timer changes
  std::vector<RemoteEvent> events = exchange.events_after(0, 0ms);
  std::vector<std::string> types;
  for (const RemoteEvent& e : events)
    if (e.type == "status" || e.type == "slide") types.push_back(e.type);
  // the start: the status; each change: the new status, then the log's slide event
  CHECK(types == std::vector<std::string>{"status", "status", "slide", "status", "slide"});
  nlohmann::json last = nlohmann::json::parse(events.back().data);
  CHECK(last["slide"] == 3);  // 1-based in the API, beside the log's 0-based index
  CHECK(last["index"] == 2);
  CHECK(last["reason"] == "timer");
  auto slides = exchange.slides();
  REQUIRE(slides);
  CHECK((*slides)["slides"].size() == 3);
  CHECK((*slides)["slides"][0]["notes"] == "첫 노트");
  CHECK((*slides)["slides"][0]["duration"] == 4.0);
  CHECK(exchange.slide_count() == 3);
}

TEST_CASE("thumbnails are drawn by the loop between frames, as PNG") {
  Rig rig("---\ntheme: light\nduration: 1\ntransition: none\n---\n# 하나\n---\n# 둘\n");
  RemoteExchange& exchange = rig.kiosk->remote_exchange();
  rig.run_until(rig.now() + 0.5);
  auto asked = std::async(std::launch::async, [&] { return exchange.thumbnail(1, 10s); });
  std::shared_ptr<const std::string> png = serve_until(rig, asked);
  REQUIRE(png);
  SDL_Surface* image =
      IMG_Load_RW(SDL_RWFromConstMem(png->data(), static_cast<int>(png->size())), 1);
  REQUIRE(image);
  CHECK(image->w == 640);
  CHECK(image->h == 360);
  SDL_Surface* rgb = SDL_ConvertSurfaceFormat(image, SDL_PIXELFORMAT_RGB24, 0);
  const auto* p = static_cast<const uint8_t*>(rgb->pixels) + 2 * rgb->pitch + 2 * 3;
  Color background = theme_named("light").background;
  CHECK(Color{p[0], p[1], p[2]} == background);
  SDL_FreeSurface(rgb);
  SDL_FreeSurface(image);
  // Asked again: from the cache, without the loop.
  CHECK(exchange.thumbnail(1, 0ms) == png);
  CHECK(exchange.thumbnail(7, 0ms) == nullptr);  // no such slide
  // A new deck generation drops them.
  write_file(rig.deck_path(), "---\nduration: 1\n---\n# 새 덱\n---\n# 둘\n");
  rig.run_until(rig.now() + 3);
  REQUIRE(rig.events("reload").size() == 1);
  CHECK(exchange.thumbnail(1, 0ms) == nullptr);
}

TEST_CASE("the presenter's window comes and goes; the public show never notices") {
  Rig rig(kDeck);
  double t = rig.now();
  rig.platform.presenter_at(t + 1, 1280, 720, t + 6);
  rig.run_until(t + 3);
  auto* window = rig.platform.fake_presenter();
  REQUIRE(window);
  CHECK(rig.kiosk->presenter_frames() >= 2);  // a frame, then one a second for the clock
  CHECK(window->presents == rig.kiosk->presenter_frames());
  // Its current slide's box shows the slide's background; the rest is the window's own.
  PresenterLayout l = layout_presenter(1280, 720, 720.0f / 1280);
  SDL_Surface* s = window->surface.surface();
  auto pixel = [&](int x, int y) {
    uint8_t r, g, b;
    SDL_GetRGB(static_cast<uint32_t*>(s->pixels)[y * s->pitch / 4 + x], s->format, &r, &g, &b);
    return Color{r, g, b};
  };
  CHECK(pixel(l.current.x + 3, l.current.y + 3) == theme_named("dark").background);
  CHECK(pixel(l.next.x + 3, l.next.y + 3) == theme_named("dark").background);
  CHECK_FALSE(pixel(l.current.x + l.current.w + 2, l.current.y + 3) ==
              theme_named("dark").background);
  // Keys work whichever window has them: they are the show's.
  rig.platform.at(t + 3.5, key_event(Key::Right));
  uint64_t public_frames = rig.kiosk->frames();
  rig.run_until(t + 10);
  CHECK(rig.slides_logged("key") == std::vector<int>{1});
  auto views = rig.events("presenter-view");
  REQUIRE(views.size() == 2);
  CHECK(views[0]["open"] == true);
  CHECK(views[1]["open"] == false);  // unplugged at t + 6
  CHECK(rig.kiosk->presenter_frames() == -1);
  CHECK(rig.kiosk->frames() > public_frames);  // the public show drew on
  CHECK(rig.kiosk->running());
}

TEST_CASE("presenter layout: inside the window, apart, slides in their shape") {
  for (auto [w, h] : {std::pair{1920, 1080}, {1280, 720}, {1080, 1920}, {800, 480}, {3840, 1080}}) {
    CAPTURE(w);
    CAPTURE(h);
    PresenterLayout l = layout_presenter(w, h, 9.0f / 16);
    const SDL_Rect* boxes[] = {&l.current, &l.next, &l.notes, &l.timers};
    for (const SDL_Rect* a : boxes) {
      CHECK(a->x >= 0);
      CHECK(a->y >= 0);
      CHECK(a->x + a->w <= w);
      CHECK(a->y + a->h <= h);
      CHECK(a->w > 0);
      CHECK(a->h > 0);
      for (const SDL_Rect* b : boxes)
        if (a != b) CHECK_FALSE(SDL_HasIntersection(a, b));
    }
    CHECK(l.current.w > l.next.w);  // the slide on screen is the large one
    CHECK(std::abs(l.current.h - l.current.w * 9 / 16) <= 1);
    CHECK(std::abs(l.next.h - l.next.w * 9 / 16) <= 1);
  }
}

TEST_CASE("pairing again from the panel revokes the phone's token") {
  Options options;
  options.windowed = true;  // a panel without a PIN that is not restricted
  options.remote.listen = "127.0.0.1:" + std::to_string(free_port());
  Rig rig(kDeck, 1280, 720, options);
  rig.run_until(rig.now() + 0.1);  // the first status is published
  std::string first = rig.kiosk->remote_pairing_url();
  std::smatch m;
  REQUIRE(std::regex_search(
      first, m, std::regex(R"(^http://127\.0\.0\.1:(\d+)/pair\?token=([0-9a-f]{64})$)")));
  int port = std::stoi(m[1]);
  std::string old_token = m[2];
  httplib::Client client("127.0.0.1", port);
  auto status_with = [&](const std::string& token) {
    auto asked = std::async(std::launch::async, [&] {
      auto res = client.Get("/api/status", {{"Authorization", "Bearer " + token}});
      return res ? res->status : -1;
    });
    return serve_until(rig, asked);
  };
  CHECK(status_with(old_token) == 200);
  CHECK(status_with("0" + old_token.substr(1)) == 401);

  Finger finger{rig};
  double t = rig.now();
  finger.long_press(t + 1);
  finger.press(t + 5, PanelView::Main, TargetKind::Remote, 0, false, true);
  finger.press(t + 6, PanelView::Pair, TargetKind::PairAgain);
  rig.run_until(t + 8);
  REQUIRE(rig.events("remote-pairing").size() == 1);
  std::string second = rig.kiosk->remote_pairing_url();
  CHECK(second != first);
  std::string new_token = second.substr(second.find("token=") + 6);
  CHECK(status_with(old_token) == 401);
  CHECK(status_with(new_token) == 200);
  // The log never carries a token.
  for (const nlohmann::json& e : rig.events()) {
    CHECK(e.dump().find(old_token) == std::string::npos);
    CHECK(e.dump().find(new_token) == std::string::npos);
  }
}

TEST_CASE("every log line carries the wall clock in UTC, ISO 8601 with milliseconds") {
  CHECK(utc_iso8601(0) == "1970-01-01T00:00:00.000Z");
  CHECK(utc_iso8601(1796029200.25) == "2026-11-30T09:00:00.250Z");
  CHECK(utc_iso8601(1796029200.9996) == "2026-11-30T09:00:01.000Z");  // rounds into the second
  CHECK(utc_iso8601(951782400) == "2000-02-29T00:00:00.000Z");
  CHECK(utc_iso8601(-0.5) == "1969-12-31T23:59:59.500Z");
  Rig rig(kDeck);
  rig.run_until(rig.now() + 5);
  auto events = rig.events();
  REQUIRE(events.size() >= 3);
  for (const nlohmann::json& e : events) {
    REQUIRE(e.contains("time"));
    std::string time = e["time"];
    CHECK(std::regex_match(time, std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z)")));
  }
  // The timer's change 4 s after the start: `t` and `time` agree.
  auto slides = rig.events("slide");
  REQUIRE(slides.size() == 2);
  CHECK(slides[0]["time"] == utc_iso8601(static_cast<double>(rig.platform.wall_start)));
  CHECK(slides[1]["time"] == "2026-11-30T09:00:04.000Z");
}

TEST_CASE("screens with sync: wallclock started seconds apart show the same slides together") {
  const char* deck =
      "---\nsync: wallclock\nduration: 3\ntransition: none\nidle-return: 10\n---\n# 하나\n---\n# "
      "둘\n---\n# 셋\n---\n# 넷\n";
  const int64_t day = 1796029200;  // 09:00 UTC; the deck's 12 s cycle began then
  // One after the other (the process has one ImGui context), each until 09:01:00 on its clock.
  auto run = [&](int64_t started, double visitor_tap) {
    Rig rig(deck);
    rig.platform.wall_start = started;
    double t = rig.now();
    if (visitor_tap > 0) {
      rig.platform.at(t + visitor_tap, pointer_event(InputEvent::Type::PointerDown, 0.8f, 0.5f));
      rig.platform.at(t + visitor_tap + 0.1,
                      pointer_event(InputEvent::Type::PointerUp, 0.8f, 0.5f));
    }
    rig.run_until(t + static_cast<double>(day + 60 - started));
    std::vector<nlohmann::json> slides = rig.events("slide");
    slides.push_back({{"final", rig.kiosk->show().slide()}});
    return slides;
  };
  // a starts 1 s into the cycle; b seven seconds later, and a visitor taps it at 09:00:20.
  std::vector<nlohmann::json> a = run(day + 1, 0), b = run(day + 8, 12);
  auto by_time = [](const std::vector<nlohmann::json>& slides, const std::string& reason) {
    std::map<std::string, int> out;
    for (const nlohmann::json& e : slides)
      if (e.contains("reason") && e["reason"] == reason) out[e["time"]] = e["index"];
    return out;
  };
  // b joined at once on the slide the wall clock gives: 8 s into the cycle is slide 3.
  auto joined = by_time(b, "sync");
  REQUIRE(joined.size() == 1);
  CHECK(joined.begin()->first == "2026-11-30T09:00:08.000Z");
  CHECK(joined.begin()->second == 2);
  // Every timer change of b (outside its visitor's spell) is one of a's, at the same millisecond.
  std::map<std::string, int> timer_a = by_time(a, "timer"), timer_b = by_time(b, "timer");
  CHECK(timer_b.size() >= 8);
  for (const auto& [time, slide] : timer_b) {
    CAPTURE(time);
    REQUIRE(timer_a.count(time));
    CHECK(timer_a[time] == slide);
  }
  CHECK(timer_a.count("2026-11-30T09:00:12.001Z"));  // the cycle's start: slide 1 again
  CHECK(timer_a["2026-11-30T09:00:12.001Z"] == 0);
  // The tap at 09:00:20 took b off sync; idle-return 10 s later rejoined at the right slide
  // and phase: 09:00:30 is 6 s into the cycle, slide 3, begun at 09:00:30.
  auto back = by_time(b, "idle-return");
  REQUIRE(back.size() == 1);
  CHECK(back.begin()->first == "2026-11-30T09:00:30.100Z");
  CHECK(back.begin()->second == 2);
  CHECK(a.back()["final"] == b.back()["final"]);
}
