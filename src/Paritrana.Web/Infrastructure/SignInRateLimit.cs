using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Npgsql;

namespace Paritrana.Web.Infrastructure;

/// <summary>
/// Limits sign-in attempts per client address (a fixed window per minute,
/// <c>Security:SignInAttemptsPerMinute</c>), on top of the per-account lockout: password guessing
/// across many accounts from one address is slowed down too. Only the POST of the login form
/// counts, and the two-factor code pages' posts with it (<see cref="SignInPaths"/>); a refused attempt answers 429 with the friendly error page. The attempts are counted in
/// PostgreSQL (<c>sign_in_attempts</c>, one row per address and window, incremented by one atomic
/// upsert), so that several instances allow together what one allows; old windows are deleted by
/// the <see cref="SignInAttemptPruning"/> job (docs/decisions/018-stateless-instances.md).
/// </summary>
public static class SignInRateLimit
{
    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new SignInLimit(configuration.GetValue("Security:SignInAttemptsPerMinute", 20)));
        services.AddJobHandler<SignInAttemptPruning>(SignInAttemptPruning.Kind, recurring: true);
        return services;
    }

    public static IApplicationBuilder UseSignInRateLimit(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (HttpMethods.IsPost(context.Request.Method) && IsSignInStep(context.Request.Path))
            {
                var services = context.RequestServices;
                var limit = services.GetRequiredService<SignInLimit>();
                var clock = services.GetRequiredService<TimeProvider>();
                var address = context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
                var attempts = await CountAsync(services.GetRequiredService<IConfiguration>(), address, WindowOf(clock.GetUtcNow()), context.RequestAborted);
                if (attempts > limit.PerMinute)
                {
                    context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
                    return;
                }
            }

            await next(context);
        });

    /// <summary>
    /// The posts that try a secret: the password, and the second step's authenticator or recovery
    /// code (docs/decisions/031); they share one count per client address.
    /// </summary>
    public static readonly IReadOnlyList<string> SignInPaths = ["/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode"];

    private static bool IsSignInStep(PathString path)
    {
        foreach (var step in SignInPaths)
        {
            if (path.Equals(step, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The start of the one-minute window that holds <paramref name="now"/>.</summary>
    public static DateTimeOffset WindowOf(DateTimeOffset now) =>
        new(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerMinute), TimeSpan.Zero);

    /// <summary>Counts one attempt and returns the attempts of this address in this window, this one included.</summary>
    public static async Task<int> CountAsync(IConfiguration configuration, string address, DateTimeOffset window, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(PortalServices.ConnectionString(configuration));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO sign_in_attempts (client_address, window_start, attempts) VALUES (@address, @window, 1)
            ON CONFLICT (client_address, window_start) DO UPDATE SET attempts = sign_in_attempts.attempts + 1
            RETURNING attempts
            """, connection);
        command.Parameters.AddWithValue("address", address.Length <= 64 ? address : address[..64]);
        command.Parameters.AddWithValue("window", window);
        return (int)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Reads the client's address from <c>X-Forwarded-For</c> (and the scheme from
    /// <c>X-Forwarded-Proto</c>) only when the request comes from one of <c>Network:KnownProxies</c>
    /// (comma-separated addresses, e.g. the load balancer's); without that setting the headers are
    /// ignored and the address is the connection's.
    /// </summary>
    public static IApplicationBuilder UsePortalForwardedHeaders(this IApplicationBuilder app)
    {
        var configured = app.ApplicationServices.GetRequiredService<IConfiguration>()["Network:KnownProxies"];
        var proxies = (configured ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (proxies.Length == 0)
        {
            return app;
        }

        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        options.KnownProxies.Clear();
        options.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
        {
            options.KnownProxies.Add(IPAddress.Parse(proxy));
        }

        return app.UseForwardedHeaders(options);
    }
}

/// <summary>The number of sign-in attempts allowed per client address and minute.</summary>
public sealed record SignInLimit(int PerMinute);
