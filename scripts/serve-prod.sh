#!/usr/bin/env bash
# The production stack on this machine, in one command (`make prod`): gunicorn with several workers, the task
# worker and the scheduler, with the production settings on PostgreSQL and Redis. For trying the stack here;
# a server runs the same three programs as systemd units (deploy/, docs/operations.md).
# Settings come from the environment; what is missing is taken from var/prod.env, written on the first run with
# fresh random secrets (keep that file: it holds the voice keys that open the reports stored in this database).
# Stopping this script (Ctrl-C, or even kill -9) stops all three.
set -euo pipefail
cd "$(dirname "$0")/.."
PY="${1:-.venv/bin/python}"
PORT="${PORT:-8001}"
ENV_FILE="${PROD_ENV_FILE:-var/prod.env}"

if [ ! -f "$ENV_FILE" ]; then
  mkdir -p "$(dirname "$ENV_FILE")"
  (umask 077 && "$PY" - >"$ENV_FILE" <<'PYTHON'
import base64, secrets
print(f"SECRET_KEY={secrets.token_urlsafe(50)}")
print(f"VOICE_ENCRYPTION_KEYS=1:{base64.b64encode(secrets.token_bytes(32)).decode()}")
print(f"VOICE_RECEIPT_SALT={secrets.token_urlsafe(32)}")
PYTHON
  )
  echo "Đã tạo $ENV_FILE (khoá bí mật và khoá phản ánh cho máy này: hãy giữ tệp này)."
fi
set -a
# shellcheck disable=SC1090
. "$ENV_FILE"
set +a

export DJANGO_SETTINGS_MODULE=lantoa.config.settings.prod
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/lantoa}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
export ALLOWED_HOSTS="${ALLOWED_HOSTS:-127.0.0.1,localhost}"
export PUBLIC_BASE_URL="${PUBLIC_BASE_URL:-http://localhost:$PORT}"
# No TLS on loopback: nginx terminates it in production (deploy/nginx/lantoa.conf).
export SECURE_SSL_REDIRECT="${SECURE_SSL_REDIRECT:-false}"
export SECURE_HSTS_SECONDS="${SECURE_HSTS_SECONDS:-0}"
export GUNICORN_BIND="127.0.0.1:$PORT"
export GUNICORN_WORKERS="${GUNICORN_WORKERS:-3}"

case "$DATABASE_URL" in
  postgres*) ;;
  *) echo "Ngăn xếp sản xuất chạy trên PostgreSQL: DATABASE_URL=$DATABASE_URL không phải PostgreSQL." >&2; exit 1 ;;
esac
"$PY" - <<'PYTHON'
import os, sys
import psycopg

url = os.environ["DATABASE_URL"]
base, name = url.rsplit("/", 1)
try:
    psycopg.connect(url).close()
except psycopg.OperationalError:
    try:
        with psycopg.connect(f"{base}/postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
    except psycopg.Error as error:
        sys.exit(f"Không tạo được cơ sở dữ liệu {name}: {error}")
PYTHON

"$PY" manage.py migrate --noinput
"$PY" manage.py collectstatic --noinput --verbosity 0

pids=()
trap 'kill "${pids[@]}" 2>/dev/null; wait 2>/dev/null' EXIT
trap 'exit 130' INT TERM
# shellcheck source=scripts/children.sh
. scripts/children.sh
"${with_parent[@]}" "$PY" -m gunicorn -c deploy/gunicorn.conf.py lantoa.config.wsgi:application & pids+=($!)
"${with_parent[@]}" "$PY" manage.py db_worker & pids+=($!)
"${with_parent[@]}" "$PY" manage.py run_scheduler & pids+=($!)
echo "Lan Tỏa (sản xuất): http://localhost:$PORT/  — sức khoẻ: http://localhost:$PORT/healthz"
# Any of the three ending stops the stack: a half-running service is worse than a stopped one.
wait -n
