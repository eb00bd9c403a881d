#!/usr/bin/env bash
# Builds a self-contained runtime image in target/image: a jlink'ed Java runtime with JavaFX linked in, the app and
# its other libraries in app/, the samples, and two launchers in bin/ (backprop-studio: the app; backprop: the
# command line). Run through Maven: mvn -B -ntp -Pimage package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
image=target/image
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
if [ ! -d "$jdk/jmods" ]; then
    echo "build-image: no jmods folder in $jdk; install a full JDK (Debian: openjdk-17-jmods)" >&2
    exit 2
fi
javafx_jars=$(ls target/lib/javafx-*-linux.jar | tr '\n' ':')
modules=$(grep -v '^#' jlink-config/modules.txt | tr '\n' ',' | sed 's/,$//')
rm -rf "$image"
"$jdk/bin/jlink" --module-path "$jdk/jmods:$javafx_jars" --add-modules "$modules" --output "$image" \
    --strip-debug --no-header-files --no-man-pages --compress=2
mkdir -p "$image/app"
cp target/backprop-studio.jar "$image/app/"
for jar in target/lib/*.jar; do
    case "$(basename "$jar")" in
        javafx-*) ;;
        *) cp "$jar" "$image/app/" ;;
    esac
done
cp -r samples "$image/samples"
install -m 755 jlink-config/backprop-studio.sh "$image/bin/backprop-studio"
install -m 755 jlink-config/backprop.sh "$image/bin/backprop"
echo "build-image: $(du -sh "$image" | cut -f1) in $image; start it with $image/bin/backprop-studio"
