#!/usr/bin/env bash
# Make sure PostgreSQL (and Redis) answer on loopback; start them when they are installed but stopped.
# With an argument, only that service is checked and the exit code tells whether it answers.
# Under CI=true a service that cannot be reached is an error, never a silent skip.
set -uo pipefail
want="${1:-all}"

pg_up() { pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; }
redis_up() { redis-cli -h 127.0.0.1 ping 2>/dev/null | grep -q PONG; }

start_pg() {
  pg_up && return 0
  if command -v pg_ctlcluster >/dev/null 2>&1; then
    for version in /etc/postgresql/*; do
      pg_ctlcluster --skip-systemctl-redirect "$(basename "$version")" main start 2>/dev/null || true
    done
    for _ in $(seq 20); do pg_up && return 0; sleep 0.5; done
  fi
  return 1
}

start_redis() {
  redis_up && return 0
  if command -v redis-server >/dev/null 2>&1; then
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no >/dev/null 2>&1 || true
    for _ in $(seq 20); do redis_up && return 0; sleep 0.25; done
  fi
  return 1
}

status=0
if [ "$want" = all ] || [ "$want" = postgres ]; then
  if ! start_pg; then
    echo "PostgreSQL không trả lời ở 127.0.0.1:5432." >&2
    status=1
  fi
fi
if [ "$want" = all ] || [ "$want" = redis ]; then
  if ! start_redis; then
    echo "Redis không trả lời ở 127.0.0.1:6379." >&2
    status=1
  fi
fi
if [ "$status" -ne 0 ] && [ "${CI:-}" = true ]; then
  echo "CI=true: thiếu dịch vụ là lỗi." >&2
  exit 1
fi
[ "$want" = all ] && exit 0
exit "$status"
