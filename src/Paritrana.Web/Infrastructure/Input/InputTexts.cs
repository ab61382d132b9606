namespace Paritrana.Web.Infrastructure.Input;

/// <summary>The messages of the checks of text from outside (resource keys: show them through the localizer).</summary>
public static class InputTexts
{
    public const string FieldMessage = "Isian ini berisi karakter yang tidak diizinkan (karakter kontrol atau teks yang rusak) sehingga tidak dipakai. Isi lagi, lalu kirim.";
    public const string FormMessage = "Formulir tidak disimpan: ada isian yang berisi karakter yang tidak diizinkan (karakter kontrol atau teks yang rusak).";
    public const string AddressMessage = "Alamat halaman ini berisi karakter yang tidak diizinkan (karakter kontrol atau teks yang rusak). Periksa alamatnya, atau buka halaman itu lagi dari menu.";
}
