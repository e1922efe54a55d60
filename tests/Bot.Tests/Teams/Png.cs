using System.Buffers.Binary;
using System.IO.Compression;

namespace AnToan.Bot.Tests.Teams;

/// <summary>Just enough of a PNG decoder to check an icon: 8-bit RGB or RGBA, not interlaced.</summary>
internal sealed record Png(int Width, int Height, bool HasAlpha, byte[][] Rows)
{
    public (byte R, byte G, byte B, byte A) Pixel(int x, int y)
    {
        var channels = HasAlpha ? 4 : 3;
        var row = Rows[y];
        return (row[x * channels], row[x * channels + 1], row[x * channels + 2], HasAlpha ? row[x * channels + 3] : (byte)255);
    }

    public static Png Read(byte[] bytes)
    {
        Assert.True(bytes.AsSpan(0, 8).SequenceEqual(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }), "not a PNG");
        int width = 0, height = 0, colorType = 0;
        using var idat = new MemoryStream();
        for (var pos = 8; pos < bytes.Length;)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(pos));
            var type = System.Text.Encoding.ASCII.GetString(bytes, pos + 4, 4);
            var data = bytes.AsSpan(pos + 8, length);
            if (type == "IHDR")
            {
                width = BinaryPrimitives.ReadInt32BigEndian(data);
                height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                Assert.Equal(8, data[8]);   // bit depth
                colorType = data[9];
                Assert.Equal(0, data[12]);  // not interlaced
            }
            else if (type == "IDAT") idat.Write(data);
            pos += 12 + length;
        }
        Assert.True(colorType is 2 or 6, $"color type {colorType} is not RGB or RGBA");
        var channels = colorType == 6 ? 4 : 3;
        idat.Position = 0;
        using var inflated = new MemoryStream();
        using (var z = new ZLibStream(idat, CompressionMode.Decompress)) z.CopyTo(inflated);
        return new Png(width, height, colorType == 6, Unfilter(inflated.ToArray(), width * channels, height, channels));
    }

    private static byte[][] Unfilter(byte[] raw, int stride, int height, int bpp)
    {
        var rows = new byte[height][];
        var previous = new byte[stride];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var row = raw.AsSpan(y * (stride + 1) + 1, stride).ToArray();
            for (var i = 0; i < stride; i++)
            {
                int a = i >= bpp ? row[i - bpp] : 0, b = previous[i], c = i >= bpp ? previous[i - bpp] : 0;
                row[i] += filter switch
                {
                    0 => 0,
                    1 => (byte)a,
                    2 => (byte)b,
                    3 => (byte)((a + b) / 2),
                    4 => (byte)Paeth(a, b, c),
                    _ => throw new InvalidDataException($"filter {filter}"),
                };
            }
            rows[y] = previous = row;
        }
        return rows;
    }

    private static int Paeth(int a, int b, int c)
    {
        int p = a + b - c, pa = Math.Abs(p - a), pb = Math.Abs(p - b), pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
