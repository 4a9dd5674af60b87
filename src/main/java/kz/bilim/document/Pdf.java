package kz.bilim.document;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;

/**
 * XHTML to PDF with the embedded DejaVu Sans (regular and bold, subset into the file): CSS
 * {@code font-family: 'DejaVu Sans'} ({@link #FONT_FAMILY}); it is also the fallback for any other family. The input
 * must be well-formed XHTML (every element closed); images and styles are inline.
 */
public final class Pdf {

    public static final String FONT_FAMILY = "DejaVu Sans";
    static final String REGULAR = "/fonts/DejaVuSans.ttf";
    static final String BOLD = "/fonts/DejaVuSans-Bold.ttf";

    private Pdf() {
    }

    public static byte[] fromXhtml(String xhtml) {
        Objects.requireNonNull(xhtml);
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.useFont(() -> font(REGULAR), FONT_FAMILY, 400, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.useFont(() -> font(BOLD), FONT_FAMILY, 700, BaseRendererBuilder.FontStyle.NORMAL, true);
            builder.withHtmlContent(xhtml, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static InputStream font(String resource) {
        InputStream in = Pdf.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("the embedded font is missing: " + resource);
        return in;
    }
}
