package kz.bilim.statistics;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.platform.database.OwnerDataSource;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * SC-5 the pivot page: the indicator by the rows and columns chosen, filtered, with totals and a chart; the same as
 * XLSX; SC-4 the yearly summary by regions (and the republic) as XLSX and PDF — the numbers are the API's.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StatisticsPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;

    @BeforeAll
    void registries() throws Exception {
        new StatisticsFixture(ownerDataSource).make();
        mvc.perform(post("/api/v1/statistics/snapshots").with(TestUsers.ministry()).with(StatisticsIndicatorsTest.csrf())
                .contentType("application/json").content("{\"asOf\": \"2026-10-05\"}")).andExpect(status().isCreated());
    }

    /** The text of a response: the body, or what an XLSX's cells or a PDF's pages say. */
    static String text(MockHttpServletResponse response) throws IOException {
        String type = String.valueOf(response.getContentType());
        byte[] bytes = response.getContentAsByteArray();
        if (type.contains("spreadsheetml")) {
            var out = new StringBuilder();
            var format = new DataFormatter();
            try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
                for (var sheet : workbook)
                    for (var row : sheet) {
                        for (var cell : row) out.append(format.formatCellValue(cell)).append('\t');
                        out.append('\n');
                    }
            }
            return out.toString();
        }
        if (type.contains("pdf")) {
            try (var document = Loader.loadPDF(bytes)) {
                return new PDFTextStripper().getText(document);
            }
        }
        return response.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("SC-5 the pivot page shows the indicator by rows and columns with totals and a chart, in Kazakh and Russian")
    void pivot() throws Exception {
        String url = "/statistics?indicator=8&rows=district&cols=sex&region=590000000&snapshot=2026-10-05";
        var kk = text(mvc.perform(get(url).with(TestUsers.ministry()).header("Accept-Language", "kk"))
                .andExpect(status().isOk()).andReturn().getResponse());
        assertThat(kk).contains("id=\"pivot-table\"", "<svg", "Барлығы");
        // district 5943 of the fixture: 3 girls and 2 boys at A and the special school
        assertThat(kk).containsPattern("<th scope=\"row\">[^<]+</th>\\s*<td class=\"n\">3</td>\\s*"
                + "<td class=\"n\">2</td>\\s*<td class=\"n total\">5</td>");
        var ru = text(mvc.perform(get(url).with(TestUsers.ministry()).header("Accept-Language", "ru"))
                .andExpect(status().isOk()).andReturn().getResponse());
        assertThat(ru).contains("Всего", "Женский", "Мужской");
        var live = text(mvc.perform(get("/statistics?indicator=8&rows=sex&snapshot=live").with(TestUsers.ministry())
                .header("Accept-Language", "ru")).andExpect(status().isOk()).andReturn().getResponse());
        // the kept live snapshot's time (SC-5: live figures are as of when it was taken)
        assertThat(live).containsPattern("<span id=\"pivot-snapshot\">Текущее состояние на \\d\\d\\.\\d\\d\\.\\d{4} "
                + "\\d\\d:\\d\\d</span>");
        var comparative = text(mvc.perform(get("/statistics?indicator=45&snapshot=2026-10-05").with(TestUsers.ministry()))
                .andReturn().getResponse());
        assertThat(comparative).contains("id=\"pivot-table\"", "2026-10-05");
    }

    @Test
    @DisplayName("SC-4 the ministry takes a snapshot from the page; a territory office does not")
    void takeFromThePage() throws Exception {
        mvc.perform(post("/statistics/snapshots").with(TestUsers.ministry()).with(StatisticsIndicatorsTest.csrf())
                        .param("asOf", "2026-10-05"))
                .andExpect(status().is3xxRedirection())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .redirectedUrl("/statistics?snapshot=2026-10-05"));
        mvc.perform(post("/statistics/snapshots").with(TestUsers.region("590000000")).with(StatisticsIndicatorsTest.csrf())
                .param("asOf", "2026-10-05")).andExpect(status().isForbidden());
    }

    @Test
    @DisplayName("SC-5 the XLSX holds what the page shows: the same cells and total")
    void pivotXlsx() throws Exception {
        var response = mvc.perform(get("/statistics/pivot.xlsx?indicator=8&rows=sex&cols=grade&fdim=district"
                + "&fvalue=594300000&snapshot=2026-10-05").with(TestUsers.ministry()).header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse();
        String sheet = text(response);
        assertThat(sheet).contains("district:594300000", "Sex\tPre-school class\t5\t7\tTotal", "Female\t1\t1\t1\t3", "Male\t1\t1\t0\t2",
                "Total\t2\t2\t1\t5");
    }

    @Test
    @DisplayName("SC-4 the yearly summary by regions and the cities of republican significance, as XLSX and as PDF")
    void summary() throws Exception {
        var xlsx = text(mvc.perform(get("/statistics/summary.xlsx?snapshot=2026-10-05").with(TestUsers.ministry())
                .header("Accept-Language", "ru")).andExpect(status().isOk()).andReturn().getResponse());
        assertThat(xlsx).contains("Республика Казахстан", "город Астана", "город Алматы", "8. ");
        var pdfResponse = mvc.perform(get("/statistics/summary.pdf?snapshot=2026-10-05").with(TestUsers.ministry())
                .header("Accept-Language", "kk")).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(pdfResponse.getContentAsByteArray()).startsWith("%PDF".getBytes());
        assertThat(text(pdfResponse)).contains("Қазақстан Республикасы", "№ 8", "05.10.2026 жағдай бойынша");
        assertThat(xlsx).contains("по состоянию на 05.10.2026");
        mvc.perform(get("/statistics/summary.pdf?snapshot=2019-10-05").with(TestUsers.ministry()))
                .andExpect(status().isUnprocessableContent());
    }
}
