# shellcheck shell=bash
# System packages the project needs on Debian 12, and an installer that only touches what is missing.
# Sourced by scripts/run, scripts/test and scripts/bench. Every package the build, the tests, the demo or the
# benchmarks use is listed here: nothing may be installed by hand.

POS_DEB_PACKAGES=(
    # toolchain
    build-essential cmake ninja-build ccache pkg-config clang-format
    # fuzzing (scripts/fuzz): clang with libFuzzer and the ASan/UBSan runtimes
    clang libclang-rt-14-dev
    # Qt 6.4 (Widgets, Sql, Network, SerialPort, Svg, Charts, Test, Linguist) and its offscreen platform
    qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools qt6-translations-l10n
    qt6-serialport-dev qt6-svg-dev qt6-charts-dev qt6-qpa-plugins libqt6sql6-sqlite libqt6svg6
    # libraries
    libssl-dev libsqlite3-dev libusb-1.0-0-dev libqrencode-dev
    # the personal-data key in the desktop keyring (libsecret); tst_keyring_vault runs its own session bus
    # (dbus-daemon) and a real Secret Service (gnome-keyring-daemon)
    libsecret-1-dev gnome-keyring dbus-daemon
    # a CJK font so Chinese renders on screen and in offscreen screenshots
    fonts-wqy-microhei
)

pos_missing_packages() {
    local package status
    for package in "${POS_DEB_PACKAGES[@]}"; do
        status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
        [[ "$status" == "install ok installed" ]] || printf '%s\n' "$package"
    done
}

pos_install_dependencies() {
    local missing
    mapfile -t missing < <(pos_missing_packages)
    if ((${#missing[@]} == 0)); then
        return 0
    fi
    echo "Installing missing system packages: ${missing[*]}"
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        if ! command -v sudo >/dev/null 2>&1; then
            echo "error: need root or sudo to install: ${missing[*]}" >&2
            return 1
        fi
        sudo=(sudo)
    fi
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
}
