using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Paritrana.Web.Data.Migrations;

// One line per migration, in order. The SQL is in the .sql file of the same id beside this file.
// To write the next one: change the model, run the schema-drift test, and write the ALTER
// statements it reports into a new id (yyyyMMddHHmmss_Name) (see docs/decisions/002-hand-written-migrations.md).

[DbContext(typeof(ParitranaDbContext))]
[Migration("20261121000001_Foundation")]
public sealed class Foundation : SqlFileMigration;

[DbContext(typeof(ParitranaDbContext))]
[Migration("20261121000002_CyclesOrganisationsNominations")]
public sealed class CyclesOrganisationsNominations : SqlFileMigration;

[DbContext(typeof(ParitranaDbContext))]
[Migration("20261121000006_FieldWork")]
public sealed class FieldWork : SqlFileMigration;

[DbContext(typeof(ParitranaDbContext))]
[Migration("20261121000007_Scoring")]
public sealed class ScoringAndPlenary : SqlFileMigration;

[DbContext(typeof(ParitranaDbContext))]
[Migration("20261121000008_ScoringPages")]
public sealed class ScoringPages : SqlFileMigration;

[DbContext(typeof(ParitranaDbContext))]
[Migration("20261204000003_UserSessions")]
public sealed class ServerSideSessions : SqlFileMigration;

[DbContext(typeof(ParitranaDbContext))]
[Migration("20261204000005_PlenaryDecisionVersions")]
public sealed class PlenaryDecisionVersions : SqlFileMigration;
