#!/usr/bin/env bash
# Builds the .deb, installs it on this machine (as root), runs the smoke test through the installed command-line
# launcher (train, save a session, export two pictures without a display), then removes the package again.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -Pimage,installer package -DskipTests </dev/null
deb=$(ls target/package/*.deb)
apt-get install -y -qq "./$deb" >/dev/null
trap 'apt-get remove -y -qq backprop-studio >/dev/null' EXIT
cli=/opt/backprop-studio/bin/backprop
out="$(mktemp -d)"
unset DISPLAY
"$cli" train /opt/backprop-studio/lib/app/samples/xor-2-2-1-given-weights.bps --epochs 300 --save "$out/xor.bpsession"
"$cli" export "$out/xor.bpsession" --view loss --out "$out/loss.png" --scale 2 --size 400x250
"$cli" export "$out/xor.bpsession" --view playground --out "$out/playground.png" --scale 2
python3 - "$out/loss.png" "$out/playground.png" <<'PY'
import struct, sys
for path in sys.argv[1:]:
    data = open(path, 'rb').read()
    assert data[:8] == b'\x89PNG\r\n\x1a\n', path + ' is not a PNG'
    w, h = struct.unpack('>II', data[16:24])
    print(f'install test: the installed launcher exported a {w}x{h} PNG ({len(data)} bytes)')
PY
test -x /opt/backprop-studio/bin/backprop-studio
echo "install test: $deb installs both launchers and the command line works from the installed copy"
