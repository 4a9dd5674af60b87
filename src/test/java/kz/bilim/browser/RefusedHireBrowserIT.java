package kz.bilim.browser;

import kz.bilim.identity.Bin;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.Almaty;
import kz.bilim.organisation.RegistryFixture;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * HB-1 in a real browser: a school head fills the hire form for a person whom a court verdict bans from pedagogical
 * positions, and the form refuses, naming the verdict (court, date in force, case) — then hires someone else.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RefusedHireBrowserIT {

    private static final String DISTRICT = "798100000"; // a district of Shymkent, only this test uses 7981…
    private static final String SETTLEMENT = "798133101";

    @LocalServerPort
    int port;

    @Autowired
    OwnerDataSource owner;

    @Autowired
    PasswordEncoder passwords;

    ChromeDriver driver;
    long school;
    Iin banned;
    Iin clean;

    @BeforeAll
    void seedAndStart() throws Exception {
        var registry = new RegistryFixture(owner, YearMonth.of(2007, 9), 8000);
        registry.districtWithSettlement(DISTRICT, true); // SETTLEMENT
        school = registry.organisation(SETTLEMENT, "Абай атындағы № 7", "GENERAL_SECONDARY_SCHOOL", 1, "kk", "ru");
        registry.administrator("browser.head", passwords.encode("browser-head-2026"), "Гүлнар Оспанова", school, "kk");
        var jdbc = registry.owner();
        banned = iin(LocalDate.of(1984, 2, 29), Sex.MALE, 8100);
        clean = iin(LocalDate.of(1992, 10, 5), Sex.FEMALE, 8200);
        jdbc.sql("""
                insert into court_ban (iin, last_name, first_name, birth_date, court, case_number, in_force_on, article, kind, until)
                values (:iin, 'Тыйымов', 'Ерлан', :birth, 'Шымкент қалалық №2 соты', '1-2024/118', date '2024-11-20', '122 УК', 'PEDAGOGICAL', null)
                on conflict do nothing
                """).param("iin", banned.value()).param("birth", banned.birthDate()).update();
        driver = Browser.start();
    }

    private static Iin iin(LocalDate birth, Sex sex, int serial) {
        Iin iin = null;
        while (iin == null) iin = Iin.compose(birth, sex, serial++);
        return iin;
    }

    @AfterAll
    void stop() {
        if (driver != null) driver.quit();
    }

    @Test
    @DisplayName("HB-1 a school head's hire of a person banned by a court verdict is refused on the form, naming the verdict")
    void refusedHire() throws Exception {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        Browser.signIn(driver, "http://localhost:" + port, "browser.head", "browser-head-2026");

        driver.get("http://localhost:" + port + "/organisations/" + school);
        driver.findElement(By.id("organisation-staff")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("staff-hire"))).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hire-form")));
        fill(banned, "Тыйымов", "Ерлан", "TEACHER", "ЕШ-14");
        Browser.screenshot(driver, "hire-form-kk");
        driver.findElement(By.id("hire-save")).click();

        var refusal = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("refusal")));
        assertThat(refusal.getText()).startsWith("HB-1:")
                .contains("Шымкент қалалық №2 соты").contains("20.11.2024").contains("1-2024/118");
        assertThat(driver.findElement(By.id("iin-error")).getText()).contains("1-2024/118");
        assertThat(driver.findElement(By.id("iin")).getAttribute("value")).as("the form keeps what was typed")
                .isEqualTo(banned.value());
        Browser.screenshot(driver, "hire-refused-kk");

        driver.get("http://localhost:" + port + "/organisations/" + school + "/staff/new?lang=ru");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("hire-form")));
        fill(clean, "Әлиева", "Дана", "TEACHER", "ЕШ-15");
        driver.findElement(By.id("hire-save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("staff-saved")));
        assertThat(driver.findElement(By.id("staff-table")).getText()).contains("Әлиева Дана").contains(clean.value())
                .doesNotContain(banned.value());
        Browser.screenshot(driver, "staff-list-ru");
    }

    private void fill(Iin iin, String lastName, String firstName, String position, String number) {
        type("iin", iin.value());
        type("lastName", lastName);
        type("firstName", firstName);
        new Select(driver.findElement(By.id("position"))).selectByValue(position);
        type("contractNumber", number);
    }

    private void type(String id, String text) {
        var input = driver.findElement(By.id(id));
        input.clear();
        input.sendKeys(text);
    }
}
