package kz.bilim.territory.internal;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Locale;

/** Row errors of an import in the reader's language: "row N: field — reason". */
@Component
class RowErrorMessages {

    record Line(int row, String field, String reason) {
    }

    private final MessageSource messages;

    RowErrorMessages(MessageSource messages) {
        this.messages = messages;
    }

    List<Line> lines(List<RowError> errors, Locale locale) {
        return errors.stream()
                .map(e -> new Line(e.row(), e.field(), messages.getMessage(e.reasonKey(), e.args(), e.reasonKey(), locale)))
                .toList();
    }
}
