#!/bin/sh
# Starts the Backprop Studio app from a runtime image.
here="$(cd "$(dirname "$0")/.." && pwd)"
exec "$here/bin/java" --add-modules=jdk.incubator.vector,javafx.controls,javafx.fxml \
    -Dbackprop.samples="$here/samples" -cp "$here/app/*" studio.backprop.ui.app.BackpropStudioApp "$@"
