using System.Text;

namespace Paritrana.Domain.Imports;

/// <summary>
/// What rows are checked against, read by the caller from the database once per file: the valid
/// regency and city codes, the branch offices with the areas they cover, the regencies the user may
/// import for (null for an administrator: no restriction) and today's date.
/// </summary>
public sealed class ImportReference
{
    public const string BranchPrefix = "Kantor Cabang ";

    private readonly HashSet<string> _regencyCodes;
    private readonly HashSet<string>? _allowed;
    private readonly Dictionary<string, Branch> _byFullName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Branch> _byShortName = new(StringComparer.Ordinal);

    public ImportReference(IEnumerable<string> regencyCodes, IEnumerable<Branch> branches, IEnumerable<string>? allowedRegencies, DateOnly today)
    {
        _regencyCodes = new HashSet<string>(regencyCodes, StringComparer.Ordinal);
        _allowed = allowedRegencies is null ? null : new HashSet<string>(allowedRegencies, StringComparer.Ordinal);
        Today = today;
        foreach (var branch in branches)
        {
            var full = NormalizeName(branch.Name);
            _byFullName.TryAdd(full, branch);
            _byShortName.TryAdd(StripPrefix(full), branch);
        }
    }

    /// <summary>A branch office and the regencies and cities it covers.</summary>
    public sealed record Branch(int Id, string Name, IReadOnlySet<string> RegencyCodes);

    public DateOnly Today { get; }

    /// <summary>True for an administrator's import (any region of the country).</summary>
    public bool IsUnrestricted => _allowed is null;

    /// <summary>The regencies and cities rows may be in; null for an administrator's import.</summary>
    public IReadOnlySet<string>? AllowedRegencies => _allowed;

    public bool IsKnownRegency(string code) => _regencyCodes.Contains(code);

    public bool IsAllowedRegency(string code) => _allowed is null || _allowed.Contains(code);

    /// <summary>
    /// Finds a branch by name, in any letter case and spacing, with or without the
    /// "Kantor Cabang " prefix: "Kantor Cabang Denpasar", "kantor cabang denpasar" and "Denpasar"
    /// all name the same branch.
    /// </summary>
    public Branch? FindBranch(string name)
    {
        var normalized = NormalizeName(name);
        return _byFullName.GetValueOrDefault(normalized) ?? _byShortName.GetValueOrDefault(StripPrefix(normalized));
    }

    private static string NormalizeName(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var part in name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))
        {
            if (sb.Length > 0)
            {
                sb.Append(' ');
            }

            sb.Append(part.ToUpperInvariant());
        }

        return sb.ToString();
    }

    private static string StripPrefix(string normalized) =>
        normalized.StartsWith("KANTOR CABANG ", StringComparison.Ordinal) ? normalized["KANTOR CABANG ".Length..] : normalized;
}
