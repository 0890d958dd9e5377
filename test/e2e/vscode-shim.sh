#!/bin/sh
# The executable test-electron launches in place of VS Code (see vscode-shim.js).
exec node "$(dirname "$0")/vscode-shim.js" "$@"
