package kz.bilim.opendata.internal;

import java.time.Instant;

/** A release of an open dataset as listed (without its file): the period, its version, how it was made, its hash. */
public record Release(long id, int dataset, String period, int version, String origin, Instant publishedAt,
                      String publishedBy, int rows, String sha256) {
}
