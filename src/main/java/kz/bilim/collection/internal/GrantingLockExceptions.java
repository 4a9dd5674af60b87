package kz.bilim.collection.internal;

import kz.bilim.collection.Submission;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;

/** EIS-6: the level above lets one participant enter and submit after entry closed, until a day, with a reason. */
@Component
class GrantingLockExceptions {

    private final CollectionRepository repository;
    private final AddresseeSteps steps;
    private final Clock clock;

    GrantingLockExceptions(CollectionRepository repository, AddresseeSteps steps, Clock clock) {
        this.repository = repository;
        this.steps = steps;
        this.clock = clock;
    }

    Outcome<Submission> grantLockException(long id, LocalDate until, String reason) {
        var errors = new ArrayList<FieldError>();
        if (until == null) errors.add(new FieldError("until", "error.field.required"));
        else if (until.isBefore(LocalDate.now(clock))) errors.add(new FieldError("until", "collection.lock.until-past"));
        if (reason == null || reason.isBlank()) errors.add(new FieldError("reason", "error.field.required"));
        if (!errors.isEmpty()) return Refusal.invalid(errors).outcome();
        return steps.step(id, null, reason.strip(), "LOCK_EXCEPTION", (row, caller) -> {
            repository.lockException(row, until, reason.strip(), caller.username(), clock.instant());
            return row.withLockUntil(until);
        });
    }
}
