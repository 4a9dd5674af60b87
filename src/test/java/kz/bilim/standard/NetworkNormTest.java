package kz.bilim.standard;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.organisation.RegistryFixture;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * MS-1 on a district made for it (Turkistan region, 617700000): five settlements — four rural with 4 and 5 school-age
 * children, 41 and 81 pupils, one town — and their schools.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkNormTest {

    static final String DISTRICT = "617700000";
    static final String RURAL = "617733000";
    static final String FEW = "617733101", FIVE = "617733102", FORTY_ONE = "617733103", EIGHTY_ONE = "617733104",
            TOWN = "617733105";

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    Clock clock;

    RegistryFixture fixture;
    int serial;

    @BeforeAll
    void district() {
        fixture = new RegistryFixture(ownerDataSource, YearMonth.of(2013, 7), 7700);
        fixture.territory(DISTRICT, "610000000", 2, false);
        fixture.territory(RURAL, DISTRICT, 3, false);
        for (String s : new String[]{FEW, FIVE, FORTY_ONE, EIGHTY_ONE}) fixture.territory(s, RURAL, 4, false);
        fixture.territory(TOWN, RURAL, 4, true);
        LocalDate today = LocalDate.now(clock);
        children(FEW, 4, today.minusYears(9), null);
        children(FEW, 3, today.minusYears(4), null);       // preschool age: not counted
        children(FIVE, 5, today.minusYears(12), null);     // school age, enrolled nowhere
        children(FIVE, 2, today.minusYears(18).minusDays(1), null); // adults: not counted
        long primary = fixture.organisation(FORTY_ONE, "Бастауыш", "PRIMARY_SCHOOL", 1, "kk");
        children(FORTY_ONE, 41, today.minusYears(11), primary);
        long secondary = fixture.organisation(EIGHTY_ONE, "Орта", "GENERAL_SECONDARY_SCHOOL", 2, "kk");
        children(EIGHTY_ONE, 81, today.minusYears(14), secondary);
        fixture.organisation(FIVE, "Арнайы", "SPECIAL_SCHOOL", 1, "kk"); // a special school does not meet the norm
        children(TOWN, 10, today.minusYears(8), null);
    }

    /** Children of the single database living in the settlement, held by the school source at the school, or by Justice. */
    private void children(String kato, int count, LocalDate born, Long school) {
        for (int i = 0; i < count; i++) {
            String surname = "Желі" + (serial++);
            long id = fixture.owner().sql("""
                            insert into child (last_name, first_name, birth_date, sex, kato, name_key, held)
                            values (:l, 'Бала', :b, 'MALE', :k, child_name_key(:l, 'Бала'), :h) returning id""")
                    .param("l", surname).param("b", born).param("k", kato).param("h", school == null ? 16 : 2)
                    .query(Long.class).single();
            if (school != null)
                fixture.owner().sql("""
                                insert into child_source (child_id, source, origin, territory, last_name, first_name,
                                                          birth_date, sex, citizenship, residence_kato, organisation_id)
                                values (:c, 'EMIS_SCHOOL', 'REGISTRY', :k, :l, 'Бала', :b, 'MALE', 'KZ', :k, :o)""")
                        .param("c", id).param("k", kato).param("l", surname).param("b", born).param("o", school)
                        .update();
        }
    }

    @Test
    @DisplayName("MS-1 a rural settlement is guaranteed a primary school at 5 school-age children, basic at 41 pupils, secondary at 81")
    void norm() throws Exception {
        mvc.perform(get("/api/v1/standard/network").param("kato", DISTRICT).with(TestUsers.district(DISTRICT)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.thresholds.PRIMARY").value(5))
                .andExpect(jsonPath("$.shortfalls").value(2))
                .andExpect(jsonPath("$.settlements", hasSize(4))) // the town is not rural
                // shortfalls first: 5 children and no school; 41 pupils and only a primary school
                .andExpect(jsonPath("$.settlements[0].kato").value(FIVE))
                .andExpect(jsonPath("$.settlements[0].schoolAgeChildren").value(5))
                .andExpect(jsonPath("$.settlements[0].pupils").value(0))
                .andExpect(jsonPath("$.settlements[0].offered").value("NONE"))
                .andExpect(jsonPath("$.settlements[0].guaranteed").value("PRIMARY"))
                .andExpect(jsonPath("$.settlements[1].kato").value(FORTY_ONE))
                .andExpect(jsonPath("$.settlements[1].pupils").value(41))
                .andExpect(jsonPath("$.settlements[1].offered").value("PRIMARY"))
                .andExpect(jsonPath("$.settlements[1].guaranteed").value("BASIC"))
                .andExpect(jsonPath("$.settlements[1].shortfall").value(true))
                .andExpect(jsonPath("$.settlements[2].kato").value(FEW))
                .andExpect(jsonPath("$.settlements[2].schoolAgeChildren").value(4))
                .andExpect(jsonPath("$.settlements[2].guaranteed").value("NONE"))
                .andExpect(jsonPath("$.settlements[2].shortfall").value(false))
                .andExpect(jsonPath("$.settlements[3].kato").value(EIGHTY_ONE))
                .andExpect(jsonPath("$.settlements[3].pupils").value(81))
                .andExpect(jsonPath("$.settlements[3].guaranteed").value("GENERAL_SECONDARY"))
                .andExpect(jsonPath("$.settlements[3].shortfall").value(false));
    }

    @Test
    @DisplayName("MS-1 the review is scoped: another district's officer gets 404, the region's officer sees it, a region is refused")
    void scope() throws Exception {
        mvc.perform(get("/api/v1/standard/network").param("kato", DISTRICT).with(TestUsers.district("611100000")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/standard/network").param("kato", DISTRICT).with(TestUsers.region("610000000")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.shortfalls").value(2));
        mvc.perform(get("/api/v1/standard/network").param("kato", "610000000").with(TestUsers.region("610000000")))
                .andExpect(status().isUnprocessableContent()).andExpect(jsonPath("$.errors[0].field").value("kato"));
        mvc.perform(get("/api/v1/standard/network").param("kato", "61x").with(TestUsers.ministry()))
                .andExpect(status().isUnprocessableContent());
        mvc.perform(get("/api/v1/standard/network").param("kato", DISTRICT).with(TestUsers.statistics()))
                .andExpect(status().isForbidden());
    }

    @Test
    @DisplayName("MS-1 the district officer's page opens their own district, shortfalls marked, in Kazakh and Russian")
    void page() throws Exception {
        mvc.perform(get("/standard/network").with(TestUsers.district(DISTRICT))).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"settlement-" + FIVE + "\"")))
                .andExpect(content().string(containsString("нормативтен төмен")))
                .andExpect(content().string(containsString("саны 5 және одан артық")))
                .andExpect(content().string(not(containsString("id=\"settlement-" + TOWN + "\""))));
        mvc.perform(get("/standard/network").param("lang", "ru").with(TestUsers.district(DISTRICT)))
                .andExpect(content().string(containsString("ниже норматива")))
                .andExpect(content().string(containsString("основная школа")));
    }
}
