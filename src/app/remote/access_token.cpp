// Randomness from RAND_bytes (the kernel's CSPRNG behind OpenSSL's DRBG), SHA-256 digests and
// CRYPTO_memcmp: comparing digests hides the length as well as the contents.
#include "app/remote/access_token.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <strings.h>

#include <stdexcept>

#include "app/remote/remote_settings.h"

namespace boothdeck {

namespace {

std::array<unsigned char, 32> digest_of(std::string_view text) {
  std::array<unsigned char, 32> out{};
  unsigned int size = 0;
  EVP_Digest(text.data(), text.size(), out.data(), &size, EVP_sha256(), nullptr);
  return out;
}

}  // namespace

std::string new_token() {
  unsigned char bytes[32];
  if (RAND_bytes(bytes, sizeof bytes) != 1)
    throw std::runtime_error("no randomness for the remote's token (OpenSSL RAND_bytes failed)");
  static const char* const kHex = "0123456789abcdef";
  std::string out;
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 15];
  }
  OPENSSL_cleanse(bytes, sizeof bytes);
  return out;
}

std::string presented_token(std::string_view authorization, std::string_view cookie) {
  authorization = trim_token_spaces(authorization);
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization.size() > kBearer.size() &&
      strncasecmp(authorization.data(), kBearer.data(), kBearer.size()) == 0)
    return std::string(trim_token_spaces(authorization.substr(kBearer.size())));
  // Cookie: a=1; boothdeck_token=T; b=2
  while (!cookie.empty()) {
    size_t end = cookie.find(';');
    std::string_view pair = trim_token_spaces(cookie.substr(0, end));
    while (!pair.empty() && pair.front() == ' ') pair.remove_prefix(1);
    if (pair.size() > kTokenCookie.size() && pair.substr(0, kTokenCookie.size()) == kTokenCookie &&
        pair[kTokenCookie.size()] == '=')
      return std::string(pair.substr(kTokenCookie.size() + 1));
    if (end == std::string_view::npos) break;
    cookie.remove_prefix(end + 1);
  }
  return "";
}

bool tokens_equal(std::string_view a, std::string_view b) {
  std::array<unsigned char, 32> da = digest_of(a), db = digest_of(b);
  return CRYPTO_memcmp(da.data(), db.data(), da.size()) == 0;
}

bool AccessToken::accepts(std::string_view presented) const {
  if (presented.empty()) return false;
  std::array<unsigned char, 32> d = digest_of(presented);
  std::lock_guard lock(mutex_);
  return CRYPTO_memcmp(d.data(), digest_.data(), d.size()) == 0;
}

void AccessToken::replace(std::string token) {
  std::array<unsigned char, 32> d = digest_of(token);
  std::lock_guard lock(mutex_);
  OPENSSL_cleanse(token_.data(), token_.size());
  token_ = std::move(token);
  digest_ = d;
}

std::string AccessToken::value() const {
  std::lock_guard lock(mutex_);
  return token_;
}

}  // namespace boothdeck
