package kz.bilim.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Links for the language switch on every page: the page being shown, with only {@code lang} changed. Computed here,
 * not in the template, because Thymeleaf forbids bean calls inside {@code th:href}.
 */
@ControllerAdvice(annotations = org.springframework.stereotype.Controller.class)
class LanguageLinks {

    @ModelAttribute("languageLinks")
    Map<String, String> languageLinks(HttpServletRequest request) {
        var links = new LinkedHashMap<String, String>();
        for (Locale locale : WebConfiguration.LANGUAGES) {
            String language = locale.getLanguage();
            links.put(language, ServletUriComponentsBuilder.fromRequest(request)
                    .replaceQueryParam("lang", language)
                    .replacePath(request.getRequestURI())
                    .build().toUriString());
        }
        return links;
    }
}
