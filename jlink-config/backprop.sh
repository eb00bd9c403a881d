#!/bin/sh
# The Backprop Studio command line from a runtime image: backprop COMMAND [ARGS].
here="$(cd "$(dirname "$0")/.." && pwd)"
exec "$here/bin/java" --add-modules=jdk.incubator.vector,javafx.controls,javafx.fxml \
    -Dbackprop.samples="$here/samples" -cp "$here/app/*" studio.backprop.cli.Main "$@"
