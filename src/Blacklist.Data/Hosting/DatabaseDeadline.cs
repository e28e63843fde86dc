namespace Blacklist.Data.Hosting;

/// <summary>
/// Bounds a database call on the injected clock: at the limit its token is cancelled and the wait
/// ends even if the driver ignores the token (a server that hangs rather than refuses), with a
/// <see cref="TimeoutException"/>, which <see cref="DatabaseFailures"/> counts as unreachable.
/// </summary>
public static class DatabaseDeadline
{
    public static async Task<T> WithinAsync<T>(Func<CancellationToken, Task<T>> call, TimeSpan limit, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        using var deadline = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await call(linked.Token).WaitAsync(linked.Token);
        }
        catch (OperationCanceledException e) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"The database did not answer within {limit.TotalSeconds:0.#} s.", e);
        }
    }

    public static Task WithinAsync(Func<CancellationToken, Task> call, TimeSpan limit, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        return WithinAsync(
            async token =>
            {
                await call(token);
                return true;
            },
            limit,
            time,
            cancellationToken);
    }
}
