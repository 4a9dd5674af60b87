package kz.bilim.staff;

/** One ban of one court verdict in the register. */
public record CourtBanId(long value) {
}
