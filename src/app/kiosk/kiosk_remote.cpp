// [SECTION] start and finish: the HTTP remote, the fleet, the presenter view, the log's events.
// [SECTION] tick: commands from a phone or the fleet, decks from the fleet, in.
// [SECTION] serve, between frames: the status out, thumbnails drawn, the presenter's window.
#include "app/kiosk/kiosk_remote.h"

#include <cmath>
#include <cstdlib>
#include <utility>

#include "app/kiosk/kiosk.h"
#include "app/remote/remote_settings.h"
#include "core/show/timing.h"
#include "render/slide_png.h"

namespace boothdeck {

namespace {

constexpr int kThumbnailWidth = 640;
constexpr int kThumbnailsPerTurn = 2;  // a few milliseconds each, between frames

// The log's events a phone or a script following the show is told about.
bool streamed(const std::string& event) {
  static const char* const kEvents[] = {"slide",  "blank",         "mode",       "presenter",
                                        "reload", "reload-failed", "error",      "remote",
                                        "fleet",  "fleet-deck",    "show-hours", "quit"};
  for (const char* e : kEvents)
    if (event == e) return true;
  return false;
}

}  // namespace

// [SECTION] start and finish -----------------------------------------------------------------

void Kiosk::remote_start(double now) {
  remote_ = std::make_unique<RemoteLink>([this] { platform_.wake(); });
  log_.set_observer([this](const nlohmann::json& e) {
    std::string event = e.value("event", "");
    if (!streamed(event)) return;
    remote_->changed = true;
    nlohmann::json data = e;
    if (event == "slide") data["slide"] = e.value("index", 0) + 1;
    remote_->events.emplace_back(event, std::move(data));
  });
  if (!options_.remote.listen.empty()) start_http(now);
  if (!options_.mqtt.url.empty()) start_fleet(now);
  if (platform_.presenter()) open_presenter(now);
}

void Kiosk::start_http(double now) {
  HttpRemoteConfig config;
  std::string error, token;
  if (!parse_listen(options_.remote.listen, &config.host, &config.port, &error)) {
    log_.error("remote: " + error, now);
    return;
  }
  if (!options_.remote.token_file.empty() &&
      !read_token_file(options_.remote.token_file, &token, &error)) {
    log_.error("remote: " + error + "; the remote is off", now);
    return;
  }
  const RemoteModule* module = remote_module(&error);
  if (!module) {
    log_.error("remote: " + error + "; the show goes on without the remote", now);
    return;
  }
  remote_->http = module->phone_remote(remote_->exchange, token, config);
  if (!remote_->http->start(&error)) {
    remote_->http.reset();
    log_.error("remote: " + error + "; the show goes on without it", now);
    return;
  }
  bool loopback = is_loopback(config.host);
  log_.write("remote", now,
             {{"listen", config.host + ":" + std::to_string(remote_->http->port())},
              {"url", remote_->http->base_url()},
              {"loopback", loopback},
              {"token", options_.remote.token_file.empty() ? "paired" : "file"}},
             loopback ? "remote control on " + remote_->http->base_url() +
                            " (this machine only); pair a phone from the operator panel"
                      : "remote control on " + remote_->http->base_url() + ": listening on " +
                            config.host +
                            ", as configured: any device on that network can reach it and needs "
                            "the token; pair a phone from the operator panel");
}

void Kiosk::start_fleet(double now) {
  std::string error;
  const RemoteModule* module = remote_module(&error);
  if (!module) {
    log_.error("fleet: " + error + "; this screen runs on its own", now);
    return;
  }
  std::filesystem::path bundles;
  if (!options_.state_dir.empty()) {
    bundles = std::filesystem::path(options_.state_dir) / "fleet";
  } else {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "boothdeck-fleet-XXXXXX").string();
    if (::mkdtemp(pattern.data())) remote_->temporary_bundles = bundles = pattern;
  }
  remote_->fleet =
      module->fleet_link(options_.mqtt, bundles, remote_->exchange, [this] { platform_.wake(); });
  if (!remote_->fleet->start(&error)) {
    remote_->fleet.reset();
    log_.error("fleet: " + error + "; this screen runs on its own", now);
    return;
  }
  log_.write("fleet", now,
             {{"broker", options_.mqtt.url},
              {"group", options_.mqtt.group},
              {"id", remote_->fleet->id()},
              {"connected", false}},
             "fleet: group " + options_.mqtt.group + " at " + options_.mqtt.url + " as " +
                 remote_->fleet->id());
}

void Kiosk::remote_finish() {
  if (!remote_) return;
  log_.set_observer(nullptr);
  remote_->exchange.close();
  remote_->presenter.reset();
  remote_->fleet.reset();
  remote_->http.reset();
  if (!remote_->temporary_bundles.empty()) {
    std::error_code ec;
    std::filesystem::remove_all(remote_->temporary_bundles, ec);
  }
  remote_.reset();
}

