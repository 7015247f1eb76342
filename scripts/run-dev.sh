#!/usr/bin/env bash
# Serve the platform and run the task worker beside it; Ctrl-C stops both.
set -euo pipefail
port="${1:-8000}"
# The settings derive the back office's address in Wagtail's mails to staff from PORT.
export PORT="${port}"
.venv/bin/python manage.py db_worker --interval 2 &
worker=$!
trap 'kill $worker 2>/dev/null || true' EXIT INT TERM
.venv/bin/python manage.py runserver "127.0.0.1:${port}" --noreload
