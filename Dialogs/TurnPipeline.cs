namespace AnToan.Dialogs;

/// <summary>The interceptors in the order they get a message, before the router.</summary>
/// <remarks>The order is a list of types declared once, by the composition root (Bot/Hosting/TurnOrder.cs); the
/// conversation tests wire the same list. An interceptor the list does not place is refused, so a new one cannot
/// slip in at a position nobody chose.</remarks>
public sealed class TurnPipeline
{
    /// <param name="order">The interceptor types, first to last; a type not registered is left out.</param>
    /// <param name="interceptors">The registered interceptors, in any order.</param>
    public TurnPipeline(IReadOnlyList<Type> order, IEnumerable<IMessageInterceptor> interceptors)
    {
        var given = interceptors.ToList();
        if (given.FirstOrDefault(i => !order.Contains(i.GetType())) is { } unplaced)
            throw new InvalidOperationException($"{unplaced.GetType().Name} has no place in the turn order");
        Interceptors = order.SelectMany(type => given.Where(i => i.GetType() == type)).ToList();
    }

    public IReadOnlyList<IMessageInterceptor> Interceptors { get; }
}
