using System.Diagnostics.CodeAnalysis;

// "Imports" is a Visual Basic keyword; the namespace follows the Imports folder of the code it tests.
[assembly: SuppressMessage("Naming", "CA1716:Identifiers should not match keywords", Justification = "C# only; the namespace follows the Imports folder.", Scope = "namespace", Target = "~N:Paritrana.Domain.Tests.Imports")]
