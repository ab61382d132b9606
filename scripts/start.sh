#!/usr/bin/env bash
# Starts the portal with demo data at http://localhost:5000 (or $PARITRANA_URL).
# Without ConnectionStrings__Paritrana it installs PostgreSQL if missing, starts the machine's
# cluster, creates the "paritrana" role and database (password generated once into .local/),
# applies the migrations and seeds the demo. With ConnectionStrings__Paritrana it uses that.
# Without Email__SmtpHost it also starts smtp4dev (the pinned dotnet tool) as the portal's mail
# server on localhost, so every mail the portal sends can be read in its web mailbox; it stops
# with the portal.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
URL=${PARITRANA_URL:-http://localhost:5000}
mkdir -p .local

if [ -z "${ConnectionStrings__Paritrana:-}" ]; then
  source scripts/postgres.sh
  echo "==> Starting PostgreSQL (the machine's cluster; it keeps running after the portal stops)"
  pg_portal_database "$ROOT"
  PG_INFO="PostgreSQL: the machine's cluster on port $PG_PORT, database \"paritrana\" (stays running;
  stop it with: sudo pg_ctlcluster $(pg_lsclusters -h | head -n 1 | awk '{print $1, $2}') stop)"
fi

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Demo__Enabled=true
DEMO_PASSWORD=${Demo__Password:-Demo-Paritrana-2026}

echo "==> Restoring the pinned dotnet tools (.config/dotnet-tools.json: dotnet-ef, smtp4dev)"
dotnet tool restore

MAILBOX=""
SMTP4DEV_PID=""
stop_smtp4dev() {
  if [ -n "$SMTP4DEV_PID" ] && kill -0 "$SMTP4DEV_PID" 2>/dev/null; then
    # Its own process group (setsid): the tool's host and the server it starts go together.
    kill -- "-$SMTP4DEV_PID" 2>/dev/null || true
    wait "$SMTP4DEV_PID" 2>/dev/null || true
  fi
}
if [ -z "${Email__SmtpHost:-}" ]; then
  # A local mail server for the demo: SMTP on 2525 and its web mailbox on 5001 (the portal is on
  # 5000); its messages are kept in .local/smtp4dev. Override with SMTP4DEV_SMTP_PORT / SMTP4DEV_WEB_PORT.
  SMTP_PORT=${SMTP4DEV_SMTP_PORT:-2525}
  WEB_PORT=${SMTP4DEV_WEB_PORT:-5001}
  MAILBOX="http://localhost:$WEB_PORT"
  mkdir -p .local/smtp4dev
  echo "==> Starting smtp4dev (SMTP localhost:$SMTP_PORT, mailbox $MAILBOX; log in .local/smtp4dev/log)"
  setsid dotnet smtp4dev --urls="$MAILBOX" --smtpport="$SMTP_PORT" --imapport=0 --pop3port=0 \
    --nousersettings --baseappdatapath="$ROOT/.local/smtp4dev" --db="$ROOT/.local/smtp4dev/database.db" \
    >.local/smtp4dev/log 2>&1 &
  SMTP4DEV_PID=$!
  trap stop_smtp4dev EXIT
  for _ in $(seq 1 120); do
    if curl -sf "$MAILBOX/api/messages" >/dev/null 2>&1; then break; fi
    kill -0 "$SMTP4DEV_PID" 2>/dev/null || { echo "smtp4dev did not start; see .local/smtp4dev/log" >&2; exit 1; }
    sleep 0.5
  done
  export Email__SmtpHost=localhost Email__SmtpPort="$SMTP_PORT" Email__UseTls=false
  export Email__From=${Email__From:-"Portal Paritrana <portal@paritrana.demo>"}
fi
export Portal__PublicUrl=${Portal__PublicUrl:-$URL}

echo "==> Building"
dotnet build src/Paritrana.Web -c Release -nologo -v quiet
APP="$ROOT/src/Paritrana.Web/bin/Release/net10.0/Paritrana.Web.dll"

echo "==> Applying migrations and seeding the demo"
(cd src/Paritrana.Web && dotnet "$APP" migrate)

cat <<INFO

  Paritrana is starting at $URL

  Demo accounts (password: $DEMO_PASSWORD)
    admin@paritrana.demo             Administrator (national secretariat)
    ketua.bali@paritrana.demo        Committee chair, Bali
    anggota.bali@paritrana.demo      Committee member, Bali
    cabang.denpasar@paritrana.demo   Branch officer, Kantor Cabang Denpasar
    cabang.gianyar@paritrana.demo    Branch officer, Kantor Cabang Gianyar
    ketua.jateng@paritrana.demo      Committee chair, Jawa Tengah
    anggota.jateng@paritrana.demo    Committee member, Jawa Tengah

INFO
if [ -n "$MAILBOX" ]; then
  cat <<INFO
  Mailbox (every mail the portal sends, e.g. "Lupa kata sandi?"): $MAILBOX

INFO
fi
if [ -n "${PG_INFO:-}" ]; then
  echo "  $PG_INFO"
  echo
fi
cat <<INFO
  Stop with Ctrl+C (stops the portal${MAILBOX:+ and smtp4dev}).

INFO
cd src/Paritrana.Web
if [ -n "$SMTP4DEV_PID" ]; then
  # Not exec: smtp4dev is stopped when the portal stops (the EXIT trap).
  trap 'kill -TERM "$PORTAL_PID" 2>/dev/null || true' INT TERM
  dotnet "$APP" --urls "$URL" &
  PORTAL_PID=$!
  set +e
  wait "$PORTAL_PID"
  status=$?
  wait "$PORTAL_PID" 2>/dev/null
  exit $status
fi
exec dotnet "$APP" --urls "$URL"
