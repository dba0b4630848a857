#!/usr/bin/env bash
# Wrap the one-folder bundle into an AppImage:  build_appimage.sh dist/ResNetStudio out.AppImage
# Needs appimagetool (https://appimage.github.io/appimagetool/), which no package registry we use
# carries: build.py calls this only when appimagetool is on PATH.
set -euo pipefail
BUNDLE=$(cd "$1" && pwd)
OUT=$2
HERE=$(cd "$(dirname "$0")" && pwd)
command -v appimagetool >/dev/null || { echo "appimagetool not found on PATH" >&2; exit 2; }
APPDIR=$(mktemp -d)/ResNetStudio.AppDir
trap 'rm -rf "$(dirname "$APPDIR")"' EXIT
mkdir -p "$APPDIR/usr/lib" "$APPDIR/usr/share/applications" "$APPDIR/usr/share/icons/hicolor/256x256/apps"
cp -a "$BUNDLE" "$APPDIR/usr/lib/ResNetStudio"
cat > "$APPDIR/AppRun" <<'RUN'
#!/bin/sh
HERE=$(dirname "$(readlink -f "$0")")
exec "$HERE/usr/lib/ResNetStudio/ResNetStudio" "$@"
RUN
chmod 755 "$APPDIR/AppRun"
sed -e 's|^Exec=.*|Exec=ResNetStudio %F|' "$HERE/resnet-studio.desktop" > "$APPDIR/resnet-studio.desktop"
cp "$APPDIR/resnet-studio.desktop" "$APPDIR/usr/share/applications/"
cp "$BUNDLE/_internal/resources/icons/app.png" "$APPDIR/resnet-studio.png"
cp "$APPDIR/resnet-studio.png" "$APPDIR/usr/share/icons/hicolor/256x256/apps/"
ARCH=${ARCH:-$(uname -m)} appimagetool --no-appstream "$APPDIR" "$OUT"
