package kz.bilim.enrolment.internal;

import kz.bilim.platform.web.InvalidInputException;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/** Puts the service's field errors into the form, each next to its field ("person.iin" becomes the form's "iin"). */
final class FormErrors {

    private FormErrors() {
    }

    static void into(BindingResult binding, InvalidInputException e, String stripPrefix) {
        var target = binding.getTarget() == null ? null : new BeanWrapperImpl(binding.getTarget());
        for (var error : e.errors()) {
            String field = error.field().startsWith(stripPrefix) ? error.field().substring(stripPrefix.length()) : error.field();
            if (target != null && target.isReadableProperty(field))
                binding.rejectValue(field, error.reasonKey(), error.args(), error.reasonKey());
            else binding.reject(error.reasonKey(), error.args(), error.reasonKey());
        }
    }
}
