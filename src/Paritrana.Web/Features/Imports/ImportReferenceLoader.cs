using Npgsql;
using Paritrana.Domain.Imports;

namespace Paritrana.Web.Features.Imports;

/// <summary>
/// Reads what rows are checked against (<see cref="ImportReference"/>) with three small queries;
/// the preview and the import both use it, so a file is judged the same way at both moments.
/// </summary>
public static class ImportReferenceLoader
{
    /// <param name="branchOfficeId">The branch whose area limits the rows; null for an administrator's import.</param>
    public static async Task<ImportReference> LoadAsync(NpgsqlConnection connection, int? branchOfficeId, DateOnly today, CancellationToken ct)
    {
        var regencies = new List<string>(520);
        await using (var command = new NpgsqlCommand("SELECT code FROM regencies_and_cities", connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                regencies.Add(reader.GetString(0));
            }
        }

        // Inactive branches are unknown: rows cannot name them, and their officers may import nothing.
        var branches = new Dictionary<int, (string Name, HashSet<string> Areas)>();
        await using (var command = new NpgsqlCommand(
            "SELECT b.id, b.name, a.regency_code FROM branch_offices b LEFT JOIN branch_office_areas a ON a.branch_office_id = b.id WHERE b.is_active",
            connection))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var id = reader.GetInt32(0);
                if (!branches.TryGetValue(id, out var branch))
                {
                    branch = (reader.GetString(1), new HashSet<string>(StringComparer.Ordinal));
                    branches.Add(id, branch);
                }

                if (!reader.IsDBNull(2))
                {
                    branch.Areas.Add(reader.GetString(2));
                }
            }
        }

        IEnumerable<string>? allowed = branchOfficeId is int own
            ? branches.TryGetValue(own, out var mine) ? mine.Areas : []
            : null;
        return new ImportReference(
            regencies,
            branches.Select(b => new ImportReference.Branch(b.Key, b.Value.Name, b.Value.Areas)),
            allowed,
            today);
    }

    /// <summary>
    /// The NPPs among <paramref name="npps"/> that already belong to an employer outside
    /// <paramref name="allowedRegencies"/>, with that employer's regency: a branch officer may not
    /// take over another area's employer by naming its NPP.
    /// </summary>
    public static async Task<Dictionary<string, string>> NppsOfOtherAreasAsync(NpgsqlConnection connection, IReadOnlyCollection<string> npps, IEnumerable<string> allowedRegencies, CancellationToken ct)
    {
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        if (npps.Count == 0)
        {
            return found;
        }

        await using var command = new NpgsqlCommand(
            "SELECT npp, coalesce(regency_code, province_code) FROM organisations WHERE npp = ANY(@npps) AND (regency_code IS NULL OR NOT (regency_code = ANY(@allowed)))",
            connection);
        command.Parameters.AddWithValue("npps", npps.ToArray());
        command.Parameters.AddWithValue("allowed", allowedRegencies.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            found[reader.GetString(0)] = reader.GetString(1);
        }

        return found;
    }
}
