using System.Text.RegularExpressions;

namespace Paritrana.Web.Pages.Admin.Audit;

/// <summary>A piece of an audit line: a text, a link when it names a record the reader can open.</summary>
public sealed record AuditLink(string Text, string? Url);

/// <summary>One phrase of an event's details ("Peran Anggota Tim Panitia"), made of texts and links.</summary>
public sealed record AuditPhrase(IReadOnlyList<AuditLink> Parts)
{
    public string Text => string.Concat(Parts.Select(p => p.Text));

    public static AuditPhrase Of(string text, string? url = null) => new([new AuditLink(text, url)]);
}

/// <summary>An audit event as a person reads it: who (by name), what (in words), on which record, in sentences.</summary>
public sealed record AuditLine(
    long Id,
    DateTimeOffset At,
    string Person,
    string? Email,
    string ActionText,
    AuditLink? Record,
    string? Province,
    string? IpAddress,
    IReadOnlyList<AuditPhrase> Details)
{
    /// <summary>The details as one sentence: the phrases joined by ", ".</summary>
    public string DetailsText => string.Join(", ", Details.Select(d => d.Text));
}

/// <summary>
/// Turns the stored audit events (action names, entity keys, named values) into lines a person can
/// read: the person's name, the action's wording (<see cref="AuditActionNames"/>), the record by its
/// name with a link, and the details as phrases ("Peran Anggota Tim Panitia, Provinsi Bali",
/// "Terverifikasi → Dinilai"). A value it does not know is shown as "name: value".
/// </summary>
public sealed partial class AuditSentences(AuditNames names, IStringLocalizer<SharedResource> l, IUrlHelper url)
{
    public AuditLine Line(AuditLog.Entry e)
    {
        var person = e.UserId is Guid id && names.People.TryGetValue(id, out var name) && name.Length > 0 ? name : e.UserEmail ?? "—";
        var wording = AuditActionNames.Of(e.Action);
        return new AuditLine(
            e.Id,
            e.At,
            person,
            e.UserEmail,
            wording is null ? e.Action : l[wording].Value,
            Record(e),
            e.ProvinceCode is { } p && names.Provinces.TryGetValue(p, out var province) ? province : null,
            e.IpAddress,
            e.Details is null ? [] : e.Details.Entries.Select(Phrase).OfType<AuditPhrase>().ToList());
    }

    private AuditLink? Record(AuditLog.Entry e)
    {
        var key = e.EntityId;
        if (e.EntityType is null || key is null)
        {
            return null;
        }

        int? number = int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        switch (e.EntityType)
        {
            case "user" when Guid.TryParse(key, out var user):
                return new AuditLink(names.People.TryGetValue(user, out var who) ? who : l["Akun yang sudah tidak ada"].Value, url.Page("/Admin/Users/Edit", new { id = user }));
            case "nomination" when number is int nomination:
                return Nomination(nomination);
            case "scoring-round" when number is int round:
                return new AuditLink(l["Babak {0}", names.Rounds.GetValueOrDefault(round, key)].Value, url.Page("/Scoring/Rounds/Details", new { id = round }));
            case "plenary":
                return Plenary(key, number);
            case "award-cycle" when number is int cycle:
                return new AuditLink(l["Siklus {0}", names.CycleYears.TryGetValue(cycle, out var year) ? year.ToString(CultureInfo.InvariantCulture) : key].Value, url.Page("/Admin/Cycles/Edit", new { id = cycle }));
            case "criteria-set" when number is int set:
                return new AuditLink(
                    names.CriteriaSets.TryGetValue(set, out var c) ? l["Kriteria {0} versi {1}", c.Category, c.Version].Value : l["Kriteria {0}", key].Value,
                    url.Page("/Admin/Criteria/Edit", new { id = set }));
            case "branch-office" when number is int branch:
                return new AuditLink(names.BranchOffices.GetValueOrDefault(branch, key), url.Page("/Admin/Offices/BranchOffice", new { id = branch }));
            case "regional-office" when number is int regional:
                return new AuditLink(names.RegionalOffices.GetValueOrDefault(regional, key), url.Page("/Admin/Offices/RegionalOffice", new { id = regional }));
            case Features.FieldWork.NominationTimeline.VisitEntity when number is int visit:
                return new AuditLink(l["Kunjungan {0}", key].Value, url.Page("/FieldWork/Visits/Details", new { id = visit }));
            case Features.FieldWork.NominationTimeline.CoachingEntity when number is int item:
                return new AuditLink(l["Butir pembinaan {0}", key].Value, url.Page("/FieldWork/Coaching/Item", new { id = item }));
            case Features.FieldWork.NominationTimeline.FileEntity:
                return new AuditLink(l["Berkas bukti"].Value, null);
            case "import-batch":
                return new AuditLink(l["Impor {0}", key].Value, null);
            default:
                return new AuditLink($"{e.EntityType} {key}", null);
        }
    }

