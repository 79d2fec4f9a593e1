namespace Outbound.Detection.Recognizers;

/// <summary>The structure rules of a unified social credit code (GB 32100-2015 §4) beyond its check character.</summary>
internal static class UsccRules
{
    /// <summary>
    /// Returns <see langword="true"/> when <paramref name="authority"/> is a registration authority code (登记管理部门代码)
    /// and <paramref name="category"/> one of the organisation categories (机构类别代码) it registers.
    /// </summary>
    /// <remarks>
    /// 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商 (市场监管), A 中央军委改革和编制办公室,
    /// N 农业, Y 其他: GB 32100-2015 Table 1 with the codes assigned since.
    /// </remarks>
    public static bool IsRegistration(byte authority, byte category) => (authority, category) switch
    {
        ((byte)'1', (byte)'1' or (byte)'2' or (byte)'3' or (byte)'9') => true,
        ((byte)'2', (byte)'1' or (byte)'9') => true,
        ((byte)'3', >= (byte)'1' and <= (byte)'5' or (byte)'9') => true,
        ((byte)'4', (byte)'1' or (byte)'9') => true,
        ((byte)'5', (byte)'1' or (byte)'2' or (byte)'3' or (byte)'9') => true,
        ((byte)'6', (byte)'1' or (byte)'2' or (byte)'9') => true,
        ((byte)'7', (byte)'1' or (byte)'2' or (byte)'9') => true,
        ((byte)'8', (byte)'1' or (byte)'9') => true,
        ((byte)'9', (byte)'1' or (byte)'2' or (byte)'3') => true,
        ((byte)'A', (byte)'1' or (byte)'9') => true,
        ((byte)'N', (byte)'1' or (byte)'2' or (byte)'3' or (byte)'9') => true,
        ((byte)'Y', (byte)'1') => true,
        _ => false,
    };

    /// <summary>
    /// Returns <see langword="true"/> when the six digits of <paramref name="division"/> can be the division code of a
    /// registration authority: a mainland province's code, or 100000 for the national authorities.
    /// </summary>
    public static bool IsDivision(ReadOnlySpan<byte> division)
    {
        if (division.Length != 6 || division.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return false;
        }

        int code = RecognizerBytes.ParseDigits(division);
        return code == 100_000 || DivisionCodes.IsMainlandProvince(code / 10_000);
    }
}
