// Randomness from RAND_bytes (the kernel's CSPRNG behind OpenSSL's DRBG), SHA-256 digests and
// CRYPTO_memcmp: comparing digests hides the length as well as the contents.
#include "app/remote/access_token.h"

#include <fcntl.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/rand.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "core/deck/diagnostic.h"

namespace boothdeck {

namespace {

std::array<unsigned char, 32> digest_of(std::string_view text) {
  std::array<unsigned char, 32> out{};
  unsigned int size = 0;
  EVP_Digest(text.data(), text.size(), out.data(), &size, EVP_sha256(), nullptr);
  return out;
}

bool token_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '_' || c == '~' || c == '-';
}

std::string_view trim_spaces(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
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

std::string token_problem(std::string_view token) {
  if (token.size() < 32)
    return "the token has " + std::to_string(token.size()) +
           " characters; use at least 32 (e.g. openssl rand -hex 32)";
  if (token.size() > 256) return "the token is longer than 256 characters";
  for (char c : token)
    if (!token_char(c))
      return "the token may hold only A-Z, a-z, 0-9 and . _ ~ - (e.g. openssl rand -hex 32)";
  return "";
}

bool read_token_file(const std::string& path, std::string* token, std::string* error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *error = "cannot read the token file " + excerpt(path, 200) + ": " + std::strerror(errno);
    return false;
  }
  struct stat st {};
  std::string text;
  bool ok = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (ok && (st.st_mode & (S_IRWXO | S_IWGRP))) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    *error = "the token file " + excerpt(path, 200) + " can be read or changed by others (mode " +
             mode + "); run chmod 600 on it";
    ::close(fd);
    return false;
  }
  char buffer[512];
  ssize_t n = ok ? ::read(fd, buffer, sizeof buffer) : -1;
  ::close(fd);
  if (n < 0) {
    *error = "cannot read the token file " + excerpt(path, 200) + ": not a readable file";
    return false;
  }
  std::string_view first(buffer, static_cast<size_t>(n));
  first = trim_spaces(first.substr(0, first.find('\n')));
  if (std::string problem = token_problem(first); !problem.empty()) {
    *error = "the token file " + excerpt(path, 200) + ": " + problem;
    return false;
  }
  *token = std::string(first);
  OPENSSL_cleanse(buffer, sizeof buffer);
  return true;
}

std::string presented_token(std::string_view authorization, std::string_view cookie) {
  authorization = trim_spaces(authorization);
  constexpr std::string_view kBearer = "Bearer ";
  if (authorization.size() > kBearer.size() &&
      strncasecmp(authorization.data(), kBearer.data(), kBearer.size()) == 0)
    return std::string(trim_spaces(authorization.substr(kBearer.size())));
  // Cookie: a=1; boothdeck_token=T; b=2
  while (!cookie.empty()) {
    size_t end = cookie.find(';');
    std::string_view pair = trim_spaces(cookie.substr(0, end));
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
