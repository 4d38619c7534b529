#!/bin/bash
# The deb/rpm post-remove: electron-builder's own (app-builder-lib/templates/linux/after-remove.tpl),
# then, when the package is really removed (deb: remove/purge; rpm: no version left), the loader
# entry that tcplens-capture-rights.sh grant may have added (it links into /opt, now gone).


# Delete the link to the binary
# update-alternatives --remove <name> <path>: 'path' must be the registered alternative binary,
# not the generic symlink — see https://man7.org/linux/man-pages/man1/update-alternatives.1.html
if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove '${executable}' '/opt/${sanitizedProductName}/${executable}'
else
    rm -f '/usr/bin/${executable}'
fi

APPARMOR_PROFILE_DEST='/etc/apparmor.d/${executable}'

# Remove and unload apparmor profile.
if [ -f "$APPARMOR_PROFILE_DEST" ]; then
  # Unload the profile from the running kernel before deleting the file so the
  # policy is not left enforced until the next reboot.  Mirror the chroot guard
  # used in the after-install script — live AppArmor operations are not
  # meaningful inside a chroot.
  # https://wiki.debian.org/AppArmor/HowToUse
  if apparmor_status --enabled > /dev/null 2>&1; then
    if ! { [ -x '/usr/bin/ischroot' ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
      apparmor_parser --remove "$APPARMOR_PROFILE_DEST" || true
    fi
  fi
  rm -f "$APPARMOR_PROFILE_DEST"
fi
case "$1" in
  remove|purge|0)
    if [ -f /etc/ld.so.conf.d/tcplens.conf ]; then
      rm -f /etc/ld.so.conf.d/tcplens.conf /usr/local/lib/tcplens/libffmpeg.so
      rmdir /usr/local/lib/tcplens 2>/dev/null || true
      ldconfig || true
    fi
    ;;
esac
