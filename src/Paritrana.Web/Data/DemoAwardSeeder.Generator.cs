namespace Paritrana.Web.Data;

/// <summary>The generator of the demo's 300 further employers (deterministic: a fixed seed).</summary>
public sealed partial class DemoAwardSeeder
{
    /// <summary>
    /// Deterministic generator of demo employers: the same seed and regencies give the same list.
    /// Names are a legal form (PT, CV, UD), two words common in Balinese or Central Javanese company
    /// names and a word of the sector; workers, coverage, programmes and arrears follow the size class.
    /// </summary>
    public static class EmployerGenerator
    {
        public sealed record Figures(int Workers, int Pu, int Bpu, Programs Programs, int ArrearsMonths);

        public sealed record Generated(string Npp, string Name, string RegencyCode, SizeClass Size, string Sector, string Street, string ContactName, Figures Earlier, Figures Latest);

        private static readonly string[] BaliWords =
            ["Bali", "Dewata", "Nusa", "Segara", "Giri", "Tirta", "Surya", "Candra", "Werdhi", "Sedana", "Mertha", "Santhi", "Jaya", "Sari", "Artha", "Kencana", "Mandala", "Pertiwi", "Amerta", "Dharma"];

        private static readonly string[] JavaWords =
            ["Jawa", "Semarang", "Ungaran", "Kendal", "Rahayu", "Tentrem", "Makmur", "Sentosa", "Abadi", "Gemilang", "Mulia", "Sejahtera", "Lestari", "Utama", "Prima", "Mandiri", "Karya", "Sinar", "Cahaya", "Murni"];

        private static readonly (string Sector, string[] Nouns, int BaliWeight, int JavaWeight)[] Sectors =
        [
            ("Penyediaan akomodasi dan makan minum", ["Villa", "Resort", "Hotel", "Boga", "Kuliner", "Wisata"], 30, 8),
            ("Perdagangan besar dan eceran", ["Niaga", "Dagang", "Swalayan", "Distribusi", "Retail"], 20, 22),
            ("Industri pengolahan", ["Kriya", "Tekstil", "Garmen", "Furnitur", "Pangan", "Keramik"], 12, 30),
            ("Konstruksi", ["Konstruksi", "Bangun", "Beton", "Graha"], 8, 10),
            ("Transportasi dan pergudangan", ["Logistik", "Trans", "Ekspres", "Kargo"], 8, 10),
            ("Pertanian, kehutanan dan perikanan", ["Agro", "Tani", "Perikanan", "Kebun"], 7, 6),
            ("Informasi dan komunikasi", ["Digital", "Media", "Telematika"], 5, 5),
            ("Jasa kesehatan dan kegiatan sosial", ["Medika", "Husada", "Klinik"], 5, 5),
            ("Jasa lainnya", ["Laundry", "Salon", "Servis"], 5, 4),
        ];

        private static readonly string[] BaliGiven = ["I Wayan", "I Made", "I Nyoman", "I Ketut", "Ni Luh", "Ni Made", "Ni Nyoman", "Ni Ketut", "I Gusti Ngurah", "Ni Putu"];
        private static readonly string[] BaliFamily = ["Suardana", "Astawa", "Sudarma", "Wirawan", "Ariani", "Suartini", "Widiantari", "Kusuma", "Mahendra", "Pradnyani"];
        private static readonly string[] JavaGiven = ["Agus", "Budi", "Sri", "Dwi", "Eko", "Rina", "Wahyu", "Yuni", "Bambang", "Endah"];
        private static readonly string[] JavaFamily = ["Santoso", "Prasetyo", "Wulandari", "Hidayat", "Lestari", "Nugroho", "Setiawati", "Kurniawan", "Susanto", "Rahmawati"];
        private static readonly string[] Streets = ["Jl. Raya", "Jl. Diponegoro", "Jl. Gajah Mada", "Jl. Sudirman", "Jl. Ahmad Yani", "Jl. Hayam Wuruk", "Jl. Pahlawan", "Jl. Imam Bonjol", "Jl. Veteran", "Jl. Merdeka"];

