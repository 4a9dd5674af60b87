package kz.bilim.platform.web;

import org.springframework.ui.Model;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links for pagers ({@code templates/fragments/pager.html}): the list being shown, with only {@code page} changed
 * (filters kept). Computed in the controller because Thymeleaf forbids bean calls inside {@code th:href}.
 */
public final class PageLinks {

    private PageLinks() {
    }

    /** Adds {@code previousPageUrl} (unless this is the first page) and {@code nextPageUrl} (when more follow). */
    public static void addTo(Model model, int page, boolean hasNext) {
        if (page > 0) model.addAttribute("previousPageUrl", to(page - 1));
        if (hasNext) model.addAttribute("nextPageUrl", to(page + 1));
    }

    /** The current request's URL with the page (from 0) replaced. */
    public static String to(int page) {
        return ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("page", page).build().toUriString();
    }
}
