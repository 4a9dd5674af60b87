package kz.bilim.territory;

import kz.bilim.kernel.KatoRange;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Browsing and searching the KATO tree, as pages and as API. The fixture is a district of Ulytau region with codes
 * 6297…, used by no other test: one rural district with 120 villages (three pages of 50) and a town.
 */
@BilimTest
class TerritoryBrowseTest {

    static final String DISTRICT = "629700000";
    static final String RURAL = "629710000";
    static final String TOWN = "629720000";

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;
    @Autowired
    Territories territories;

    @BeforeEach
    void fixture() {
        var owner = JdbcClient.create(ownerDataSource);
        String insert = """
                insert into territory (kato, parent_kato, level, name_kk, name_ru, urban)
                values (:kato, :parent, :level, :kk, :ru, :urban) on conflict (kato) do nothing
                """;
        owner.sql(insert).param("kato", DISTRICT).param("parent", "620000000").param("level", 2)
                .param("kk", "Тестқарағай ауданы").param("ru", "Тесткарагайский район").param("urban", false).update();
        owner.sql(insert).param("kato", RURAL).param("parent", DISTRICT).param("level", 3)
                .param("kk", "Қарасу а.о.").param("ru", "Карасуский с.о.").param("urban", false).update();
        owner.sql(insert).param("kato", TOWN).param("parent", DISTRICT).param("level", 3)
                .param("kk", "Тестқала қ.").param("ru", "г.Тестгород").param("urban", true).update();
        owner.sql("""
                insert into territory (kato, parent_kato, level, name_kk, name_ru, urban)
                select '629710' || lpad(n::text, 3, '0'), :rural, 4, 'Ауыл ' || n || ' а.', 'с.Аул ' || n, false
                from generate_series(1, 120) n
                on conflict (kato) do nothing
                """).param("rural", RURAL).update();
    }

