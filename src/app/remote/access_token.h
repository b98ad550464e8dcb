// The remote's one secret: a random token of 256 bits, paired by QR code from the operator
// panel or read from a file (remote_settings.h), presented by a phone as a cookie and by scripts
// as a bearer token. OpenSSL makes the randomness, the digests and the constant-time comparison.
// In boothdeck-remote.so (remote_module.h). No SDL.
//
//   AccessToken token(new_token());                 // or the token file's, read_token_file()
//   if (!token.accepts(presented_token(authorization_header, cookie_header))) reply(401);
//   token.replace(new_token());                     // pairing again revokes the old one
#pragma once

#include <array>
#include <mutex>
#include <string>
#include <string_view>

namespace boothdeck {

// The cookie the pairing URL sets.
constexpr std::string_view kTokenCookie = "boothdeck_token";

// 32 random bytes as 64 hexadecimal digits.
std::string new_token();

// The token a request presents: "Authorization: Bearer T", else the cookie boothdeck_token=T;
// "" when neither.
std::string presented_token(std::string_view authorization, std::string_view cookie);

// Equal in time that depends on neither the contents nor the lengths (digests compared).
bool tokens_equal(std::string_view a, std::string_view b);

// The token in force, shared by the HTTP threads (accepts) and the loop (replace, pairing).
class AccessToken {
 public:
  explicit AccessToken(std::string token) { replace(std::move(token)); }
  bool accepts(std::string_view presented) const;
  void replace(std::string token);
  std::string value() const;

 private:
  mutable std::mutex mutex_;
  std::string token_;
  std::array<unsigned char, 32> digest_{};
};

}  // namespace boothdeck
