package kz.bilim.kernel;

import java.util.function.Function;

/** What a command of the domain came to: done, with its result, or refused, with the {@link Refusal}. */
public sealed interface Outcome<T> permits Outcome.Done, Outcome.Refused {

    record Done<T>(T value) implements Outcome<T> {
    }

    record Refused<T>(Refusal refusal) implements Outcome<T> {
    }

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> refused(Refusal refusal) {
        return new Refused<>(refusal);
    }

    /**
     * Runs work that raises a refusal to roll its transaction back ({@code throw refusal.exception()} inside a
     * {@code TransactionTemplate}), and gives the refusal back as a value at the module's boundary.
     */
    static <T> Outcome<T> attempt(java.util.function.Supplier<T> work) {
        try {
            return new Done<>(work.get());
        } catch (RefusedException e) {
            return new Refused<>(e.refusal());
        }
    }

    /** The result; a refusal leaves as a {@link RefusedException} for the web layer to answer. */
    default T orElseThrow() {
        if (this instanceof Refused<T> refused) throw refused.refusal().exception();
        return ((Done<T>) this).value();
    }

    /**
     * As {@link #orElseThrow()}, with the current state a stale edit's refusal carries (the domain's record) shown as
     * {@code view} shows it — the API's representation of the same record.
     */
    @SuppressWarnings("unchecked")
    default T orElseThrow(Function<? super T, ?> view) {
        if (this instanceof Refused<T> refused && refused.refusal().current() != null)
            throw refused.refusal().withCurrent(view.apply((T) refused.refusal().current())).exception();
        return orElseThrow();
    }

    default <R> Outcome<R> map(Function<? super T, ? extends R> mapper) {
        if (this instanceof Refused<T> refused) return new Refused<>(refused.refusal());
        return new Done<>(mapper.apply(((Done<T>) this).value()));
    }

    default boolean isDone() {
        return this instanceof Done<T>;
    }
}
