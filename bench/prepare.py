"""Make a PostgreSQL bench database ready: created, migrated, demo sites, N articles, static files.

    .venv/bin/python bench/prepare.py [--articles N] [--database-url URL] [--quick]

Safe to repeat: migrations and the demo are idempotent, and articles are generated only up to N.
"""

import argparse
import re
import sys
import time

import common


def _psql_url(db_url, database="postgres"):
    parts = common.urlsplit(db_url)
    return common.urlunsplit(parts._replace(path=f"/{database}"))


def database_exists(db_url):
    listing = common.run(
        [common.tool("psql"), _psql_url(db_url), "-tAc", "SELECT datname FROM pg_database"],
        capture=True,
        check=False,
    )
    if listing.returncode != 0:
        sys.exit(f"PostgreSQL does not answer at {_psql_url(db_url)}:\n{listing.stdout}")
    return common.database_name(db_url) in listing.stdout.split()


def ensure_database(db_url, articles, *, collectstatic=True):
    """Create, migrate and fill ``db_url`` (with the demo sites and ``articles`` live articles)."""
    started = time.monotonic()
    name = common.database_name(db_url)
    common.banner(f"Bench database {name}: {articles:,} articles")
    if not database_exists(db_url):
        common.note(f"creating database {name}")
        if not re.fullmatch(r"[a-z0-9_]+", name):
            sys.exit(f"Refusing to create a database named {name!r}: use lower-case letters, digits and _.")
        common.run([common.tool("psql"), _psql_url(db_url), "-qc", f"CREATE DATABASE {name}"])
    common.manage("migrate", "--noinput", "-v", "0", db_url=db_url)
    # The demo steunpunten (noord.localhost, midden.localhost) with the starter articles.
    has_demo = common.run(
        [
            common.tool("psql"),
            db_url,
            "-tAc",
            "SELECT count(*) FROM wagtailcore_site WHERE hostname = 'noord.localhost'",
        ],
        capture=True,
    ).stdout.strip()
    if has_demo != "1":
        common.note(
            "loading the demo steunpunten (load_demo_data, dev settings: production refuses demo data)"
        )
        common.VAR.mkdir(parents=True, exist_ok=True)
        common.manage(
            "load_demo_data",
            "--port",
            common.APP_PORT,
            "--logins-file",
            common.VAR / f"demo-logins-{name}.json",
            db_url=db_url,
            settings="steunpunt.conf.dev",
            capture=True,
        )
    common.run(
        [
            common.PYTHON,
            common.BENCH / "generate_articles.py",
            "--articles",
            articles,
            "--database-url",
            db_url,
        ],
        env=common.app_env(db_url),
    )
    if collectstatic:
        # Production settings serve static files from a manifest; without it every page fails.
        common.manage("collectstatic", "--noinput", "-v", "0", db_url=db_url)
    common.run([common.tool("psql"), db_url, "-qc", "VACUUM ANALYZE"])
    common.note(f"database ready in {time.monotonic() - started:.0f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--quick", action="store_true", help=f"{common.QUICK_ARTICLES:,} articles instead of 50,000"
    )
    parser.add_argument("--articles", type=int)
    parser.add_argument("--database-url", help="default: the bench database (or its --quick sibling)")
    args = parser.parse_args()
    db_url = args.database_url or common.big_database_url(args.quick)
    ensure_database(db_url, args.articles or common.article_count(args.quick))


if __name__ == "__main__":
    main()
