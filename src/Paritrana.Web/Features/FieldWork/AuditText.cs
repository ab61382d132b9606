namespace Paritrana.Web.Features.FieldWork;

/// <summary>
/// The details of field-work audit events: "key: value" pairs joined by "; ", in a fixed order in
/// which a free text the user typed (a reason, a note) always comes last, so that it may contain
/// anything and is still read back whole. The timeline reads these details back.
/// </summary>
public static class AuditText
{
    public static string Of(params (string Key, string? Value)[] pairs) =>
        string.Join("; ", pairs.Where(p => p.Value is not null).Select(p => $"{p.Key}: {p.Value}"));

    /// <summary>
    /// The value of <paramref name="key"/>, or null. A key that is the last of its details (the free
    /// text) gets everything after it; other values end at the next "; ".
    /// </summary>
    public static string? Value(string? details, string key, bool last = false)
    {
        if (details is null)
        {
            return null;
        }

        var prefix = key + ": ";
        int start;
        if (details.StartsWith(prefix, StringComparison.Ordinal))
        {
            start = prefix.Length;
        }
        else
        {
            var at = details.IndexOf("; " + prefix, StringComparison.Ordinal);
            if (at < 0)
            {
                return null;
            }

            start = at + 2 + prefix.Length;
        }

        if (last)
        {
            return details[start..];
        }

        var end = details.IndexOf("; ", start, StringComparison.Ordinal);
        return end < 0 ? details[start..] : details[start..end];
    }
}
