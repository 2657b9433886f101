#!/usr/bin/env bash
# Regenerates openapi/github/: GitHub's OpenAPI description of api.github.com, as published in
# the npm package @octokit/openapi (MIT licence), stored gzip-compressed for the contract tests.
#
#   scripts/update-openapi.sh            # the pinned version below
#   scripts/update-openapi.sh 23.0.3     # another version (then commit the script with it)
#
# Needs curl, tar, gzip, sha256sum and sha512sum (or openssl); npm is used when present to look
# up the registry's integrity hash of another version.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGE="@octokit/openapi"
VERSION="${1:-23.0.2}"
# The registry's "dist.integrity" of the pinned version (npm view @octokit/openapi@23.0.2 dist.integrity).
PINNED_VERSION="23.0.2"
PINNED_INTEGRITY="sha512-pV8M7L9GY23AybNvTmo2nyjmpmnt6+2sRE/tqr0ZLQcPS4lnw7u5eZGNmwRNkBC3D7gZXbFx5AHzLUVRBXGDhg=="
FILE_IN_PACKAGE="package/generated/api.github.com.json"
OUT="openapi/github"

if [ "$VERSION" = "$PINNED_VERSION" ]; then
  INTEGRITY="$PINNED_INTEGRITY"
elif command -v npm >/dev/null; then
  INTEGRITY="$(npm view "$PACKAGE@$VERSION" dist.integrity)"
else
  echo "Version $VERSION is not the pinned one and npm is not installed to look up its integrity hash." >&2
  exit 1
fi

TARBALL_URL="https://registry.npmjs.org/$PACKAGE/-/openapi-$VERSION.tgz"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

echo "Fetching $TARBALL_URL"
curl -fsSL --retry 3 -o "$WORK/package.tgz" "$TARBALL_URL"

if command -v sha512sum >/dev/null; then
  ACTUAL="sha512-$(sha512sum "$WORK/package.tgz" | cut -d' ' -f1 | xxd -r -p | base64 -w0)"
else
  ACTUAL="sha512-$(openssl dgst -sha512 -binary "$WORK/package.tgz" | base64 | tr -d '\n')"
fi
if [ "$ACTUAL" != "$INTEGRITY" ]; then
  echo "Integrity mismatch for $PACKAGE@$VERSION: expected $INTEGRITY, got $ACTUAL" >&2
  exit 1
fi

tar -xzf "$WORK/package.tgz" -C "$WORK" "$FILE_IN_PACKAGE" package/LICENSE
JSON="$WORK/$FILE_IN_PACKAGE"
JSON_SHA256="$(sha256sum "$JSON" | cut -d' ' -f1)"

mkdir -p "$OUT"
# -n leaves out the name and time, so the same input always gives the same bytes.
gzip -9nc "$JSON" > "$OUT/api.github.com.json.gz"
cp "$WORK/package/LICENSE" "$OUT/LICENSE"
GZ_SHA256="$(sha256sum "$OUT/api.github.com.json.gz" | cut -d' ' -f1)"

cat > "$OUT/SOURCE.properties" <<PROPS
# Where api.github.com.json.gz comes from; written by scripts/update-openapi.sh, do not edit.
package=$PACKAGE
version=$VERSION
tarball=$TARBALL_URL
tarball.integrity=$INTEGRITY
file=${FILE_IN_PACKAGE#package/}
file.sha256=$JSON_SHA256
compressed.sha256=$GZ_SHA256
license=MIT
PROPS

echo "Wrote $OUT (json sha256 $JSON_SHA256)"
