package kz.bilim.browser;

import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.Almaty;
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

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9 in a real browser, on a phone of 390 px: a district officer uploads a Justice file, watches the progress bar
 * to the end, sees the counts and downloads the rejection report, which names the bad row in Russian.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChildUploadBrowserIT {

    private static final String DISTRICT = "629500000"; // a district of Ulytau region, only this test uses 6295…
    private static final String SETTLEMENT = "629533101";

    @LocalServerPort
    int port;
    @Autowired
    OwnerDataSource owner;
    @Autowired
    PasswordEncoder passwords;

    ChromeDriver driver;

    @BeforeAll
    void seedAndStart() throws Exception {
        var registry = new RegistryFixture(owner, YearMonth.of(2000, 7), 6900);
        registry.districtWithSettlement(DISTRICT, false); // SETTLEMENT
        registry.officer("browser.child.district", passwords.encode("browser-district-2026"), "Айгүл Серікова",
                Role.DISTRICT_OFFICER, DISTRICT, "ru");
        driver = Browser.start();
    }

    @AfterAll
    void stop() {
        if (driver != null) driver.quit();
    }

    @Test
    @DisplayName("CA-1 CA-2 an upload in the browser: the progress bar runs to the end, the counts show, the rejection report names the bad row")
    void upload() throws Exception {
        LocalDate today = LocalDate.now(Almaty.ZONE);
        Iin a = iin(today.minusYears(8), Sex.MALE, 6950);
        Iin b = iin(today.minusYears(4), Sex.FEMALE, 6960);
        var csv = Files.createTempFile("justice-", ".csv");
        Files.writeString(csv, "iin,last_name,first_name,patronymic,birth_date,sex,citizenship,residence_kato\r\n"
                + String.join(",", a.value(), "Браузеров", "Ерасыл", "", a.birthDate().toString(), "M", "KZ", SETTLEMENT) + "\r\n"
                + String.join(",", b.value(), "Браузерова", "Аружан", "", b.birthDate().toString(), "F", "KZ", SETTLEMENT) + "\r\n"
                + String.join(",", "", "", "Безфамильный", "", "2019-05-05", "M", "KZ", SETTLEMENT) + "\r\n",
                StandardCharsets.UTF_8);
        var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        Browser.phone(driver, 390);
        Browser.signIn(driver, "http://localhost:" + port, "browser.child.district", "browser-district-2026");
        driver.get("http://localhost:" + port + "/children/imports?lang=ru");
        new Select(driver.findElement(By.id("child-source"))).selectByValue("JUSTICE");
        assertThat(driver.findElement(By.id("child-kato")).getAttribute("value")).isEqualTo(DISTRICT);
        driver.findElement(By.id("child-file")).sendKeys(csv.toAbsolutePath().toString());
        driver.findElement(By.id("child-upload-submit")).click();
        assertThat(driver.findElement(By.id("child-rejections")).isDisplayed()).isFalse();
        wait.until(ExpectedConditions.textToBe(By.id("child-state"), "Готово"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("child-rejections")));
        assertThat(driver.findElement(By.id("child-progress-bar")).getDomProperty("value")).isEqualTo("100");
        assertThat(driver.findElement(By.id("child-state")).getText()).isEqualTo("Готово");
        assertThat(driver.findElement(By.id("child-rows")).getText()).isEqualTo("3");
        assertThat(driver.findElement(By.id("child-accepted")).getText()).isEqualTo("2");
        assertThat(driver.findElement(By.id("child-rejected")).getText()).isEqualTo("1");
        Browser.screenshot(driver, "child-upload-ru-390");
        String report = driver.findElement(By.id("child-rejections")).getAttribute("href");
        String text = (String) driver.executeAsyncScript(
                "var done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", report);
        assertThat(text).contains("row,field,reason").contains("4,last_name,");
        driver.get("http://localhost:" + port + "/children?kato=" + DISTRICT + "&lang=kk");
        assertThat(driver.findElement(By.id("list-SCHOOL_AGE")).getText()).startsWith("1");
        assertThat(driver.findElement(By.id("list-PRESCHOOL_AGE")).getText()).startsWith("1");
        Browser.screenshot(driver, "child-lists-kk-390");
        Files.deleteIfExists(csv);
    }

    private static Iin iin(LocalDate birth, Sex sex, int serial) {
        Iin iin = null;
        while (iin == null) iin = Iin.compose(birth, sex, serial++);
        return iin;
    }
}
