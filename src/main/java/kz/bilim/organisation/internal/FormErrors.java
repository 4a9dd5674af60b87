package kz.bilim.organisation.internal;

import kz.bilim.platform.web.InvalidInputException;
import org.springframework.beans.BeanWrapperImpl;
import org.springframework.validation.BindingResult;

/** Puts the service's field errors into the form, so each shows in place next to its field. */
final class FormErrors {

    private FormErrors() {
    }

    static void into(BindingResult binding, InvalidInputException e) {
        var target = binding.getTarget() == null ? null : new BeanWrapperImpl(binding.getTarget());
        for (var error : e.errors()) {
            if (target != null && target.isReadableProperty(error.field()))
                binding.rejectValue(error.field(), error.reasonKey(), error.args(), error.reasonKey());
            else binding.reject(error.reasonKey(), error.args(), error.reasonKey());
        }
    }
}
