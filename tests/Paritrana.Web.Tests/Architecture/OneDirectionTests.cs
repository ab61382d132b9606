using System.Reflection;
using System.Reflection.Emit;

namespace Paritrana.Web.Tests.Architecture;

/// <summary>
/// Pages and features have one direction (docs/decisions/021): a page model may use a feature's
/// services, queries and records, never the other way round. Every type outside
/// <c>Paritrana.Web.Pages</c> (Features, Accounts, Infrastructure, Data) is read by reflection, its
/// signatures and the IL of its method bodies (lambdas and async state machines included, they are
/// nested types), and each reference to a type of the Pages namespace is listed.
/// </summary>
public class OneDirectionTests
{
    private const string PagesNamespace = "Paritrana.Web.Pages";

    /// <summary>The layers below the pages; the views (AspNetCoreGeneratedDocument) belong to the pages.</summary>
    private static readonly string[] Below =
    [
        "Paritrana.Web.Features", "Paritrana.Web.Accounts", "Paritrana.Web.Infrastructure", "Paritrana.Web.Data",
    ];

    [Fact]
    public void No_type_below_the_pages_references_a_page_type()
    {
        var assembly = typeof(SharedResource).Assembly;
        var below = assembly.GetTypes().Where(t => Below.Any(ns => InNamespace(t, ns))).ToList();
        below.Count.ShouldBeGreaterThan(100); // the reflection finds the features, not nothing

        // The scanner sees what it must: a page type named by a page model is found there.
        References(typeof(Pages.Nominations.EditModel)).ShouldContain(t => InNamespace(t, PagesNamespace) && t != typeof(Pages.Nominations.EditModel));

        var wrong = below
            .SelectMany(t => References(t).Where(r => InNamespace(r, PagesNamespace)).Select(r => $"{Outer(t).FullName} -> {r.FullName}"))
            .Distinct()
            .Order()
            .ToList();
        wrong.ShouldBeEmpty("Features, Accounts, Infrastructure and Data never use a type of Pages (docs/decisions/021): move what both need below the pages.");
    }

    [Fact]
    public void Services_are_injected_never_made_with_new_in_a_page_model()
    {
        var assembly = typeof(SharedResource).Assembly;
        var services = assembly.GetTypes()
            .Where(t => InNamespace(t, "Paritrana.Web.Features") && t.IsClass && !t.IsAbstract && !t.IsNested
                && t.GetConstructors().Any(c => c.GetParameters().Any(p => p.ParameterType == typeof(Paritrana.Web.Data.ParitranaDbContext))))
            .ToHashSet();
        services.Count.ShouldBeGreaterThan(10);

        var wrong = assembly.GetTypes()
            .Where(t => InNamespace(t, PagesNamespace))
            .SelectMany(t => Constructed(t).Where(c => services.Contains(c)).Select(c => $"{Outer(t).FullName} news {c.FullName}"))
            .Distinct()
            .Order()
            .ToList();
        wrong.ShouldBeEmpty("A page model gets a feature's service from DI (its constructor), docs/decisions/021.");
    }

    private static bool InNamespace(Type t, string ns) =>
        t.Namespace is { } n && (n == ns || n.StartsWith(ns + ".", StringComparison.Ordinal));

    private static Type Outer(Type t) => t.DeclaringType is { } d ? Outer(d) : t;

