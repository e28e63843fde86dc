using System.IO.Compression;
using System.Text.Json;
using System.Text.Json.Serialization;
using Blacklist.Core.Addresses;
using Blacklist.Core.Indicators;

namespace Blacklist.Server.Collection;

/// <summary>
/// A refused run's observations as gzip-compressed JSON lines, kept in the store so that an
/// operator can accept the run later (on any replica) without fetching the feed again, which
/// may have changed or be gone by then.
/// </summary>
internal static partial class RefusedRunPayload
{
    public static byte[] Write(IReadOnlyList<Observation> observations)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Fastest, leaveOpen: true))
        using (var writer = new Utf8JsonWriter(gzip))
        {
            foreach (var observation in observations)
            {
                JsonSerializer.Serialize(writer, Line.From(observation), LineContext.Default.Line);
                writer.Flush();
                gzip.WriteByte((byte)'\n');
                writer.Reset();
            }
        }

        return buffer.ToArray();
    }

    public static IReadOnlyList<Observation> Read(byte[] payload)
    {
        var observations = new List<Observation>();
        using var gzip = new GZipStream(new MemoryStream(payload), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip);
        var number = 0;
        while (reader.ReadLine() is { } text)
        {
            number++;
            var line = JsonSerializer.Deserialize(text, LineContext.Default.Line)
                ?? throw new InvalidDataException($"line {number} of the kept observations is empty");
            observations.Add(line.ToObservation(number));
        }

        return observations;
    }

    internal sealed record Line(string Range)
    {
        public string? Reason { get; init; }

        public string? Category { get; init; }

        public string? Country { get; init; }

        public int? Confidence { get; init; }

        public int? Score { get; init; }

        public DateTimeOffset? DetectedAt { get; init; }

        public DateTimeOffset? ReleasedAt { get; init; }

        public IReadOnlyDictionary<string, string>? Attributes { get; init; }

        public int LineNumber { get; init; }

        public static Line From(Observation o) => new(o.Range.ToString())
        {
            Reason = o.Reason,
            Category = o.Category,
            Country = o.Country,
            Confidence = o.Confidence,
            Score = o.Score,
            DetectedAt = o.DetectedAt,
            ReleasedAt = o.ReleasedAt,
            Attributes = o.Attributes,
            LineNumber = o.LineNumber,
        };

        public Observation ToObservation(int number)
        {
            var parsed = IpRangeParser.Parse(Range.AsSpan());
            if (!parsed.Success)
            {
                throw new InvalidDataException($"line {number} of the kept observations has an unreadable range '{Range}': {parsed.Error}");
            }

            return new Observation(parsed.Range)
            {
                Reason = Reason,
                Category = Category,
                Country = Country,
                Confidence = Confidence,
                Score = Score,
                DetectedAt = DetectedAt,
                ReleasedAt = ReleasedAt,
                Attributes = Attributes,
                LineNumber = LineNumber,
            };
        }
    }

    [JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
    [JsonSerializable(typeof(Line))]
    internal sealed partial class LineContext : JsonSerializerContext;
}