// The presenter's window: its own renderer and layouts; its loss leaves the public show alone.
void Kiosk::open_presenter(double now) {
  PresenterWindow* window = platform_.presenter();
  if (!window || remote_->presenter) return;  // at the start, and its event after
  remote_->presenter = std::make_unique<PresenterView>(*window, *current_);
  std::string error;
  if (!remote_->presenter->start(&error)) {
    remote_->presenter.reset();
    log_.error(error, now);
    return;
  }
  PixelSize size = window->size();
  log_.write("presenter-view", now, {{"open", true}, {"size", {size.width, size.height}}});
}

void Kiosk::presenter_event(const PlatformEvent& event, double now) {
  using Type = PlatformEvent::Type;
  if (!remote_) return;
  if (event.type == Type::PresenterOpened) return open_presenter(now);
  if (event.type == Type::PresenterClosed) {
    remote_->presenter.reset();  // before the platform lets the window go
    log_.write("presenter-view", now, {{"open", false}});
    pacer_.invalidate();
    return;
  }
  if (!remote_->presenter) return;
  if (event.type == Type::RendererLost)
    remote_->presenter->lost();
  else
    remote_->presenter->invalidate();
}

void Kiosk::remote_deck_changed() {
  if (remote_ && remote_->presenter) remote_->presenter->use(*current_);
}

void Kiosk::remote_pair_again(double now) {
  if (!remote_ || !remote_->http) return;
  remote_->http->pair_again();
  log_.write("remote-pairing", now, {{"revoked", true}},
             "remote: paired again from the operator panel; the old token no longer works");
}

std::string Kiosk::remote_pairing_url() const {
  return remote_ && remote_->http ? remote_->http->pairing_url() : "";
}

RemoteExchange& Kiosk::remote_exchange() {
  return remote_->exchange;
}

int Kiosk::presenter_frames() const {
  return remote_ && remote_->presenter ? remote_->presenter->frames() : -1;
}

// [SECTION] tick -----------------------------------------------------------------------------

void Kiosk::remote_tick(double now) {
  if (!remote_) return;
  if (remote_->fleet) {
    for (FleetNews& n : remote_->fleet->take()) {
      switch (n.kind) {
        case FleetNews::Kind::Connected:
          log_.write("fleet", now, {{"connected", true}}, "fleet: connected to the broker");
          remote_->changed = true;  // the state is retained anew
          break;
        case FleetNews::Kind::Lost:
          log_.write("fleet", now, {{"connected", false}, {"why", n.text}},
                     "fleet: no broker (" + n.text + "); trying again");
          break;
        case FleetNews::Kind::BadCommand:
          log_.error("fleet: a command was refused: " + n.text, now);
          break;
        case FleetNews::Kind::DeckRefused:
          log_.error("fleet: " + n.text + "; still showing the last good deck", now);
          break;
        case FleetNews::Kind::Deck:
          log_.write("fleet-deck", now,
                     {{"deck", n.bundle.deck.string()},
                      {"sha256", n.bundle.sha256},
                      {"files", n.bundle.files},
                      {"bytes", n.bundle.bytes}},
                     "fleet: a new deck for the group (" + n.bundle.sha256.substr(0, 12) + ")");
          // The same reload pipeline as a saved file: a bad deck keeps the last good one.
          remote_->fleet->keep_bundles({current_->loaded().path, n.bundle.deck});
          source_.switch_to(n.bundle.deck.string());
          break;
      }
    }
  }
  for (const RemoteRequest& r : remote_->exchange.take()) {
    nlohmann::json fields{{"via", r.source == Source::Fleet ? "mqtt" : "http"},
                          {"command", to_string(r.command.action)}};
    if (r.command.action == RemoteAction::GoTo) fields["slide"] = r.command.slide;
    log_.write("remote", now, fields);
    apply(show_commands(r.command, r.source, show_.blanked()), now);
    remote_->done = r.id;
    remote_->changed = true;
  }
}

// [SECTION] serve ----------------------------------------------------------------------------

PresenterInfo Kiosk::presenter_info(double now) const {
  PresenterInfo info;
  const DeckSettings& settings = current_->deck().settings;
  int count = show_.slide_count();
  info.slide = show_.slide();
  info.next = info.slide + 1 < count                     ? info.slide + 1
              : settings.loop || settings.sync_wallclock ? 0
                                                         : -1;
  info.mode = show_.mode();
  info.blanked = show_.blanked();
  info.held = show_.held();
  info.slide_left = show_.mode() == Mode::Autoplay && !show_.blanked()
                        ? (1 - show_.progress(now)) * show_.slide_duration()
                        : -1;
  info.talk_elapsed = now - (remote_->held_since >= 0 ? remote_->held_since : start_);
  info.wall = platform_.wall_time();
  return info;
}

