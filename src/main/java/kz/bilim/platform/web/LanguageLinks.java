package kz.bilim.platform.web;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Links for the language switch: the page being shown, with only {@code lang} changed. */
@Component("languageLinks")
public class LanguageLinks {

    public String switchTo(String language) {
        return ServletUriComponentsBuilder.fromCurrentRequest()
                .replaceQueryParam("lang", language)
                .replaceQueryParam("continue")
                .build()
                .toUriString();
    }
}
