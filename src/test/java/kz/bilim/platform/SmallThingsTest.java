package kz.bilim.platform;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** Small things that looked broken: a mistyped address, a breadcrumb that led nowhere, a school titled as its district. */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SmallThingsTest {

    static final String REGION = "610000000";
    static final String DISTRICT = "611000000";
    static final String RURAL = "611010000";

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource owner;

    long school;

    @BeforeAll
    void data() {
        var jdbc = JdbcClient.create(owner);
        jdbc.sql("""
                insert into territory (kato, parent_kato, level, name_kk, name_ru, urban)
                values (:d, :r, 2, 'Ұсақ ауданы', 'Мелкий район', false),
                       (:rural, :d, 3, 'Ұсақ округі', 'Мелкий округ', false)
                on conflict do nothing""").param("d", DISTRICT).param("r", REGION).param("rural", RURAL).update();
        kz.bilim.identity.Bin bin = null;
        for (int serial = 6101; bin == null; serial++)
            bin = kz.bilim.identity.Bin.compose(java.time.YearMonth.of(2006, 1), kz.bilim.identity.Bin.EntityType.RESIDENT,
                    kz.bilim.identity.Bin.Attribute.HEAD_OFFICE, serial);
        school = jdbc.sql("""
                insert into organisation (bin, name_kk, name_ru, kind, ownership, kato, urban, languages, shifts)
                values (:bin, 'Ұсақ мектебі', 'Мелкая школа', 'GENERAL_SECONDARY_SCHOOL', 'STATE', :k, false, '{kk}', 1)
                on conflict (bin) do update set kato = excluded.kato returning id""").param("k", RURAL).param("bin", bin.value())
                .query(Long.class).single();
    }

    @Test
    @DisplayName("a mistyped page address answers the translated 404 page; a mistyped API address problem+json in the caller's language")
    void mistypedAddress() throws Exception {
        String html = mvc.perform(get("/pupils").param("lang", "ru").accept(MediaType.TEXT_HTML).with(TestUsers.ministry()))
                .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("id=\"error-page\"", "Не найдено").doesNotContain("No static resource");
        mvc.perform(get("/api/v1/no-such-thing").header("Accept-Language", "ru").with(TestUsers.ministry()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.detail").value("По этому адресу ничего не найдено."));
    }

    @Test
    @DisplayName("CA-2 a district officer's breadcrumb names their region without a link that would only show the district again")
    void breadcrumbAboveOwnTerritory() throws Exception {
        String html = page("/", TestUsers.district(DISTRICT));
        String crumbs = html.substring(html.indexOf("class=\"crumbs\""), html.indexOf("</nav>", html.indexOf("class=\"crumbs\"")));
        assertThat(crumbs).doesNotContain("kato=" + REGION).contains("kato=" + DISTRICT);
    }

    @Test
    @DisplayName("a school administrator's home is titled as their organisation in its district (not as the district) and leads to it")
    void schoolHomeTitle() throws Exception {
        String html = page("/", TestUsers.organisationAdmin(school, RURAL));
        assertThat(html).contains("Ваша организация · Мелкий район", "href=\"/organisations/" + school + "\"");
    }

    private String page(String path, org.springframework.test.web.servlet.request.RequestPostProcessor user) throws Exception {
        return mvc.perform(get(path).param("lang", "ru").with(user)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
