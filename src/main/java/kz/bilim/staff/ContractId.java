package kz.bilim.staff;

/** An employment contract. */
public record ContractId(long value) {
}
