// The remote's one secret: a random token of 256 bits, paired by QR code from the operator
// panel or read from a file, presented by a phone as a cookie and by scripts as a bearer token.
// OpenSSL makes the randomness, the digests and the constant-time comparison. No SDL.
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

// "" when `token` can be used (32 to 256 of A-Z a-z 0-9 . _ ~ -: at least 128 bits as hex, and
// safe in a URL and a cookie); else what is wrong.
std::string token_problem(std::string_view token);

// The token in FILE (its first line). False with `error` when the file cannot be read, when
// others can read it or anyone but its owner and group can change it (chmod 600 FILE), or when
// the token is unusable.
bool read_token_file(const std::string& path, std::string* token, std::string* error);

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
