using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.ExceptionServices;

namespace Blacklist.Server.Tests.Infrastructure;

/// <summary>
/// Wraps any store interface: while <see cref="Hanging"/>, every asynchronous call never completes and
/// ignores cancellation (a database host that stopped answering); <see cref="Release"/> cancels them.
/// </summary>
public class HangingStore<T> : DispatchProxy
    where T : class
{
    private readonly ConcurrentBag<Action> _pending = [];
    private T? _inner;

    public bool Hanging { get; set; }

    /// <param name="inner">The store answering while not hanging; null for a store that only ever hangs.</param>
    public static (T Store, HangingStore<T> Control) Wrap(T? inner)
    {
        var store = Create<T, HangingStore<T>>();
        var control = (HangingStore<T>)(object)store;
        control._inner = inner;
        return (store, control);
    }

    /// <summary>
    /// Replaces the registered <typeparamref name="T"/> with a wrapper around it; resolve the wrapper's
    /// control as <see cref="HangingStore{T}"/>.
    /// </summary>
    public static void Install(IServiceCollection services)
    {
        var original = services.Last(d => d.ServiceType == typeof(T));
        services.Remove(original);
        services.AddSingleton(provider => Wrap(
            original.ImplementationInstance as T
            ?? original.ImplementationFactory?.Invoke(provider) as T
            ?? (T)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!)).Control);
        services.AddSingleton(provider => (T)(object)provider.GetRequiredService<HangingStore<T>>());
    }

    /// <summary>Stops hanging and cancels the calls still waiting, so nothing waits for ever.</summary>
    public void Release()
    {
        Hanging = false;
        while (_pending.TryTake(out var cancel))
        {
            cancel();
        }
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        if (Hanging && typeof(Task).IsAssignableFrom(targetMethod.ReturnType))
        {
            return NeverCompleting(targetMethod.ReturnType);
        }

        if (_inner is null)
        {
            throw new InvalidOperationException($"{targetMethod.Name} was called on a store that only hangs.");
        }

        try
        {
            return targetMethod.Invoke(_inner, args);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }

    private Task NeverCompleting(Type taskType)
    {
        if (!taskType.IsGenericType)
        {
            var plain = new TaskCompletionSource();
            _pending.Add(() => plain.TrySetCanceled());
            return plain.Task;
        }

        var source = Activator.CreateInstance(typeof(TaskCompletionSource<>).MakeGenericType(taskType.GetGenericArguments()))!;
        var sourceType = source.GetType();
        _pending.Add(() => sourceType.GetMethod(nameof(TaskCompletionSource.TrySetCanceled), Type.EmptyTypes)!.Invoke(source, null));
        return (Task)sourceType.GetProperty(nameof(TaskCompletionSource.Task))!.GetValue(source)!;
    }
}
