#!/bin/bash
# The deb/rpm post-install. It does what electron-builder's default post-install does (this file
# replaces it): the tcplens command on the PATH, the Chromium sandbox helper's mode, the MIME and
# desktop databases (file associations), the AppArmor profile on systems that use one. Then one
# line on capture rights: it grants none (an installer cannot ask, and rights on the binary apply
# to every user who runs it); the administrator decides with the script it names.
# electron-builder fills in ${executable} and ${sanitizedProductName}; the shell's own variables
# below are written without braces so that it leaves them alone.

app_dir='/opt/${sanitizedProductName}'
program="$app_dir/${executable}"
link='/usr/bin/${executable}'

# `tcplens` on the PATH, through update-alternatives where the system has it.
if type update-alternatives >/dev/null 2>&1; then
    # A plain link from an older install would stop update-alternatives from taking the name.
    if [ -L "$link" ] && [ -e "$link" ] && [ "$(readlink "$link")" != '/etc/alternatives/${executable}' ]; then
        rm -f "$link"
    fi
    update-alternatives --install "$link" '${executable}' "$program" 100 || ln -sf "$program" "$link"
else
    ln -sf "$program" "$link"
fi

# Chromium sandboxes its renderers with user namespaces; where the kernel refuses them, its
# chrome-sandbox helper must be setuid root instead.
if [ -L /proc/self/ns/user ] && unshare --user true 2>/dev/null; then
    chmod 0755 "$app_dir/chrome-sandbox" || true
else
    chmod 4755 "$app_dir/chrome-sandbox" || true
fi

# The file associations (.pcap, .pcapng, .cap, .pcap.gz) take effect once the databases know them.
if hash update-mime-database 2>/dev/null; then update-mime-database /usr/share/mime || true; fi
if hash update-desktop-database 2>/dev/null; then update-desktop-database /usr/share/applications || true; fi

# Ubuntu 24.04 and later confine unprivileged user namespaces with AppArmor: Electron's profile,
# shipped in resources/, lets the sandbox work. Installed only when this AppArmor can parse it
# (older ones lack its ABI), and loaded only outside a chroot (an image being prepared).
if apparmor_status --enabled >/dev/null 2>&1; then
    profile="$app_dir/resources/apparmor-profile"
    target='/etc/apparmor.d/${executable}'
    if apparmor_parser --skip-kernel-load --debug "$profile" >/dev/null 2>&1; then
        cp -f "$profile" "$target"
        if ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; } && hash apparmor_parser 2>/dev/null; then
            apparmor_parser --replace --write-cache --skip-read-cache "$target"
        fi
    else
        echo "TCP Lens: this AppArmor cannot read the bundled profile; it is not installed"
    fi
fi

# An upgrade replaces the binary, which drops rights given before: the same command gives them again.
echo "TCP Lens: to let it capture packets, run: sudo '$app_dir/resources/tcplens-capture-rights.sh' grant [--group tcplens]"
