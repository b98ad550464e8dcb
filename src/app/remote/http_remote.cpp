// [SECTION] addresses: the URL a phone reaches.
// [SECTION] the gate every request passes: rate limit, token, origin.
// [SECTION] the routes: the phone page, pairing, status, slides, thumbnails, commands, events.
#include "app/remote/http_remote.h"

#include <arpa/inet.h>
#include <httplib.h>
#include <ifaddrs.h>
#include <net/if.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <charconv>
#include <chrono>
#include <cmath>

#include "core/deck/diagnostic.h"

namespace boothdeck {

extern const std::string_view kPhonePage;  // assets/remote/phone.html, compiled in

namespace {

using namespace std::chrono_literals;
using httplib::Request;
using httplib::Response;
using HandlerResponse = httplib::Server::HandlerResponse;

constexpr auto kCommandWait = 1000ms;  // a reply with the new status, else 202
constexpr auto kThumbnailWait = 3000ms;
constexpr auto kKeepAliveComment = 15000ms;

double steady_seconds() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

void reply_json(Response& res, int status, const nlohmann::json& body) {
  res.status = status;
  res.set_header("Cache-Control", "no-store");
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace),
                  "application/json; charset=utf-8");
}

void reply_error(Response& res, int status, const std::string& message) {
  reply_json(res, status, {{"error", message}});
}

// [SECTION] addresses ------------------------------------------------------------------------

// The first IPv4 address of an interface that is up and not loopback: what a phone on the
// booth's network reaches.
std::string network_address() {
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return "127.0.0.1";
  std::string found;
  for (ifaddrs* a = list; a && found.empty(); a = a->ifa_next) {
    if (!a->ifa_addr || a->ifa_addr->sa_family != AF_INET || !(a->ifa_flags & IFF_UP) ||
        (a->ifa_flags & IFF_LOOPBACK))
      continue;
    char text[INET_ADDRSTRLEN];
    auto* in = reinterpret_cast<sockaddr_in*>(a->ifa_addr);
    if (inet_ntop(AF_INET, &in->sin_addr, text, sizeof text)) found = text;
  }
  freeifaddrs(list);
  return found.empty() ? "127.0.0.1" : found;
}

}  // namespace

HttpRemote::HttpRemote(RemoteExchange& exchange, std::string token, HttpRemoteConfig config)
    : exchange_(exchange),
      token_(token.empty() ? new_token() : std::move(token)),
      config_(std::move(config)),
      limiter_(config_.rate, config_.burst) {}

HttpRemote::~HttpRemote() {
  stop();
}

std::string HttpRemote::base_url() const {
  std::string host = config_.host;
  if (host == "0.0.0.0" || host == "::" || host.empty()) host = network_address();
  if (host.find(':') != std::string::npos) host = "[" + host + "]";
  return "http://" + host + ":" + std::to_string(port_) + "/";
}

std::string HttpRemote::pairing_url() const {
  return base_url() + "pair?token=" + token_.value();
}

