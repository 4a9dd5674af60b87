package kz.bilim.child;

import com.jayway.jsonpath.JsonPath;
import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.platform.database.OwnerDataSource;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static kz.bilim.child.ChildFixture.HEADER;
import static kz.bilim.child.ChildFixture.file;
import static kz.bilim.child.ChildFixture.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Issue 9, item 3 (CA-2), one record per child: the review queue of records the linkage could not join (merge, keep
 * apart), the sources side by side on the child's page, and the export of a list to XLSX. Each test has its own rural
 * district (a snapshot's territory), so the full snapshots of one test never withdraw another's rows.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChildReviewTest {

    static final String DISTRICT = "638300000";
    static final String OTHER = "638400000";
    static final String P = DISTRICT.substring(0, 4);

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;

    ChildFixture fixture;

    @BeforeAll
    void fixtures() {
        fixture = new ChildFixture(ownerDataSource, mvc, YearMonth.of(2017, 3), 14500);
        fixture.registry.districtWithSettlement(DISTRICT, false);
        fixture.registry.districtWithSettlement(OTHER, false);
    }

    RequestPostProcessor officer() {
        return TestUsers.district(DISTRICT);
    }

    /** A rural district of the test's own (P + nn + 000) with two settlements (…101, …102). */
    String[] rural(int nn) {
        String rural = P + nn + "000";
        fixture.registry.territory(rural, DISTRICT, 3, false);
        String s1 = P + nn + "101";
        String s2 = P + nn + "102";
        fixture.registry.territory(s1, rural, 4, false);
        fixture.registry.territory(s2, rural, 4, false);
        return new String[]{rural, s1, s2};
    }

    static String noIin(String last, String first, LocalDate born, String sex, String citizenship, String residence) {
        return ",%s,%s,,%s,%s,%s,%s".formatted(last, first, born, sex, citizenship, residence);
    }

    String body(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    long id(String sql, Object... params) {
        return fixture.count(sql, params);
    }

    /** Two children of one spelling each (Kazakh, Russian) and a Latin row that fits both: a case of two candidates. */
    long[] ambiguous(int nn, String kk, String ru, String latin, String first, String firstRu, String firstLatin)
            throws Exception {
        var t = rural(nn);
        var born = ChildFixture.TODAY.minusYears(8).minusDays(nn);
        fixture.imported(officer(), "JUSTICE", t[0], file(HEADER, noIin(kk, first, born, "M", "KZ", t[1]),
                noIin(ru, firstRu, born, "M", "KZ", t[2])));
        String done = fixture.imported(officer(), "KANDAS", t[0], file(HEADER,
                noIin(latin, firstLatin, born, "M", "XX", t[1])));
        assertThat(JsonPath.<Integer>read(done, "$.children")).isEqualTo(1);
        long a = id("select id from child where last_name = ? and birth_date = ?", kk, born);
        long b = id("select id from child where last_name = ? and birth_date = ?", ru, born);
        long x = id("select id from child where last_name = ? and birth_date = ?", latin, born);
        long review = id("select id from child_review where child_id = ?", x);
        return new long[]{review, x, a, b};
    }

    MockHttpServletRequestBuilder resolve(long review, String json) {
        return post("/api/v1/children/reviews/" + review + "/resolution").contentType("application/json").content(json);
    }

    long schoolAge(String kato) throws Exception {
        return ((Number) JsonPath.read(body(get("/api/v1/children/lists?kato=" + kato).with(officer())),
                "$.counts.SCHOOL_AGE")).longValue();
    }

    @Test
    @DisplayName("CA-2 transliteration: a row without IIN in Latin spelling fits two children spelled in Kazakh and Russian — it goes to the review queue with both as candidates, and the same file again adds nothing")
    void transliterationMatch() throws Exception {
        var c = ambiguous(41, "Қасымов", "Касымов", "Qasymov", "Нұрлан", "Нурлан", "Nurlan");
        String queue = body(get("/api/v1/children/reviews?kato=" + DISTRICT).with(officer()));
        assertThat(JsonPath.<List<String>>read(queue, "$.items[?(@.review.id == " + c[0] + ")].review.reason"))
                .containsExactly("AMBIGUOUS_MATCH");
        assertThat(JsonPath.<List<String>>read(queue, "$.items[?(@.review.id == " + c[0] + ")].lastName"))
                .containsExactly("Qasymov");
        mvc.perform(get("/api/v1/children/reviews/" + c[0]).with(officer())).andExpect(status().isOk())
                .andExpect(jsonPath("$.child.id").value(c[1]))
                .andExpect(jsonPath("$.review.candidates", hasItems((int) c[2], (int) c[3])))
                .andExpect(jsonPath("$.candidates.length()").value(2));
        var t = new String[]{P + "41000", P + "41101"};
        var born = ChildFixture.TODAY.minusYears(8).minusDays(41);
        String again = fixture.imported(officer(), "KANDAS", t[0], file(HEADER, noIin("Qasymov", "Nurlan", born, "M", "XX", t[1])));
        assertThat(JsonPath.<Integer>read(again, "$.children")).isZero();
        assertThat(fixture.count("select count(*) from child_review where child_id in (?, ?, ?)", c[1], c[2], c[3]))
                .isEqualTo(1);
        assertThat(fixture.count("select count(*) from audit_event where subject_type = 'child' and subject_id = ? "
                + "and action = 'READ' and purpose = 'child-review'", String.valueOf(c[2]))).isPositive();
    }

    @Test
    @DisplayName("CA-2 merge: the officer merges the new record with one candidate — its sources move to that record, the other is kept as history merged into it (nothing deleted), the lists count one child, audited; a second resolution is 409 and changes nothing; the file again links to the kept record")
    void merge() throws Exception {
        var c = ambiguous(42, "Әбенов", "Абенов", "Abenov", "Ерлан", "Ерлан", "Erlan");
        long review = c[0], x = c[1], a = c[2];
        long before = schoolAge(P + "42000");
        mvc.perform(resolve(review, "{\"decision\": \"MERGE\", \"candidate\": " + a + "}").with(officer()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("MERGED"))
                .andExpect(jsonPath("$.survivorId").value(a)).andExpect(jsonPath("$.mergedId").value(x));
        assertThat(fixture.count("select merged_into from child where id = ?", x)).isEqualTo(a);
        assertThat(fixture.count("select count(*) from child where id in (?, ?, ?)", x, a, c[3])).isEqualTo(3);
        assertThat(fixture.count("select count(*) from child_source where child_id = ? and source = 'KANDAS' and active", a))
                .isEqualTo(1);
        assertThat(fixture.count("select count(*) from child_source where child_id = ?", x)).isZero();
        assertThat(schoolAge(P + "42000")).isEqualTo(before - 1);
        mvc.perform(get("/api/v1/children/" + a).with(officer()))
                .andExpect(jsonPath("$.lists", hasItems("KANDAS")))
                .andExpect(jsonPath("$.sources[*].source", hasItems("JUSTICE", "KANDAS")));
        mvc.perform(get("/api/v1/children?name=Abenov").with(officer())).andExpect(jsonPath("$.items.length()").value(0));
        assertThat(fixture.count("select count(*) from audit_event where subject_type = 'child' and subject_id = ? "
                + "and action = 'UPDATE' and purpose = 'child-review'", String.valueOf(x))).isEqualTo(1);

        mvc.perform(resolve(review, "{\"decision\": \"KEEP_APART\"}").with(officer()).header("Accept-Language", "ru"))
                .andExpect(status().isConflict()).andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.clause").value("CA-2"))
                .andExpect(jsonPath("$.detail", containsString("уже решён")));
        mvc.perform(resolve(review, "{\"decision\": \"MERGE\", \"candidate\": " + a + "}").with(officer()))
                .andExpect(status().isConflict());
        assertThat(fixture.count("select count(*) from child_review where id = ? and state = 'MERGED'", review)).isEqualTo(1);
        assertThat(fixture.count("select count(*) from audit_event where subject_type = 'child' and subject_id = ? "
                + "and action = 'UPDATE' and purpose = 'child-review'", String.valueOf(x))).isEqualTo(1);

        var born = ChildFixture.TODAY.minusYears(8).minusDays(42);
        String again = fixture.imported(officer(), "KANDAS", P + "42000",
                file(HEADER, noIin("Abenov", "Erlan", born, "M", "XX", P + "42101")));
        assertThat(JsonPath.<Integer>read(again, "$.children")).isZero();
        assertThat(fixture.count("select count(*) from child_review where child_id = ? or child_id = ?", x, a)).isEqualTo(1);
        assertThat(schoolAge(P + "42000")).isEqualTo(before - 1);

        byte[] xlsx = mvc.perform(get("/api/v1/children/lists/SCHOOL_AGE/export.xlsx?kato=" + P + "42000")
                .with(officer())).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(cells(xlsx)).contains("Әбенов", "Абенов").doesNotContain("Abenov");
    }

    @Test
    @DisplayName("CA-2 keep apart: the officer keeps the new record apart — nothing is merged, the case is closed and audited, and a later merge of it is 409")
    void keepApart() throws Exception {
        var c = ambiguous(43, "Төлеуов", "Толеуов", "Toleuov", "Арман", "Арман", "Arman");
        mvc.perform(resolve(c[0], "{\"decision\": \"keep_apart\"}").with(officer()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.state").value("KEPT_APART"))
                .andExpect(jsonPath("$.resolvedBy").value(TestUsers.districtUser(DISTRICT).username()));
        assertThat(fixture.count("select count(*) from child where id in (?, ?, ?) and merged_into is null",
                c[1], c[2], c[3])).isEqualTo(3);
        assertThat(fixture.count("select count(*) from audit_event where subject_type = 'child-review' and subject_id = ? "
                + "and action = 'UPDATE'", String.valueOf(c[0]))).isEqualTo(1);
        mvc.perform(resolve(c[0], "{\"decision\": \"MERGE\", \"candidate\": " + c[2] + "}").with(officer()))
                .andExpect(status().isConflict());
        assertThat(fixture.count("select count(*) from child where id = ? and merged_into is null", c[1])).isEqualTo(1);
        mvc.perform(get("/api/v1/children/reviews?kato=" + P + "43000").with(officer()))
                .andExpect(jsonPath("$.items.length()").value(0));
    }

    @Test
    @DisplayName("CA-2 a child first recorded without IIN and later with one is a review case, not silently two children; merged, the record with the IIN holds both sources and the other is its history")
    void iinLater() throws Exception {
        var t = rural(44);
        Iin iin = fixture.child(11, Sex.FEMALE);
        fixture.imported(officer(), "KANDAS", t[0], file(HEADER,
                noIin("Серікова", "Айару", iin.birthDate(), "F", "KZ", t[1])));
        long first = id("select id from child where last_name = 'Серікова' and birth_date = ?", iin.birthDate());
        fixture.imported(officer(), "JUSTICE", t[0], file(HEADER, row(iin, "Серикова", "Аяру", t[1])));
        long later = id("select id from child where iin = ?", iin.value());
        assertThat(later).isNotEqualTo(first);
        long review = id("select id from child_review where child_id = ? and reason = 'IIN_LATER'", later);
        mvc.perform(get("/api/v1/children/reviews/" + review).with(officer()))
                .andExpect(jsonPath("$.review.reason").value("IIN_LATER"))
                .andExpect(jsonPath("$.review.candidates[0]").value(first));
        mvc.perform(resolve(review, "{\"decision\": \"MERGE\", \"candidate\": \"" + first + "\"}").with(officer()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.survivorId").value(later))
                .andExpect(jsonPath("$.mergedId").value(first));
        mvc.perform(get("/api/v1/children?iin=" + iin.value()).with(officer()))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].sources[*].source", hasItems("JUSTICE", "KANDAS")));
        mvc.perform(get("/children/" + first).with(officer()).header("Accept-Language", "ru"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"child-merged-into\"")))
                .andExpect(content().string(containsString("/children/" + later)));
        mvc.perform(get("/children/" + later).with(officer()).header("Accept-Language", "ru"))
                .andExpect(content().string(containsString("id=\"child-merged-from\"")));
    }

    @Test
    @DisplayName("CA-2 side by side: sources that disagree on birth date, name and residence are each shown with what they said on the child's page and API, named as disagreements, the record following the preferred source — not overwritten")
    void sideBySide() throws Exception {
        var t = rural(45);
        Iin iin = fixture.child(9, Sex.FEMALE);
        fixture.imported(officer(), "JUSTICE", t[0], file(HEADER, row(iin, "Жұмабаева", "Әсел", t[1])));
        fixture.imported(officer(), "KANDAS", t[0], file(HEADER, row(iin, "Жумабаева", "Асель", t[2])));
        long child = id("select id from child where iin = ?", iin.value());
        LocalDate other = iin.birthDate().plusDays(3); // a register that wrote another date (the demo's disagreements)
        fixture.owner.sql("update child_source set birth_date = ? where child_id = ? and source = 'KANDAS'")
                .param(other).param(child).update();
        mvc.perform(get("/api/v1/children/" + child + "/sources").with(officer())).andExpect(status().isOk())
                .andExpect(jsonPath("$.disagreements", hasItems("LAST_NAME", "FIRST_NAME", "BIRTH_DATE", "RESIDENCE")))
                .andExpect(jsonPath("$.disagreements", not(hasItems("IIN"))));
        String sources = body(get("/api/v1/children/" + child + "/sources").with(officer()));
        assertThat(JsonPath.<List<String>>read(sources, "$.fields[?(@.field == 'BIRTH_DATE')].record"))
                .containsExactly(iin.birthDate().toString());
        assertThat(JsonPath.<List<String>>read(sources, "$.fields[?(@.field == 'BIRTH_DATE')].cells[*].value"))
                .containsExactly(iin.birthDate().toString(), other.toString());
        assertThat(JsonPath.<List<String>>read(sources, "$.fields[?(@.field == 'LAST_NAME')].cells[*].value"))
                .containsExactly("Жұмабаева", "Жумабаева");
        var dates = DateTimeFormatter.ofPattern("dd.MM.yyyy");
        mvc.perform(get("/children/" + child).with(officer()).header("Accept-Language", "kk"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"child-disagreements\"")))
                .andExpect(content().string(containsString("Көздер мына өрістерде сәйкес келмейді")))
                .andExpect(content().string(containsString(iin.birthDate().format(dates))))
                .andExpect(content().string(containsString(other.format(dates))))
                .andExpect(content().string(containsString("Жумабаева")))
                .andExpect(content().string(containsString("data-source=\"KANDAS\"")));
        assertThat(fixture.count("select count(*) from child where id = ? and birth_date = ? and last_name = 'Жұмабаева'",
                child, iin.birthDate())).isEqualTo(1);
        assertThat(fixture.count("select count(*) from audit_event where subject_type = 'child' and subject_id = ? "
                + "and purpose = 'child-record'", String.valueOf(child))).isPositive();
    }

    @Test
    @DisplayName("CA-2 bad input is problem+json naming the field and the reason in the caller's language; a case or list outside the caller's territory is missing; a police liaison may not resolve")
    void badInput() throws Exception {
        var c = ambiguous(46, "Мұратов", "Муратов", "Muratov", "Дәулет", "Даулет", "Daulet");
        mvc.perform(resolve(c[0], "{}").with(officer()).header("Accept-Language", "ru"))
                .andExpect(status().isUnprocessableEntity())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("decision"));
        mvc.perform(resolve(c[0], "{\"decision\": \"SPLIT\"}").with(officer()).header("Accept-Language", "ru"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("decision"))
                .andExpect(jsonPath("$.errors[0].reason").value("должно быть MERGE или KEEP_APART"));
        mvc.perform(resolve(c[0], "{\"decision\": \"MERGE\"}").with(officer()).header("Accept-Language", "kk"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("candidate"));
        mvc.perform(resolve(c[0], "{\"decision\": \"MERGE\", \"candidate\": " + c[1] + "}").with(officer())
                        .header("Accept-Language", "kk"))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("candidate"))
                .andExpect(jsonPath("$.errors[0].reason").value("осы жағдайдың балаларының бірі емес"));
        mvc.perform(resolve(c[0], "{\"decision\": \"MERGE\", \"candidate\": \"x1\"}").with(officer()))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("candidate"));
        mvc.perform(resolve(c[0], "{\"decision\": \"MERGE\", \"candidate\": " + c[2] + "}").with(TestUsers.district(OTHER)))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/children/reviews/" + c[0]).with(TestUsers.district(OTHER))).andExpect(status().isNotFound());
        mvc.perform(resolve(c[0], "{\"decision\": \"KEEP_APART\"}").with(TestUsers.as(police())))
                .andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/children/reviews?kato=12").with(officer()))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("kato"));
        mvc.perform(get("/api/v1/children/lists/EVERYONE/export.xlsx?kato=" + DISTRICT).with(officer()))
                .andExpect(status().isUnprocessableEntity()).andExpect(jsonPath("$.errors[0].field").value("list"));
        mvc.perform(get("/api/v1/children/lists/SCHOOL_AGE/export.xlsx?kato=" + OTHER).with(officer()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
        assertThat(fixture.count("select count(*) from child_review where id = ? and state = 'OPEN'", c[0])).isEqualTo(1);
    }

    @Test
    @DisplayName("CA-2 the district officer resolves on the pages: the queue in Kazakh, the case side by side with a merge button per candidate, the decision saved")
    void pages() throws Exception {
        var c = ambiguous(47, "Бекұлы", "Бекулы", "Bekuly", "Нұр", "Нур", "Nur");
        mvc.perform(get("/children/reviews?kato=" + P + "47000").with(officer()).header("Accept-Language", "kk"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Салыстыруға жазбалар")))
                .andExpect(content().string(containsString("id=\"review-" + c[0] + "\"")))
                .andExpect(content().string(containsString("cards-on-phone")));
        mvc.perform(get("/children/reviews/" + c[0]).with(officer()).header("Accept-Language", "ru"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"merge-" + c[2] + "\"")))
                .andExpect(content().string(containsString("id=\"merge-" + c[3] + "\"")))
                .andExpect(content().string(containsString("Объединить с этим ребёнком")))
                .andExpect(content().string(containsString("Бекұлы")))
                .andExpect(content().string(containsString("Bekuly")));
        mvc.perform(post("/children/reviews/" + c[0] + "/resolution").with(officer()).with(csrf())
                        .param("decision", "MERGE").param("candidate", String.valueOf(c[3])))
                .andExpect(status().is3xxRedirection())
                .andExpect(header().string("Location", "/children/reviews/" + c[0]));
        assertThat(fixture.count("select merged_into from child where id = ?", c[1])).isEqualTo(c[3]);
        mvc.perform(get("/children/reviews/" + c[0]).with(officer()).header("Accept-Language", "ru"))
                .andExpect(content().string(containsString("id=\"review-state\"")))
                .andExpect(content().string(not(containsString("id=\"merge-"))));
    }

    @Test
    @DisplayName("CA-3 a list exported to XLSX: the caller's territory only, the list's name in the caller's language (kk, ru), every child of the list, an audited read")
    void export() throws Exception {
        var t = rural(48);
        var rows = new ArrayList<String>();
        for (String name : List.of("Алматова", "Бөкейханова", "Valieva"))
            rows.add(row(fixture.child(10, Sex.FEMALE), name, "Дана", t[1]));
        fixture.imported(officer(), "JUSTICE", t[0], file(HEADER, rows.toArray(String[]::new)));
        var ru = mvc.perform(get("/api/v1/children/lists/SCHOOL_AGE/export.xlsx?kato=" + t[0]).with(officer())
                        .header("Accept-Language", "ru"))
                .andExpect(status().isOk())
                .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .andExpect(header().string("Content-Disposition", containsString("attachment")))
                .andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(ru))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Школьного возраста");
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).startsWith("Школьного возраста");
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("Фамилия");
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(1 + 3);
        }
        assertThat(cells(ru)).contains("Алматова", "Бөкейханова", "Valieva");
        var kk = mvc.perform(get("/children/lists/SCHOOL_AGE/export.xlsx?kato=" + t[0]).with(officer())
                .header("Accept-Language", "kk")).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(kk))) {
            assertThat(workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue()).isEqualTo("Тегі");
        }
        var none = mvc.perform(get("/api/v1/children/lists/SCHOOL_AGE/export.xlsx?kato=" + OTHER)
                .with(TestUsers.district(OTHER))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(cells(none)).doesNotContain("Алматова");
        assertThat(fixture.count("select count(*) from audit_event where subject_type = 'child-list' and subject_id = 'SCHOOL_AGE' "
                + "and purpose = 'child-list-export' and kato = ? and (details ->> 'rows')::int = 3", t[0])).isEqualTo(2);
        mvc.perform(get("/children/lists/SCHOOL_AGE?kato=" + t[0]).with(officer()).header("Accept-Language", "ru"))
                .andExpect(content().string(containsString("/children/lists/SCHOOL_AGE/export.xlsx?kato=" + t[0])));
    }

    @Test
    @DisplayName("CA-2 a district officer cannot see a child living elsewhere through any page or API of the child capability: search, the child's page and its sources, the lists and counts, the export, the review queue and its cases, the imports and their rejections, the exemption")
    void noChildOfAnotherDistrict() throws Exception {
        var c = ambiguous(49, "Оспанұлы", "Оспанулы", "Ospanuly", "Ерасыл", "Ерасыл", "Erasyl");
        var t = rural(50);
        Iin iin = fixture.child(12, Sex.MALE);
        String done = fixture.imported(officer(), "JUSTICE", t[0], file(HEADER, row(iin, "Құпиябаев", "Тимур", t[1]),
                "123,Қате,Жол,,2015-01-01,M,KZ," + t[1]));
        assertThat(JsonPath.<Integer>read(done, "$.rejected")).isEqualTo(1);
        long importId = ((Number) JsonPath.read(done, "$.id")).longValue();
        long child = id("select id from child where iin = ?", iin.value());
        long review = c[0];
        var stranger = TestUsers.district(OTHER);
        String exemption = "{\"ground\":\"HEALTH\",\"document\":\"ВКК № 3\",\"issuedOn\":\"2026-11-02\"}";

        // each address, with the child's own district officer first (so a 404 is the scope, not a wrong address)
        var addresses = List.of("/api/v1/children/" + child, "/api/v1/children/" + child + "/sources",
                "/api/v1/children/lists?kato=" + t[0], "/api/v1/children/lists/SCHOOL_AGE?kato=" + t[0],
                "/api/v1/children/lists/SCHOOL_AGE/export.xlsx?kato=" + t[0],
                "/api/v1/children/reviews?kato=" + P + "49000", "/api/v1/children/reviews/" + review,
                "/api/v1/children/imports/" + importId, "/api/v1/children/imports/" + importId + "/rejections",
                "/children/" + child, "/children?kato=" + t[0], "/children/lists/SCHOOL_AGE?kato=" + t[0],
                "/children/lists/SCHOOL_AGE/export.xlsx?kato=" + t[0], "/children/reviews?kato=" + P + "49000",
                "/children/reviews/" + review, "/children/imports/" + importId,
                "/children/imports/" + importId + "/rejections");
        for (String address : addresses) {
            assertThat(mvc.perform(get(address).with(officer())).andReturn().getResponse().getStatus())
                    .as("the district's own officer: " + address).isEqualTo(200);
            assertThat(mvc.perform(get(address).with(stranger)).andReturn().getResponse().getStatus())
                    .as("another district's officer: " + address).isEqualTo(404);
        }
        mvc.perform(resolve(review, "{\"decision\": \"MERGE\", \"candidate\": " + c[2] + "}").with(stranger))
                .andExpect(status().isNotFound());
        mvc.perform(post("/children/reviews/" + review + "/resolution").with(stranger).with(csrf())
                .param("decision", "KEEP_APART"));
        mvc.perform(put("/api/v1/children/" + child + "/exemption").with(stranger)
                .contentType("application/json").content(exemption)).andExpect(status().isNotFound());
        assertThat(fixture.count("select count(*) from child_review where id = ? and state = 'OPEN'", review)).isEqualTo(1);
        assertThat(fixture.count("select count(*) from child_exemption where child_id = ?", child)).isZero();

        // the stranger's own territory (no kato: their district) never names these children
        var names = List.of("Құпиябаев", iin.value(), "Оспанұлы", "Ospanuly");
        for (String own : List.of("/api/v1/children?iin=" + iin.value(), "/api/v1/children?name=Құпиябаев",
                "/api/v1/children?name=Ospanuly", "/api/v1/children/lists/SCHOOL_AGE", "/api/v1/children/reviews",
                "/children", "/children/lists/SCHOOL_AGE", "/children/reviews")) {
            String answer = body(get(own).with(stranger).header("Accept-Language", "ru"));
            for (String name : names) assertThat(answer).as(own).doesNotContain(name);
            assertThat(answer).as(own).doesNotContain("review-" + review + "\"");
        }
        byte[] xlsx = mvc.perform(get("/api/v1/children/lists/SCHOOL_AGE/export.xlsx").with(stranger))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        assertThat(cells(xlsx)).doesNotContain("Құпиябаев", "Оспанұлы", "Ospanuly", iin.value());
        // the same searches by the child's own officer do find them
        assertThat(body(get("/api/v1/children?iin=" + iin.value()).with(officer()))).contains("Құпиябаев");
        assertThat(body(get("/api/v1/children/reviews?kato=" + P + "49000").with(officer()))).contains("Ospanuly");
    }

    static kz.bilim.access.BilimUser police() {
        return new kz.bilim.access.BilimUser(900031, "test.police.review", "", "Test Police", kz.bilim.kernel.Role.POLICE_LIAISON,
                kz.bilim.kernel.Scope.territory(P), DISTRICT, null, "en", true, 0);
    }

    static List<String> cells(byte[] xlsx) throws Exception {
        var texts = new ArrayList<String>();
        var formatter = new DataFormatter();
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            for (var sheet : workbook) for (var r : sheet) for (var cell : r) texts.add(formatter.formatCellValue(cell));
        }
        return texts;
    }
}
