package kz.bilim.browser;

import kz.bilim.TestUsers;
import kz.bilim.collection.AdditionalRequest;
import kz.bilim.collection.DataCollection;
import kz.bilim.collection.FormDefinition;
import kz.bilim.collection.NewForm;
import kz.bilim.collection.Texts;
import kz.bilim.identity.Bin;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.Almaty;
import kz.bilim.kernel.Role;
import kz.bilim.organisation.OrganisationKind;
import kz.bilim.organisation.RegistryFixture;
import kz.bilim.platform.database.OwnerDataSource;
import kz.bilim.signature.PkiIdentity;
import kz.bilim.signature.Signatures;
import kz.bilim.signature.SigningKey;
import kz.bilim.signature.SigningKeys;
import kz.bilim.signature.TestPki;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.context.ActiveProfiles;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * EIS-5, EIS-6 in a real browser: a school head opens the ministry's request, sees the pupils pre-filled, fills the
 * computers, submits with the signature file over the data; the district officer returns it with a comment, which
 * the head then reads.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CollectionBrowserIT {

    private static final String DISTRICT = "478900000"; // a district of Mangystau only this test uses (4789…)
    private static final String SETTLEMENT = "478933101";

    @LocalServerPort
    int port;
    @Autowired
    OwnerDataSource owner;
    @Autowired
    PasswordEncoder passwords;
    @Autowired
    DataCollection collection;
    @Autowired
    SigningKeys keys;
    @Autowired
    Signatures signatures;

    ChromeDriver driver;
    long school;
    long submission;
    long period;
    long formId;
    SigningKey head;

    @BeforeAll
    void seedAndStart() throws Exception {
        var registry = new RegistryFixture(owner, YearMonth.of(2012, 9), 8900);
        registry.districtWithSettlement(DISTRICT, false); // SETTLEMENT
        school = registry.organisation(SETTLEMENT, "Жинақ", "GENERAL_SECONDARY_SCHOOL", 1, "kk");
        var bin = new Bin(registry.owner().sql("select bin from organisation where id = :id").param("id", school)
                .query(String.class).single());
        registry.administrator("collection.head", passwords.encode("collection-head-2026"), "Сәуле Әбенова", school, "kk");
        registry.officer("collection.district", passwords.encode("collection-district-2026"), "Аудан Бөлімі",
                Role.DISTRICT_OFFICER, DISTRICT, "ru");
        registry.owner().sql("""
                insert into app_user (username, password_hash, full_name, role, kato, locale)
                values ('collection.ministry', :hash, 'Министрлік Маманы', 'MINISTRY_ADMIN', '', 'kk')""")
                .param("hash", passwords.encode("collection-ministry-2026")).update();
        Iin iin = registry.nextIin(LocalDate.of(1971, 4, 2), Sex.FEMALE);
        head = TestPki.load(keys.testPkiFolder().orElseThrow(), "bilim-test".toCharArray())
                .issue(PkiIdentity.employee("collection.head", "Әбенова", "Сәуле", null, iin, bin, "Жинақ мектебі"));

        Texts label = new Texts("Компьютерлер", "Компьютеры", "Computers");
        var definition = new FormDefinition(List.of(new FormDefinition.Section("S1",
                new Texts("Мектеп", "Школа", "School"), List.of(
                new FormDefinition.Field("pupils", FormDefinition.FieldType.NUMBER, new Texts("Оқушылар", "Учащиеся", "Pupils"),
                        true, BigDecimal.ZERO, null, true, null, null, null, FormDefinition.Registry.PUPILS, null),
                new FormDefinition.Field("computers", FormDefinition.FieldType.NUMBER, label, true, BigDecimal.ZERO,
                        null, true, null, null, null, null, null)))), List.of());
        var ministry = TestUsers.ministryUser();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(ministry, null, ministry.getAuthorities()));
        try {
            period = collection.request(new AdditionalRequest(new NewForm("T12-BROWSER", 2026, null, null,
                    new Texts("Компьютерлер туралы сұрау", "Запрос о компьютерах", "Request on computers"), null,
                    List.of(OrganisationKind.GENERAL_SECONDARY_SCHOOL), definition),
                    LocalDate.now(Almaty.ZONE).plusDays(7), List.of(school))).orElseThrow().id();
            submission = registry.owner().sql("select id from collection_submission where period_id = ?").param(period)
                    .query(Long.class).single();
            formId = collection.period(period).orElseThrow().formId();
        } finally {
            SecurityContextHolder.clearContext();
        }
        driver = Browser.start();
    }

    @AfterAll
    void stop() {
        if (driver != null) driver.quit();
    }

    private void signIn(String username, String password) {
        Browser.signIn(driver, "http://localhost:" + port, username, password);
    }

    /** The page as it is now at 1366 px and at a phone's 390 px. */
    private void shots(String name) throws Exception {
        Browser.screenshot(driver, name);
        Browser.phone(driver, 390);
        driver.navigate().refresh();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.presenceOfElementLocated(By.tagName("main")));
        Browser.screenshot(driver, name + "-390");
        Browser.desktop(driver);
    }

    @Test
    @DisplayName("EIS-4 the ministry's forms of the year in a real browser, in Kazakh: the list, a form with its periods and the printable form in both languages")
    void ministryForms() throws Exception {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        signIn("collection.ministry", "collection-ministry-2026");
        driver.get("http://localhost:" + port + "/collection/forms");
        var row = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("form-" + formId)));
        assertThat(row.getText()).contains("T12-BROWSER", "Компьютерлер туралы сұрау");
        assertThat(driver.findElement(By.id("define-form")).isDisplayed()).isTrue();
        shots("collection-forms-kk");
        driver.findElement(By.id("form-" + formId)).findElement(By.tagName("a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("period-" + period)));
        assertThat(driver.findElement(By.id("form-code")).getText()).isEqualTo("T12-BROWSER");
        assertThat(driver.findElement(By.id("print-kk")).getAttribute("href")).contains("lang=kk");
        assertThat(driver.findElement(By.id("print-ru")).getAttribute("href")).contains("lang=ru");
        assertThat(driver.findElement(By.id("period-form")).isDisplayed()).isTrue();
        shots("collection-form-kk");
    }

    @Test
    @DisplayName("EIS-5, EIS-6 a school submits its report signed with the head's key; the district returns it with a comment")
    void schoolSubmitsDistrictReturns() throws Exception {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        signIn("collection.head", "collection-head-2026");
        driver.findElement(By.id("nav-collection")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submission-" + submission)))
                .findElement(By.tagName("a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("values-form")));
        assertThat(driver.findElement(By.id("prefilled-pupils")).isDisplayed()).isTrue();
        driver.findElement(By.id("v-computers")).sendKeys("x");
        driver.findElement(By.id("values-save")).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("error-computers"))).getText())
                .isNotBlank();
        var computers = driver.findElement(By.id("v-computers"));
        computers.clear();
        computers.sendKeys("24");
        driver.findElement(By.id("values-save")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("collection-saved")));
        Browser.screenshot(driver, "collection-school-kk");

        // the head signs the data the page offers (as NCALayer would) and attaches the signature file
        var head = TestUsers.organisationAdminUser(school, SETTLEMENT);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(head, null, head.getAuthorities()));
        byte[] content;
        try {
            content = collection.content(submission).orElseThrow();
        } finally {
            SecurityContextHolder.clearContext();
        }
        Path p7s = Files.createTempFile("submission", ".p7s");
        Files.write(p7s, signatures.sign(content, this.head));
        driver.findElement(By.id("signature")).sendKeys(p7s.toAbsolutePath().toString());
        driver.findElement(By.id("submit-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("collection-done")));
        assertThat(driver.findElement(By.id("submission-arrived")).getText()).isNotEqualTo("—");
        Files.deleteIfExists(p7s);

        signIn("collection.district", "collection-district-2026");
        driver.get("http://localhost:" + port + "/collection/submissions/" + submission);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("return-form")));
        assertThat(driver.findElement(By.id("accept-form")).isDisplayed()).isTrue();
        shots("collection-submission-district-ru");
        driver.findElement(By.id("comment")).sendKeys("Компьютеры с интернетом не указаны");
        driver.findElement(By.id("return-button")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("collection-done")));
        Browser.screenshot(driver, "collection-district-ru");

        // EIS-1, EIS-8: the district's dashboard of its schools, the returned one counted
        driver.get("http://localhost:" + port + "/collection/periods/" + period + "/dashboard?kato=" + DISTRICT);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("dashboard-table")));
        assertThat(driver.findElement(By.id("dashboard-chart")).isDisplayed()).isTrue();
        assertThat(driver.findElement(By.id("dashboard-table")).getText()).contains("Жинақ");
        shots("collection-dashboard-ru");

        signIn("collection.head", "collection-head-2026");
        driver.get("http://localhost:" + port + "/collection/submissions/" + submission);
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("submission-comment"))).getText())
                .isEqualTo("Компьютеры с интернетом не указаны");
        assertThat(driver.findElement(By.id("values-save")).isEnabled()).isTrue();
    }
}
