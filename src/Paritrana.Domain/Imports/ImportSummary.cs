namespace Paritrana.Domain.Imports;

/// <summary>A valid row of an import file: it knows the line it came from.</summary>
public interface IImportRow
{
    int Line { get; }
}

/// <summary>
/// The preview of a file, gathered in the one pass over it: row counts, the first errors and
/// warnings (up to a limit, so that a file of 100,000 bad rows does not fill the memory) and the
/// first valid rows as a sample. The employer file's is <see cref="ImportSummary"/>; the regional
/// extract's is <c>ImportSummary&lt;RegionalRow&gt;</c>.
/// </summary>
public class ImportSummary<TRow>(int errorLimit = ImportSummary.DefaultErrorLimit, int sampleSize = ImportSummary.DefaultSampleSize)
    where TRow : class, IImportRow
{
    private readonly List<ImportError> _errors = [];
    private readonly List<ImportError> _warnings = [];
    private readonly List<TRow> _sample = [];

    public int TotalRows { get; private set; }
    public int ValidRows { get; private set; }
    public int InvalidRows { get; private set; }

    /// <summary>All errors of the file, also those beyond the limit.</summary>
    public int ErrorCount { get; private set; }

    /// <summary>All warnings of the valid rows, also those beyond the limit.</summary>
    public int WarningCount { get; private set; }

    public IReadOnlyList<ImportError> Errors => _errors;
    public IReadOnlyList<ImportError> Warnings => _warnings;
    public IReadOnlyList<TRow> Sample => _sample;
    public bool ErrorsTruncated => ErrorCount > _errors.Count;

    /// <summary>Counts one data row: valid (<paramref name="row"/>, perhaps with warnings) or invalid with its errors.</summary>
    public void Add(TRow? row, IReadOnlyList<ImportError> errors, IReadOnlyList<ImportError>? warnings = null)
    {
        TotalRows++;
        if (row is not null)
        {
            ValidRows++;
            if (_sample.Count < sampleSize)
            {
                _sample.Add(row);
            }

            foreach (var warning in warnings ?? [])
            {
                WarningCount++;
                if (_warnings.Count < errorLimit)
                {
                    _warnings.Add(warning);
                }
            }

            return;
        }

        InvalidRows++;
        foreach (var error in errors)
        {
            ErrorCount++;
            if (_errors.Count < errorLimit)
            {
                _errors.Add(error);
            }
        }
    }

    /// <summary>
    /// Turns rows counted valid into invalid ones, for a check made after the pass (the NPPs of
    /// employers stored outside the officer's area); the errors are kept in line order.
    /// </summary>
    public void Reject(IReadOnlyCollection<ImportError> errors)
    {
        if (errors.Count == 0)
        {
            return;
        }

        var lines = errors.Select(e => e.Line).ToHashSet();
        ValidRows -= lines.Count;
        InvalidRows += lines.Count;
        _sample.RemoveAll(r => lines.Contains(r.Line));
        ErrorCount += errors.Count;
        var sorted = _errors.Concat(errors).OrderBy(e => e.Line ?? 0).Take(errorLimit).ToList();
        _errors.Clear();
        _errors.AddRange(sorted);
    }
}

/// <summary>The preview of an employer file (see <see cref="ImportSummary{TRow}"/>).</summary>
public sealed class ImportSummary(int errorLimit = ImportSummary.DefaultErrorLimit, int sampleSize = ImportSummary.DefaultSampleSize)
    : ImportSummary<EmployerRow>(errorLimit, sampleSize)
{
    public const int DefaultErrorLimit = 500;
    public const int DefaultSampleSize = 10;

    public void Add(EmployerRowResult result) => Add(result.Row, result.Errors);

    /// <summary>Reads and validates a whole file into a summary.</summary>
    public static ImportSummary Of(IEnumerable<EmployerRowResult> rows, int errorLimit = DefaultErrorLimit, int sampleSize = DefaultSampleSize)
    {
        var summary = new ImportSummary(errorLimit, sampleSize);
        foreach (var row in rows)
        {
            summary.Add(row);
        }

        return summary;
    }
}
