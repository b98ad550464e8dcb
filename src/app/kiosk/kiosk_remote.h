// The kiosk's links beyond its own screen: the HTTP remote (a phone), the MQTT fleet (a group of
// screens) and the presenter view (a second window). Held by the Kiosk, whose methods in
// kiosk_remote.cpp drive it at four moments of the loop: start, tick (commands and decks in),
// serve (between frames: status out, thumbnails, the presenter's window) and finish.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "app/kiosk/presenter_view.h"
#include "app/remote/remote_exchange.h"
#include "app/remote/remote_module.h"

namespace boothdeck {

struct RemoteLink {
  explicit RemoteLink(std::function<void()> wake) : exchange(std::move(wake)) {}

  RemoteExchange exchange;
  std::unique_ptr<PhoneRemote> http;  // boothdeck-remote.so's, as the fleet
  std::unique_ptr<FleetLink> fleet;
  std::unique_ptr<PresenterView> presenter;
  std::string temporary_bundles;  // a folder of our own for bundles without a state folder

  // This turn's log events, sent to the event streams after the status they changed; the
  // commands carried out, answered once that status is published.
  std::vector<std::pair<std::string, nlohmann::json>> events;
  uint64_t done = 0;
  bool changed = true;             // an event came: publish the status
  double status_at = -1e300;       // when the status was last published
  std::string status_signature;    // what the last status event said, time aside
  uint64_t slides_generation = 0;  // the slide list published
  double held_since = -1;          // the presenter took the show then (-1: not held)
};

}  // namespace boothdeck
