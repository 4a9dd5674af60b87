package kz.bilim.organisation.internal;

import kz.bilim.platform.web.InvalidInputException;
import org.springframework.validation.BindingResult;

/** Puts the service's field errors into the form, so each shows in place next to its field. */
final class FormErrors {

    private FormErrors() {
    }

    static void into(BindingResult binding, InvalidInputException e) {
        for (var error : e.errors()) {
            if (binding.getModel().containsKey(binding.getObjectName()) && hasField(binding, error.field()))
                binding.rejectValue(error.field(), error.reasonKey(), error.args(), error.reasonKey());
            else binding.reject(error.reasonKey(), error.args(), error.reasonKey());
        }
    }

    private static boolean hasField(BindingResult binding, String field) {
        try {
            binding.getFieldType(field);
            return binding.getFieldType(field) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
