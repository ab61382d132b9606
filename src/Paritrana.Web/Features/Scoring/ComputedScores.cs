namespace Paritrana.Web.Features.Scoring;

/// <summary>
/// The card's indicators that the portal computes from the nomination's figures
/// (<see cref="ComputedIndicators"/>, docs/decisions/035): read with the card, offered as the value
/// of an empty card, and checked when the card is saved (a value other than the computed one needs
/// a note, kept as the indicator's comment and in the score history; the audit event names the
/// computed value beside the saved one).
/// </summary>
public static class ComputedScores
{
    /// <summary>
    /// A computed value and where it comes from: the nomination's figures as verified by the branch
    /// office on <paramref name="AsOf"/> (<paramref name="Verified"/>), or as last changed on that day.
    /// </summary>
    public sealed record Computed(decimal Value, DateOnly AsOf, bool Verified);

    /// <summary>The computed values of the card's indicators, by indicator id (none when nothing can be computed).</summary>
    public static async Task<IReadOnlyDictionary<int, Computed>> LoadAsync(ParitranaDbContext db, int nominationId, IEnumerable<ScorecardService.IndicatorView> indicators, CancellationToken ct)
    {
        var computable = indicators.Where(i => i.Scale == ScaleKind.Percent && ComputedIndicators.Codes.Contains(i.Code)).ToList();
        if (computable.Count == 0)
        {
            return new Dictionary<int, Computed>();
        }

        var n = await db.Nominations.AsNoTracking().Where(x => x.Id == nominationId)
            .Select(x => new Nomination
            {
                ProvinceCode = x.ProvinceCode,
                WorkforceBps = x.WorkforceBps,
                ProtectedPu = x.ProtectedPu,
                ProtectedBpu = x.ProtectedBpu,
                NonAsnWorkers = x.NonAsnWorkers,
                NonAsnCovered = x.NonAsnCovered,
                VerifiedAt = x.VerifiedAt,
                UpdatedAt = x.UpdatedAt,
            })
            .FirstAsync(ct);
        var values = ComputedIndicators.Of(n);
        var asOf = DateOnly.FromDateTime(Wib.ToWib(n.VerifiedAt ?? n.UpdatedAt).DateTime);
        return computable.Where(i => values.ContainsKey(i.Code))
            .ToDictionary(i => i.Id, i => new Computed(values[i.Code], asOf, n.VerifiedAt is not null));
    }

    /// <summary>
    /// Adds an error beside each indicator changed by this save whose value differs from the
    /// computed one without a note (the card is then not saved).
    /// </summary>
    public static void CheckNotes(
        ScorecardService.CardContext context,
        IEnumerable<ScorecardService.IndicatorView> indicators,
        IReadOnlyDictionary<int, ScorecardService.ScoreValue> current,
        IReadOnlyDictionary<int, ScorecardService.ScoreValue> final,
        Dictionary<int, string> errors,
        IStringLocalizer l)
    {
        foreach (var indicator in indicators.Where(i => !errors.ContainsKey(i.Id) && context.Computed.ContainsKey(i.Id)))
        {
            var after = final.GetValueOrDefault(indicator.Id);
            if (after != current.GetValueOrDefault(indicator.Id) && ComputedIndicators.NeedsNote(context.Computed[indicator.Id].Value, after?.Value, after?.Comment))
            {
                errors[indicator.Id] = l["Nilai {0} berbeda dari nilai yang dihitung dari data ({1}); tulis alasannya di catatan {0}.", indicator.Code, ScoreText.ForDisplay(context.Computed[indicator.Id].Value)].Value;
            }
        }
    }

    /// <summary>For the audit event: the computed value of each changed indicator saved with another value ("KIN1 computed": "20.24").</summary>
    public static (string? Name, string? Value)[] AuditEntries(ScorecardService.CardContext context, IEnumerable<ScorecardService.IndicatorView> changed, IReadOnlyDictionary<int, ScorecardService.ScoreValue> after) =>
        changed
            .Where(i => context.Computed.TryGetValue(i.Id, out var c) && after.GetValueOrDefault(i.Id)?.Value is decimal v && v != c.Value)
            .Select(i => ((string?)(i.Code + " computed"), (string?)ScoreText.ForInput(context.Computed[i.Id].Value)))
            .ToArray();
}
