using GraphQL.Types;
using Platform.GraphQL.Server.Descriptions;

namespace Platform.GraphQL.Server.Tests.Descriptions;

/// <summary>Descriptions from this assembly's XML docs, as GraphQL.NET reads them: the summary's text, trimmed.</summary>
public sealed class XmlDocDescriptionsTests
{
    /// <summary>A product of the catalogue.</summary>
    public class Product
    {
        /// <summary>
        ///   The name on the <see cref="Product"/>'s label.
        /// </summary>
        public string Name { get; set; } = "";

        /// <summary>Overridden by the field's own description.</summary>
        public int Stock { get; set; }

        public decimal Price { get; set; }

        /// <summary>Its colour.</summary>
        public Shade Shade { get; set; }
    }

    /// <summary>How light a colour is.</summary>
    public enum Shade
    {
        /// <summary>Light, as paper.</summary>
        Light,

        Dark,
    }

    public sealed class ShadeType : EnumerationGraphType<Shade>;

    public sealed class ProductType : ObjectGraphType<Product>
    {
        public ProductType()
        {
            Field(x => x.Name);
            Field(x => x.Stock).Description("Units in the warehouse.");
            Field(x => x.Price);
            Field(x => x.Shade, type: typeof(ShadeType));
            Field<StringGraphType>("code").Resolve(_ => "P-1");
        }
    }

    public sealed class ProductInputType : InputObjectGraphType<Product>
    {
        public ProductInputType()
        {
            Name = "ProductInput";
            Field(x => x.Name);
        }
    }

    public sealed class CatalogQuery : ObjectGraphType
    {
        public CatalogQuery()
        {
            Field<ProductType>("product").Argument<ProductInputType>("like").Resolve(_ => new Product());
        }
    }

    private static ISchema Built()
    {
        var schema = new Schema { Query = new CatalogQuery() };
        schema.RegisterVisitor(new XmlDocDescriptions());
        schema.Initialize();
        return schema;
    }

    [Fact]
    public void ExpressionFields_AreDescribedByTheirMembersSummaries_UnlessTheyHaveTheirOwn()
    {
        var product = (IObjectGraphType)Built().AllTypes["Product"]!;

        Assert.Equal("The name on the 's label.", product.GetField("name")!.Description); // a <see/> has no text
        Assert.Equal("Units in the warehouse.", product.GetField("stock")!.Description);
        Assert.Null(product.GetField("price")!.Description); // no summary
        Assert.Null(product.GetField("code")!.Description); // no member
    }

    [Fact]
    public void InputFields_AreDescribedByTheirMembersSummaries()
    {
        var input = (IInputObjectGraphType)Built().AllTypes["ProductInput"]!;

        Assert.Equal("The name on the 's label.", input.GetField("name")!.Description);
    }

    [Fact]
    public void Enumerations_AndTheirValues_AreDescribedByTheEnumsSummaries()
    {
        var shade = (EnumerationGraphType)Built().AllTypes["Shade"]!;

        Assert.Equal("How light a colour is.", shade.Description);
        Assert.Equal("Light, as paper.", shade.Values.FindByName("LIGHT")!.Description);
        Assert.Null(shade.Values.FindByName("DARK")!.Description);
    }
}
