#!/usr/bin/env bash
# npm packages the browser journeys need (axe-core for accessibility checks), into a git-ignored node_modules/.
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f node_modules/axe-core/axe.min.js ] && exit 0
command -v npm >/dev/null 2>&1 || { echo "npm không có: cài gói Debian npm để chạy kiểm tra trợ năng." >&2; exit 1; }
npm install --no-save --no-package-lock --no-audit --no-fund --silent axe-core@4
