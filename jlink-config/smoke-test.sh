#!/usr/bin/env bash
# Builds the runtime image and uses it as a person would, without a display: train a sample with the image's own
# launcher, save the session, export its loss chart and its Playground (network and decision boundary) to PNG, and
# check that the pictures are real PNGs of the expected sizes. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -Pimage package -DskipTests </dev/null
out="$(mktemp -d)"
unset DISPLAY
target/image/bin/backprop train samples/xor-2-2-1-given-weights.bps --epochs 300 --save "$out/xor.bpsession"
target/image/bin/backprop export "$out/xor.bpsession" --view loss --out "$out/loss.png" --scale 2 --size 400x250
target/image/bin/backprop export "$out/xor.bpsession" --view playground --out "$out/playground.png" --scale 2
python3 - "$out/loss.png" "$out/playground.png" <<'PY'
import struct, sys
def size(path):
    data = open(path, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', path + ' is not a PNG'
    return struct.unpack('>II', data[16:24]) + (len(data),)
width, height, n = size(sys.argv[1])
assert (width, height) == (800, 500), (width, height)
print(f'smoke test: the image exported a {width}×{height} loss chart PNG of {n} bytes')
width, height, n = size(sys.argv[2])
assert width > 1000 and height > 600 and width % 2 == 0, (width, height)
print(f'smoke test: and a {width}×{height} Playground PNG of {n} bytes')
PY
