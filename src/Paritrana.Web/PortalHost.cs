namespace Paritrana.Web;

/// <summary>Entry point: the web portal and the command-line verbs share one configured host.</summary>
public static class PortalHost
{
    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.Length > 0 && !args[0].StartsWith('-') ? args[0] : null;
        var hostArgs = verb is null ? args : args[1..];

        if (verb == "migrations-script")
        {
            // The deployment script, from the model alone: no configuration, no database opened
            // (docs/decisions/016, scripts/migrations-script.sh).
            Console.Write(MigrationsScript.Generate());
            return 0;
        }

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
            {
                // What was done, in words: the schema (created, migrated or already up to date) and the demo.
                await using var scope = app.Services.CreateAsyncScope();
                var setup = scope.ServiceProvider.GetRequiredService<DatabaseSetup>();
                Console.WriteLine(await setup.RunAsync());
                if (setup.DemoOutcome is { } demo)
                {
                    Console.WriteLine(demo);
                }

                return 0;
            }

            case Features.Imports.ImportCommand.Verb:
                return await Features.Imports.ImportCommand.RunAsync(app.Services, hostArgs, Console.Out, Console.Error);

            case Features.Imports.ImportCommand.RegionalVerb:
                return await Features.Imports.ImportCommand.RunAsync(app.Services, hostArgs, Console.Out, Console.Error, ImportKind.RegionalFigures);

            case Features.Notifications.ReminderCommand.Verb:
                return await Features.Notifications.ReminderCommand.RunAsync(app.Services, Console.Out);

            default:
                await Console.Error.WriteLineAsync($"Unknown command '{verb}'. Commands: migrate, migrations-script, import-employers, import-regional, send-reminders (or none to serve the portal).");
                return 2;
        }
    }

    /// <summary>
    /// Applies migrations and seeds at start-up unless <c>Database:MigrateOnStartup</c> is false;
    /// returns what happened to the schema (null when skipped).
    /// </summary>
    public static async Task<string?> PrepareDatabaseAsync(this WebApplication app, bool force = false)
    {
        if (!force && !app.Configuration.GetValue("Database:MigrateOnStartup", true))
        {
            return null;
        }

        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DatabaseSetup>().RunAsync();
    }
}