    @Test
    @DisplayName("CA-2 GET /api/v1/territories lists the 20 top-level territories with their number of children")
    void regionsApi() throws Exception {
        mvc.perform(get("/api/v1/territories").with(TestUsers.statistics()).header("Accept-Language", "kk"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(20))
                .andExpect(jsonPath("$[0].kato").value("100000000"))
                .andExpect(jsonPath("$[?(@.kato == '350000000')].name").value(hasItem("Қарағанды облысы")))
                .andExpect(jsonPath("$[?(@.kato == '710000000')].urban").value(hasItem(true)))
                .andExpect(jsonPath("$[?(@.kato == '620000000')].children").value(hasItem(org.hamcrest.Matchers.greaterThanOrEqualTo(1))));
    }

    @Test
    @DisplayName("CA-2 GET /api/v1/territories/{kato} answers the node and its path from the region down")
    void nodeApi() throws Exception {
        mvc.perform(get("/api/v1/territories/629710001").with(TestUsers.district(DISTRICT)).header("Accept-Language", "ru"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.territory.level").value(4))
                .andExpect(jsonPath("$.territory.parentKato").value(RURAL))
                .andExpect(jsonPath("$.territory.name").value("с.Аул 1"))
                .andExpect(jsonPath("$.path[*].kato").value(org.hamcrest.Matchers.contains("620000000", DISTRICT, RURAL, "629710001")));
    }

    @Test
    @DisplayName("children come in pages: 120 villages are three pages of 50, the last with 20")
    void childrenPaging() throws Exception {
        mvc.perform(get("/api/v1/territories/" + RURAL + "/children").param("page", "2").param("size", "50")
                        .with(TestUsers.ministry()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.total").value(120))
                .andExpect(jsonPath("$.pages").value(3))
                .andExpect(jsonPath("$.items.length()").value(20))
                .andExpect(jsonPath("$.items[0].kato").value("629710101"))
                .andExpect(jsonPath("$.items[19].kato").value("629710120"));
        mvc.perform(get("/api/v1/territories/" + DISTRICT + "/children").with(TestUsers.ministry()))
                .andExpect(jsonPath("$.items[*].kato").value(org.hamcrest.Matchers.contains(RURAL, TOWN)))
                .andExpect(jsonPath("$.items[0].children").value(120))
                .andExpect(jsonPath("$.items[1].urban").value(true));
    }

    @Test
    @DisplayName("search by a Kazakh name prefix with Kazakh letters, in any case: \"Қар\" finds Қарағанды and Қарасу")
    void searchKazakh() throws Exception {
        mvc.perform(get("/api/v1/territories/search").param("q", "Қар").param("limit", "100").with(TestUsers.ministry()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].kato").value(hasItem("350000000")))
                .andExpect(jsonPath("$[*].kato").value(hasItem(RURAL)));
        mvc.perform(get("/api/v1/territories/search").param("q", "қарас").with(TestUsers.ministry()))
                .andExpect(jsonPath("$[*].kato").value(hasItem(RURAL)))
                .andExpect(jsonPath("$[*].kato").value(not(hasItem("350000000"))));
        // a word after "с." counts as a name start: "Аул 7" is found as the Russian "с.Аул 7"
        mvc.perform(get("/api/v1/territories/search").param("q", "аул 7").with(TestUsers.ministry()))
                .andExpect(jsonPath("$[*].kato").value(hasItem("629710007")));
    }

    @Test
    @DisplayName("search by code prefix returns codes of that subtree only, up to the limit")
    void searchCode() throws Exception {
        mvc.perform(get("/api/v1/territories/search").param("q", "629710").param("limit", "5").with(TestUsers.ministry()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.length()").value(5))
                .andExpect(jsonPath("$[0].kato").value(RURAL))
                .andExpect(jsonPath("$[*].kato").value(everyItem(startsWith("629710"))));
    }

    @Test
    @DisplayName("a malformed code is 422 naming the field and the reason in the caller's language; an unknown one 404")
    void badCodes() throws Exception {
        mvc.perform(get("/api/v1/territories/12AB").with(TestUsers.ministry()).header("Accept-Language", "ru"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.errors[0].field").value("kato"))
                .andExpect(jsonPath("$.errors[0].reason").value("должен состоять из 9 цифр (AB CD EF HIJ) и не начинаться с 00"));
        mvc.perform(get("/api/v1/territories/12AB/children").with(TestUsers.ministry()).header("Accept-Language", "kk"))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].reason").value("9 цифрдан тұруы керек (AB CD EF HIJ) және 00-ден басталмауы керек"));
        mvc.perform(get("/api/v1/territories/629799999").with(TestUsers.ministry()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("NOT_FOUND"));
        mvc.perform(get("/api/v1/territories/" + RURAL + "/children").param("size", "0").with(TestUsers.ministry()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/v1/territories/search").with(TestUsers.ministry()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].field").value("q"));
        mvc.perform(get("/api/v1/territories"))
                .andExpect(status().isUnauthorized());
    }

    @Test
    @DisplayName("CA-2 the tree page lists the 20 territories with names in the reader's language (English shows Russian)")
    void listPage() throws Exception {
        mvc.perform(get("/territories").with(TestUsers.statistics()).param("lang", "kk"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Қарағанды облысы")))
                .andExpect(content().string(containsString("href=\"/territories/350000000\"")))
                .andExpect(content().string(not(containsString("id=\"my-territory\""))));
        mvc.perform(get("/territories").with(TestUsers.statistics()).param("lang", "en"))
                .andExpect(content().string(containsString("Карагандинская область")))
                .andExpect(content().string(containsString("Subdivisions")));
        mvc.perform(get("/territories")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @Test
    @DisplayName("CA-2 a district officer sees the whole tree, with the own territory linked first and highlighted")
    void ownTerritoryFirst() throws Exception {
        mvc.perform(get("/territories").with(TestUsers.district(DISTRICT)).param("lang", "ru"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"my-territory\"")))
                .andExpect(content().string(containsString("href=\"/territories/629700000\"")))
                .andExpect(content().string(containsString("Тесткарагайский район")))
                .andExpect(content().string(containsString("<tr class=\"mine\">")))
                .andExpect(content().string(containsString("Карагандинская область")));
    }

    @Test
    @DisplayName("drill-down: breadcrumb from Territories.path, children paged 50 at a time")
    void drillDown() throws Exception {
        mvc.perform(get("/territories/" + RURAL).param("page", "1").with(TestUsers.ministry()).param("lang", "kk"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("href=\"/territories/620000000\"")))
                .andExpect(content().string(containsString("href=\"/territories/629700000\"")))
                .andExpect(content().string(containsString("aria-current=\"page\"")))
                .andExpect(content().string(containsString("<table id=\"children\">")))
                .andExpect(content().string(containsString("629710051")))
                .andExpect(content().string(containsString("629710100")))
                .andExpect(content().string(not(containsString("629710001<"))))
                .andExpect(content().string(not(containsString("629710101"))))
                .andExpect(content().string(containsString("2-бет, барлығы 3 бет")))
                .andExpect(content().string(containsString("rel=\"next\"")))
                .andExpect(content().string(containsString("rel=\"prev\"")))
                .andExpect(content().string(containsString("aria-label=\"2-бет, барлығы 3 бет\"")))
                .andExpect(content().string(containsString("href=\"/territories/629710000?page=0\"")))
                .andExpect(content().string(containsString("href=\"/territories/629710000?page=2\"")));
        mvc.perform(get("/territories/999").with(TestUsers.ministry())).andExpect(status().isNotFound());
        mvc.perform(get("/territories/629799999").with(TestUsers.ministry())).andExpect(status().isNotFound());
    }

    @Test
    @DisplayName("live search: the htmx fragment returns only the result rows; without script the GET form shows them in the page")
    void searchPage() throws Exception {
        mvc.perform(get("/territories/search").param("q", "Қар").with(TestUsers.ministry()).header("HX-Request", "true")
                        .param("lang", "kk"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"results\"")))
                .andExpect(content().string(containsString("Қарағанды облысы")))
                .andExpect(content().string(containsString("Қарасу а.о.")))
                .andExpect(content().string(not(containsString("<html"))));
        mvc.perform(get("/territories").param("q", "629710").param("lang", "en").with(TestUsers.ministry()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("<html")))
                .andExpect(content().string(containsString("hx-get=\"/territories/search\"")))
                .andExpect(content().string(containsString("629710049")))
                .andExpect(content().string(not(containsString("629710050"))))
                .andExpect(content().string(containsString("Showing the first 50; refine the search")));
    }

    @Test
    @DisplayName("CA-2 the level below a parent: regions under the country, then 4, 6 and 9 digits; none under a village")
    void childLevel() {
        assertThat(territories.childLevel(" ")).contains(new ChildLevel(null, 2, KatoRange.under("")));
        assertThat(territories.childLevel("620000000")).contains(new ChildLevel("620000000", 4, KatoRange.under("62")));
        assertThat(territories.childLevel(DISTRICT)).contains(new ChildLevel(DISTRICT, 6, KatoRange.under("6297")));
        assertThat(territories.childLevel(RURAL)).contains(new ChildLevel(RURAL, 9, KatoRange.under("629710")));
        assertThat(territories.childLevel("629710001")).isEmpty();
        assertThat(territories.childLevel("629799000")).isEmpty();
        assertThatThrownBy(() -> territories.childLevel("62x")).isInstanceOf(IllegalArgumentException.class);
    }
}
