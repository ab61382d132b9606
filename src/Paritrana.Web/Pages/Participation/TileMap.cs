namespace Paritrana.Web.Pages.Participation;

/// <summary>
/// The tile map of the national page: the 38 provinces as equal tiles on a grid of 7 rows and 14
/// columns, placed by hand roughly where they lie (Sumatra on the left, Java and Nusa Tenggara along
/// the bottom, Kalimantan, Sulawesi, Maluku, Papua to the right), coloured by their coverage band
/// (<see cref="RegionalCoverage.Band"/>). Placement by CSS classes (tile-r*, tile-c* in site.css):
/// the CSP allows no inline style.
/// </summary>
public static class TileMap
{
    public sealed record Tile(string Code, string Abbreviation, int Row, int Column);

    public const int Rows = 7;

    public const int Columns = 14;

    public static IReadOnlyList<Tile> Tiles { get; } =
    [
        new("11", "ACEH", 1, 1), new("12", "SUMUT", 2, 1), new("14", "RIAU", 2, 2), new("21", "KEPRI", 2, 3),
        new("13", "SUMBAR", 3, 1), new("15", "JAMBI", 3, 2), new("19", "BABEL", 3, 3),
        new("17", "BKL", 4, 1), new("16", "SUMSEL", 4, 2), new("18", "LPG", 5, 2),
        new("31", "DKI", 5, 4), new("36", "BTN", 6, 3), new("32", "JABAR", 6, 4), new("33", "JATENG", 6, 5),
        new("34", "DIY", 7, 5), new("35", "JATIM", 6, 6), new("51", "BALI", 6, 7), new("52", "NTB", 6, 8), new("53", "NTT", 6, 9),
        new("65", "KALTARA", 2, 7), new("61", "KALBAR", 3, 5), new("62", "KALTENG", 3, 6), new("64", "KALTIM", 3, 7), new("63", "KALSEL", 4, 7),
        new("75", "GTLO", 2, 9), new("71", "SULUT", 2, 10), new("76", "SULBAR", 3, 8), new("72", "SULTENG", 3, 9),
        new("73", "SULSEL", 4, 8), new("74", "SULTRA", 4, 9),
        new("82", "MALUT", 2, 11), new("81", "MALUKU", 3, 11),
        new("96", "PBD", 3, 12), new("92", "PABAR", 3, 13), new("91", "PAPUA", 3, 14), new("94", "PATENG", 4, 13),
        new("95", "PAPEG", 4, 14), new("93", "PASEL", 5, 14),
    ];
}
