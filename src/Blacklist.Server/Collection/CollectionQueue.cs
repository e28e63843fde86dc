using System.Threading.Channels;

namespace Blacklist.Server.Collection;

/// <summary>Queued runs, handed from requests and the scheduler to <see cref="CollectionWorker"/>; requests never run collection themselves.</summary>
internal sealed class CollectionQueue
{
    private readonly Channel<CollectionWorkItem> channel = Channel.CreateUnbounded<CollectionWorkItem>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<CollectionWorkItem> Reader => channel.Reader;

    public void Enqueue(CollectionWorkItem item)
    {
        if (!channel.Writer.TryWrite(item))
        {
            throw new InvalidOperationException("the collection queue is closed: the service is stopping");
        }
    }
}
