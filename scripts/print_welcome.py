"""Print where to open the platform and how to log in, after `make run` loaded the demo."""

import json
import sys
from pathlib import Path

port = sys.argv[1] if len(sys.argv) > 1 else "8000"
logins = json.loads(Path("demo-logins.json").read_text(encoding="utf-8"))
sites = {}
for login in logins:
    sites.setdefault(login["steunpunt"], login["site"])

print()
print(f"Platform:        http://127.0.0.1:{port}/")
for name, url in sites.items():
    print(f"{name}: {url}")
print(f"Back office:     http://127.0.0.1:{port}/admin/")
print()
print("Demo logins (all in demo-logins.json):")
for login in logins:
    print(f"  {login['username']:<28} {login['password']:<24} {login['role_label']}")
print()
print("Two-factor code without an app:  .venv/bin/python manage.py demo_totp USERNAME")
print("Stop with Ctrl-C.")
print()
