using System.Text.Json;

namespace Paritrana.Web.Data.Configuration;

/// <summary>
/// The stored form of <see cref="AuditDetails"/>: a JSON array of <c>{"name": ..., "value": ...}</c>
/// objects in their order (no "name" for a text without one). An array, not an object, because
/// jsonb reorders an object's keys and the audit log shows the values in the order they were written.
/// </summary>
public static class AuditDetailsJson
{
    public static string Write(AuditDetails details)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var entry in details.Entries)
            {
                json.WriteStartObject();
                if (entry.Name is not null)
                {
                    json.WriteString("name", entry.Name);
                }

                json.WriteString("value", entry.Value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static AuditDetails Read(string json)
    {
        using var document = JsonDocument.Parse(json);
        return AuditDetails.From(document.RootElement.EnumerateArray().Select(e => new AuditDetail(
            e.TryGetProperty("name", out var name) ? name.GetString() : null,
            e.GetProperty("value").GetString() ?? "")));
    }
}
