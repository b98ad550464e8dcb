// The remote's token: made with 256 bits of randomness, read from a file only its owner can
// read, found in a bearer header or the pairing cookie, compared whole, replaced by pairing again.
#include "app/remote/access_token.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <set>

#include "app/remote/remote_settings.h"
#include "temp_dir.h"

using namespace boothdeck;

TEST_CASE("a new token is 64 hex digits, and never the same twice") {
  std::set<std::string> seen;
  for (int i = 0; i < 200; ++i) {
    std::string token = new_token();
    CHECK(token.size() == 64);
    CHECK(token.find_first_not_of("0123456789abcdef") == std::string::npos);
    CHECK(token_problem(token).empty());
    seen.insert(token);
  }
  CHECK(seen.size() == 200);
}

TEST_CASE("which tokens can be used") {
  CHECK(token_problem(std::string(32, 'a')).empty());
  CHECK(token_problem("abc-DEF_123.~" + std::string(19, 'x')).empty());
  CHECK_FALSE(token_problem(std::string(31, 'a')).empty());  // under 128 bits as hex
  CHECK_FALSE(token_problem(std::string(257, 'a')).empty());
  CHECK_FALSE(token_problem(std::string(31, 'a') + " ").empty());
  CHECK_FALSE(token_problem(std::string(31, 'a') + ";").empty());  // would break a cookie
  CHECK_FALSE(token_problem(std::string(31, 'a') + "&").empty());  // would break the URL
}

TEST_CASE("the token file: its first line; refused when others can read or change it") {
  TempDir dir;
  std::string token = new_token();
  auto file = [&](const std::string& name, const std::string& text, mode_t mode) {
    std::string path = dir.write(name, text).string();
    chmod(path.c_str(), mode);
    return path;
  };
  struct Row {
    std::string name, text;
    mode_t mode;
    bool ok;
  };
  const Row rows[] = {
      {"owner", token + "\n", 0600, true},
      {"group-reads", token + "\n", 0640, true},  // the service's group
      {"spaces", "  " + token + " \r\nsecond line\n", 0400, true},
      {"others-read", token + "\n", 0644, false},
      {"others-write", token + "\n", 0602, false},
      {"group-writes", token + "\n", 0660, false},
      {"short", "abc\n", 0600, false},
      {"empty", "", 0600, false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.name);
    std::string got, error;
    bool ok = read_token_file(file(row.name, row.text, row.mode), &got, &error);
    CHECK(ok == row.ok);
    if (ok) CHECK(got == token);
    if (!ok) CHECK_FALSE(error.empty());
  }
  std::string got, error;
  CHECK_FALSE(read_token_file((dir.path / "missing").string(), &got, &error));
  CHECK_FALSE(read_token_file(dir.path.string(), &got, &error));  // a folder
  CHECK(error.find("not a readable file") != std::string::npos);
  CHECK_FALSE(read_token_file(file("mode", token, 0644), &got, &error));
  CHECK(error.find("chmod 600") != std::string::npos);
}

TEST_CASE("the token a request presents: a bearer token first, else the pairing cookie") {
  struct Row {
    const char* authorization;
    const char* cookie;
    const char* expected;
  };
  const Row rows[] = {
      {"Bearer abc", "", "abc"},
      {"bearer  abc ", "", "abc"},
      {"Bearer abc", "boothdeck_token=xyz", "abc"},
      {"", "boothdeck_token=xyz", "xyz"},
      {"", "a=1; boothdeck_token=xyz; b=2", "xyz"},
      {"", "boothdeck_tokenx=xyz", ""},
      {"", "xboothdeck_token=xyz", ""},
      {"Basic dXNlcjpwYXNz", "", ""},
      {"Bearer", "", ""},
      {"", "", ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.authorization);
    CAPTURE(row.cookie);
    CHECK(presented_token(row.authorization, row.cookie) == row.expected);
  }
}

TEST_CASE("comparing tokens, and pairing again revokes the old one") {
  std::string first = new_token(), second = new_token();
  CHECK(tokens_equal(first, first));
  CHECK_FALSE(tokens_equal(first, second));
  CHECK_FALSE(tokens_equal(first, first.substr(0, 63)));
  CHECK_FALSE(tokens_equal(first, first + "0"));
  AccessToken token(first);
  CHECK(token.accepts(first));
  CHECK_FALSE(token.accepts(second));
  CHECK_FALSE(token.accepts(""));
  CHECK_FALSE(token.accepts(first.substr(0, 32)));
  token.replace(second);
  CHECK_FALSE(token.accepts(first));
  CHECK(token.accepts(second));
  CHECK(token.value() == second);
}
