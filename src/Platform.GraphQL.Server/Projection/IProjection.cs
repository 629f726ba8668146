using System.Linq.Expressions;

namespace Platform.GraphQL.Server.Projection;

/// <summary>A <see cref="Projection{T}"/> of some type, as another type's projection holds it for a reference.</summary>
public interface IProjection
{
    /// <summary>Names the type and what it reads.</summary>
    string Key { get; }

    /// <summary><c>source == null ? null : new T { … }</c> reading only this projection's members of <paramref name="source"/>.</summary>
    Expression ReadFrom(Expression source);

    /// <summary>What this and <paramref name="other"/>, a projection of the same type, read together.</summary>
    IProjection With(IProjection other);
}
