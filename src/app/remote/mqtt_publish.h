// `boothdeck publish`'s one message to a broker (libmosquitto). In boothdeck-remote.so.
//
//   std::string error;
//   int code = publish_message(settings, fleet_topic(group, "command"), json, false, &error);
#pragma once

#include <string>

#include "app/options.h"

namespace boothdeck {

// Publishes `payload` at `topic` with QoS 1 (retained if `retain`) and waits for the broker's
// acknowledgement, at most 15 s. An exit code: 0 taken; 1 no broker, refused or not
// acknowledged; 2 a bad broker URL; `error` says which.
int publish_message(const MqttSettings& settings, const std::string& topic,
                    const std::string& payload, bool retain, std::string* error);

}  // namespace boothdeck
