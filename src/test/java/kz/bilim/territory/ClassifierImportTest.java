package kz.bilim.territory;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The classifier import end to end against PostgreSQL. Each test runs in a transaction that is rolled back, so the
 * real KATO codes of the sample do not stay in the database shared by the test JVM; one test commits, on codes of
 * its own, to prove the real transaction and its audit record.
 */
@BilimTest
@Transactional
class ClassifierImportTest {

    private static final String SAMPLE = "/kato/sample-kato.csv";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    JsonMapper json;
    @Autowired
    Territories territories;

    @Test
    @DisplayName("CA-2 the sample classifier imports: level and parent from the code, names kk/ru stored")
    void sample() throws Exception {
        var summary = importApi(sampleFile(), TestUsers.ministry()).andExpect(status().isOk());
        JsonNode body = body(summary);
        assertThat(body.get("rows").asInt()).isEqualTo(17);
        assertThat(body.get("inserted").asInt() + body.get("updated").asInt() + body.get("unchanged").asInt()).isEqualTo(17);

        assertThat(row("100000000")).containsEntry("level", 1).containsEntry("parent", null);
        assertThat(row("101000000")).containsEntry("level", 2).containsEntry("parent", "100000000")
                .containsEntry("name_kk", "Семей Қ.Ә.").containsEntry("name_ru", "Семей Г.А.");
        assertThat(row("101033000")).containsEntry("level", 3).containsEntry("parent", "101000000")
                .containsEntry("name_kk", "Абыралы а.о.").containsEntry("name_ru", "Абыралинский с.о.");
        assertThat(row("101033102")).containsEntry("level", 4).containsEntry("parent", "101033000")
                .containsEntry("name_kk", "Ақшабай а.").containsEntry("name_ru", "с.Акшабай");
    }

    @Test
    @DisplayName("SC-5 urban/rural of the sample: cities and towns urban, rural districts and villages rural")
    void urbanRural() throws Exception {
        importApi(sampleFile(), TestUsers.ministry()).andExpect(status().isOk());
        assertThat(row("101010000")).containsEntry("urban", true);   // г.Семей
        assertThat(row("101000000")).containsEntry("urban", true);   // Семей Г.А.
        assertThat(row("103020000")).containsEntry("urban", true);   // г.Аягоз
        assertThat(row("103000000")).containsEntry("urban", false);  // Аягозский район
        assertThat(row("101033000")).containsEntry("urban", false);  // Абыралинский с.о.
        assertThat(row("101033102")).containsEntry("urban", false);  // с.Акшабай
    }

    @Test
    @DisplayName("CA-2 a settlement with no rural district of its own hangs directly under its district")
    void settlementUnderDistrict() throws Exception {
        importApi(sampleFile(), TestUsers.ministry()).andExpect(status().isOk());
        assertThat(row("103047101")).containsEntry("level", 4).containsEntry("parent", "103000000");
        assertThat(row("101041101")).containsEntry("level", 4).containsEntry("parent", "101000000");
    }