bool HttpRemote::start(std::string* error) {
  server_ = std::make_unique<httplib::Server>();
  int workers = config_.workers;
  server_->new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
  // httplib sets SO_REUSEPORT, with which a second process of the same user could listen on
  // the same port and take half the connections; SO_REUSEADDR alone only allows a restart.
  server_->set_socket_options([](int sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
  server_->set_payload_max_length(config_.max_body);
  server_->set_read_timeout(5, 0);
  server_->set_write_timeout(5, 0);
  server_->set_keep_alive_timeout(5);
  server_->set_keep_alive_max_count(100);
  server_->set_default_headers({{"X-Content-Type-Options", "nosniff"},
                                {"Referrer-Policy", "no-referrer"},
                                {"X-Frame-Options", "DENY"}});
  routes();
  if (config_.port == 0) {
    port_ = server_->bind_to_any_port(config_.host);
  } else if (server_->bind_to_port(config_.host, config_.port)) {
    port_ = config_.port;
  }
  if (port_ <= 0) {
    *error = "the remote cannot listen on " + config_.host + ":" + std::to_string(config_.port) +
             " (the port is taken, or the address is not this machine's); choose another with "
             "--remote";
    server_.reset();
    return false;
  }
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  return true;
}

void HttpRemote::stop() {
  if (!server_) return;
  server_->stop();
  if (thread_.joinable()) thread_.join();
  server_.reset();
}

// [SECTION] the gate -------------------------------------------------------------------------

void HttpRemote::routes() {
  httplib::Server& s = *server_;
  s.set_pre_routing_handler([this](const Request& req, Response& res) {
    if (double wait = limiter_.admit(req.remote_addr, steady_seconds()); wait > 0) {
      int seconds = std::max(1, static_cast<int>(std::ceil(wait)));
      res.set_header("Retry-After", std::to_string(seconds));
      reply_error(res, 429, "too many requests; try again in " + std::to_string(seconds) + " s");
      return HandlerResponse::Handled;
    }
    if (req.path.rfind("/api/", 0) != 0) return HandlerResponse::Unhandled;
    if (!token_.accepts(presented_token(req.get_header_value("Authorization"),
                                        req.get_header_value("Cookie")))) {
      res.set_header("WWW-Authenticate", "Bearer realm=\"boothdeck\"");
      reply_error(res, 401,
                  "no valid token: pair this phone with the QR code on the operator panel, or "
                  "send Authorization: Bearer TOKEN");
      return HandlerResponse::Handled;
    }
    // Another site's page cannot use the phone's cookie (SameSite=Strict); an Origin that is not
    // this server's is refused all the same.
    if (req.method != "GET" && req.has_header("Origin") &&
        req.get_header_value("Origin") != "http://" + req.get_header_value("Host")) {
      reply_error(res, 403, "commands are taken from this server's own page only");
      return HandlerResponse::Handled;
    }
    exchange_.requested();
    return HandlerResponse::Unhandled;
  });
  s.set_error_handler([this](const Request&, Response& res) {
    if (!res.body.empty()) return;
    if (res.status == 413)
      reply_error(res, 413,
                  "the body is larger than " + std::to_string(config_.max_body) +
                      " bytes; a command is a few bytes of JSON");
    else if (res.status == 404)
      reply_error(res, 404, "no such page; the API is described in docs/remote.md");
    else
      reply_error(res, res.status, "the request was refused");
  });

  // [SECTION] the routes ---------------------------------------------------------------------

  s.Get("/", [](const Request&, Response& res) {
    res.set_header("Content-Security-Policy",
                   "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; "
                   "img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; "
                   "frame-ancestors 'none'");
    res.set_header("Cache-Control", "no-store");
    res.set_content(kPhonePage.data(), kPhonePage.size(), "text/html; charset=utf-8");
  });

  // The QR code's URL: the token becomes an HttpOnly cookie, and the address bar loses it.
  s.Get("/pair", [this](const Request& req, Response& res) {
    std::string token = req.get_param_value("token");
    if (!token_.accepts(token)) {
      res.status = 401;
      res.set_content(
          "<!doctype html><meta charset=utf-8><meta name=viewport content='width=device-width'>"
          "<p style='font:20px sans-serif;margin:2em'>이 QR 코드는 더 이상 유효하지 않습니다. "
          "운영자 패널에서 새 QR 코드를 스캔하세요.<br><br>This pairing code is no longer "
          "valid: scan the QR code on the operator panel again.</p>",
          "text/html; charset=utf-8");
      return;
    }
    res.set_header("Set-Cookie", std::string(kTokenCookie) + "=" + token +
                                     "; HttpOnly; SameSite=Strict; Path=/; Max-Age=2592000");
    res.set_header("Cache-Control", "no-store");
    res.set_redirect("/", 303);
  });

  s.Get("/api/status", [this](const Request&, Response& res) {
    auto status = exchange_.status();
    if (!status) return reply_error(res, 503, "the show is starting; try again in a second");
    reply_json(res, 200, *status);
  });

  s.Get("/api/slides", [this](const Request&, Response& res) {
    auto slides = exchange_.slides();
    if (!slides) return reply_error(res, 503, "the show is starting; try again in a second");
    reply_json(res, 200, *slides);
  });

  s.Get(R"(/api/slides/(\d{1,7})\.png)", [this](const Request& req, Response& res) {
    int number = std::stoi(req.matches[1]);
    int count = exchange_.slide_count();
    if (number < 1 || number > count)
      return reply_error(res, 404,
                         "no slide " + std::to_string(number) + "; the deck has slides 1 to " +
                             std::to_string(count));
    auto png = exchange_.thumbnail(number - 1, kThumbnailWait);
    if (!png) {
      res.set_header("Retry-After", "1");
      return reply_error(res, 503, "the thumbnail is being drawn; try again in a second");
    }
    res.set_header("Cache-Control", "private, max-age=60");
    res.set_content(png->data(), png->size(), "image/png");
  });

  s.Post("/api/command", [this](const Request& req, Response& res) {
    ParsedCommand parsed = parse_remote_command(req.body);
    if (!parsed.command) return reply_error(res, 400, parsed.error);
    int count = exchange_.slide_count();
    if (parsed.command->action == RemoteAction::GoTo && parsed.command->slide > count)
      return reply_error(res, 400,
                         "no slide " + std::to_string(parsed.command->slide) +
                             "; the deck has slides 1 to " + std::to_string(count));
    uint64_t id = exchange_.post(*parsed.command, Source::Api);
    if (id == 0) {
      res.set_header("Retry-After", "1");
      return reply_error(res, 429, "the show has too many commands waiting; try again");
    }
    if (!exchange_.wait_done(id, kCommandWait)) return reply_json(res, 202, {{"queued", true}});
    auto status = exchange_.status();
    reply_json(res, 200, status ? *status : nlohmann::json::object());
  });

  // Server-sent events: the status first, then the log's events as they happen; a comment now
  // and then keeps proxies and phones from dropping a quiet stream.
  s.Get("/api/events", [this](const Request& req, Response& res) {
    if (streams_.fetch_add(1) >= config_.max_streams) {
      streams_.fetch_sub(1);
      res.set_header("Retry-After", "5");
      return reply_error(res, 429, "too many event streams are open; close one and try again");
    }
    uint64_t after = exchange_.last_event();
    if (std::string last = req.get_header_value("Last-Event-ID"); !last.empty()) {
      uint64_t resumed = 0;
      auto [end, ec] = std::from_chars(last.data(), last.data() + last.size(), resumed);
      if (ec == std::errc() && end == last.data() + last.size() && resumed <= after)
        after = resumed;
    }
    exchange_.stream(true);
    res.set_header("Cache-Control", "no-store");
    res.set_header("X-Accel-Buffering", "no");
    auto status = exchange_.status();
    std::string first = status ? "event: status\ndata: " + status->dump() + "\n\n" : ": hello\n\n";
    res.set_chunked_content_provider(
        "text/event-stream",
        [this, after, first](size_t, httplib::DataSink& sink) mutable {
          std::string out = std::exchange(first, "");
          if (out.empty()) {
            for (const RemoteEvent& e : exchange_.events_after(after, kKeepAliveComment)) {
              out += "id: " + std::to_string(e.id) + "\nevent: " + e.type + "\ndata: " + e.data +
                     "\n\n";
              after = e.id;
            }
            if (exchange_.closed()) {
              sink.done();
              return true;
            }
            if (out.empty()) out = ": keep-alive\n\n";
          }
          return sink.write(out.data(), out.size());
        },
        [this](bool) {
          exchange_.stream(false);
          streams_.fetch_sub(1);
        });
  });
}

}  // namespace boothdeck
