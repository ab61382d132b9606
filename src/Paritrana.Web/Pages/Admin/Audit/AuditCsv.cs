namespace Paritrana.Web.Pages.Admin.Audit;

/// <summary>
/// The audit trail's CSV: the events of the page's filters, all of them, newest first, in the
/// spreadsheet format of every export (<see cref="SpreadsheetCsv"/>: UTF-8 with BOM, semicolons);
/// times in WIB written in id-ID ("4 Des 2026 09:15"), the same texts as the page.
/// </summary>
public static class AuditCsv
{
    private const int Batch = 500;

    public static async Task WriteAsync(Stream body, AuditLog log, AuditLog.Filter filter, IStringLocalizer<SharedResource> l, IUrlHelper url, CancellationToken ct)
    {
        await using var csv = SpreadsheetCsv.Open(body);
        await csv.WriteRecordAsync(
            [l["Waktu (WIB)"].Value, l["Pengguna"].Value, l["Alamat surel"].Value, l["Tindakan"].Value, l["Data"].Value, l["Provinsi"].Value, l["Alamat IP"].Value, l["Rincian"].Value],
            ct);

        // In batches by keyset (time, id), each with the names it points at.
        DateTimeOffset? at = null;
        long id = 0;
        while (true)
        {
            var events = await log.Query(filter, at, id).Take(Batch).ToListAsync(ct);
            if (events.Count == 0)
            {
                break;
            }

            var sentences = new AuditSentences(await log.NamesAsync(events, ct), l, url);
            foreach (var line in events.Select(sentences.Line))
            {
                await csv.WriteRecordAsync(
                    [Wib.Format(line.At), line.Person, line.Email, line.ActionText, line.Record?.Text, line.Province, line.IpAddress, line.DetailsText],
                    ct);
            }

            (at, id) = (events[^1].At, events[^1].Id);
        }
    }
}
