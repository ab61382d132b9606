using Paritrana.Web;

// Verbs: (none) serves the portal; "migrate" applies migrations and seeds, then exits;
// "schema-script" prints the CREATE script of the EF model (to help write a migration).
return await PortalHost.RunAsync(args);

public partial class Program;
