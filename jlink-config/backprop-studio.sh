#!/bin/sh
# Starts the Backprop Studio app from a runtime image.
here="$(cd "$(dirname "$0")/.." && pwd)"
# Headless rendering (Monocle, on the class path) needs these JavaFX internals opened to it.
monocle="--add-exports=javafx.graphics/com.sun.glass.ui=ALL-UNNAMED --add-opens=javafx.graphics/com.sun.glass.ui=ALL-UNNAMED \
 --add-exports=javafx.graphics/com.sun.javafx.util=ALL-UNNAMED --add-exports=javafx.base/com.sun.javafx.logging=ALL-UNNAMED \
 --add-exports=javafx.graphics/com.sun.glass.events=ALL-UNNAMED --add-exports=javafx.graphics/com.sun.javafx.application=ALL-UNNAMED"
# shellcheck disable=SC2086
exec "$here/bin/java" --add-modules=jdk.incubator.vector,javafx.controls,javafx.fxml -XX:PerMethodTrapLimit=1000 $monocle \
    -Dbackprop.samples="$here/samples" -cp "$here/app/*" studio.backprop.ui.app.BackpropStudioApp "$@"