    private const BindingFlags Declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    /// <summary>Every type a type names: base, interfaces, members' signatures, locals, and the operands of its IL.</summary>
    private static HashSet<Type> References(Type type)
    {
        var found = new HashSet<Type>();
        void Add(Type? t)
        {
            if (t is null || !found.Add(t))
            {
                return;
            }

            if (t.HasElementType)
            {
                Add(t.GetElementType());
            }

            if (t.IsGenericType)
            {
                foreach (var a in t.GetGenericArguments())
                {
                    Add(a);
                }
            }
        }

        Add(type.BaseType);
        foreach (var i in type.GetInterfaces())
        {
            Add(i);
        }

        foreach (var f in type.GetFields(Declared))
        {
            Add(f.FieldType);
        }

        foreach (var p in type.GetProperties(Declared))
        {
            Add(p.PropertyType);
        }

        foreach (var m in type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared)))
        {
            if (m is MethodInfo mi)
            {
                Add(mi.ReturnType);
            }

            foreach (var p in m.GetParameters())
            {
                Add(p.ParameterType);
            }

            foreach (var operand in Operands(m))
            {
                switch (operand)
                {
                    case Type t: Add(t); break;
                    case FieldInfo f: Add(f.DeclaringType); Add(f.FieldType); break;
                    case MethodBase callee:
                        Add(callee.DeclaringType);
                        if (callee is MethodInfo { IsGenericMethod: true } g)
                        {
                            foreach (var a in g.GetGenericArguments())
                            {
                                Add(a);
                            }
                        }

                        break;
                }
            }

            foreach (var local in m.GetMethodBody()?.LocalVariables ?? [])
            {
                Add(local.LocalType);
            }
        }

        foreach (var nested in type.GetNestedTypes(Declared))
        {
            foreach (var t in References(nested))
            {
                found.Add(t);
            }
        }

        return found;
    }

    /// <summary>The types whose constructors a type's IL calls with <c>newobj</c>, nested types included.</summary>
    private static IEnumerable<Type> Constructed(Type type) =>
        type.GetMethods(Declared).Cast<MethodBase>().Concat(type.GetConstructors(Declared))
            .SelectMany(m => Operands(m, OpCodes.Newobj))
            .OfType<ConstructorInfo>().Select(c => c.DeclaringType!)
            .Concat(type.GetNestedTypes(Declared).SelectMany(Constructed));

    private static readonly Dictionary<short, OpCode> ByValue = typeof(OpCodes)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Select(f => (OpCode)f.GetValue(null)!)
        .ToDictionary(o => o.Value);

    /// <summary>The members and types a method's IL names (optionally only those of one op code).</summary>
    private static IEnumerable<object> Operands(MethodBase method, OpCode? only = null)
    {
        var il = method.GetMethodBody()?.GetILAsByteArray();
        if (il is null)
        {
            yield break;
        }

        var module = method.Module;
        var typeArgs = method.DeclaringType is { IsGenericType: true } d ? d.GetGenericArguments() : null;
        var methodArgs = method is MethodInfo { IsGenericMethod: true } gm ? gm.GetGenericArguments() : null;
        var at = 0;
        while (at < il.Length)
        {
            short value = il[at] == 0xFE ? (short)(0xFE00 | il[at + 1]) : il[at];
            at += il[at] == 0xFE ? 2 : 1;
            var op = ByValue[value];
            switch (op.OperandType)
            {
                case OperandType.InlineMethod or OperandType.InlineField or OperandType.InlineType or OperandType.InlineTok:
                    var token = BitConverter.ToInt32(il, at);
                    at += 4;
                    if (only is null || only.Value == op)
                    {
                        MemberInfo? member = null;
                        try
                        {
                            member = module.ResolveMember(token, typeArgs, methodArgs);
                        }
                        catch (ArgumentException)
                        {
                            // A token of another module's generic context; not a page type.
                        }

                        if (member is not null)
                        {
                            yield return member;
                        }
                    }

                    break;
                case OperandType.InlineNone: break;
                case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: at += 1; break;
                case OperandType.InlineVar: at += 2; break;
                case OperandType.InlineI8 or OperandType.InlineR: at += 8; break;
                case OperandType.InlineSwitch: at += 4 + (4 * BitConverter.ToInt32(il, at)); break;
                default: at += 4; break; // InlineBrTarget, InlineI, InlineSig, InlineString, ShortInlineR
            }
        }
    }
}
