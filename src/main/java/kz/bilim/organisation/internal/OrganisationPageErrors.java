package kz.bilim.organisation.internal;

import jakarta.servlet.http.HttpServletResponse;
import kz.bilim.platform.web.NotFoundException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** On the registry's pages, a missing or out-of-scope record is the ordinary 404 page, never a 500. */
@ControllerAdvice(assignableTypes = OrganisationPageController.class)
class OrganisationPageErrors {

    @ExceptionHandler(NotFoundException.class)
    String notFound(HttpServletResponse response, Model model) {
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        model.addAttribute("status", 404);
        model.addAttribute("error", "Not Found");
        return "error";
    }
}
