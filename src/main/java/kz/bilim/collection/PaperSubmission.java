package kz.bilim.collection;

import java.time.LocalDate;

/**
 * EIS-5, EIS-7: a submission on paper (the letterhead signed by the head) as the addressee received it: the scan, its
 * type (PDF, JPEG, PNG), the registration reference and the day it reached the addressee — the submission date.
 */
public record PaperSubmission(byte[] scan, String scanType, String reference, LocalDate arrivedOn) {
}
