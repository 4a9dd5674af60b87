package kz.bilim.document;

import org.springframework.stereotype.Service;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import java.util.Locale;
import java.util.Map;

/**
 * PDF documents from Thymeleaf templates written as XHTML (under {@code templates/}, e.g.
 * {@code "transfer/refusal-receipt"}), their text from the message bundles in the given language, with the embedded
 * font ({@link Pdf}).
 */
@Service
public class PdfDocuments {

    private final ITemplateEngine templates;

    PdfDocuments(ITemplateEngine templates) {
        this.templates = templates;
    }

    public byte[] render(String template, Map<String, ?> variables, Locale locale) {
        Context context = new Context(locale);
        variables.forEach(context::setVariable);
        return Pdf.fromXhtml(templates.process(template, context));
    }
}
