#!/usr/bin/env bash
# Turns the runtime image (target/image, built by build-image.sh) into an installable package with jpackage: a .deb
# on Debian and Ubuntu (needs fakeroot and dpkg-deb), an app-image folder elsewhere or with TYPE=app-image. Both
# launchers are installed: backprop-studio (the app) and backprop (the command line). Run through Maven:
#   mvn -B -ntp -Pimage,installer package -DskipTests
set -euo pipefail
cd "$(dirname "$0")/.."
[ -x target/image/bin/java ] || bash jlink-config/build-image.sh
jdk="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")}"
type="${TYPE:-}"
if [ -z "$type" ]; then
    if command -v dpkg-deb >/dev/null && command -v fakeroot >/dev/null; then type=deb; else type=app-image; fi
fi
version=$(sed -n 's:.*<version>\([0-9][0-9.]*\).*</version>.*:\1:p' pom.xml | head -1)
input=target/package-input
rm -rf "$input" target/package
mkdir -p "$input" target/package
cp target/image/app/*.jar "$input/"
cp -r samples "$input/samples"
# a Java runtime without the app: jpackage puts the app beside it
runtime=target/package-runtime
rm -rf "$runtime"
cp -r target/image "$runtime"
rm -rf "$runtime/app" "$runtime/samples" "$runtime/bin/backprop" "$runtime/bin/backprop-studio"
options="--add-modules=jdk.incubator.vector,javafx.controls,javafx.fxml -XX:PerMethodTrapLimit=1000 -Dbackprop.samples=\$APPDIR/samples"
for e in javafx.graphics/com.sun.glass.ui javafx.graphics/com.sun.javafx.util javafx.base/com.sun.javafx.logging \
         javafx.graphics/com.sun.glass.events javafx.graphics/com.sun.javafx.application; do
    options="$options --add-exports=$e=ALL-UNNAMED"
done
options="$options --add-opens=javafx.graphics/com.sun.glass.ui=ALL-UNNAMED"
cat > target/package-cli.properties <<PROPS
main-class=studio.backprop.cli.Main
java-options=$options
PROPS
args=(--type "$type" --name backprop-studio --app-version "$version" --vendor "Backprop Studio"
      --description "Learn how neural networks work by building them, running them and watching every number move."
      --dest target/package --input "$input" --main-jar backprop-studio.jar
      --main-class studio.backprop.ui.app.BackpropStudioApp --java-options "$options"
      --runtime-image "$runtime" --add-launcher backprop=target/package-cli.properties)
if [ "$type" = deb ]; then
    args+=(--linux-package-name backprop-studio --linux-app-category education)
fi
"$jdk/bin/jpackage" "${args[@]}"
echo "build-package: $(ls target/package)"
