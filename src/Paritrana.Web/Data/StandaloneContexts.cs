namespace Paritrana.Web.Data;

/// <summary>
/// A DbContext of its own, with its own connection and transaction, for the few writes that must
/// never carry what the request's DbContext tracks: stand-alone audit events (sign-in, refusals,
/// session endings) and the start and end of a session. Same options as the request's context.
/// </summary>
public sealed class StandaloneContexts(DbContextOptions<ParitranaDbContext> options) : IDbContextFactory<ParitranaDbContext>
{
    public ParitranaDbContext CreateDbContext() => new(options);
}
