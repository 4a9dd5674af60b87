package kz.bilim.platform.web;

import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

import java.util.Optional;

/**
 * Puts a service's field errors into the form, so each shows in place next to its field; an error on a field the form
 * does not have becomes a global error of the form.
 */
public final class FormErrors {

    private FormErrors() {
    }

    /**
     * Whether the command was refused; if so its errors are now in the form. A refusal of the record itself (missing,
     * out of scope, forbidden) is not the form's to show: it leaves for the error page.
     */
    public static boolean rejected(BindingResult binding, Outcome<?> outcome) {
        return rejected(binding, outcome, "");
    }

    /** As {@link #rejected(BindingResult, Outcome)}, with the prefix cut off the fields ("person.iin" → "iin"). */
    public static boolean rejected(BindingResult binding, Outcome<?> outcome, String stripPrefix) {
        if (!(outcome instanceof Outcome.Refused<?> refused)) return false;
        var code = refused.refusal().code();
        if (code == Refusal.Code.NOT_FOUND || code == Refusal.Code.FORBIDDEN) throw refused.refusal().exception();
        if (refused.refusal().current() != null) {
            // a stale form: someone saved the record since it was filled; the page shows the values as they are now
            binding.reject("error.form.stale", "error.form.stale");
            return true;
        }
        into(binding, refused.refusal(), stripPrefix);
        return true;
    }

    /**
     * The record as it is now, when the outcome is the refusal of a stale edit (someone else saved it after the form
     * was filled): the form is shown again with the values it holds now beside the ones typed.
     */
    public static <T> Optional<T> current(Outcome<?> outcome, Class<T> type) {
        return outcome instanceof Outcome.Refused<?> refused && type.isInstance(refused.refusal().current())
                ? Optional.of(type.cast(refused.refusal().current())) : Optional.empty();
    }

    /** The one mapping of a domain refusal to a form: each field error in place, the rest as the form's error. */
    public static void into(BindingResult binding, Refusal refusal) {
        into(binding, refusal, "");
    }

    /** As {@link #into(BindingResult, Refusal)}, with the prefix cut off ("person.iin" → the form's "iin"). */
    public static void into(BindingResult binding, Refusal refusal, String stripPrefix) {
        if (refusal.errors().isEmpty()) {
            binding.reject(refusal.reasonKey(), refusal.args().toArray(), refusal.reasonKey());
            return;
        }
        var target = binding.getTarget() == null ? null : new BeanWrapperImpl(binding.getTarget());
        for (var error : refusal.errors()) {
            String field = error.field().startsWith(stripPrefix) ? error.field().substring(stripPrefix.length()) : error.field();
            if (target != null && target.isReadableProperty(field))
                binding.rejectValue(field, error.reasonKey(), error.args(), error.reasonKey());
            else binding.reject(error.reasonKey(), error.args(), error.reasonKey());
        }
    }
}
