using System.ComponentModel.DataAnnotations;
using FluentValidation;
using FluentValidation.Results;
using Npgsql;

namespace Paritrana.Web.Pages.Admin.Cycles;

/// <summary>The dates of one stage on the create and edit forms of a cycle.</summary>
public sealed class StageInput
{
    public StageKind Stage { get; set; }

    [Display(Name = "Tanggal mulai")]
    public DateOnly? StartsOn { get; set; }

    [Display(Name = "Tanggal selesai")]
    public DateOnly? EndsOn { get; set; }
}

/// <summary>What the cycle pages share: the stage rows, their validation messages and how a lost race is recognised.</summary>
public static class CycleForm
{
    public const int MaxNotesLength = 2000;

    public const string YearIndex = "ix_award_cycles_year";
    public const string CurrentIndex = "ix_award_cycles_is_current";
    public const string CategoryCodeIndex = "ix_categories_cycle_id_code";
    public const string CategoryNameIndex = "ix_categories_cycle_id_name";

    /// <summary>
    /// An ILIKE pattern that matches <paramref name="name"/> exactly but without regard to case, so
    /// "perusahaan besar" counts as a duplicate of "Perusahaan Besar".
    /// </summary>
    public static string ExactPattern(string name) =>
        name.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);

    /// <summary>One empty row per stage, in order, for a new cycle.</summary>
    public static List<StageInput> EmptyStages() => StageSchedule.Order.Select(s => new StageInput { Stage = s }).ToList();

    /// <summary>The stored stages as form rows: every stage once, in order, also those without a stored row.</summary>
    public static List<StageInput> StagesFrom(IEnumerable<CycleStage> stored)
    {
        var byStage = stored.ToDictionary(s => s.Stage);
        return StageSchedule.Order
            .Select(s => byStage.TryGetValue(s, out var row)
                ? new StageInput { Stage = s, StartsOn = row.StartsOn, EndsOn = row.EndsOn }
                : new StageInput { Stage = s })
            .ToList();
    }

    /// <summary>
    /// Validates the stage rows of a form: each of the six stages exactly once (the form posts them as
    /// hidden fields), then the date rules of <see cref="StageSchedule"/>, each message naming its stage
    /// and placed beside the date it concerns.
    /// </summary>
    public static void ValidateStages<T>(List<StageInput> stages, ValidationContext<T> context, IStringLocalizer<SharedResource> l)
    {
        if (stages.Count != StageSchedule.Order.Count || !stages.Select(s => s.Stage).Order().SequenceEqual(StageSchedule.Order.Order()))
        {
            context.AddFailure(new ValidationFailure("Stages", l["Isian tahap tidak lengkap. Muat ulang halaman lalu isi lagi."]));
            return;
        }

        var index = stages.Select((s, i) => (s.Stage, i)).ToDictionary(x => x.Stage, x => x.i);
        foreach (var issue in StageSchedule.Check(stages.Select(s => new StageDates(s.Stage, s.StartsOn, s.EndsOn))))
        {
            var row = stages[index[issue.Stage]];
            var stage = l[NominationNames.Stage(issue.Stage)].Value;
            var (field, message) = issue.Problem switch
            {
                StageDateProblem.Incomplete => (row.StartsOn is null ? "StartsOn" : "EndsOn",
                    l["Isi tanggal mulai dan tanggal selesai tahap {0}, atau kosongkan keduanya.", stage].Value),
                StageDateProblem.EndsBeforeStart => ("EndsOn", l["Tanggal selesai tahap {0} tidak boleh sebelum tanggal mulainya.", stage].Value),
                _ => ("StartsOn", l["Tahap {0} tidak boleh dimulai sebelum tahap {1} dimulai.", stage, l[NominationNames.Stage(issue.PreviousStage!.Value)].Value].Value),
            };
            context.AddFailure(new ValidationFailure($"Stages[{index[issue.Stage].ToString(CultureInfo.InvariantCulture)}].{field}", message));
        }
    }

    /// <summary>"Nomination 2025-01-15..2025-03-31, Verification -, ..." for the audit trail.</summary>
    public static string DescribeStages(IEnumerable<StageInput> stages) =>
        string.Join(", ", stages.OrderBy(s => s.Stage).Select(s => $"{s.Stage} {Range(s.StartsOn, s.EndsOn)}"));

    public static string Range(DateOnly? start, DateOnly? end) =>
        start is null && end is null ? "-" : $"{Iso(start)}..{Iso(end)}";

    private static string Iso(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "?";

    /// <summary>
    /// The unique index violated by a save that raced another (SaveChanges wraps the PostgreSQL error,
    /// ExecuteUpdate does not), or null for any other failure.
    /// </summary>
    public static string? UniqueViolation(Exception e) =>
        (e as PostgresException ?? e.InnerException as PostgresException) is { SqlState: PostgresErrorCodes.UniqueViolation } pg ? pg.ConstraintName ?? "" : null;
}
