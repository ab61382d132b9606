namespace Paritrana.Web.Features.Reports;

/// <summary>User-facing texts of the PDF renderer (resource keys; see the translation test).</summary>
public static class ReportTexts
{
    public const string ChromiumMissing = "Pembuat PDF (Chromium) tidak terpasang di server. Hubungi administrator; pratinjau cetak di peramban tetap dapat dipakai.";
    public const string TimedOut = "Pembuatan PDF terlalu lama dan dihentikan. Coba lagi sebentar lagi.";
    public const string Failed = "PDF tidak dapat dibuat. Coba lagi; jika terulang, hubungi administrator.";
}
