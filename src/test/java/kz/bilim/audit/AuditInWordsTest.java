package kz.bilim.audit;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The audit pages name objects, purposes and details in the reader's language and link to the object. */
@BilimTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditInWordsTest {

    static final String ACTOR = "words.reader";

    @Autowired
    MockMvc mvc;
    @Autowired
    OwnerDataSource ownerDataSource;

    long userEvent;

    @BeforeAll
    void data() {
        var owner = JdbcClient.create(ownerDataSource);
        owner.sql("""
                insert into audit_event (actor, actor_role, action, subject_type, subject_id, kato, organisation_id, purpose, details)
                values (:actor, 'ORGANISATION_ADMIN', 'READ', 'pupil-list', 'organisation:16', '611010000', 16, 'list',
                        '{"page": 0, "rows": 25, "searched": false}'::jsonb),
                       (:actor, 'DISTRICT_OFFICER', 'READ', 'person', '3336', '611010000', 16, 'page:enrolments', '{}'::jsonb)
                """).param("actor", ACTOR).update();
        userEvent = owner.sql("""
                insert into audit_event (actor, actor_role, action, subject_type, subject_id, kato, purpose, details)
                values (:actor, 'MINISTRY_ADMIN', 'UPDATE', 'user', '13', '611000000', 'user administration',
                        '{"changed": ["fullName", "locale"], "role": "DISTRICT_OFFICER", "date": "2026-09-01"}'::jsonb)
                returning id""").param("actor", ACTOR).query(Long.class).single();
    }

    @Test
    @DisplayName("the trail names object types, purposes and details in Russian, with links, and shows no codes or JSON")
    void listInWords() throws Exception {
        String html = page("/audit?actor=" + ACTOR + "&lang=ru");
        assertThat(html)
                .contains("учащиеся организации 16", "href=\"/organisations/16/pupils\"")
                .contains("список на странице", "показано строк:", ">25<", "страница:", ">1<", "поиск по ФИО или ИИН:", ">Нет<")
                .contains("запись о лице 3336", "href=\"/persons/3336?purpose=audit\"",
                        "открыто из списка учащихся территории")
                .doesNotContain("pupil-list", "page:enrolments", "{&quot;page", "&quot;rows&quot;", ">list<");
    }

    @Test
    @DisplayName("one event in Kazakh: the changed fields, the role and the date in words, the user linked")
    void eventInWords() throws Exception {
        String html = page("/audit/" + userEvent + "?lang=kk");
        assertThat(html)
                .contains("пайдаланушы 13", "href=\"/admin/users/13\"", "пайдаланушыларды басқару")
                .contains("аты-жөні, тілі", "Аудандық білім бөлімі", "01.09.2026")
                .doesNotContain("fullName", "DISTRICT_OFFICER", "user administration");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(TestUsers.ministry())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
