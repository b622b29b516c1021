#!/bin/sh
# Re-makes the vendored axe-core of the accessibility test (internal/axe) from
# the npm package, pinned by version and checked by SHA-256, so the test runs
# offline and always with the same rules. Run from anywhere:
#
#	internal/axe/make.sh
#
# To move to a new version, change VERSION, run with SUM= (empty) to print the
# new checksum, review the changelog, then pin the sum here.
set -eu
VERSION=4.14.1
SUM=29348999450cdf2849a8e70b7912fc2da85a849da39c0d0d5394f51d4a9ed95c
dir=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "axe-core@$VERSION" >/dev/null && tar -xzf "axe-core-$VERSION.tgz")
got=$(sha256sum "$tmp/package/axe.min.js" | cut -d' ' -f1)
if [ -n "$SUM" ] && [ "$got" != "$SUM" ]; then
	echo "axe.min.js $VERSION: sha256 $got, want $SUM" >&2
	exit 1
fi
cp "$tmp/package/axe.min.js" "$dir/axe.min.js"
cp "$tmp/package/LICENSE" "$dir/axe.LICENSE"
cp "$tmp/package/LICENSE-3RD-PARTY.txt" "$dir/axe.LICENSE-3RD-PARTY.txt"
echo "axe-core $VERSION sha256 $got"
