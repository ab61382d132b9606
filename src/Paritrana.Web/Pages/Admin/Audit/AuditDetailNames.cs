namespace Paritrana.Web.Pages.Admin.Audit;

/// <summary>
/// The words for the names of audit details that the code writes most (resource keys; English in
/// SharedResource.en.resx). Any other name is shown as written (an indicator code, say).
/// </summary>
public static class AuditDetailNames
{
    public static string? Label(string name) => name switch
    {
        "at" => "Waktu",
        "place" => "Tempat",
        "members" => "Jumlah anggota",
        "due" => "Tenggat",
        "finding" => "Temuan",
        "note" => "Catatan",
        "from" => "Dari",
        "to" => "Menjadi",
        "done at" => "Selesai pada",
        "name" => "Nama",
        "year" => "Tahun",
        "cycle" => "Siklus",
        "code" => "Kode",
        "total" => "Total",
        "visit" => "Kunjungan",
        "decided" => "Nominasi diputuskan",
        "replaced" => "Undangan yang digantikan",
        "incomplete rounds" => "Babak belum lengkap",
        "closing date" => "Tanggal penutupan",
        "stages" => "Tahapan",
        "categories" => "Kategori",
        "left" => "Sisa kode pemulihan",
        "second-step" => "Langkah kedua",
        "active" => "Aktif",
        "regional office" => "Kantor wilayah",
        _ => null,
    };
}
