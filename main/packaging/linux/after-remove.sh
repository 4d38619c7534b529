#!/bin/bash
# The deb/rpm post-remove. It undoes what after-install.sh did (the command on the PATH, the
# AppArmor profile), and, when the package is really gone (deb: remove or purge; rpm: no version
# left, $1 = 0), the loader entry that `tcplens-capture-rights.sh grant` may have added: it links
# into the removed folder.
# electron-builder fills in ${executable} and ${sanitizedProductName} (see after-install.sh).

program='/opt/${sanitizedProductName}/${executable}'

# update-alternatives wants the registered target, not the /usr/bin link.
if type update-alternatives >/dev/null 2>&1; then
    update-alternatives --remove '${executable}' "$program"
else
    rm -f '/usr/bin/${executable}'
fi

# The AppArmor profile: unloaded from the running kernel first (outside a chroot), then deleted.
profile='/etc/apparmor.d/${executable}'
if [ -f "$profile" ]; then
    if apparmor_status --enabled >/dev/null 2>&1 && ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
        apparmor_parser --remove "$profile" || true
    fi
    rm -f "$profile"
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
