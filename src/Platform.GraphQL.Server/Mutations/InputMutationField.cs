using GraphQL.Builders;

namespace Platform.GraphQL.Server.Mutations;

/// <summary>
/// A mutation field declared by <see cref="InputMutations.InputMutation{TPayloadType, TInputType}"/>, waiting for
/// its resolver. It carries the input's graph type so that <see cref="InputMutations.Resolve"/> can check the
/// resolver's input against it.
/// </summary>
public readonly struct InputMutationField<TInputType>
{
    internal InputMutationField(FieldBuilder<object?, object> field) => Field = field;

    internal FieldBuilder<object?, object> Field { get; }
}
