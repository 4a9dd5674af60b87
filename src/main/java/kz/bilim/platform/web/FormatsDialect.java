package kz.bilim.platform.web;

import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

import java.util.Set;

/** Makes {@link Formats} the expression object {@code #fmt} of every template, in the page's language. */
@Component
class FormatsDialect extends AbstractDialect implements IExpressionObjectDialect {

    FormatsDialect() {
        super("bilim-formats");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("fmt");
            }

            @Override
            public Object buildObject(IExpressionContext context, String name) {
                return new Formats(context.getLocale());
            }

            @Override
            public boolean isCacheable(String name) {
                return true;
            }
        };
    }
}
