// For the fleet test: prints the first message on TOPIC (a retained one at once) and exits 0;
// exits 1 when none comes within SECONDS. libmosquitto, as boothdeck's own client.
//   mqtt_probe 127.0.0.1 18830 boothdeck/hall/screen-1/state 5
#include <mosquitto.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: mqtt_probe HOST PORT TOPIC [SECONDS]\n");
    return 2;
  }
  std::string topic = argv[3];
  double seconds = argc > 4 ? std::atof(argv[4]) : 5;
  struct State {
    std::string topic, payload;
    bool got = false;
  } state{topic, "", false};
  mosquitto_lib_init();
  mosquitto* client = mosquitto_new(nullptr, true, &state);
  mosquitto_connect_callback_set(client, [](mosquitto* c, void* s, int rc) {
    if (rc == 0) mosquitto_subscribe(c, nullptr, static_cast<State*>(s)->topic.c_str(), 1);
  });
  mosquitto_message_callback_set(client, [](mosquitto*, void* s, const mosquitto_message* m) {
    auto* state = static_cast<State*>(s);
    state->payload.assign(static_cast<const char*>(m->payload), m->payloadlen);
    state->got = true;
  });
  auto start = std::chrono::steady_clock::now();
  auto elapsed = [&] {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  if (mosquitto_connect(client, argv[1], std::atoi(argv[2]), 30) != MOSQ_ERR_SUCCESS) return 1;
  while (!state.got && elapsed() < seconds) mosquitto_loop(client, 100, 1);
  mosquitto_disconnect(client);
  mosquitto_destroy(client);
  mosquitto_lib_cleanup();
  if (!state.got) return 1;
  std::printf("%s\n", state.payload.c_str());
  return 0;
}
