package kz.bilim.staff;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.Almaty;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Item 1 of issue 10: a region's existing staff imported from CSV — per-row errors, idempotent, atomic, HB-1 checked. */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaffImportTest {

    static final String REGION = "790000000";
    static final String DISTRICT = "799600000";
    static final String HEADER = "bin;iin;last_name;first_name;patronymic;position;subject;contract_number;contract_date;starts_on;ends_on;category";
    static final LocalDate TODAY = LocalDate.now(Almaty.ZONE);

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;

    StaffFixture fixture;
    String settlement;
    String bin;
    String otherRegionBin;
    long school;

    @BeforeAll
    void fixtures() {
        fixture = new StaffFixture(ownerDataSource, YearMonth.of(2006, 9), 7000);
        settlement = fixture.registry.districtWithSettlement(DISTRICT, false);
        school = fixture.registry.organisation(settlement, "Жұлдыз", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        bin = fixture.owner.sql("select bin from organisation where id = ?").param(school).query(String.class).single();
        String elsewhere = fixture.registry.districtWithSettlement("559700000", false);
        long other = fixture.registry.organisation(elsewhere, "Алыс", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        otherRegionBin = fixture.owner.sql("select bin from organisation where id = ?").param(other).query(String.class).single();
    }

    RequestPostProcessor officer() {
        return TestUsers.region(REGION);
    }

    ResultActions upload(String csv, boolean allOrNothing) throws Exception {
        return mvc.perform(post("/api/v1/staff/imports" + (allOrNothing ? "?allOrNothing=true" : "")).with(officer())
                .header("Accept-Language", "en").contentType("text/csv").content(csv.getBytes(StandardCharsets.UTF_8)));
    }

    String row(String bin, Iin iin, String position, String number) {
        return String.join(";", bin, iin.value(), "Оспанов", "Талғат", "", position, "математика", number,
                TODAY.minusYears(2).toString(), TODAY.minusYears(2).plusDays(5).toString(), "", "EXPERT");
    }

    @Test
    @DisplayName("a region's staff file: good rows written, bad rows named (invalid IIN, unknown position, end before start, a school outside the region); the same file again changes nothing")
    void perRowAndIdempotent() throws Exception {
        var a = fixture.adult(1974, Sex.MALE);
        var b = fixture.adult(1976, Sex.FEMALE);
        String badIin = a.value().substring(0, 11) + ((a.value().charAt(11) - '0' + 1) % 10);
        String csv = HEADER + "\n" + row(bin, a, "TEACHER", "17") + "\n" + row(bin, b, "COOK", "18") + "\n"
                + row(bin, a, "TEACHER", "19").replace(a.value(), badIin) + "\n"
                + row(bin, b, "ASTRONAUT", "20") + "\n"
                + row(bin, b, "DRIVER", "21").replace(";;EXPERT", ";" + TODAY.minusYears(3) + ";EXPERT") + "\n"
                + row(otherRegionBin, b, "WATCHMAN", "22") + "\n";
        upload(csv, false).andExpect(status().isOk())
                .andExpect(jsonPath("$.rows").value(6))
                .andExpect(jsonPath("$.accepted").value(2))
                .andExpect(jsonPath("$.rejected").value(4))
                .andExpect(jsonPath("$.inserted").value(2))
                .andExpect(jsonPath("$.rejections[0].row").value(4))
                .andExpect(jsonPath("$.rejections[0].field").value("iin"))
                .andExpect(jsonPath("$.rejections[1].field").value("position"))
                .andExpect(jsonPath("$.rejections[2].field").value("ends_on"))
                .andExpect(jsonPath("$.rejections[3].field").value("bin"))
                .andExpect(jsonPath("$.rejections[3].reason").value("no organisation with the BIN " + otherRegionBin + " within your scope"));
        upload(csv, false).andExpect(jsonPath("$.inserted").value(0)).andExpect(jsonPath("$.unchanged").value(2));
        assertThat(fixture.count("select count(*) from employment_contract c join staff_member m on m.id = c.staff_member_id where m.iin in (?, ?)",
                a.value(), b.value())).isEqualTo(2);
        mvc.perform(get("/api/v1/organisations/" + school + "/staff").with(officer()))
                .andExpect(jsonPath("$.items[?(@.iin == '" + a.value() + "')].position").value("TEACHER"));
    }

    @Test
    @DisplayName("SC-5 a staff file may carry the nationality and a teacher's band of grades taught; the band on another position is a named rejection")
    void nationalityAndGradesTaught() throws Exception {
        var teacher = fixture.adult(1981, Sex.FEMALE);
        var cook = fixture.adult(1982, Sex.MALE);
        String header = HEADER + ";nationality;grades_taught";
        upload(header + "\n" + row(bin, teacher, "TEACHER", "41") + ";KAZAKH;primary\n"
                + row(bin, cook, "COOK", "42") + ";RUSSIAN;BASIC\n", false)
                .andExpect(jsonPath("$.accepted").value(1))
                .andExpect(jsonPath("$.rejections[0].row").value(3))
                .andExpect(jsonPath("$.rejections[0].field").value("grades_taught"));
        assertThat(fixture.count("select count(*) from staff_member m join employment_contract c on c.staff_member_id = m.id "
                + "where m.iin = ? and m.nationality = 'KAZAKH' and c.grades_taught = 'PRIMARY'", teacher.value())).isOne();
    }

    @Test
    @DisplayName("HB-1 existing staff imported with a verdict in force are not refused but flagged; allOrNothing with one bad row writes nothing")
    void flaggedAndAtomic() throws Exception {
        var banned = fixture.adult(1969, Sex.MALE);
        var clean = fixture.adult(1970, Sex.FEMALE);
        mvc.perform(post("/api/v1/court-bans/imports").with(TestUsers.ministry()).contentType("text/csv")
                        .content(StaffFixture.file(StaffFixture.verdict(banned, "Sairam court", "1-5/2018",
                                LocalDate.of(2018, 5, 5), "PEDAGOGICAL", "LIFE"))))
                .andExpect(jsonPath("$.accepted").value(1));
        upload(HEADER + "\n" + row(bin, clean, "TEACHER", "31") + "\n" + row(bin, clean, "NOPE", "32") + "\n", true)
                .andExpect(jsonPath("$.written").value(false)).andExpect(jsonPath("$.accepted").value(0));
        assertThat(fixture.count("select count(*) from staff_member where iin = ?", clean.value())).isZero();
        upload(HEADER + "\n" + row(bin, banned, "TEACHER", "33") + "\n", false)
                .andExpect(jsonPath("$.inserted").value(1)).andExpect(jsonPath("$.flagged").value(1));
        mvc.perform(get("/api/v1/staff/flagged").with(TestUsers.district(DISTRICT)))
                .andExpect(jsonPath("$.items[?(@.iin == '" + banned.value() + "')].verdict.caseNumber").value("1-5/2018"));
    }
}
