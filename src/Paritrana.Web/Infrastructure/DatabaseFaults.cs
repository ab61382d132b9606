using System.Data.Common;

namespace Paritrana.Web.Infrastructure;

/// <summary>
/// Whether an exception means that the database cannot be reached (the error page answers 503; the
/// session check keeps the session and lets the page answer).
/// </summary>
public static class DatabaseFaults
{
    public static bool IsDatabaseUnavailable(Exception error)
    {
        for (var e = error; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.NpgsqlException { IsTransient: true } or TimeoutException
                || (e is DbException && e.Message.Contains("Failed to connect", StringComparison.OrdinalIgnoreCase))
                // A multi-host connection string (Target Session Attributes=primary) while no host
                // is the primary: between a primary's loss and its replica's promotion, and for up
                // to Host Recheck Seconds after it (docs/operations.md, streaming replica).
                || (e is Npgsql.NpgsqlException && e.Message.StartsWith("No suitable host was found", StringComparison.Ordinal))
                || e is System.Net.Sockets.SocketException)
            {
                return true;
            }
        }

        return false;
    }
}