    private AuditLink Nomination(int id) =>
        new(names.Nominations.TryGetValue(id, out var organisation) ? organisation : l["Nominasi {0}", id].Value, url.Page("/Nominations/Details", new { id }));

    private AuditLink Plenary(string key, int? id)
    {
        // "cycle/province" (the plenary's record) or the plenary's row id (its decisions).
        (int CycleId, string Province)? plenary = id is int i && names.Plenaries.TryGetValue(i, out var p) ? p
            : key.Split('/') is [var c, var province] && int.TryParse(c, CultureInfo.InvariantCulture, out var cycle) ? (cycle, province)
            : null;
        if (plenary is not { } found || !names.CycleYears.TryGetValue(found.CycleId, out var year))
        {
            return new AuditLink($"{l["Rapat pleno"].Value} {key}", null);
        }

        if (NationalStage.IsNational(found.Province))
        {
            return new AuditLink(l["Rapat pleno nasional {0}", year.ToString(CultureInfo.InvariantCulture)].Value, url.Page("/National/Plenary", new { cycle = year }));
        }

        var where = names.Provinces.GetValueOrDefault(found.Province, found.Province);
        return new AuditLink(l["Rapat pleno {0} {1}", where, year.ToString(CultureInfo.InvariantCulture)].Value, url.Page("/National/Plenary", new { cycle = year }));
    }

    private AuditPhrase? Phrase(AuditDetail entry)
    {
        var value = entry.Value;
        switch (entry.Name)
        {
            case null when RoleChange().Match(value) is { Success: true } role:
                return AuditPhrase.Of(l["Peran {0} → {1}", l[RoleNames.Of(role.Groups[1].Value)].Value, l[RoleNames.Of(role.Groups[2].Value)].Value].Value);
            case null:
                return Transition(value) is { } statuses ? AuditPhrase.Of(statuses) : AuditPhrase.Of(value);
            case "role":
                return AuditPhrase.Of(l["Peran {0}", l[RoleNames.Of(value)].Value].Value);
            case "province":
                return value is "-" or "" ? null : AuditPhrase.Of(l["Provinsi {0}", names.Provinces.GetValueOrDefault(value, value)].Value);
            case "branch":
                return value is "-" or "" ? null : AuditPhrase.Of(value.Trim('\''));
            case "email":
                return AuditPhrase.Of(l["Surel {0}", value].Value);
            case "reason":
                return AuditPhrase.Of(l["Alasan: {0}", value].Value);
            case "status":
                return AuditPhrase.Of(Transition(value) ?? value);
            case "card":
                return null;
            case "expires" when DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var expires):
                return AuditPhrase.Of(l["Berlaku sampai {0}", Wib.Format(expires)].Value);
            case "round" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var round):
                return new AuditPhrase([new AuditLink(l["Babak {0}", names.Rounds.GetValueOrDefault(round, value)].Value, url.Page("/Scoring/Rounds/Details", new { id = round }))]);
            case "nomination" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var nomination):
                return new AuditPhrase([Nomination(nomination)]);
            case "finalists" or "forwarded":
                return Nominations(entry.Name == "finalists" ? l["Finalis: "].Value : l["Diteruskan: "].Value, value);
            default:
                return AuditPhrase.Of(l["{0}: {1}", Label(entry.Name), Arrow().Replace(value, " → ")].Value);
        }
    }

    private AuditPhrase Nominations(string label, string ids)
    {
        var parts = new List<AuditLink> { new(label, null) };
        var first = true;
        foreach (var id in ids.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!first)
            {
                parts.Add(new AuditLink("; ", null));
            }

            first = false;
            parts.Add(int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? Nomination(n) : new AuditLink(id, null));
        }

        if (first)
        {
            parts.Add(new AuditLink("—", null));
        }

        return new AuditPhrase(parts);
    }

    /// <summary>"ReadyForScoring → Scored" (or "Open -> Resolved") in the statuses' display names; null when it is not a change of status.</summary>
    private string? Transition(string value)
    {
        var parts = Arrow().Split(value);
        if (parts.Length != 2)
        {
            return null;
        }

        string? Name(string s) =>
            Enum.TryParse<NominationStatus>(s, out var n) && Enum.IsDefined(n) ? l[NominationNames.Status(n)].Value
            : Enum.TryParse<CoachingStatus>(s, out var c) && Enum.IsDefined(c) ? l[Features.FieldWork.FieldWorkNames.Coaching(c)].Value
            : null;

        return Name(parts[0].Trim()) is { } from && Name(parts[1].Trim()) is { } to ? $"{from} → {to}" : null;
    }

    private string Label(string name) => AuditDetailNames.Label(name) is { } label ? l[label].Value : name;

    [GeneratedRegex(@"^role: (\w+) (?:→|->) (\w+)$")]
    private static partial Regex RoleChange();

    [GeneratedRegex(@"\s*(?:→|->)\s*")]
    private static partial Regex Arrow();
}
