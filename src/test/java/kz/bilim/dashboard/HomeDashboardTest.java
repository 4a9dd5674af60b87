package kz.bilim.dashboard;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.identity.Bin;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import java.time.YearMonth;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/** The home page counts what the viewer is responsible for, per child territory. Region 55 is this test's own. */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HomeDashboardTest {

    static final String DISTRICT_A = "551000000";
    static final String DISTRICT_B = "552000000";

    @Autowired
    MockMvc mvc;

    @Autowired
    OwnerDataSource owner;

    @BeforeAll
    void seed() {
        var db = JdbcClient.create(owner);
        int serial = 55000;
        for (String district : new String[]{DISTRICT_A, DISTRICT_B}) {
            String p = district.substring(0, 4);
            db.sql("""
                    insert into territory (kato, parent_kato, level, name_kk, name_ru, urban) values
                      (:d, '550000000', 2, :kk, :ru, false),
                      (:r, :d, 3, 'Ауылдық округ', 'Сельский округ', false),
                      (:s, :r, 4, 'Ауыл', 'Село', false)""")
                    .param("d", district).param("r", p + "01000").param("s", p + "01001")
                    .param("kk", "Ауданы " + p).param("ru", "Район " + p).update();
            int schools = district.equals(DISTRICT_A) ? 3 : 1;
            for (int i = 0; i < schools; i++) {
                Bin bin = null;
                while (bin == null) bin = Bin.compose(YearMonth.of(2004, 2), Bin.EntityType.RESIDENT, Bin.Attribute.HEAD_OFFICE, serial++);
                db.sql("""
                        insert into organisation (bin, name_kk, name_ru, kind, ownership, kato, urban, languages, shifts)
                        values (:bin, 'Мектеп', 'Школа', 'GENERAL_SECONDARY_SCHOOL', 'STATE', :s, false, array['kk'], 1)""")
                        .param("bin", bin.value()).param("s", p + "01001").update();
            }
        }
    }

    @Test
    @DisplayName("CA-2 a region officer's home page counts the region's districts, each with its own schools")
    void regionOfficerSeesDistricts() throws Exception {
        mvc.perform(get("/").with(TestUsers.region("550000000")).param("lang", "ru"))
                .andExpect(status().isOk())
                .andExpect(view().name("dashboard/home"))
                .andExpect(content().string(containsString("Район 5510")))
                .andExpect(content().string(containsString("Район 5520")))
                .andExpect(content().string(containsString("dashboard-chart")));
    }

    @Test
    @DisplayName("CA-2 a district officer cannot open another district's counts by changing the address")
    void districtOfficerStaysInDistrict() throws Exception {
        mvc.perform(get("/").with(TestUsers.district(DISTRICT_A)).param("kato", DISTRICT_B).param("lang", "kk"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ауданы 5510")))
                .andExpect(content().string(not(containsString("data-kato=\"552001000\""))));
    }

    @Test
    @DisplayName("the ministry's home page lists the 20 top-level territories in Kazakh by default")
    void ministrySeesRegions() throws Exception {
        mvc.perform(get("/").with(TestUsers.ministry()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Қазақстан Республикасы")))
                .andExpect(content().string(containsString("Павлодар облысы")))
                .andExpect(content().string(containsString("Шымкент қаласы")));
    }
}
