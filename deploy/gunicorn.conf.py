"""gunicorn configuration of the production stack (README, "Production").

    .venv/bin/gunicorn -c deploy/gunicorn.conf.py

Every value can be set from the environment; the defaults suit one application server behind nginx
on the same machine. The application is stateless (sessions and cache in the database or Redis,
files on shared storage), so several servers can run side by side.
"""

import multiprocessing
import os
from pathlib import Path

_src = Path(__file__).resolve().parent.parent / "src"

wsgi_app = "steunpunt.wsgi:application"
pythonpath = str(_src)
raw_env = [f"DJANGO_SETTINGS_MODULE={os.environ.get('DJANGO_SETTINGS_MODULE', 'steunpunt.conf.production')}"]

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Sync workers: every request is short (pages are cached, mail and reports go to the task queue).
workers = int(os.environ.get("GUNICORN_WORKERS", multiprocessing.cpu_count() * 2 + 1))
worker_class = "sync"
# A request that takes longer than this is stuck; the worker is replaced.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
graceful_timeout = 30
keepalive = 5
# Recycle workers now and then so that a slow leak never grows.
max_requests = 2000
max_requests_jitter = 200
# nginx on the same machine sets X-Forwarded-For/-Proto: the app (limits, lockouts) and the access log
# take the visitor's address from it for requests from these proxies only (steunpunt.core.client_address).
TRUSTED_PROXIES = os.environ.setdefault("TRUSTED_PROXIES", "127.0.0.1,::1")
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", TRUSTED_PROXIES)
# Load the application once, before forking: less memory, and a broken setting fails at start.
preload_app = True
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# No codes of private links and no query strings in the access log (steunpunt.core.access_log).
logger_class = "steunpunt.core.access_log.RedactingLogger"
access_log_format = '%(h)s %(t)s "%(r)s" %(s)s %(B)s %(M)sms "%(f)s"'
