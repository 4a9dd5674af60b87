package kz.bilim.dashboard;

import kz.bilim.BilimTest;
import kz.bilim.TestUsers;
import kz.bilim.access.BilimUser;
import kz.bilim.kernel.Role;
import kz.bilim.kernel.Scope;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** A parent's home says what they can do here and shows none of the staff's numbers or menus. */
@BilimTest
class ApplicantHomeTest {

    static final BilimUser PARENT = new BilimUser(900009, "test.parent", "", "Ата-ана", Role.APPLICANT,
            Scope.none(), "", null, "kk", true, 0);

    @Autowired
    MockMvc mvc;

    @Test
    @DisplayName("the parent's home names what they can do (find a school, their children, their applications), with no counts")
    void homeSaysWhatAParentCanDo() throws Exception {
        String html = page("/?lang=ru");
        assertThat(html).contains("id=\"applicant-home\"", "Найти школу или детский сад рядом", "свободным местам",
                "Ваши дети", "Ваши заявления");
        assertThat(html).doesNotContain("dashboard-totals", "dashboard-table", "dashboard-chart");
    }

    @Test
    @DisplayName("the parent's menu has no territories, calendar, organisations or API; the organisation list says why it is empty")
    void menuWithoutStaffPages() throws Exception {
        String html = page("/?lang=en");
        String menu = html.substring(html.indexOf("id=\"menu\""), html.indexOf("</nav>", html.indexOf("id=\"menu\"")));
        assertThat(menu).contains("href=\"/\"")
                .doesNotContain("/territories", "/calendar", "/swagger-ui.html", "/organisations", "/account/tokens");
        assertThat(page("/organisations?lang=en")).contains("id=\"organisations-for-parents\"", "opens to parents");
    }

    private String page(String path) throws Exception {
        return mvc.perform(get(path).with(TestUsers.as(PARENT))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
    }
}