    @Test
    @DisplayName("re-importing the same file is idempotent: every row unchanged, nothing written")
    void idempotent() throws Exception {
        importApi(sampleFile(), TestUsers.ministry()).andExpect(status().isOk());
        String before = checksum();
        importApi(sampleFile(), TestUsers.ministry())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(0))
                .andExpect(jsonPath("$.updated").value(0))
                .andExpect(jsonPath("$.unchanged").value(17))
                .andExpect(jsonPath("$.reattached").value(0));
        assertThat(checksum()).isEqualTo(before);
    }

    @Test
    @DisplayName("CA-2 a file with a bad row 7 is refused as a whole: 422 naming row 7 and the reason, the database unchanged")
    void badRowSeven() throws Exception {
        List<String> lines = new ArrayList<>(sampleLines());
        assertThat(lines.get(6)).startsWith("101033102,");
        lines.set(6, "101033102,10,10,33,102,4,Ақшабай а.,,");   // row 7: no Russian name
        String before = checksum();

        importApi(String.join("\n", lines).getBytes(StandardCharsets.UTF_8), TestUsers.ministry(), "ru")
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("INVALID_INPUT"))
                .andExpect(jsonPath("$.errorCount").value(1))
                .andExpect(jsonPath("$.errors.length()").value(1))
                .andExpect(jsonPath("$.errors[0].row").value(7))
                .andExpect(jsonPath("$.errors[0].field").value("name_rus"))
                .andExpect(jsonPath("$.errors[0].reason").value("обязательно для заполнения"));

        assertThat(checksum()).as("count and checksum of the whole territory table").isEqualTo(before);
    }

    @Test
    @DisplayName("CA-2 every bad row is listed with its row number: format, duplicate, groups, unknown region and parent")
    void everyBadRow() throws Exception {
        String file = """
                te,ab,cd,ef,hij,name_kaz,name_rus
                100000000,10,00,00,000,Абай облысы,область Абай
                10100000,10,10,00,000,Семей Қ.Ә.,Семей Г.А.
                101033000,10,11,33,000,Абыралы а.о.,Абыралинский с.о.
                990000000,99,00,00,000,Жаңа облыс,Новая область
                980100000,98,01,00,000,Жоқ аудан,Несуществующий район
                100000000,10,00,00,000,Абай облысы,область Абай
                """;
        importApi(file.getBytes(StandardCharsets.UTF_8), TestUsers.ministry(), "en")
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors.length()").value(5))
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].field").value("te"))
                .andExpect(jsonPath("$.errors[0].reason").value("must be 9 digits (AB CD EF HIJ) not starting with 00"))
                .andExpect(jsonPath("$.errors[1].row").value(4))
                .andExpect(jsonPath("$.errors[1].field").value("cd"))
                .andExpect(jsonPath("$.errors[1].reason").value("does not match the code (expected 10)"))
                .andExpect(jsonPath("$.errors[2].row").value(5))
                .andExpect(jsonPath("$.errors[2].reason", containsString("not one of the 20 top-level territories")))
                .andExpect(jsonPath("$.errors[3].row").value(6))
                .andExpect(jsonPath("$.errors[3].reason").value("has no parent: none of 980000000 is in the file or in the classifier"))
                .andExpect(jsonPath("$.errors[4].row").value(7))
                .andExpect(jsonPath("$.errors[4].reason").value("this code already appears in row 2"));
    }

    @Test
    @DisplayName("a semicolon-separated file with a byte-order mark and quoted fields imports the same way")
    void semicolons() throws Exception {
        String file = "\uFEFFte;ab;cd;ef;hij;k;name_kaz;name_rus;nn\r\n"
                + "101000000;10;10;00;000;2;Семей Қ.Ә.;Семей Г.А.;\r\n"
                + "101033000;10;10;33;000;3;\"Абыралы а.о.\";\"Абыралинский с.о.\";\"бұрынғы; атауы\"\r\n"
                + "101033102;10;10;33;102;4;Ақшабай а.;с.Акшабай;\r\n";
        importApi(file.getBytes(StandardCharsets.UTF_8), TestUsers.ministry())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(3));
        assertThat(row("101033102")).containsEntry("parent", "101033000").containsEntry("name_kk", "Ақшабай а.");
        assertThat(row("101033000")).containsEntry("name_ru", "Абыралинский с.о.");
    }

    @Test
    @DisplayName("CA-2 a settlement renamed by a later import: its kept path (the place names of a transfer application) shows the new name at once")
    void renamedPath() throws Exception {
        String file = "te,name_kaz,name_rus\n101000000,Семей Қ.Ә.,Семей Г.А.\n101033000,Абыралы а.о.,Абыралинский с.о.\n"
                + "101033102,Ақшабай а.,с.Акшабай\n";
        importApi(file.getBytes(StandardCharsets.UTF_8), TestUsers.ministry()).andExpect(status().isOk());
        assertThat(territories.path("101033102")).extracting(Territory::nameKk).endsWith("Абыралы а.о.", "Ақшабай а.");
        importApi(file.replace("Ақшабай а.,", "Ақшабай ауылы,").getBytes(StandardCharsets.UTF_8), TestUsers.ministry())
                .andExpect(status().isOk()).andExpect(jsonPath("$.updated").value(1));
        assertThat(territories.path("101033102")).extracting(Territory::nameKk).endsWith("Абыралы а.о.", "Ақшабай ауылы");
    }

    @Test
    @DisplayName("CA-2 a rural district added later takes over the settlements that hung under the district meanwhile")
    void reattach() throws Exception {
        importApi(sampleFile(), TestUsers.ministry()).andExpect(status().isOk());
        assertThat(row("103047101")).containsEntry("parent", "103000000");
        String file = "te,name_kaz,name_rus\n103047000,Тарбағатай а.о.,Тарбагатайский с.о.\n";
        importApi(file.getBytes(StandardCharsets.UTF_8), TestUsers.ministry())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.inserted").value(1))
                .andExpect(jsonPath("$.reattached").value(1));
        assertThat(row("103047101")).containsEntry("parent", "103047000");
    }

    @Test
    @DisplayName("only a ministry administrator may import: others get 403 on the API and on the page")
    void onlyMinistry() throws Exception {
        String before = checksum();
        importApi(sampleFile(), TestUsers.district("101000000"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        importApi(sampleFile(), TestUsers.statistics()).andExpect(status().isForbidden());
        mvc.perform(multipart("/territories/import").file(file(sampleFile())).with(csrf()).with(TestUsers.region("100000000")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/territories/import").with(TestUsers.district("101000000"))).andExpect(status().isForbidden());
        assertThat(checksum()).isEqualTo(before);
    }

    @Test
    @DisplayName("the upload page shows the summary of a good file and the row errors of a bad one, in the user's language")
    void uploadPage() throws Exception {
        mvc.perform(get("/territories/import").with(TestUsers.ministry()).param("lang", "kk"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("for=\"file\"")));
        mvc.perform(multipart("/territories/import").file(file(sampleFile())).with(csrf()).with(TestUsers.ministry())
                        .param("lang", "ru"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-summary\"")))
                .andExpect(content().string(containsString("Классификатор импортирован.")));

        List<String> lines = new ArrayList<>(sampleLines());
        lines.set(6, "1010331XX,10,10,33,102,4,Ақшабай а.,с.Акшабай,");
        mvc.perform(multipart("/territories/import").file(file(String.join("\n", lines).getBytes(StandardCharsets.UTF_8)))
                        .with(csrf()).with(TestUsers.ministry()).param("lang", "kk"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"import-errors\"")))
                .andExpect(content().string(containsString("<td class=\"num\">7</td>")))
                .andExpect(content().string(containsString("9 цифрдан тұруы керек")));
    }

    @Test
    @DisplayName("the upload page without a file shows the error at the field")
    void uploadWithoutFile() throws Exception {
        mvc.perform(multipart("/territories/import").with(csrf()).with(TestUsers.ministry()).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"file-error\"")))
                .andExpect(content().string(containsString("choose a CSV file")));
        mvc.perform(multipart("/api/v1/territories/import").with(TestUsers.ministry()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("file"));
    }

    @Test
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    @DisplayName("CA-2 a committed import is one transaction with its audit record (action IMPORT, counts, no names)")
    void committedAndAudited() throws Exception {
        var owner = JdbcClient.create(ownerDataSource);
        long auditBefore = owner.sql("select count(*) from audit_event where action = 'IMPORT' and subject_type = 'territory'")
                .query(Long.class).single();
        String file = """
                te,name_kaz,name_rus
                629800000,Сынақ ауданы,Пробный район
                629810000,Сынақ а.о.,Пробный с.о.
                629810101,Сынақ а.,с.Пробное
                """;
        importApi(file.getBytes(StandardCharsets.UTF_8), TestUsers.ministry()).andExpect(status().isOk());

        assertThat(owner.sql("select parent_kato from territory where kato = '629810101'").query(String.class).single())
                .isEqualTo("629810000");
        var audit = owner.sql("""
                        select actor, details::text as details from audit_event
                        where action = 'IMPORT' and subject_type = 'territory' order by id desc limit 1""")
                .query((rs, n) -> Map.of("actor", rs.getString("actor"), "details", rs.getString("details"))).single();
        assertThat(owner.sql("select count(*) from audit_event where action = 'IMPORT' and subject_type = 'territory'")
                .query(Long.class).single()).isEqualTo(auditBefore + 1);
        assertThat(audit.get("actor")).isEqualTo("test.ministry");
        assertThat(audit.get("details")).contains("\"rows\": 3").doesNotContain("Сынақ");
    }

    @Test
    @DisplayName("benchmark: a generated 15,000-row classifier imports in one transaction (prints the time)")
    void fifteenThousandRows() throws Exception {
        StringBuilder csv = new StringBuilder("te,name_kaz,name_rus\n");
        int rows = 0;
        for (int district = 10; district < 40; district++) {
            csv.append("62").append(district).append("00000,Аудан ").append(district).append(",Район ").append(district).append('\n');
            rows++;
            for (int rural = 10; rural < 35; rural++) {
                String prefix = "62" + district + rural;
                csv.append(prefix).append("000,Ауылдық округ ").append(rural).append(",Сельский округ ").append(rural).append('\n');
                rows++;
                for (int village = 101; village < 120; village++) {
                    csv.append(prefix).append(village).append(",Ауыл ").append(village).append(" а.,с.Аул ").append(village).append('\n');
                    rows++;
                }
            }
        }
        byte[] content = csv.toString().getBytes(StandardCharsets.UTF_8);
        long started = System.nanoTime();
        JsonNode first = body(importApi(content, TestUsers.ministry()).andExpect(status().isOk()));
        long firstMillis = (System.nanoTime() - started) / 1_000_000;
        started = System.nanoTime();
        JsonNode second = body(importApi(content, TestUsers.ministry()).andExpect(status().isOk()));
        long secondMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("KATO import benchmark: %d rows (%d KB): first import %d ms over HTTP (%d ms in the service, "
                        + "%d inserted); re-import %d ms (%d ms in the service, %d unchanged)%n",
                rows, content.length / 1024, firstMillis, first.get("millis").asLong(), first.get("inserted").asInt(),
                secondMillis, second.get("millis").asLong(), second.get("unchanged").asInt());
        assertThat(first.get("rows").asInt()).isEqualTo(rows).isEqualTo(15_030);
        assertThat(first.get("inserted").asInt() + first.get("updated").asInt()).isEqualTo(rows);
        assertThat(second.get("unchanged").asInt()).isEqualTo(rows);
        assertThat(jdbc.sql("select count(*) from territory where kato like '62%' and level = 4 and parent_kato like '62____000'")
                .query(Long.class).single()).isGreaterThanOrEqualTo(14_250);
    }

    private ResultActions importApi(byte[] content, RequestPostProcessor user) throws Exception {
        return importApi(content, user, "en");
    }

    private ResultActions importApi(byte[] content, RequestPostProcessor user, String language) throws Exception {
        return mvc.perform(multipart("/api/v1/territories/import").file(file(content)).with(user)
                .header("Accept-Language", language));
    }

    private static MockMultipartFile file(byte[] content) {
        return new MockMultipartFile("file", "kato.csv", "text/csv", content);
    }

    private JsonNode body(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    private Map<String, Object> row(String kato) {
        return jdbc.sql("select level, parent_kato, name_kk, name_ru, urban from territory where kato = :kato")
                .param("kato", kato)
                .query((rs, n) -> {
                    var map = new java.util.HashMap<String, Object>();
                    map.put("level", rs.getInt("level"));
                    map.put("parent", rs.getString("parent_kato"));
                    map.put("name_kk", rs.getString("name_kk"));
                    map.put("name_ru", rs.getString("name_ru"));
                    map.put("urban", rs.getBoolean("urban"));
                    return (Map<String, Object>) map;
                }).single();
    }

    /** The row count and an MD5 over every column of every territory, in code order. */
    private String checksum() {
        return jdbc.sql("""
                select count(*) || ':' || md5(coalesce(string_agg(
                    kato || '|' || coalesce(parent_kato, '') || '|' || name_kk || '|' || name_ru || '|' || urban,
                    ',' order by kato), ''))
                from territory
                """).query(String.class).single();
    }

    private static byte[] sampleFile() throws IOException {
        try (var in = ClassifierImportTest.class.getResourceAsStream(SAMPLE)) {
            return in.readAllBytes();
        }
    }

    private static List<String> sampleLines() throws IOException {
        return new String(sampleFile(), StandardCharsets.UTF_8).lines().toList();
    }
}
