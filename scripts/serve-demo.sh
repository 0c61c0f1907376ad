#!/usr/bin/env bash
# The demo in one command: the task worker and the scheduler beside runserver.
# When runserver stops (or this script is interrupted), the other two are stopped with it.
set -uo pipefail
PY="${1:?python}"
PORT="${2:?port}"
# The worker prints the demo's own address on posters, outlines and certificates (settings.dev).
export PORT
# The demo names its settings: lantoa.config.wsgi defaults to production.
export DJANGO_SETTINGS_MODULE="${DJANGO_SETTINGS_MODULE:-lantoa.config.settings.dev}"
# The demo shows what a visitor sees, the site's own error pages included (DEBUG=true: Django's debug pages).
export DEBUG="${DEBUG:-false}"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null' EXIT
trap 'exit 130' INT TERM
# No autoreload (Django's reloader runs the program in a child that a killed parent would leave running): restart
# the demo to run changed code.
# shellcheck source=scripts/children.sh
. "$(dirname "$0")/children.sh"
"${with_parent[@]}" "$PY" manage.py db_worker --no-reload --interval 2 & pids+=($!)
"${with_parent[@]}" "$PY" manage.py run_scheduler & pids+=($!)
# Files printed with another address (the demo moved to another port) are built again now, not at the next hourly timer.
"${with_parent[@]}" "$PY" manage.py public_files >/dev/null & pids+=($!)
# --insecure: runserver serves the static files with DEBUG off too (settings.dev serves the media).
"${with_parent[@]}" "$PY" manage.py runserver --noreload --insecure "127.0.0.1:$PORT" & pids+=($!)
server=$!
wait "$server"
