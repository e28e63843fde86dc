using System.Globalization;
using System.Text.Json;

namespace Blacklist.Collectors.Secudium;

/// <summary>
/// Reading SECUDIUM's JSON without a fixed schema: the portal wraps answers in
/// <c>{"response":{…}}</c> or not, names list arrays <c>rows</c>, <c>list</c> or <c>data</c>, and
/// spells fields in snake or camel case. Names are compared without case, '_' and '-'.
/// </summary>
internal static class SecudiumJson
{
    private static readonly string[] ArrayNames = ["rows", "list", "data", "items", "result"];
    private static readonly string[] TotalNames = ["total", "totalcount", "records", "recordstotal"];

    /// <summary>The answer's body object: the content of <c>response</c> (or <c>data</c>) when wrapped.</summary>
    public static JsonElement Body(JsonElement root)
    {
        foreach (var wrapper in new[] { "response", "data" })
        {
            if (Property(root, wrapper) is { ValueKind: JsonValueKind.Object } inner)
            {
                return inner;
            }
        }

        return root;
    }

    /// <summary>The list's rows: the answer itself when it is an array, else its first array property of a known name.</summary>
    public static IReadOnlyList<JsonElement>? Rows(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return [.. root.EnumerateArray()];
        }

        foreach (var scope in new[] { root, Body(root) })
        {
            foreach (var name in ArrayNames)
            {
                if (Property(scope, name) is { ValueKind: JsonValueKind.Array } array)
                {
                    return [.. array.EnumerateArray()];
                }
            }
        }

        return null;
    }

    public static long? Total(JsonElement root)
    {
        foreach (var scope in new[] { root, Body(root) })
        {
            foreach (var name in TotalNames)
            {
                if (Property(scope, name) is { } value && Number(value) is { } total)
                {
                    return total;
                }
            }
        }

        return null;
    }

    /// <summary>The first property of <paramref name="element"/> named by any of <paramref name="names"/>.</summary>
    public static JsonElement? Property(JsonElement element, params string[] names)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var name in names)
        {
            var wanted = Normalize(name);
            foreach (var property in element.EnumerateObject())
            {
                if (Normalize(property.Name) == wanted && property.Value.ValueKind is not JsonValueKind.Null and not JsonValueKind.Undefined)
                {
                    return property.Value;
                }
            }
        }

        return null;
    }

    public static string? Text(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString() is { Length: > 0 } text ? text.Trim() : null,
        { ValueKind: JsonValueKind.Number } n => n.GetRawText(),
        { ValueKind: JsonValueKind.True } => "true",
        { ValueKind: JsonValueKind.False } => "false",
        _ => null,
    };

    public static bool? Flag(JsonElement? value) => value switch
    {
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { ValueKind: JsonValueKind.String } s => s.GetString()?.Trim().ToUpperInvariant() switch
        {
            "TRUE" or "Y" or "1" => true,
            "FALSE" or "N" or "0" or "" => false,
            _ => null,
        },
        { ValueKind: JsonValueKind.Number } n => n.GetRawText() != "0",
        _ => null,
    };

    /// <summary>
    /// A date field as the date reader wants it: text as given, and numbers that are epoch
    /// seconds or milliseconds (what JSON APIs send) as instants.
    /// </summary>
    public static object? DateValue(JsonElement? value)
    {
        if (value is { ValueKind: JsonValueKind.Number } n && n.TryGetInt64(out var number))
        {
            return number switch
            {
                > 100_000_000_000 => DateTimeOffset.FromUnixTimeMilliseconds(number),
                > 1_000_000_000 => DateTimeOffset.FromUnixTimeSeconds(number),
                _ => (double)number,
            };
        }

        return Text(value);
    }

    /// <summary>Every scalar property as text, for the indicator's raw attributes.</summary>
    public static Dictionary<string, string> Scalars(JsonElement element)
    {
        var scalars = new Dictionary<string, string>(StringComparer.Ordinal);
        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
            {
                if (Text(property.Value) is { } text)
                {
                    scalars.TryAdd(property.Name, text);
                }
            }
        }

        return scalars;
    }

    private static long? Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number when value.TryGetInt64(out var n) => n,
        JsonValueKind.String when long.TryParse(value.GetString(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) => n,
        _ => null,
    };

    private static string Normalize(string name)
        => string.Concat(name.Where(c => c is not '_' and not '-')).ToUpperInvariant();
}
