package kz.bilim.collection.internal;

import kz.bilim.collection.Submission;
import kz.bilim.collection.SubmissionStatus;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import org.springframework.stereotype.Component;

/** EIS-8: an accepted submission found incorrect is marked distorted, with the reason, and returned for a corrected
 * version (the old one stays). */
@Component
class MarkingDistortion {

    private final CollectionRepository repository;
    private final AddresseeSteps steps;

    MarkingDistortion(CollectionRepository repository, AddresseeSteps steps) {
        this.repository = repository;
        this.steps = steps;
    }

    Outcome<Submission> markDistorted(long id, String reason) {
        if (reason == null || reason.isBlank()) return Refusal.invalid("reason", "error.field.required").outcome();
        return steps.step(id, SubmissionStatus.ACCEPTED, reason.strip(), "DISTORTED", (row, caller) -> {
            steps.notYetGoneUp(row);
            return repository.returned(row, reason.strip(), true);
        });
    }
}
