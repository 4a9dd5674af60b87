package kz.bilim.access;

import kz.bilim.BilimTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The search-as-you-type helpers of the user form, as a district officer uses them: territories and organisations
 * by what people know (a name, a KATO code, a BIN), only inside the officer's district.
 */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PickersTest {

    static final String REGION = "230000000";
    static final String DISTRICT = "232000000";
    static final String RURAL = "232020000";
    static final String VILLAGE = "232020105";
    static final String OTHER_DISTRICT = "233000000";
    private static final Pattern OPTION = Pattern.compile("<option value=\"([0-9]+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    AccessFixture fixture;

    MockHttpSession officer;
    String schoolBin;
    String otherBin;

    @BeforeAll
    void data() throws Exception {
        fixture.territory(DISTRICT, REGION, 2, "Пикер ауданы");
        fixture.territory(RURAL, DISTRICT, 3, "Пикер округі");
        fixture.territory(OTHER_DISTRICT, REGION, 2, "Көрші аудан");
        // 230 rural districts elsewhere in the country whose names start alike, all listed before a settlement
        var owner = fixture.owner();
        owner.sql("""
                insert into territory (kato, parent_kato, level, name_kk, name_ru, urban)
                values ('231000000', '230000000', 2, 'Көп аудан', 'Много район', false) on conflict do nothing""").update();
        owner.sql("""
                insert into territory (kato, parent_kato, level, name_kk, name_ru, urban)
                select '231' || lpad(n::text, 3, '0') || '000', '231000000', 3, 'Сарыбұлақ ' || n, 'Сарыбулак ' || n, false
                from generate_series(1, 230) n on conflict do nothing""").update();
        owner.sql("""
                insert into territory (kato, parent_kato, level, name_kk, name_ru, urban)
                values (:v, :r, 4, 'Сарыбұлақ ауылы', 'село Сарыбулак', false) on conflict do nothing""")
                .param("v", VILLAGE).param("r", RURAL).update();
        long school = fixture.organisation(2321, VILLAGE);
        long other = fixture.organisation(2331, OTHER_DISTRICT);
        schoolBin = owner.sql("select bin from organisation where id = :id").param("id", school).query(String.class).single();
        otherBin = owner.sql("select bin from organisation where id = :id").param("id", other).query(String.class).single();
        fixture.district("pick.district", DISTRICT);
        officer = fixture.login("pick.district");
    }

    @Test
    @DisplayName("CA-2 a district officer finds a settlement of the district by name although 230 places elsewhere match first")
    void territoryByNameInsideTheDistrict() throws Exception {
        String html = options("/territories/options", "Сарыбұ");
        assertThat(OPTION.matcher(html).results().map(m -> m.group(1)).toList())
                .containsExactly(VILLAGE);
        assertThat(html).contains("Сарыбұлақ ауылы");
    }

    @Test
    @DisplayName("CA-2 a district officer finds territories of the district by KATO code prefix, and none outside")
    void territoryByCode() throws Exception {
        assertThat(OPTION.matcher(options("/territories/options", "2320")).results().map(m -> m.group(1)).toList())
                .containsExactlyInAnyOrder(DISTRICT, RURAL, VILLAGE);
        assertThat(options("/territories/options", "233")).doesNotContain("<option");
    }

    @Test
    @DisplayName("CA-2 the organisation picker offers the district's school by BIN and never one of another district")
    void organisationByBin() throws Exception {
        assertThat(options("/organisations/options", schoolBin.substring(0, 8))).contains("value=\"" + schoolBin + "\"");
        assertThat(options("/organisations/options", otherBin)).doesNotContain("<option");
    }

    @Test
    @DisplayName("CA-2 a school administrator is created by the school's BIN, as people know it; another district's BIN is refused in place")
    void schoolAdminByBin() throws Exception {
        mvc.perform(post("/admin/users").session(officer).with(csrf()).param("username", "pick.head")
                        .param("fullName", "Мектеп директоры").param("role", "ORGANISATION_ADMIN")
                        .param("organisationId", schoolBin).param("locale", "kk").param("enabled", "true")
                        .param("password", "long-enough-pw"))
                .andExpect(redirectedUrlPattern("/admin/users/*?saved"));
        assertThat(fixture.owner().sql("select o.bin from app_user u join organisation o on o.id = u.organisation_id where u.username = 'pick.head'")
                .query(String.class).single()).isEqualTo(schoolBin);
        mvc.perform(post("/admin/users").session(officer).with(csrf()).param("lang", "en").param("username", "pick.other")
                        .param("fullName", "Басқа директор").param("role", "ORGANISATION_ADMIN")
                        .param("organisationId", otherBin).param("password", "long-enough-pw"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("no such organisation in your territory")));
        mvc.perform(post("/admin/users").session(officer).with(csrf()).param("lang", "en").param("username", "pick.typed")
                        .param("fullName", "Аты ғана").param("role", "ORGANISATION_ADMIN")
                        .param("organisationId", "Мектеп").param("password", "long-enough-pw"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("choose an organisation from the list")));
    }

    private String options(String path, String q) throws Exception {
        return mvc.perform(get(path).session(officer).param("q", q)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
