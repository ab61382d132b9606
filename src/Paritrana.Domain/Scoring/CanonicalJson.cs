using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Paritrana.Domain.Scoring;

/// <summary>
/// One text for one JSON value, whoever wrote it (docs/decisions/011): the same value gives the same
/// text, so a hash of the text identifies the value. PostgreSQL's jsonb keeps the value but not the
/// text (it reorders keys and changes spacing), so the hash of a stored snapshot is always taken of
/// this form:
/// <list type="bullet">
/// <item>no whitespace between tokens;</item>
/// <item>object members sorted by name, comparing UTF-16 code units (ordinal); a repeated name is an error;</item>
/// <item>strings: <c>"</c> and <c>\</c> escaped with a backslash, \b \f \n \r \t as such, other
/// characters below U+0020 as \u00XX (lower-case hex), everything else as itself;</item>
/// <item>numbers as a C# decimal in the invariant culture: the digits and scale as written
/// (86.5000 stays 86.5000, as PostgreSQL's numeric keeps it), no exponent, no plus sign;</item>
/// <item>true, false, null.</item>
/// </list>
/// The text is hashed as UTF-8.
/// </summary>
public static class CanonicalJson
{
    public static string Canonicalize(string json)
    {
        using var document = JsonDocument.Parse(json);
        var text = new StringBuilder(json.Length);
        Write(document.RootElement, text);
        return text.ToString();
    }

    private static void Write(JsonElement element, StringBuilder text)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var members = element.EnumerateObject().ToList();
                members.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
                text.Append('{');
                for (var i = 0; i < members.Count; i++)
                {
                    if (i > 0)
                    {
                        if (members[i].Name == members[i - 1].Name)
                        {
                            throw new FormatException($"The member \"{members[i].Name}\" appears twice in one object.");
                        }

                        text.Append(',');
                    }

                    WriteString(members[i].Name, text);
                    text.Append(':');
                    Write(members[i].Value, text);
                }

                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                var first = true;
                foreach (var item in element.EnumerateArray())
                {
                    if (!first)
                    {
                        text.Append(',');
                    }

                    first = false;
                    Write(item, text);
                }

                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(element.GetString()!, text);
                break;
            case JsonValueKind.Number:
                if (!element.TryGetDecimal(out var number))
                {
                    throw new FormatException($"The number {element.GetRawText()} does not fit a decimal.");
                }

                text.Append(number.ToString(CultureInfo.InvariantCulture));
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Null:
                text.Append("null");
                break;
            default:
                throw new FormatException($"Unexpected JSON token {element.ValueKind}.");
        }
    }

    private static void WriteString(string value, StringBuilder text)
    {
        text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case < ' ': text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)); break;
                default: text.Append(c); break;
            }
        }

        text.Append('"');
    }
}
