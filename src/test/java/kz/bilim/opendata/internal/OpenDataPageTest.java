package kz.bilim.opendata.internal;

import kz.bilim.TestUsers;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The open-data pages on 3 December 2026: public reading in Kazakh and Russian, the ministry's publishing forms. */
@kz.bilim.BilimTestOnFixedDay
class OpenDataPageTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;

    @Test
    @DisplayName("OD-1 anyone reads the catalogue page without signing in: each dataset's period, due day and state, kk and ru")
    void publicCatalogue() throws Exception {
        mvc.perform(get("/open-data")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Ашық деректер")))
                .andExpect(content().string(containsString("id=\"dataset-61\"")))
                .andExpect(content().string(containsString("Мектепке тасымалдау ұйымдастырылған балалардың саны")))
                .andExpect(content().string(containsString("есепті тоқсаннан кейінгі айдың 10-на дейін")))
                .andExpect(content().string(containsString("мерзімі өтті")));
        mvc.perform(get("/open-data").param("lang", "ru").param("state", "LATE")).andExpect(status().isOk())
                .andExpect(content().string(containsString("Численность детей, для которых организован подвоз к школе")))
                .andExpect(content().string(containsString("просрочен")))
                .andExpect(content().string(not(containsString("id=\"dataset-2\"")))); // due in Q4: not late
        mvc.perform(get("/open-data/6").param("lang", "ru")).andExpect(status().isOk())
                .andExpect(content().string(containsString("№ 6. Реестр общеобразовательных школ")))
                .andExpect(content().string(not(containsString("id=\"upload\""))));
    }

    @Test
    @DisplayName("OD-3 the ministry's upload form refuses a file with an IIN in place, in Russian, and stores nothing")
    void uploadForm() throws Exception {
        var owner = JdbcClient.create(ownerDataSource);
        int before = owner.sql("select count(*) from open_dataset_release where dataset = 16").query(Integer.class).single();
        mvc.perform(get("/open-data/16").with(TestUsers.ministry())).andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"upload\"")))
                .andExpect(content().string(not(containsString("id=\"generate\""))));
        var withIin = new MockMultipartFile("file", "centres.csv", "text/csv",
                "city,head_iin\nАстана,150402500018\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        mvc.perform(multipart("/open-data/16/upload").file(withIin).param("period", "2026").param("lang", "ru")
                        .with(TestUsers.ministry()).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("id=\"errors\"")))
                .andExpect(content().string(containsString("head_iin")));
        assertThat(owner.sql("select count(*) from open_dataset_release where dataset = 16").query(Integer.class)
                .single()).isEqualTo(before);
        var good = new MockMultipartFile("file", "centres.csv", "text/csv",
                "city,centres\nАстана,3\nАлматы,4\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        mvc.perform(multipart("/open-data/16/upload").file(good).param("period", "2026")
                        .with(TestUsers.ministry()).with(csrf()))
                .andExpect(redirectedUrl("/open-data/16")).andExpect(flash().attributeExists("published"));
        assertThat(owner.sql("select count(*) from open_dataset_release where dataset = 16").query(Integer.class)
                .single()).isEqualTo(before + 1);
    }
}
