package kz.bilim.child;

import com.jayway.jsonpath.JsonPath;
import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;

import static kz.bilim.child.ChildFixture.HEADER;
import static kz.bilim.child.ChildFixture.file;
import static kz.bilim.child.ChildFixture.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Issue 9, item 2: the import contract — per-row reasons, full snapshots, idempotent, atomic, one at a time. */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChildImportTest {

    static final String DISTRICT = "628800000";
    static final String OTHER = "628900000";

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;

    ChildFixture fixture;
    String here;
    String elsewhere;

    @BeforeAll
    void fixtures() {
        fixture = newFixture();
        here = fixture.registry.districtWithSettlement(DISTRICT, false);
        elsewhere = fixture.registry.districtWithSettlement(OTHER, false);
    }

    /** Its own BINs and IINs (ChildImportBulkTest runs these tests again on the same database). */
    ChildFixture newFixture() {
        return new ChildFixture(ownerDataSource, mvc, YearMonth.of(2012, 10), 6200);
    }

    RequestPostProcessor officer() {
        return TestUsers.district(DISTRICT);
    }

    @Test
    @DisplayName("CA-1 CA-2 a Justice file (BOM, CRLF, quoting, header in another order): good rows recorded, every bad row named with its column and reason in the caller's language")
    void perRowReasons() throws Exception {
        Iin a = fixture.child(7, Sex.MALE);
        Iin b = fixture.child(3, Sex.FEMALE);
        Iin bad = fixture.child(9, Sex.MALE);
        String badIin = bad.value().substring(0, 11) + ((bad.value().charAt(11) - '0' + 1) % 10);
        Iin adult = fixture.registry.nextIin(ChildFixture.TODAY.minusYears(18), Sex.MALE);
        Iin d = fixture.child(11, Sex.FEMALE);
        Iin e = fixture.child(12, Sex.MALE);
        String header = "residence_kato,citizenship,sex,birth_date,patronymic,first_name,last_name,iin";
        String csv = "\uFEFF" + file(header,
                reorder(row(a, "\"Сейтқали, кіші\"", "Айдос", here)),            // row 2 good (quoted comma)
                reorder(row(b, "Омарова", "Дана", here)),                        // row 3 good
                reorder(row(bad, "Әлиев", "Нұр", here).replace(bad.value(), badIin)), // row 4 bad IIN
                here + ",KZ,M," + ChildFixture.TODAY.plusDays(3) + ",,Бек,Болашақ,",   // row 5 born in the future
                reorder(row(adult, "Ересек", "Арман", here)),                    // row 6 18 or older
                reorder(row(d, "Белгісіз", "Әйгерім", "628833999")),             // row 7 unknown KATO
                reorder(row(e, "Басқа", "Ерлан", elsewhere)),                     // row 8 out of scope
                reorder(row(fixture.child(5, Sex.MALE), "", "Есімсіз", here)),  // row 9 missing surname
                reorder(row(b, "Омарова", "Дана", here)),                        // row 10 duplicate of row 3
                reorder(row(d, "Күні", "Басқа", here)).replace(d.birthDate().toString(), d.birthDate().plusDays(1).toString()), // row 11 IIN vs birth date
                reorder(row(e, "Жынысы", "Басқа", here)).replace(",M,", ",F,"));  // row 12 IIN vs sex
        String done = fixture.imported(officer(), "JUSTICE", DISTRICT, csv);
        assertThat(JsonPath.<String>read(done, "$.state")).isEqualTo("DONE");
        assertThat(JsonPath.<Integer>read(done, "$.rows")).isEqualTo(11);
        assertThat(JsonPath.<Integer>read(done, "$.accepted")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(done, "$.rejected")).isEqualTo(9);
        long id = ((Number) JsonPath.read(done, "$.id")).longValue();
        String report = mvc.perform(get("/api/v1/children/imports/" + id + "/rejections").with(officer())
                        .header("Accept-Language", "ru")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(report).startsWith("\uFEFFrow,field,reason\r\n")
                .contains("4,iin,").contains("5,birth_date,в будущем").contains("6,birth_date,ребёнку 18 лет или больше")
                .contains("7,residence_kato,нет территории с кодом КАТО 628833999")
                .contains("8,residence_kato,территория " + elsewhere + " вне вашей территории")
                .contains("9,last_name,").contains("10,iin,повторяет строку 3")
                .contains("11,birth_date,не совпадает с датой рождения в ИИН").contains("12,sex,не совпадает с полом в ИИН")
                .doesNotContain(a.value()).doesNotContain("Омарова");
        assertThat(fixture.count("select count(*) from child where iin in (?, ?)", a.value(), b.value())).isEqualTo(2);
        assertThat(fixture.count("select count(*) from child where iin = ? and last_name = 'Сейтқали, кіші'", a.value())).isEqualTo(1);
        assertThat(fixture.count("select count(*) from child where iin in (?, ?, ?)", adult.value(), d.value(), e.value())).isZero();
    }

    /** A row written in the file's column order "iin,last_name,…" turned into the reversed header's order. */
    static String reorder(String row) {
        var fields = new java.util.ArrayList<>(java.util.List.of(row.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", -1)));
        java.util.Collections.reverse(fields);
        return String.join(",", fields);
    }

    @Test
    @DisplayName("CA-2 a full snapshot: the same file twice changes nothing; a child missing from a newer snapshot loses the source and is kept")
    void idempotentSnapshot() throws Exception {
        Iin a = fixture.child(8, Sex.FEMALE);
        Iin b = fixture.child(14, Sex.MALE);
        String csv = file(HEADER, row(a, "Жақсылық", "Ару", here), row(b, "Жақсылық", "Нұрбол", here));
        String first = fixture.imported(officer(), "KANDAS", DISTRICT, csv);
        assertThat(JsonPath.<Integer>read(first, "$.inserted")).isEqualTo(2);
        long children = fixture.count("select count(*) from child");
        String again = fixture.imported(officer(), "KANDAS", DISTRICT, csv);
        assertThat(JsonPath.<Integer>read(again, "$.inserted")).isZero();
        assertThat(JsonPath.<Integer>read(again, "$.updated")).isZero();
        assertThat(JsonPath.<Integer>read(again, "$.unchanged")).isEqualTo(2);
        assertThat(JsonPath.<Integer>read(again, "$.withdrawn")).isZero();
        assertThat(fixture.count("select count(*) from child")).isEqualTo(children);
        String newer = fixture.imported(officer(), "KANDAS", DISTRICT, file(HEADER, row(a, "Жақсылық", "Ару", here)));
        assertThat(JsonPath.<Integer>read(newer, "$.withdrawn")).isEqualTo(1);
        assertThat(fixture.count("select count(*) from child where iin = ?", b.value())).isEqualTo(1);
        assertThat(fixture.count("select count(*) from child_source s join child c on c.id = s.child_id "
                + "where c.iin = ? and s.source = 'KANDAS' and not s.active and s.withdrawn_at is not null", b.value())).isEqualTo(1);
    }

    @Test
    @DisplayName("CA-2 a failed import (a database error half way, a byte that is not UTF-8 after the header) leaves the registry exactly as before")
    void atomic() throws Exception {
        Iin a = fixture.child(6, Sex.MALE);
        Iin b = fixture.child(10, Sex.FEMALE);
        fixture.owner.sql("""
                create or replace function child_test_refuse() returns trigger language plpgsql as
                $$ begin if new.last_name = 'Сынақ' then raise exception 'half way'; end if; return new; end $$;
                create trigger child_test_refuse before insert on child for each row execute function child_test_refuse();
                """).update();
        try {
            String failed = fixture.imported(officer(), "JUSTICE", "628833000",
                    file(HEADER, row(a, "Ақсақал", "Темір", here), row(b, "Сынақ", "Гүл", here)));
            assertThat(JsonPath.<String>read(failed, "$.state")).isEqualTo("FAILED");
            assertThat(JsonPath.<String>read(failed, "$.message")).isEqualTo("the import failed and changed nothing");
        } finally {
            fixture.owner.sql("drop trigger child_test_refuse on child; drop function child_test_refuse()").update();
        }
        assertThat(fixture.count("select count(*) from child where iin in (?, ?)", a.value(), b.value())).isZero();
        // far beyond the header, so the bad byte is met while rows are already staged
        var rows = new java.util.ArrayList<String>();
        rows.add(row(a, "Ақсақал", "Темір", here));
        for (int i = 0; i < 1500; i++) rows.add(row(fixture.child(5 + i % 10, Sex.MALE), "Көп", "Бала", here));
        byte[] good = file(HEADER, rows.toArray(String[]::new)).getBytes(StandardCharsets.UTF_8);
        byte[] broken = new byte[good.length + 2];
        System.arraycopy(good, 0, broken, 0, good.length);
        broken[good.length] = (byte) 0xC3;
        broken[good.length + 1] = (byte) 0x28;
        String notUtf8 = fixture.imported(officer(), "JUSTICE", "628833000", broken);
        assertThat(JsonPath.<String>read(notUtf8, "$.state")).isEqualTo("FAILED");
        assertThat(JsonPath.<String>read(notUtf8, "$.message")).isEqualTo("the file is not in UTF-8");
        assertThat(JsonPath.<Integer>read(notUtf8, "$.rows")).isGreaterThan(1000);
        assertThat(fixture.count("select count(*) from child where iin = ?", a.value())).isZero();
        assertThat(fixture.count("select count(*) from child where last_name = 'Көп'")).isZero();
    }

    @Test
    @DisplayName("CA-1 a second import of the same source and territory while one runs is refused with 409; a header of another source's shape is refused before anything is written")
    void conflictAndShape() throws Exception {
        fixture.owner.sql("insert into child_import (source, kato, state, actor) values ('EMIS_TVET', ?, 'RUNNING', 'test')")
                .param(DISTRICT).update();
        try {
            mvc.perform(post("/api/v1/children/imports?source=EMIS_TVET&kato=" + DISTRICT).with(officer())
                            .header("Accept-Language", "en").contentType("text/csv")
                            .content(HEADER + ",organisation_bin,grade\n"))
                    .andExpect(status().isConflict());
        } finally {
            fixture.owner.sql("delete from child_import where actor = 'test'").update();
        }
        long imports = fixture.count("select count(*) from child_import");
        mvc.perform(post("/api/v1/children/imports?source=JUSTICE&kato=" + DISTRICT).with(officer())
                        .header("Accept-Language", "en").contentType("text/csv")
                        .content(HEADER + ",organisation_bin,grade\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("file"))
                .andExpect(jsonPath("$.errors[0].reason").value("the columns are those of another source, not of JUSTICE"));
        mvc.perform(post("/api/v1/children/imports?source=JUSTICE&kato=" + OTHER).with(officer())
                        .header("Accept-Language", "en").contentType("text/csv").content(HEADER + "\n"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("kato"));
        mvc.perform(post("/api/v1/children/imports?source=POLICE&kato=" + DISTRICT).with(officer())
                        .contentType("text/csv").content(HEADER + "\n"))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("source"));
        assertThat(fixture.count("select count(*) from child_import")).isEqualTo(imports);
    }

    @Test
    @DisplayName("CA-1 the import answers 202 with its Location, and the resource names its state and counts")
    void accepted() throws Exception {
        Iin a = fixture.child(4, Sex.FEMALE);
        var result = mvc.perform(post("/api/v1/children/imports?source=JUSTICE&kato=628833101").with(officer())
                        .contentType("text/csv").content(file(HEADER, row(a, "Орынбай", "Сая", here))))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", org.hamcrest.Matchers.startsWith("/api/v1/children/imports/")))
                .andExpect(jsonPath("$.source").value("JUSTICE"))
                .andExpect(jsonPath("$.state").value(org.hamcrest.Matchers.oneOf("QUEUED", "RUNNING", "DONE")))
                .andReturn();
        String location = result.getResponse().getHeader("Location");
        for (int i = 0; i < 100; i++) {
            String state = JsonPath.read(mvc.perform(get(location).with(officer())).andReturn().getResponse()
                    .getContentAsString(), "$.state");
            if (state.equals("DONE")) break;
            Thread.sleep(50);
        }
        mvc.perform(get(location).with(officer())).andExpect(jsonPath("$.state").value("DONE"))
                .andExpect(jsonPath("$.rows").value(1)).andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejected").value(0)).andExpect(jsonPath("$.message").doesNotExist());
        mvc.perform(get(location).with(TestUsers.district(OTHER))).andExpect(status().isNotFound());
    }
}
