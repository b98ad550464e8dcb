// The display commands of show hours run through the shell without blocking the show; their
// failures come back as lines for the log.
#include "app/display_power.h"

#include <doctest/doctest.h>

#include "temp_dir.h"

using namespace boothdeck;

TEST_CASE("the off and on commands run, in order, and failures are reported") {
  TempDir dir;
  std::string file = (dir.path / "display").string();
  DisplayPower power("echo off >> '" + file + "'", "echo on >> '" + file + "'");
  std::string error;
  REQUIRE(power.set_show_running(false, &error));
  CHECK(power.wait_all().empty());
  REQUIRE(power.set_show_running(true, &error));
  CHECK(power.wait_all().empty());
  CHECK(dir.read("display") == "off\non\n");

  DisplayPower failing("exit 3", "");
  REQUIRE(failing.set_show_running(false, &error));
  std::vector<std::string> failures = failing.wait_all();
  REQUIRE(failures.size() == 1);
  CHECK(failures[0].find("exit 3") != std::string::npos);
  CHECK(failing.set_show_running(true, &error));  // no on-command: nothing to run
  CHECK(failing.wait_all().empty());
}
