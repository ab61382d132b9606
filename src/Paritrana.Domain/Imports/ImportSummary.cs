namespace Paritrana.Domain.Imports;

/// <summary>
/// The preview of a file, gathered in the one pass over it: row counts, the first errors (up to a
/// limit, so that a file of 100,000 bad rows does not fill the memory) and the first valid rows as
/// a sample.
/// </summary>
public sealed class ImportSummary(int errorLimit = ImportSummary.DefaultErrorLimit, int sampleSize = ImportSummary.DefaultSampleSize)
{
    public const int DefaultErrorLimit = 500;
    public const int DefaultSampleSize = 10;

    private readonly List<ImportError> _errors = [];
    private readonly List<EmployerRow> _sample = [];

    public int TotalRows { get; private set; }
    public int ValidRows { get; private set; }
    public int InvalidRows { get; private set; }

    /// <summary>All errors of the file, also those beyond the limit.</summary>
    public int ErrorCount { get; private set; }

    public IReadOnlyList<ImportError> Errors => _errors;
    public IReadOnlyList<EmployerRow> Sample => _sample;
    public bool ErrorsTruncated => ErrorCount > _errors.Count;

    public void Add(EmployerRowResult result)
    {
        TotalRows++;
        if (result.Row is { } row)
        {
            ValidRows++;
            if (_sample.Count < sampleSize)
            {
                _sample.Add(row);
            }

            return;
        }

        InvalidRows++;
        foreach (var error in result.Errors)
        {
            AddError(error);
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

    private void AddError(ImportError error)
    {
        ErrorCount++;
        if (_errors.Count < errorLimit)
        {
            _errors.Add(error);
        }
    }

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
