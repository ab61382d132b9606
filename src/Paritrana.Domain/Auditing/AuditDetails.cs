namespace Paritrana.Domain.Auditing;

/// <summary>One entry of an audit event's details: a named value, or a text without a name (a summary such as "Draft → Submitted").</summary>
public sealed record AuditDetail(string? Name, string Value)
{
    public override string ToString() => Name is null ? Value : $"{Name}: {Value}";
}

/// <summary>
/// The details of an audit event as data: an ordered list of named values (docs/decisions/027).
/// Stored as a jsonb array, read back by name (<see cref="this[string]"/>), so a free text the user
/// typed is one value whatever it contains and cannot pose as another. <see cref="ToString"/> is
/// the readable line the audit log shows ("name: value; name: value").
/// </summary>
public sealed class AuditDetails : IEquatable<AuditDetails>
{
    private AuditDetails(IReadOnlyList<AuditDetail> entries) => Entries = entries;

    public IReadOnlyList<AuditDetail> Entries { get; }

    /// <summary>The entries whose value is not null, in the given order; a null name makes an entry without a name.</summary>
    public static AuditDetails Of(params (string? Name, string? Value)[] values) =>
        new(values.Where(v => v.Value is not null).Select(v => new AuditDetail(v.Name, v.Value!)).ToList());

    /// <summary>A text without a name: a summary that nobody reads back by name.</summary>
    public static AuditDetails Text(string text) => Of((null, text));

    /// <summary>Several texts without a name, one entry each (a list of changes: "notes: '' -> 'x'").</summary>
    public static AuditDetails Texts(IEnumerable<string> texts) => new(texts.Select(t => new AuditDetail(null, t)).ToList());

    public static AuditDetails From(IEnumerable<AuditDetail> entries) => new(entries.ToList());

    /// <summary>The value named <paramref name="name"/> (the first, if several), or null.</summary>
    public string? this[string name] => Entries.FirstOrDefault(e => e.Name == name)?.Value;

    /// <summary>These details followed by more.</summary>
    public AuditDetails And(params (string? Name, string? Value)[] values) => From(Entries.Concat(Of(values).Entries));

    /// <summary>The readable line: "name: value" or the bare text of each entry, joined by "; ".</summary>
    public override string ToString() => string.Join("; ", Entries);

    public bool Equals(AuditDetails? other) => other is not null && Entries.SequenceEqual(other.Entries);

    public override bool Equals(object? obj) => Equals(obj as AuditDetails);

    public override int GetHashCode() => Entries.Aggregate(0, (hash, e) => HashCode.Combine(hash, e));
}
