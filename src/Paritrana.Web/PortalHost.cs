using Microsoft.EntityFrameworkCore;
using Paritrana.Web.Data;

namespace Paritrana.Web;

/// <summary>Entry point: the web portal and the command-line verbs share one configured host.</summary>
public static class PortalHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;
        var hostArgs = verb is null ? args : args[1..];

        var builder = WebApplication.CreateBuilder(hostArgs);
        builder.AddPortalServices();
        // No "Server: Kestrel" header: it tells an attacker nothing a user needs.
        builder.WebHost.ConfigureKestrel(o => o.AddServerHeader = false);
        var app = builder.Build();

        switch (verb)
        {
            case null:
                await app.PrepareDatabaseAsync();
                app.UsePortalPipeline();
                await app.RunAsync();
                return 0;

            case "migrate":
                await app.PrepareDatabaseAsync(force: true);
                Console.WriteLine("Database is up to date.");
                return 0;

            case "schema-script":
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    Console.WriteLine(scope.ServiceProvider.GetRequiredService<ParitranaDbContext>().Database.GenerateCreateScript());
                }

                return 0;

            case Features.Imports.ImportCommand.Verb:
                return await Features.Imports.ImportCommand.RunAsync(app.Services, hostArgs, Console.Out, Console.Error);

            default:
                await Console.Error.WriteLineAsync($"Unknown command '{verb}'. Commands: migrate, schema-script (or none to serve the portal).");
                return 2;
        }
    }

    /// <summary>Applies migrations and seeds at start-up unless <c>Database:MigrateOnStartup</c> is false.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app, bool force = false)
    {
        if (!force && !app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().RunAsync();
    }
}