nlohmann::json Kiosk::remote_status(double now) const {
  const Deck& deck = current_->deck();
  PresenterInfo p = presenter_info(now);
  auto rounded = [](double seconds) { return std::round(seconds * 1000) / 1000; };
  std::string title = deck.settings.title;
  if (title.empty() && !deck.slides.empty()) title = deck.slides[0].title();
  return {
      {"slide", p.slide + 1},
      {"count", show_.slide_count()},
      {"title", deck.slides[p.slide].title()},
      {"next", p.next >= 0 ? nlohmann::json(p.next + 1) : nlohmann::json()},
      {"mode", to_string(p.mode)},
      {"blank", p.blanked},
      {"held", p.held},
      {"closed", closed_},
      {"deck_title", title},
      {"generation", current_->generation()},
      {"sync", deck.settings.sync_wallclock ? "wallclock" : "none"},
      {"slide_duration", rounded(show_.slide_duration())},
      {"slide_elapsed", rounded(now - show_.slide_shown_at())},
      {"slide_left", p.slide_left >= 0 ? nlohmann::json(rounded(p.slide_left)) : nlohmann::json()},
      {"elapsed", rounded(p.talk_elapsed)},
      {"uptime", rounded(now - start_)},
      {"time", utc_iso8601(p.wall)}};
}

void Kiosk::serve(double now) {
  if (!remote_) return;
  RemoteLink& r = *remote_;
  if (show_.held() && r.held_since < 0) r.held_since = now;
  if (!show_.held()) r.held_since = -1;
  if (r.slides_generation != current_->generation()) {
    nlohmann::json slides = nlohmann::json::array();
    ShowTiming timing = timing_of(current_->deck(), options_.duration);
    const std::vector<Slide>& deck = current_->deck().slides;
    for (size_t i = 0; i < deck.size(); ++i)
      slides.push_back({{"slide", i + 1},
                        {"title", deck[i].title()},
                        {"duration", timing.durations[i]},
                        {"notes", deck[i].notes}});
    r.exchange.publish_slides({{"generation", current_->generation()}, {"slides", slides}},
                              current_->generation(), static_cast<int>(deck.size()));
    r.slides_generation = current_->generation();
  }
  // The status: after anything the log reported, and every second while someone watches.
  if (r.changed || (r.exchange.watched() && now >= r.status_at + 1)) {
    nlohmann::json status = remote_status(now);
    r.exchange.publish_status(status);
    r.exchange.clear_requested();
    nlohmann::json steady = status;
    for (const char* moving : {"slide_elapsed", "slide_left", "elapsed", "uptime", "time"})
      steady.erase(moving);
    std::string signature = steady.dump();
    if (signature != r.status_signature) {
      r.exchange.event("status", status);
      if (r.fleet) {
        steady["id"] = r.fleet->id();
        steady["time"] = status["time"];
        r.fleet->publish_state(steady);
      }
      r.status_signature = signature;
    }
    r.status_at = now;
    r.changed = false;
  }
  for (auto& [type, data] : r.events) r.exchange.event(type, data);
  r.events.clear();
  if (r.done) r.exchange.done(std::exchange(r.done, 0));
  // Thumbnails a phone asked for, between frames and never during an animation.
  if (!animating_ && render_.ok()) {
    int drawn = 0;
    DeckLayout& layout = current_->layout();
    for (int index : r.exchange.wanted()) {
      if (drawn++ == kThumbnailsPerTurn) break;
      std::string png, error;
      if (!slide_png(render_, layout.slide(index), layout.viewport(), kThumbnailWidth, &png,
                     &error))
        log_.error("remote: " + error, now);
      r.exchange.thumbnail_drawn(current_->generation(), index, std::move(png));
    }
  }
  if (r.presenter) {
    PresenterInfo info = presenter_info(now);
    if (r.presenter->due(info)) r.presenter->draw(info);
  }
}

double Kiosk::remote_deadline(double now) const {
  if (!remote_) return kNever;
  const RemoteLink& r = *remote_;
  double deadline = kNever;
  if (!r.exchange.wanted().empty()) deadline = animating_ ? now + FramePacer::kAnimationStep : now;
  if (r.exchange.watched()) deadline = std::min(deadline, r.status_at + 1);
  if (r.presenter) {
    double wall = platform_.wall_time();
    deadline = std::min(deadline, now + (1 - (wall - std::floor(wall))) + 0.005);  // the clock
  }
  return deadline;
}

}  // namespace boothdeck
