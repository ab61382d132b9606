#!/usr/bin/env bash
# Starts the portal with demo data at http://localhost:5000 (or $PARITRANA_URL).
# Without ConnectionStrings__Paritrana it installs PostgreSQL if missing, starts the machine's
# cluster, creates the "paritrana" role and database (password generated once into .local/),
# applies the migrations and seeds the demo. With ConnectionStrings__Paritrana it uses that.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
URL=${PARITRANA_URL:-http://localhost:5000}
mkdir -p .local

if [ -z "${ConnectionStrings__Paritrana:-}" ]; then
  source scripts/postgres.sh
  echo "==> Starting PostgreSQL"
  pg_portal_database "$ROOT"
fi

export ASPNETCORE_ENVIRONMENT=${ASPNETCORE_ENVIRONMENT:-Development}
export Demo__Enabled=true
DEMO_PASSWORD=${Demo__Password:-Demo-Paritrana-2026}

echo "==> Restoring the pinned dotnet tools (.config/dotnet-tools.json: dotnet-ef)"
dotnet tool restore

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

  Stop with Ctrl+C.

INFO
cd src/Paritrana.Web
exec dotnet "$APP" --urls "$URL"
