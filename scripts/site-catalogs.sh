#!/usr/bin/env bash
# The catalogs of the public site's other languages (issue 17), made from the Dutch one, which holds
# every msgid (`make messages` refreshes it first):
# - English: msgstr = msgid for every entry (GNU gettext's msgen). A missing English string would
#   otherwise be shown in Dutch: Django falls back to LANGUAGE_CODE.
# - ar, tr, pl, uk: the translators' msgstr kept for every msgid still in the Dutch catalog, new
#   msgids added empty (shown in Dutch until translated), old ones dropped (msgmerge, no guessing).
#   A translator's file can be merged in first: scripts/site-catalogs.sh --from DIR (DIR/<lang>/django.po).
set -euo pipefail
cd "$(dirname "$0")/../src/steunpunt/locale"
FROM=""
if [ "${1:-}" = "--from" ]; then FROM="$2"; fi
NL=nl/LC_MESSAGES/django.po
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# The Dutch catalog as a template: no translations, no fuzzy entries.
msgattrib --no-obsolete --clear-fuzzy --no-wrap "$NL" -o "$tmp/all.po"
msgfilter --keep-header --no-wrap -i "$tmp/all.po" -o "$tmp/template.pot" sed -e d
# msgfilter "sed -e d" empties every msgstr; the header (Language: nl) is rewritten per language below.

mkdir -p en/LC_MESSAGES
msgen --no-wrap "$tmp/template.pot" -o "$tmp/en.po"
sed -e 's/^"Language: .*\\n"$/"Language: en\\n"/' -e 's/^"Language-Team: .*\\n"$/"Language-Team: English\\n"/' \
    -e 's/^"Plural-Forms: .*\\n"$/"Plural-Forms: nplurals=2; plural=(n != 1);\\n"/' "$tmp/en.po" > en/LC_MESSAGES/django.po

if [ -n "$FROM" ] && [ -f "$FROM/en/django.po" ]; then
  # Where the English translator improved a msgid, theirs; msgid itself everywhere else.
  msgattrib --no-obsolete --translated --no-fuzzy "$FROM/en/django.po" -o "$tmp/theirs-en.po"
  msgcat --use-first --no-wrap en/LC_MESSAGES/django.po "$tmp/theirs-en.po" -o "$tmp/en-both.po"
  msgcat --use-first --no-wrap "$tmp/theirs-en.po" "$tmp/en-both.po" -o "$tmp/en-both2.po"
  msgmerge --quiet --no-fuzzy-matching --no-wrap --no-location "$tmp/en-both2.po" "$tmp/template.pot" -o "$tmp/en-merged.po"
  msgattrib --no-obsolete --no-wrap "$tmp/en-merged.po" -o en/LC_MESSAGES/django.po
fi

declare -A PLURALS=(
  [ar]='nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 \&\& n%100<=10 ? 3 : n%100>=11 ? 4 : 5);'
  [tr]='nplurals=2; plural=(n != 1);'
  [pl]='nplurals=3; plural=(n==1 ? 0 : n%10>=2 \&\& n%10<=4 \&\& (n%100<10 || n%100>=20) ? 1 : 2);'
  [uk]='nplurals=3; plural=(n%10==1 \&\& n%100!=11 ? 0 : n%10>=2 \&\& n%10<=4 \&\& (n%100<10 || n%100>=20) ? 1 : 2);'
)
for lang in ar tr pl uk; do
  mkdir -p "$lang/LC_MESSAGES"
  target="$lang/LC_MESSAGES/django.po"
  if [ ! -f "$target" ]; then
    sed -e "s/^\"Language: .*\\\\n\"$/\"Language: $lang\\\\n\"/" \
        -e "s/^\"Plural-Forms: .*\\\\n\"$/\"Plural-Forms: ${PLURALS[$lang]}\\\\n\"/" "$tmp/template.pot" > "$target"
  fi
  if [ -n "$FROM" ] && [ -f "$FROM/$lang/django.po" ]; then
    # Theirs first, ours for what they have not translated (yet).
    msgattrib --no-obsolete --translated --no-fuzzy "$FROM/$lang/django.po" -o "$tmp/theirs.po"
    msgcat --use-first --no-wrap "$tmp/theirs.po" "$target" -o "$tmp/both.po"
    cp "$tmp/both.po" "$target"
  fi
  msgmerge --quiet --no-fuzzy-matching --no-wrap --no-location "$target" "$tmp/template.pot" -o "$tmp/merged.po"
  msgattrib --no-obsolete --no-wrap "$tmp/merged.po" -o "$target"
done
