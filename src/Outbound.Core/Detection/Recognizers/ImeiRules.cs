namespace Outbound.Detection.Recognizers;

/// <summary>Reporting Body Identifiers, the first two digits of an IMEI's Type Allocation Code (GSMA TS.06 Annex A).</summary>
internal static class ImeiRules
{
    /// <summary>
    /// Returns <see langword="true"/> when <paramref name="rbi"/> names a body that allocates or has allocated TACs:
    /// 01 PTCRB/CTIA, 35 BABT/TÜV SÜD, 86 TAF (China), 99 GHA (multi-RAT 3GPP2), 98 (a few early TACs); and the
    /// bodies that no longer allocate: 10 DECT, 30 Iridium, 33 DGPT, 44 BABT, 45 NTA, 49 BZT/BAPT, 50 BZT ETS,
    /// 51 Cetecom ICT, 52 Cetecom, 53 TÜV, 54 Phoenix, 91 MSAI (India). Test IMEIs (00, 02–09) are not devices.
    /// </summary>
    public static bool IsKnownReportingBody(int rbi) =>
        rbi is 1 or 10 or 30 or 33 or 35 or 44 or 45 or 49 or 50 or 51 or 52 or 53 or 54 or 86 or 91 or 98 or 99;

    /// <summary>
    /// Returns <see langword="true"/> for the bodies that allocate nearly every TAC in use today (01, 35, 86, 99): only
    /// these make an IMEI credible without a field name or a context word.
    /// </summary>
    public static bool IsCurrentReportingBody(int rbi) => rbi is 1 or 35 or 86 or 99;
}
