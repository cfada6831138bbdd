#!/usr/bin/env sh
# Installs what the browser journeys need, only what is missing: Debian's Chromium and its chromedriver
# (/usr/bin/chromium, /usr/bin/chromedriver), and CJK fonts so the screenshots show the Chinese pages legibly.
# The one command: .ci/install-browser.sh (as root, or with sudo). .ci/run calls it before ./mvnw -B verify.
set -e
missing=""
for package in chromium chromium-driver fonts-noto-cjk; do
  if ! dpkg -s "$package" >/dev/null 2>&1; then
    missing="$missing $package"
  fi
done
if [ -z "$missing" ] && [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  echo "Browser journeys: $(/usr/bin/chromium --version 2>/dev/null | head -n 1) and chromedriver are installed"
  exit 0
fi
as_root=""
if [ "$(id -u)" != "0" ]; then
  as_root="sudo"
fi
echo "Installing for the browser journeys:$missing"
DEBIAN_FRONTEND=noninteractive $as_root apt-get update -q
DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -q --no-install-recommends $missing
/usr/bin/chromium --version
