package kz.bilim.platform.web;

import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/**
 * Puts a service's field errors into the form, so each shows in place next to its field; an error on a field the form
 * does not have becomes a global error of the form.
 */
public final class FormErrors {

    private FormErrors() {
    }

    public static void into(BindingResult binding, InvalidInputException e) {
        into(binding, e, "");
    }

    /** As {@link #into(BindingResult, InvalidInputException)}, with the prefix cut off ("person.iin" → the form's "iin"). */
    public static void into(BindingResult binding, InvalidInputException e, String stripPrefix) {
        var target = binding.getTarget() == null ? null : new BeanWrapperImpl(binding.getTarget());
        for (var error : e.errors()) {
            String field = error.field().startsWith(stripPrefix) ? error.field().substring(stripPrefix.length()) : error.field();
            if (target != null && target.isReadableProperty(field))
                binding.rejectValue(field, error.reasonKey(), error.args(), error.reasonKey());
            else binding.reject(error.reasonKey(), error.args(), error.reasonKey());
        }
    }
}
