using MiniExcelLibs;

namespace Blacklist.Collectors.Regtech;

/// <summary>
/// Reads an advisory .xlsx: the first sheet with an address header (other sheets — notes, a
/// summary — are skipped), the header wherever it is in the first rows (titles above it are
/// common), blank rows skipped.
/// </summary>
internal static class AdvisoryWorkbook
{
    /// <summary>How far down a sheet its header row may be.</summary>
    private const int HeaderSearchRows = 30;

    /// <exception cref="InvalidDataException">The bytes are not a readable workbook.</exception>
    public static AdvisoryTable Read(byte[] xlsx, AdvisoryColumns columns, CancellationToken cancellationToken)
    {
        try
        {
            using var stream = new MemoryStream(xlsx, writable: false);
            foreach (var sheet in MiniExcel.GetSheetNames(stream))
            {
                stream.Position = 0;
                var table = ReadSheet(stream, sheet, columns, cancellationToken);
                if (table.HeaderFound)
                {
                    return table;
                }
            }

            return AdvisoryTable.NotFound;
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not InvalidDataException)
        {
            throw new InvalidDataException($"not a readable .xlsx workbook ({ex.Message})", ex);
        }
    }

    private static AdvisoryTable ReadSheet(Stream stream, string sheet, AdvisoryColumns columns, CancellationToken cancellationToken)
    {
        AdvisoryHeader? header = null;
        var rows = new List<AdvisoryRow>();
        var rowNumber = 0;
        foreach (IDictionary<string, object?> cells in MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheet))
        {
            cancellationToken.ThrowIfCancellationRequested();
            rowNumber++;
            var values = cells.Values.ToList();
            if (header is null)
            {
                header = AdvisoryHeader.TryCreate(values, columns);
                if (header is null && rowNumber >= HeaderSearchRows)
                {
                    return AdvisoryTable.NotFound;
                }

                continue;
            }

            if (header.ToRow(rowNumber, values) is { } row)
            {
                rows.Add(row);
            }
        }

        return header is null ? AdvisoryTable.NotFound : new AdvisoryTable(true, rows);
    }
}
