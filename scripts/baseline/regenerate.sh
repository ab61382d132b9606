#!/usr/bin/env bash
# Scaffolds the Baseline migration again from the current model (docs/decisions/016), for a merge
# that brought more hand-written migrations (ADR 002) and model changes from main. Only allowed
# while Baseline is the one generated migration and has run nowhere but on development machines:
# once a release with it is deployed, the next change is a new migration, never a new baseline.
# What it does:
#   1. moves any hand-written Data/Migrations/*.sql into Data/Migrations/Legacy/ (the bridge runs them
#      on databases that lack them) and removes Migrations.cs and SqlFileMigration.cs if a merge
#      brought them back;
#   2. deletes the Baseline migration and the model snapshot;
#   3. `dotnet ef migrations add Baseline` (the pinned tool) writes them again from the model.
# Then run the tests it names at the end.
set -euo pipefail
cd "$(dirname "$0")/../.."
M=src/Paritrana.Web/Data/Migrations

shopt -s nullglob
generated=()
for f in "$M"/*.cs; do
  case "$(basename "$f")" in
    *_Baseline.cs | *_Baseline.Designer.cs | ParitranaDbContextModelSnapshot.cs | Migrations.cs | SqlFileMigration.cs) ;;
    *) generated+=("$f") ;;
  esac
done
if [ ${#generated[@]} -gt 0 ]; then
  echo "Refusing: migrations after the baseline exist (${generated[*]}). Add a migration instead." >&2
  exit 1
fi

echo "==> Hand-written scripts into $M/Legacy"
for f in "$M"/*.sql; do
  git mv -f "$f" "$M/Legacy/" 2>/dev/null || mv -f "$f" "$M/Legacy/"
  echo "    $(basename "$f")"
done
for f in "$M/Migrations.cs" "$M/SqlFileMigration.cs"; do
  if [ -e "$f" ]; then git rm -q -f "$f" 2>/dev/null || rm -f "$f"; echo "    removed $f"; fi
done

echo "==> Deleting the baseline and the snapshot"
for f in "$M"/*_Baseline.cs "$M"/*_Baseline.Designer.cs "$M/ParitranaDbContextModelSnapshot.cs"; do
  git rm -q -f "$f" 2>/dev/null || rm -f "$f"
  echo "    $f"
done

echo "==> dotnet ef migrations add Baseline"
dotnet tool restore >/dev/null
dotnet ef migrations add Baseline --project src/Paritrana.Web --output-dir Data/Migrations
git add "$M"

cat <<INFO

Baseline regenerated: $(ls "$M"/*_Baseline.cs)
Hand-written scripts kept for the bridge: $(ls "$M"/Legacy/*.sql | wc -l)
Next:
  1. Refresh the fixture from the main you merged:  scripts/baseline/main-dump.sh <main's commit>
  2. Run:  scripts/test.sh --filter "FullyQualifiedName~Paritrana.Web.Tests.Data"
     BaselineTests fails if a hand-written script made something the model cannot express
     (function, trigger, view, extension, grant, comment, rows): add it at the end of
     Baseline.Up with migrationBuilder.Sql(...), then run the tests again.
INFO
