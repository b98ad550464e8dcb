#!/usr/bin/env bash
# Set up, build, and run the whole test suite: unit and headless render tests, the hostile
# decks, the real window under Xvfb; then the unit suite and hostile decks again in a build
# with AddressSanitizer, UndefinedBehaviorSanitizer and LeakSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
ctest --test-dir build --output-on-failure "$@"

BUILD_DIR=build-asan CMAKE_ARGS="-DBOOTHDECK_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug" scripts/setup.sh
ctest --test-dir build-asan --output-on-failure -R 'unit|hostile' "$@"
