#!/usr/bin/env bash
# Debian packages the tests need: Chromium and its driver for browser tests, gettext
# for the translation check, Pango for WeasyPrint's PDFs, poppler and zbar to read its QR codes, nginx and its cache-purge module for the
# front cache. Installs them when missing and this user may.
set -euo pipefail
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
command -v msgfmt >/dev/null 2>&1 || missing+=(gettext)
# The front cache test (core/tests/test_front_cache.py) runs nginx with deploy/nginx/steunpunt.conf,
# which purges with the cache-purge module.
[ -x /usr/sbin/nginx ] || command -v nginx >/dev/null 2>&1 || missing+=(nginx-light)
[ -f /usr/lib/nginx/modules/ngx_http_cache_purge_module.so ] || missing+=(libnginx-mod-http-cache-purge)
# WeasyPrint (the board report as PDF) draws text with Pango.
ldconfig -p 2>/dev/null | grep -q "libpango-1.0.so" || missing+=(libpango-1.0-0 libpangoft2-1.0-0)
# The QR code test of the printed material (schools/tests/test_material.py) renders the PDF with
# pdftoppm and reads the code with zbarimg.
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)
[ ${#missing[@]} -eq 0 ] && exit 0
cmd="apt-get update && apt-get install -y ${missing[*]}"
if [ "$(id -u)" -ne 0 ]; then
  echo "These Debian packages are missing: ${missing[*]}. Install them as root with:" >&2
  echo "  sudo sh -c '$cmd'" >&2
  exit 1
fi
echo "Installing ${missing[*]} ..."
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
apt-get install -y -q --no-install-recommends "${missing[@]}" >/dev/null