        public static List<Generated> Generate(int count, int seed, IReadOnlyList<string> regencies)
        {
            var rng = new Random(seed);
            var names = new HashSet<string>(StringComparer.Ordinal);
            var list = new List<Generated>(count);
            for (var i = 0; i < count; i++)
            {
                var regency = regencies[rng.Next(regencies.Count)];
                var bali = regency.StartsWith("51", StringComparison.Ordinal);
                var size = Pick(rng, [(SizeClass.Micro, 40), (SizeClass.Small, 30), (SizeClass.Medium, 20), (SizeClass.Large, 10)]);
                var sector = Pick(rng, Sectors.Select(s => (s, bali ? s.BaliWeight : s.JavaWeight)).ToArray());
                var words = bali ? BaliWords : JavaWords;
                string name;
                do
                {
                    var form = size switch
                    {
                        SizeClass.Large or SizeClass.Medium => "PT",
                        SizeClass.Small => rng.Next(2) == 0 ? "PT" : "CV",
                        _ => rng.Next(3) == 0 ? "UD" : "CV",
                    };
                    var first = words[rng.Next(words.Length)];
                    var second = words[rng.Next(words.Length)];
                    name = first == second ? "" : $"{form} {first} {second} {sector.Nouns[rng.Next(sector.Nouns.Length)]}";
                }
                while (name.Length == 0 || !names.Add(name));

                var latest = LatestFigures(rng, size);
                var earlier = EarlierFigures(rng, latest);
                var contact = bali
                    ? $"{BaliGiven[rng.Next(BaliGiven.Length)]} {BaliFamily[rng.Next(BaliFamily.Length)]}"
                    : $"{JavaGiven[rng.Next(JavaGiven.Length)]} {JavaFamily[rng.Next(JavaFamily.Length)]}";
                var street = $"{Streets[rng.Next(Streets.Length)]} No. {rng.Next(1, 250).ToString(CultureInfo.InvariantCulture)}";
                // NPP: the regency's four digits and a running number from 1001 (the named demo employers use 0001 to 0999).
                var npp = regency.Replace(".", "", StringComparison.Ordinal) + (1001 + i).ToString("0000", CultureInfo.InvariantCulture);
                list.Add(new Generated(npp, name, regency, size, sector.Sector, street, contact, earlier, latest));
            }

            return list;
        }

        private static Figures LatestFigures(Random rng, SizeClass size)
        {
            var workers = size switch
            {
                SizeClass.Large => rng.Next(250, 2_501),
                SizeClass.Medium => rng.Next(50, 250),
                SizeClass.Small => rng.Next(10, 50),
                _ => rng.Next(1, 10),
            };
            var (low, high) = size switch
            {
                SizeClass.Large => (0.75, 1.0),
                SizeClass.Medium => (0.6, 1.0),
                SizeClass.Small => (0.4, 1.0),
                _ => (0.0, 1.0),
            };
            var covered = (int)Math.Round(workers * (low + ((high - low) * rng.NextDouble())), MidpointRounding.AwayFromZero);
            // Micro businesses register part of their people as non-wage (BPU) participants.
            var bpu = size == SizeClass.Micro ? rng.Next(0, covered + 1) : 0;
            var pu = covered - bpu;
            var programs = covered == 0 ? Programs.None : Programs.Jkk | Programs.Jkm;
            if (covered > 0 && (size != SizeClass.Micro || rng.Next(2) == 0))
            {
                programs |= Programs.Jht;
            }

            if (size is SizeClass.Large or SizeClass.Medium && rng.Next(10) < 9)
            {
                programs |= Programs.Jp;
                if (rng.Next(10) < 7)
                {
                    programs |= Programs.Jkp;
                }
            }

            var arrears = rng.Next(4) != 0 ? 0 : rng.Next(1, size == SizeClass.Micro ? 10 : 7);
            return new Figures(workers, pu, bpu, programs, arrears);
        }

        /// <summary>Half a year earlier: a slightly different workforce and at most as many participants.</summary>
        private static Figures EarlierFigures(Random rng, Figures latest)
        {
            var workers = Math.Max(1, (int)Math.Round(latest.Workers * (0.9 + (0.15 * rng.NextDouble())), MidpointRounding.AwayFromZero));
            var pu = Math.Min(workers, (int)Math.Round(latest.Pu * (0.85 + (0.15 * rng.NextDouble())), MidpointRounding.AwayFromZero));
            var bpu = Math.Min(workers - pu, latest.Bpu);
            return new Figures(workers, pu, bpu, latest.Programs, Math.Max(0, latest.ArrearsMonths + rng.Next(-1, 2)));
        }

        private static T Pick<T>(Random rng, (T Value, int Weight)[] choices)
        {
            var roll = rng.Next(choices.Sum(c => c.Weight));
            foreach (var (value, weight) in choices)
            {
                if (roll < weight)
                {
                    return value;
                }

                roll -= weight;
            }

            return choices[^1].Value;
        }
    }
}
