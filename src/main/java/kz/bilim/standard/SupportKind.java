package kz.bilim.standard;

/**
 * What the minimum social standard guarantees a pupil: free meals (MS-3), a camp voucher (MS-7), study at home (MS-8),
 * transport to school (MS-4).
 */
public enum SupportKind {
    FREE_MEALS, CAMP_VOUCHER, HOME_SCHOOLING, TRANSPORT
}
