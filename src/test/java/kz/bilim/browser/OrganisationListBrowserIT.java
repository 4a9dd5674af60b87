package kz.bilim.browser;

import kz.bilim.kernel.Role;
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
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import java.time.Duration;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/** A district officer's everyday path in a real browser: sign in, change language, find a school. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OrganisationListBrowserIT {

    private static final String DISTRICT = "631000000"; // a district of East Kazakhstan region, only this test uses 63…

    @LocalServerPort
    int port;

    @Autowired
    OwnerDataSource owner;

    @Autowired
    PasswordEncoder passwords;

    ChromeDriver driver;

    @BeforeAll
    void seedAndStart() throws Exception {
        var registry = new RegistryFixture(owner, YearMonth.of(2000, 6), 6300);
        String settlement = registry.districtWithSettlement(DISTRICT, false);
        String[][] schools = {
                {"Абай атындағы № 1 мектеп", "Школа № 1 имени Абая", "GENERAL_SECONDARY_SCHOOL"},
                {"Жамбыл атындағы № 2 мектеп", "Школа № 2 имени Жамбыла", "GENERAL_SECONDARY_SCHOOL"},
                {"«Балдырған» бөбекжайы", "Ясли-сад «Балдырган»", "PRESCHOOL"},
        };
        for (String[] school : schools)
            registry.owner().sql("""
                    insert into organisation (bin, name_kk, name_ru, kind, ownership, kato, urban, languages, shifts)
                    values (:bin, :kk, :ru, :kind, 'STATE', :kato, false, array['kk','ru'], 2)
                    """).param("bin", registry.nextBin()).param("kk", school[0]).param("ru", school[1])
                    .param("kind", school[2]).param("kato", settlement).update();
        registry.officer("browser.district", passwords.encode("browser-test-2026"), "Айгүл Сапарова",
                Role.DISTRICT_OFFICER, DISTRICT, "ru");
        driver = Browser.start();
    }

    @AfterAll
    void stop() {
        if (driver != null) driver.quit();
    }

    @Test
    @DisplayName("CA-2 a district officer signs in, switches the language and filters the district's organisations")
    void signInSwitchLanguageAndFilter() throws Exception {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        driver.get("http://localhost:" + port + "/login");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Жүйеге кіру");

        driver.findElement(By.id("lang-ru")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Вход"));
        driver.findElement(By.id("username")).sendKeys("browser.district");
        driver.findElement(By.id("password")).sendKeys("browser-test-2026");
        Browser.screenshot(driver, "login-ru");
        driver.findElement(By.id("login-submit")).click();
        // signing in switches to the language of the user's profile (Russian for this officer)
        // The login page has a ".who" too ("Войти"): wait for the page after sign-in, not for the element.
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".who"), "Айгүл Сапарова"));
        assertThat(driver.findElement(By.cssSelector(".who")).getText()).contains("Айгүл Сапарова");

        driver.get("http://localhost:" + port + "/organisations");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("organisation-table")));
        assertThat(rows()).isEqualTo(3);
        assertThat(driver.findElement(By.id("organisation-table")).getText()).contains("Школа № 1 имени Абая");

        new Select(driver.findElement(By.id("filter-kind"))).selectByValue("GENERAL_SECONDARY_SCHOOL");
        driver.findElement(By.id("filter-q")).sendKeys("Абая");
        driver.findElement(By.id("filter-submit")).click();
        wait.until(d -> rows() == 1);
        assertThat(driver.findElement(By.id("organisation-table")).getText())
                .contains("Школа № 1 имени Абая").doesNotContain("Балдырган");
        Browser.screenshot(driver, "organisations-filtered-ru");

        driver.findElement(By.id("lang-kk")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("organisation-table"), "Абай атындағы № 1 мектеп"));
        assertThat(rows()).isEqualTo(1);
        Browser.screenshot(driver, "organisations-filtered-kk");
    }

    @Test
    @DisplayName("the browser's own 'fill in this field' bubble speaks the page's language, not the browser's (Kazakh)")
    void requiredBubbleInThePagesLanguage() {
        driver.manage().deleteAllCookies();
        driver.get("http://localhost:" + port + "/login?lang=ru");
        driver.findElement(By.id("login-submit")).click();
        Object message = driver.executeScript("return document.getElementById('username').validationMessage");
        assertThat(message).isEqualTo("Заполните это поле.");
        driver.get("http://localhost:" + port + "/login?lang=en");
        driver.findElement(By.id("login-submit")).click();
        assertThat(driver.executeScript("return document.getElementById('username').validationMessage"))
                .isEqualTo("Fill in this field.");
    }

    private int rows() {
        return driver.findElements(By.cssSelector("#organisation-table tbody tr")).size();
    }
}
