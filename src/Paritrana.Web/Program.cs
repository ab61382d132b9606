using Paritrana.Web;

// Verbs: (none) serves the portal; "migrate" applies migrations and seeds, then exits;
// "migrations-script" prints the idempotent SQL script of every migration (for deployment).
return await PortalHost.RunAsync(args);

public partial class Program;
