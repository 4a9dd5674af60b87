package kz.bilim.document;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** PDF with the embedded font: Kazakh and Russian text comes out of the file as it went in (TR-4, TR-5, TR-18). */
class PdfTest {

    static final String KAZAKH_LETTERS = "ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І";
    static final String KAZAKH = "Өтініш пен құжаттарды қабылдаудан бас тарту туралы қолхат. Көрсетілетін қызметті алушы: "
            + "Тоқтарова Жанар Мұратқызы. Ұсынылған құжаттар: өтініш, келген білім алушыны есепке алу талоны. Һ";
    static final String RUSSIAN = "Расписка об отказе в приёме заявления и (или) документов. Услугополучатель: "
            + "Тоқтарова Жанар Мұратқызы. Ёлка, щётка, «кавычки» — тире, № 1.";

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String normalised(String text) {
        return text.replaceAll("\\s+", " ");
    }

    @Test
    @DisplayName("TR-18: a PDF of Kazakh and Russian text has every Kazakh letter in it, in the embedded font")
    void kazakhAndRussianText() throws IOException {
        byte[] pdf = Pdf.fromXhtml("""
                <html><head><meta charset="UTF-8"/><style>body { font-family: 'DejaVu Sans'; }</style></head>
                <body><h1 style="font-weight: bold">%s</h1><p>%s</p><p>%s</p></body></html>
                """.formatted(KAZAKH_LETTERS, KAZAKH, RUSSIAN));

        assertThat(new String(pdf, 0, 5)).isEqualTo("%PDF-");
        String text = normalised(text(pdf));
        assertThat(text).contains(KAZAKH_LETTERS, normalised(KAZAKH), normalised(RUSSIAN));

        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDFont> fonts = new ArrayList<>();
            for (PDPage page : document.getPages())
                for (var name : page.getResources().getFontNames()) fonts.add(page.getResources().getFont(name));
            assertThat(fonts).isNotEmpty().allSatisfy(font -> {
                assertThat(font.getName()).contains("DejaVuSans");
                assertThat(font.isEmbedded()).isTrue();
            });
            assertThat(fonts).anySatisfy(font -> assertThat(font.getName()).contains("Bold"));
        }
    }

    @Test
    @DisplayName("TR-18: a Thymeleaf template renders to PDF in the reader's language, values escaped")
    void fromTemplate() throws IOException {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(resolver);
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("ЖСН / ИИН", "901104473622");
        rows.put("Себебі / Причина", "сынып-жиынтықтың толық болуы <7> & класс-комплект заполнен");
        byte[] pdf = new PdfDocuments(engine).render("document-test/receipt",
                Map.of("title", "ҚОЛХАТ / РАСПИСКА", "body", KAZAKH, "rows", rows), Locale.forLanguageTag("kk"));
        String text = normalised(text(pdf));
        assertThat(text).contains("ҚОЛХАТ / РАСПИСКА", normalised(KAZAKH), "901104473622",
                "сынып-жиынтықтың толық болуы <7> & класс-комплект заполнен");

        // a picture of it, for a person to look at (target/document-test/receipt.png)
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 72);
            assertThat(image.getWidth()).isGreaterThan(500);
            Path out = Path.of("target", "document-test");
            Files.createDirectories(out);
            Files.write(out.resolve("receipt.pdf"), pdf);
            javax.imageio.ImageIO.write(image, "png", out.resolve("receipt.png").toFile());
        }
    }
}
