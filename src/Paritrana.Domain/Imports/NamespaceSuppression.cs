using System.Diagnostics.CodeAnalysis;

// "Imports" is a Visual Basic keyword; this is a C#-only application, and the namespace follows its folder.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "C# only; the namespace follows the Imports folder.", Scope = "namespace", Target = "~N:Paritrana.Domain.Imports")]
