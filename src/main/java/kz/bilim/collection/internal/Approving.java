package kz.bilim.collection.internal;

import kz.bilim.collection.Submission;
import kz.bilim.collection.SubmissionStatus;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import org.springframework.stereotype.Component;

/** EIS-6: the level above accepts (approves and locks), returns with a comment, or withdraws its approval. */
@Component
class Approving {

    private final CollectionRepository repository;
    private final AddresseeSteps steps;

    Approving(CollectionRepository repository, AddresseeSteps steps) {
        this.repository = repository;
        this.steps = steps;
    }

    Outcome<Submission> accept(long id) {
        return steps.step(id, SubmissionStatus.SUBMITTED, null, "ACCEPTED",
                (row, caller) -> repository.update(row, SubmissionStatus.ACCEPTED, null));
    }

    Outcome<Submission> giveBack(long id, String comment) {
        if (comment == null || comment.isBlank()) return Refusal.invalid("comment", "error.field.required").outcome();
        return steps.step(id, SubmissionStatus.SUBMITTED, comment.strip(), "RETURNED",
                (row, caller) -> repository.returned(row, comment.strip(), false));
    }

    Outcome<Submission> unapprove(long id, String reason) {
        if (reason == null || reason.isBlank()) return Refusal.invalid("reason", "error.field.required").outcome();
        return steps.step(id, SubmissionStatus.ACCEPTED, reason.strip(), "UNAPPROVED", (row, caller) -> {
            steps.notYetGoneUp(row);
            return repository.update(row, SubmissionStatus.SUBMITTED, reason.strip());
        });
    }
}
