#!/usr/bin/env bash
# Builds the runtime image and uses it as a person would, without a display: train a sample with the image's own
# launcher, save the session, export its loss chart to PNG, and check that the picture is a real PNG of the
# expected size. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -Pimage package -DskipTests </dev/null
out="$(mktemp -d)"
unset DISPLAY
target/image/bin/backprop train samples/xor-2-2-1-given-weights.bps --epochs 300 --save "$out/xor.bpsession"
target/image/bin/backprop export "$out/xor.bpsession" --view loss --out "$out/loss.png" --scale 2 --size 400x250
python3 - "$out/loss.png" <<'PY'
import struct, sys
data = open(sys.argv[1], 'rb').read()
assert data[:8] == b'\x89PNG\r\n\x1a\n', 'not a PNG'
width, height = struct.unpack('>II', data[16:24])
assert (width, height) == (800, 500), (width, height)
print(f'smoke test: the image exported a {width}×{height} PNG of {len(data)} bytes')
PY
