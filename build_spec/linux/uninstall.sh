#!/bin/sh
# Removes the menu entry and icon that install.sh added. Delete this folder afterwards to remove
# the app; your trained models stay in ~/.local/share/ResNetStudio.
set -eu
DATA="${XDG_DATA_HOME:-$HOME/.local/share}"
rm -f "$DATA/applications/resnet-studio.desktop" "$DATA/icons/hicolor/256x256/apps/resnet-studio.png" \
      "$DATA/mime/packages/resnet-studio-model.xml"
command -v update-mime-database >/dev/null 2>&1 && [ -d "$DATA/mime" ] && update-mime-database "$DATA/mime" || true
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$DATA/applications" || true
echo "ResNet Studio was removed from the applications menu."
