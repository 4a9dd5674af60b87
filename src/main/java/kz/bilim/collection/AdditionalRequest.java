package kz.bilim.collection;

import java.time.LocalDate;
import java.util.List;

/**
 * EIS-9: the ministry's one-off request for additional information: a small form, a deadline, and the organisations
 * chosen — within their competence: each must be of a kind the form applies to. It follows the regular path.
 */
public record AdditionalRequest(NewForm form, LocalDate due, List<Long> organisations) {
}
