#!/bin/sh
# Gives the installed TCP Lens the right to capture packets (Linux), takes it back, or says how it
# stands. Shipped in the deb/rpm at /opt/TCP Lens/resources/; run it as root:
#
#   sudo '/opt/TCP Lens/resources/tcplens-capture-rights.sh' grant [--group tcplens]
#   sudo '/opt/TCP Lens/resources/tcplens-capture-rights.sh' revoke
#        '/opt/TCP Lens/resources/tcplens-capture-rights.sh' status
#
# grant  puts cap_net_raw,cap_net_admin=eip on the app's binary. Trade-off: every user who may
#        run the binary can then capture on every interface. With --group NAME only members of
#        NAME may run it (chgrp NAME + chmod 750; the group is created when missing, add users
#        with `usermod -aG NAME USER`). Wireshark asks the same question when installing: it gives
#        the rights to its small dumpcap helper, not to the whole GUI as we must here.
# revoke removes the capabilities, gives the binary back to root:root 0755 and undoes the loader
#        entry below.
#
# Why a loader entry: a binary with file capabilities runs in secure-execution mode (AT_SECURE),
# and glibc's loader then ignores $ORIGIN in its RUNPATH. Electron's binary finds libffmpeg.so in
# its own folder through $ORIGIN, so after setcap alone it would not start ("libffmpeg.so: cannot
# open shared object file"). grant therefore lists a root-owned folder holding only a link to
# that library in /etc/ld.so.conf.d and runs ldconfig: the loader trusts its cache.
#
# An AppImage cannot get file capabilities (it runs from a FUSE mount with nosuid): the deb or rpm
# is the lab install.
#
# --binary PATH names another binary (default: ../tcplens next to this script's folder).
# TCPLENS_LD_CONF and TCPLENS_LIB_DIR move the loader entry (for tests).
set -eu

CAPABILITIES='cap_net_raw,cap_net_admin=eip'
LD_CONF="${TCPLENS_LD_CONF:-/etc/ld.so.conf.d/tcplens.conf}"
LIB_DIR="${TCPLENS_LIB_DIR:-/usr/local/lib/tcplens}"
# The libraries Electron's binary needs through $ORIGIN (readelf -d: NEEDED and RUNPATH $ORIGIN).
ORIGIN_LIBRARIES='libffmpeg.so'

usage() {
  echo "usage: $0 grant [--group NAME] [--binary PATH] | revoke [--binary PATH] | status [--binary PATH]" >&2
  exit 2
}

fail() {
  echo "tcplens-capture-rights: $*" >&2
  exit 1
}

script_dir=$(cd "$(dirname "$0")" && pwd -P)
action="${1:-}"
[ -n "$action" ] || usage
shift
binary="$script_dir/../tcplens"
group=''
while [ $# -gt 0 ]; do
  case "$1" in
    --group) [ $# -ge 2 ] || usage; group="$2"; shift 2 ;;
    --binary) [ $# -ge 2 ] || usage; binary="$2"; shift 2 ;;
    *) usage ;;
  esac
done

[ -f "$binary" ] || fail "no TCP Lens binary at $binary (name it with --binary PATH)"
# setcap works on the file itself, never through a link.
binary=$(readlink -f "$binary")
app_dir=$(dirname "$binary")

need_root() {
  [ "$(id -u)" -eq 0 ] || fail "run it as root: sudo '$0' $action"
  command -v setcap >/dev/null 2>&1 || fail "setcap is missing: install libcap2-bin (Debian/Ubuntu) or libcap (Fedora/RHEL)"
}

add_loader_entry() {
  linked=''
  for library in $ORIGIN_LIBRARIES; do
    [ -f "$app_dir/$library" ] || continue
    mkdir -p "$LIB_DIR"
    ln -sfn "$app_dir/$library" "$LIB_DIR/$library"
    linked=yes
  done
  [ -n "$linked" ] || return 0
  echo "$LIB_DIR" > "$LD_CONF"
  ldconfig
}

remove_loader_entry() {
  [ -f "$LD_CONF" ] || [ -d "$LIB_DIR" ] || return 0
  rm -f "$LD_CONF"
  for library in $ORIGIN_LIBRARIES; do rm -f "$LIB_DIR/$library"; done
  rmdir "$LIB_DIR" 2>/dev/null || true
  ldconfig
}

grant() {
  need_root
  add_loader_entry
  if [ -n "$group" ]; then
    getent group "$group" >/dev/null 2>&1 || groupadd --system "$group"
    chgrp "$group" "$binary"
    chmod 0750 "$binary"
  fi
  # Last: changing a file's owner or group clears its capabilities.
  setcap "$CAPABILITIES" "$binary"
  echo "TCP Lens may now capture: $binary"
  if [ -n "$group" ]; then
    echo "Only members of the group '$group' may run it. Add a user with: sudo usermod -aG $group USER (then log out and in again)."
  else
    echo "Every user who runs it may capture. To keep that to one group: sudo '$0' grant --group tcplens"
  fi
}

revoke() {
  need_root
  setcap -r "$binary" 2>/dev/null || true
  chown root:root "$binary"
  chmod 0755 "$binary"
  remove_loader_entry
  echo "TCP Lens may no longer capture: $binary"
}

status() {
  caps=$(getcap "$binary" 2>/dev/null || true)
  if [ -n "$caps" ]; then echo "capture rights: $caps"; else echo "capture rights: none on $binary"; fi
  echo "binary: $(stat -c '%U:%G %a' "$binary")"
  if [ -f "$LD_CONF" ]; then echo "loader entry: $LD_CONF -> $(cat "$LD_CONF")"; else echo "loader entry: none"; fi
}

case "$action" in
  grant) grant ;;
  revoke) revoke ;;
  status) status ;;
  *) usage ;;
esac
