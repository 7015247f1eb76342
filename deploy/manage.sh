#!/bin/sh
# One management command with the installation's environment: what cron (deploy/cron/steunpunt)
# and systemd timers call. The environment file holds the same variables as gunicorn's and the
# workers' (DJANGO_SETTINGS_MODULE, DJANGO_SECRET_KEY, DATABASE_URL, CACHE_URL, EMAIL_HOST, ...).
#
#   deploy/manage.sh anonymise_expired_cases
#
# STEUNPUNT_ENV_FILE (default /etc/steunpunt/env) and STEUNPUNT_APP_DIR (default: this checkout)
# change where they are.
set -eu
APP_DIR=${STEUNPUNT_APP_DIR:-$(cd "$(dirname "$0")/.." && pwd)}
ENV_FILE=${STEUNPUNT_ENV_FILE:-/etc/steunpunt/env}
if [ -r "$ENV_FILE" ]; then
  set -a
  . "$ENV_FILE"
  set +a
fi
cd "$APP_DIR"
exec "$APP_DIR/.venv/bin/python" manage.py "$@"
