namespace Paritrana.Web;

/// <summary>
/// Marker for the portal's one resource file set. Keys are the Indonesian texts themselves
/// (the default language); Resources/SharedResource.en.resx holds their English translations.
/// </summary>
public sealed class SharedResource;
