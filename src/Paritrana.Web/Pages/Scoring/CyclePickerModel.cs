namespace Paritrana.Web.Pages.Scoring;

/// <summary>What the _CyclePicker partial needs: the cycles, the one shown, and other query values to keep.</summary>
public sealed record CyclePickerModel(IReadOnlyList<CycleLookup.CycleRef> Cycles, CycleLookup.CycleRef Current, IReadOnlyList<(string Name, string Value)> Keep)
{
    public CyclePickerModel(IReadOnlyList<CycleLookup.CycleRef> cycles, CycleLookup.CycleRef current)
        : this(cycles, current, [])
    {
    }
}
