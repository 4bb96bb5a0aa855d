#!/bin/sh
# Installs what the demo and the tests need: npm packages, and Debian's Chromium (plus, for the test
# run, Firefox ESR, WebKitGTK's WebDriver with Xvfb to run it in, coturn, PostgreSQL and Redis) when
# they are missing; PostgreSQL and Redis also for the demo on several nodes (npm run demo -- --cluster).
# Usage: sh scripts/setup.sh [test|cluster]
set -e
cd "$(dirname "$0")/.."

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing npm packages"
  npm ci --no-audit --no-fund
fi
# The contract package is imported as built JavaScript, by the kit and the hub alike.
npx tsc -p contract/tsconfig.json

packages=""
[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] || packages="chromium"
if [ "$1" = "test" ]; then
  [ -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ] || packages="$packages firefox-esr"
  command -v WebKitWebDriver >/dev/null || packages="$packages webkit2gtk-driver"
  command -v Xvfb >/dev/null || packages="$packages xvfb"
  command -v turnserver >/dev/null || packages="$packages coturn"
fi
if [ "$1" = "test" ] || [ "$1" = "cluster" ]; then
  # Debian's server binaries are not on PATH (scripts/postgres-process.mjs looks there too).
  ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || packages="$packages postgresql"
  command -v redis-server >/dev/null || packages="$packages redis-server"
fi

if [ -n "$packages" ]; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    echo "setup: installing Debian packages:$packages"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $packages >/dev/null
  else
    echo "setup: missing$packages. Install Debian's packages (sudo apt-get install$packages)," >&2
    echo "       or point CHROMIUM_PATH / FIREFOX_PATH at an installed browser." >&2
    exit 1
  fi
fi
