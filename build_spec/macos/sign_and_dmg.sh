#!/usr/bin/env bash
# Sign (optional), notarize (optional) and pack the macOS app into a .dmg:
#   sign_and_dmg.sh "dist/ResNet Studio.app" dist/ResNetStudio-0.1.0-macos-arm64-cpu.dmg
#
# Signing placeholders — set these in the environment of a release build (nothing is needed for a
# local test build; the app is then ad-hoc signed and Gatekeeper asks once, via right-click → Open):
#   MACOS_SIGN_IDENTITY   "Developer ID Application: Your Name (TEAMID)"  (codesign identity)
#   MACOS_NOTARY_PROFILE  a notarytool keychain profile, made once with:
#                         xcrun notarytool store-credentials PROFILE --apple-id ... --team-id ...
set -euo pipefail
APP=$1
DMG=$2
HERE=$(cd "$(dirname "$0")" && pwd)
[ -d "$APP" ] || { echo "no app bundle at $APP (run build_spec/build.py first)" >&2; exit 2; }

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    # Hardened runtime is required for notarization; torch and Qt need the entitlements in the plist.
    codesign --force --deep --timestamp --options runtime \
        --entitlements "$HERE/entitlements.plist" --sign "$MACOS_SIGN_IDENTITY" "$APP"
else
    echo "MACOS_SIGN_IDENTITY not set: ad-hoc signing (fine for testing, not for distribution)"
    codesign --force --deep --sign - "$APP"
fi
codesign --verify --deep --strict "$APP"

STAGE=$(mktemp -d)
trap 'rm -rf "$STAGE"' EXIT
cp -R "$APP" "$STAGE/"
ln -s /Applications "$STAGE/Applications"   # drag-to-install
rm -f "$DMG"
hdiutil create -volname "ResNet Studio" -srcfolder "$STAGE" -fs HFS+ -format UDZO -ov "$DMG"

if [ -n "${MACOS_SIGN_IDENTITY:-}" ]; then
    codesign --timestamp --sign "$MACOS_SIGN_IDENTITY" "$DMG"
fi
if [ -n "${MACOS_NOTARY_PROFILE:-}" ]; then
    xcrun notarytool submit "$DMG" --keychain-profile "$MACOS_NOTARY_PROFILE" --wait
    xcrun stapler staple "$DMG"
fi
echo "wrote $DMG"
