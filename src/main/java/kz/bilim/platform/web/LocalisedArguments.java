package kz.bilim.platform.web;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.HierarchicalMessageSource;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Locale;

/**
 * Dates inside messages in the reader's language: a refusal that says "in force since {1}" with a {@link LocalDate}
 * reads {@code 03.06.2019} in Kazakh and Russian and {@code Jun 3, 2019} in English, not the ISO {@code 2019-06-03}
 * that {@link java.text.MessageFormat} would print. Domain code passes dates as dates (it does not know the reader);
 * the one application message source formats them as {@link Formats} does on every page, for problems, form errors
 * and templates alike.
 */
@Component
class LocalisedArguments implements BeanPostProcessor {

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME.equals(beanName)
                || !(bean instanceof HierarchicalMessageSource source)) return bean;
        return new Source(source);
    }

    static Object[] localised(Object[] args, Locale locale) {
        if (args == null || args.length == 0) return args;
        Object[] out = args.clone();
        var formats = new Formats(locale);
        for (int i = 0; i < out.length; i++) {
            if (out[i] instanceof LocalDate date) out[i] = formats.date(date);
            else if (out[i] instanceof Instant || out[i] instanceof LocalDateTime || out[i] instanceof OffsetDateTime
                    || out[i] instanceof ZonedDateTime) out[i] = formats.dateTime(out[i]);
        }
        return out;
    }

    /** The application's message source with its date arguments written for the reader. */
    private record Source(HierarchicalMessageSource delegate) implements HierarchicalMessageSource {

        @Override
        public String getMessage(String code, Object[] args, String defaultMessage, Locale locale) {
            return delegate.getMessage(code, localised(args, locale), defaultMessage, locale);
        }

        @Override
        public String getMessage(String code, Object[] args, Locale locale) throws NoSuchMessageException {
            return delegate.getMessage(code, localised(args, locale), locale);
        }

        @Override
        public String getMessage(MessageSourceResolvable resolvable, Locale locale) throws NoSuchMessageException {
            return delegate.getMessage(new DefaultMessageSourceResolvable(resolvable.getCodes(),
                    localised(resolvable.getArguments(), locale), resolvable.getDefaultMessage()), locale);
        }

        @Override
        public void setParentMessageSource(MessageSource parent) {
            delegate.setParentMessageSource(parent);
        }

        @Override
        public MessageSource getParentMessageSource() {
            return delegate.getParentMessageSource();
        }
    }
}
