package kz.bilim.organisation.internal;

import kz.bilim.organisation.Paged;
import org.springframework.ui.Model;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links for pagers: the list being shown, with only {@code page} changed (filters kept). Computed in the controller
 * because Thymeleaf forbids bean calls inside {@code th:href}.
 */
final class PageLinks {

    private PageLinks() {
    }

    static void addTo(Model model, Paged<?> paged) {
        if (paged.hasPrevious()) model.addAttribute("previousPageUrl", to(paged.page() - 1));
        if (paged.hasNext()) model.addAttribute("nextPageUrl", to(paged.page() + 1));
    }

    private static String to(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString();
    }
}
