#!/bin/sh
# Adds ResNet Studio to the applications menu and to "Open with" for pictures and model files
# (.safetensors), for this user only.
# Run it from the unpacked folder (double-click → "Run", or: sh install.sh). Nothing is copied
# elsewhere: keep this folder where it is (e.g. ~/Applications/ResNetStudio) before installing.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
EXE="$HERE/ResNetStudio"
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
APPS="$DATA/applications"
ICONS="$DATA/icons/hicolor/256x256/apps"
[ -x "$EXE" ] || { echo "ResNetStudio executable not found next to install.sh" >&2; exit 1; }
mkdir -p "$APPS" "$ICONS"
cp "$HERE/resnet-studio.png" "$ICONS/resnet-studio.png"
# Exec with a quoted absolute path: the folder may hold spaces or non-ASCII characters. Inside the
# quotes the Desktop Entry spec wants \\ " ` $ escaped (written doubled: \\\\ \\" ...) and % as %%.
ESCAPED=$(printf '%s' "$EXE" | sed -e 's/\\/\\\\\\\\/g' -e 's/["`$]/\\\\&/g' -e 's/%/%%/g')
while IFS= read -r line || [ -n "$line" ]; do
    case $line in
        Exec=*) printf 'Exec="%s" %%F\n' "$ESCAPED" ;;
        *) printf '%s\n' "$line" ;;
    esac
done < "$HERE/resnet-studio.desktop" > "$APPS/resnet-studio.desktop"
chmod 644 "$APPS/resnet-studio.desktop"
if [ -f "$HERE/resnet-studio-model.xml" ]; then  # model files (.safetensors): "Open with" imports them
    mkdir -p "$DATA/mime/packages"
    cp "$HERE/resnet-studio-model.xml" "$DATA/mime/packages/resnet-studio-model.xml"
    command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$DATA/mime" || true
fi
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$APPS" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true
echo "ResNet Studio is in your applications menu, and in \"Open with\" for pictures and model files."
