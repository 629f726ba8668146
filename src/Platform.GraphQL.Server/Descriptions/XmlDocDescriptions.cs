using System.Reflection;
using GraphQL.Types;
using GraphQL.Utilities;
using Platform.GraphQL.Server.Projection;

namespace Platform.GraphQL.Server.Descriptions;

/// <summary>
/// Describes, from the XML docs of their members, the fields declared with an expression (<c>Field(x => x.FirstName)</c>),
/// the enumerations over a CLR enum and their values that have no description of their own, as GraphQL.NET does with
/// <c>GlobalSwitches.EnableReadDescriptionFromXmlDocumentation</c>, which must be off: its reading costs most of the
/// schema build at start.
/// </summary>
public sealed class XmlDocDescriptions : BaseSchemaNodeVisitor
{
    public override void VisitObjectFieldDefinition(FieldType field, IObjectGraphType type, ISchema schema) => Describe(field, type);

    public override void VisitInterfaceFieldDefinition(FieldType field, IInterfaceGraphType type, ISchema schema) => Describe(field, type);

    public override void VisitInputObjectFieldDefinition(FieldType field, IInputObjectGraphType type, ISchema schema) => Describe(field, type);

    public override void VisitEnum(EnumerationGraphType type, ISchema schema)
    {
        if (type.Description is null && GenericArgumentOf(typeof(EnumerationGraphType<>), type.GetType()) is { } clrEnum)
            type.Description = XmlDocSummaries.Of(clrEnum);
    }

    public override void VisitEnumValue(EnumValueDefinition value, EnumerationGraphType type, ISchema schema)
    {
        if (value.Description is null && value.Value is Enum member && member.GetType().GetField(member.ToString()) is { } declared)
            value.Description = XmlDocSummaries.Of(declared);
    }

    private static void Describe(FieldType field, IComplexGraphType type)
    {
        if (field.Description is not null || field.GetMetadata<string?>(FieldReads.ExpressionMember) is not { } name || GenericArgumentOf(typeof(ComplexGraphType<>), type.GetType()) is not { } source)
            return;
        if (source.GetMember(name, BindingFlags.Public | BindingFlags.Instance).FirstOrDefault() is { } member)
            field.Description = XmlDocSummaries.Of(member);
    }

    /// <summary>The CLR type of <c>ComplexGraphType&lt;TSourceType&gt;</c> or <c>EnumerationGraphType&lt;TEnum&gt;</c> the graph type derives from.</summary>
    private static Type? GenericArgumentOf(Type definition, Type? graphType)
    {
        for (; graphType is not null; graphType = graphType.BaseType)
        {
            if (graphType.IsGenericType && graphType.GetGenericTypeDefinition() == definition)
                return graphType.GetGenericArguments()[0];
        }
        return null;
    }
}
