#!/usr/bin/env bash
# Install Warta LKKS's newsroom server on Debian: `make server-install` (as root).
#
# Sets up a dedicated unprivileged user, a bare repository editors push to
# over SSH, its hooks (a push with a GALAT is rejected; an accepted one is
# published at once), a systemd timer that publishes every five minutes
# (embargoes), the web root nginx serves, and the nginx site. Running it
# again updates the tools, hooks and units and keeps the repository, the
# build cache and the live site. See docs/operasi.md.
#
# Settings (environment variables, defaults in brackets):
#   WARTA_SITEURL   the public address, https://host [https://warta.lkks-kalsel.or.id]
#   WARTA_USER      the user that owns and builds everything [warta]
#   WARTA_HOME      repository, build state, virtualenv [/var/lib/warta]
#   WARTA_WEBROOT   the live site nginx serves [/var/www/warta/situs]
#   WARTA_ETC       where warta.env lives [/etc/warta]
#   WARTA_BRANCH    the published branch [main]
#   WARTA_VENV      the build's virtual environment [WARTA_HOME/venv]
#   WARTA_WEBSUB_HUB  a WebSub hub the feeds name and each publish notifies [none]
#   WARTA_SYSTEM    1: also packages, user, systemd, nginx; 0: files only, as
#                   the current user (tests, or trying it on a laptop) [1]
set -euo pipefail

SOURCE=$(cd "$(dirname "$0")/.." && pwd)
WARTA_SITEURL=${WARTA_SITEURL:-https://warta.lkks-kalsel.or.id}
WARTA_USER=${WARTA_USER:-warta}
WARTA_HOME=${WARTA_HOME:-/var/lib/warta}
WARTA_WEBROOT=${WARTA_WEBROOT:-/var/www/warta/situs}
WARTA_ETC=${WARTA_ETC:-/etc/warta}
WARTA_BRANCH=${WARTA_BRANCH:-main}
WARTA_SYSTEM=${WARTA_SYSTEM:-1}
WARTA_SYSTEMD_DIR=${WARTA_SYSTEMD_DIR:-/etc/systemd/system}

REPO=$WARTA_HOME/warta.git
BIN=$WARTA_HOME/bin/warta
ENVFILE=$WARTA_ETC/warta.env
VENV=${WARTA_VENV:-$WARTA_HOME/venv}
DOCS=$WARTA_HOME/bin/operasi.md

step() { printf '== %s\n' "$*"; }

# @NAME@ placeholders of a deploy/ template, filled in.
render() {
    sed -e "s|@WARTA_ENV@|$ENVFILE|g" -e "s|@WARTA_BIN@|$BIN|g" \
        -e "s|@WARTA_USER@|$WARTA_USER|g" -e "s|@WARTA_HOME@|$WARTA_HOME|g" \
        -e "s|@WARTA_WEBROOT_PARENT@|$(dirname "$WARTA_WEBROOT")|g" \
        -e "s|@WARTA_DOCS@|$DOCS|g" "$1"
}

case "$WARTA_SITEURL" in
    http://?*|https://?*) ;;
    *) echo "WARTA_SITEURL harus diawali https:// (misalnya https://warta.lkks-kalsel.or.id)" >&2; exit 1 ;;
esac

if [ "$WARTA_SYSTEM" = 1 ]; then
    [ "$(id -u)" = 0 ] || { echo "Jalankan sebagai root: sudo make server-install" >&2; exit 1; }
    step "Debian packages"
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y -qq --no-install-recommends git make nginx-light python3-venv util-linux >/dev/null
    step "user $WARTA_USER"
    if ! id "$WARTA_USER" >/dev/null 2>&1; then
        useradd --system --home-dir "$WARTA_HOME" --create-home \
            --shell /usr/bin/git-shell "$WARTA_USER"
    fi
fi

step "folders"
mkdir -p "$WARTA_HOME/bin" "$WARTA_HOME/.ssh" "$(dirname "$WARTA_WEBROOT")" "$WARTA_ETC"
touch "$WARTA_HOME/.ssh/authorized_keys"
chmod 700 "$WARTA_HOME/.ssh"
chmod 600 "$WARTA_HOME/.ssh/authorized_keys"

step "repository $REPO"
if [ ! -d "$REPO" ]; then
    git init --quiet --bare --initial-branch="$WARTA_BRANCH" "$REPO"
fi
git --git-dir="$REPO" config receive.denyNonFastForwards true
git --git-dir="$REPO" config receive.denyDeletes true

step "tools, hooks and settings"
install -m 755 "$SOURCE/deploy/warta" "$BIN"
install -m 644 "$SOURCE/docs/operasi.md" "$DOCS"
for hook in pre-receive post-receive; do
    render "$SOURCE/deploy/hooks/$hook" > "$REPO/hooks/$hook"
    chmod 755 "$REPO/hooks/$hook"
done
cat > "$ENVFILE" <<SETTINGS
# Warta LKKS server settings (deploy/install-server.sh writes this file).
WARTA_REPO=$REPO
WARTA_BRANCH=$WARTA_BRANCH
WARTA_STATE=$WARTA_HOME
WARTA_VENV=$VENV
WARTA_WEBROOT=$WARTA_WEBROOT
WARTA_SITEURL=$WARTA_SITEURL
WARTA_WEBSUB_HUB=${WARTA_WEBSUB_HUB:-}
WARTA_LOCK_TIMEOUT=900
SETTINGS

if [ -z "$(git --git-dir="$REPO" for-each-ref "refs/heads/$WARTA_BRANCH")" ]; then
    # A fetch, not a push: no hook runs as root. The first publish (below,
    # as the user) creates the virtual environment and the live site.
    step "first commit: this checkout's HEAD"
    git --git-dir="$REPO" fetch --quiet "$SOURCE" "HEAD:refs/heads/$WARTA_BRANCH"
fi
if [ "$WARTA_SYSTEM" = 1 ]; then
    chown -R "$WARTA_USER:$WARTA_USER" "$WARTA_HOME" "$(dirname "$WARTA_WEBROOT")"
fi

if [ "$WARTA_SYSTEM" = 1 ]; then
    step "systemd units"
    for unit in warta-publish.service warta-publish.timer; do
        render "$SOURCE/deploy/systemd/$unit" > "$WARTA_SYSTEMD_DIR/$unit"
    done
    systemctl daemon-reload
    step "first publish"
    systemctl start warta-publish.service
    systemctl enable --now warta-publish.timer
    step "nginx"
    sed -e "s|root /srv/warta-lkks/output;|root $WARTA_WEBROOT;|" \
        "$SOURCE/deploy/nginx.conf" > /etc/nginx/sites-available/warta
    ln -sf /etc/nginx/sites-available/warta /etc/nginx/sites-enabled/warta
    nginx -t && systemctl reload nginx
else
    step "systemd units (rendered, not installed)"
    mkdir -p "$WARTA_HOME/systemd"
    for unit in warta-publish.service warta-publish.timer; do
        render "$SOURCE/deploy/systemd/$unit" > "$WARTA_HOME/systemd/$unit"
    done
    step "first publish"
    WARTA_ENV=$ENVFILE "$BIN" publish
fi

cat <<DONE
Selesai. Repositori: $REPO (cabang $WARTA_BRANCH)
Tambahkan kunci SSH editor ke $WARTA_HOME/.ssh/authorized_keys, lalu editor:
  git clone $WARTA_USER@<server>:$REPO
Situs: $WARTA_WEBROOT  ·  log: journalctl -u warta-publish
DONE
