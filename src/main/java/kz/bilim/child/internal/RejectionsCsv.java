package kz.bilim.child.internal;

import kz.bilim.child.ChildImports.Rejection;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.context.MessageSource;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Locale;

/**
 * The rejection report of an import as issue 9 names it — {@code row, field, reason}, the reason in the reader's
 * language, a byte-order mark and CRLF so that a spreadsheet opens it as it is — for the API and the command line.
 */
final class RejectionsCsv implements Closeable {

    private final CSVPrinter printer;
    private final MessageSource messages;
    private final Locale locale;

    RejectionsCsv(Writer out, MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
        try {
            out.write('\uFEFF');
            this.printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setHeader("row", "field", "reason")
                    .setRecordSeparator("\r\n").get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void add(Rejection r) {
        try {
            printer.printRecord(r.row(), r.field(), messages.getMessage(r.reasonKey(), r.args().toArray(),
                    r.reasonKey(), locale));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            printer.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
