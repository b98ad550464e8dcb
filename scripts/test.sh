#!/usr/bin/env bash
# Set up, build, and run the whole test suite (unit, headless render, real window under Xvfb).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
cd "${BUILD_DIR:-build}"
ctest --output-on-failure "$@"
