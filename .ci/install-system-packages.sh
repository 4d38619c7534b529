#!/usr/bin/env bash
# install-system-packages.sh: the system packages TCP Lens needs beyond Node.js 20 and npm,
# on Debian/Ubuntu (apt). Safe to run again. Run as root, or with sudo available.
#
#   libpcap-dev        headers for the `cap` capture module (live capture); without them
#                      everything else still installs and works, and live capture says so
#   python3 make g++   node-gyp builds `cap` with them
#   chromium           the end-to-end tests drive the UI in Debian's Chromium (browser mode)
#   fonts-noto-cjk     so that Chinese text renders in Chromium (screenshots, E2E)
#   libcap2-bin        setcap/getcap: the test of the Linux capture-rights script gives file
#                      capabilities to a test binary (and the README's setcap lines need it)
#   tshark             only for maintainers regenerating the reference in test/fixtures/tshark
#                      (set WITH_TSHARK=1); the tests themselves never run it
set -euo pipefail

packages=(libpcap-dev python3 make g++ chromium fonts-noto-cjk libcap2-bin)
[ "${WITH_TSHARK:-0}" = 1 ] && packages+=(tshark)

if [ "$(uname -s)" != Linux ] || ! command -v apt-get >/dev/null; then
    echo "install-system-packages.sh: this script knows apt (Debian/Ubuntu). On macOS libpcap comes with the OS;"
    echo "on Windows install Npcap (https://npmjs.com/package/cap explains the SDK). Nothing to do here."
    exit 0
fi

missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
    echo "system packages: all present (${packages[*]})"
    exit 0
fi

SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO="sudo"
echo "system packages: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" </dev/null
