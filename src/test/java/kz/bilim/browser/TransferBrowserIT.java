package kz.bilim.browser;

import kz.bilim.identity.Iin;
import kz.bilim.platform.database.OwnerDataSource;
import kz.bilim.signature.SigningKeys;
import kz.bilim.transfer.TransferFixture;
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

/**
 * TR-2, TR-4, TR-17 in a real browser, on a phone (390 px): a parent signs in, applies for their child's transfer
 * (the demo signs on the server with the parent's test key) and sees it in the cabinet; the receiving school's head
 * accepts it into a class on the desk; the parent then finds the signed notification in the cabinet.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransferBrowserIT {

    static final String DISTRICT = "398400000"; // only this test uses 3984…

    @LocalServerPort int port;
    @Autowired OwnerDataSource owner;
    @Autowired SigningKeys keys;
    @Autowired PasswordEncoder passwords;

    ChromeDriver driver;
    TransferFixture fixture;
    long receiving;
    String receivingBin;
    Iin child;

    @BeforeAll
    void seedAndStart() throws Exception {
        fixture = new TransferFixture(owner, keys, YearMonth.of(2013, 4), 8400);
        String settlement = fixture.registry.districtWithSettlement(DISTRICT, true);
        long departing = fixture.school(settlement, "Браузерден шығатын");
        receiving = fixture.school(settlement, "Браузерге қабылдайтын");
        fixture.schoolClass(receiving, 3, "А", 25);
        receivingBin = fixture.owner.sql("select bin from organisation where id = :id").param("id", receiving)
                .query(String.class).single();
        child = fixture.childIin(3);
        fixture.pupil(child, "Браузерова", departing, fixture.schoolClass(departing, 3, "Б", 25), 3, settlement);
        var parent = fixture.applicant("browser.transfer.parent");
        fixture.store(parent.key());
        fixture.owner.sql("update app_user set password_hash = :h where username = 'browser.transfer.parent'")
                .param("h", passwords.encode("browser-parent-2026")).update();
        fixture.registry.administrator("browser.transfer.head", passwords.encode("browser-head-2026"), "Гүлнұр Есенова",
                receiving, "kk");
        driver = Browser.start();
    }

    @AfterAll
    void stop() {
        if (driver != null) driver.quit();
    }

    void signIn(String username, String password) {
        Browser.signIn(driver, "http://localhost:" + port, username, password);
    }

    void type(String id, String text) {
        var field = driver.findElement(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    boolean scrollsSideways() {
        return (Boolean) driver.executeScript("return document.documentElement.scrollWidth > window.innerWidth + 1");
    }

    @Test
    @DisplayName("TR-2 TR-4 TR-17 a parent applies on a phone and a school accepts: the signed notification reaches the cabinet")
    void parentAppliesSchoolAccepts() throws Exception {
        var wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        Browser.phone(driver, 390);
        signIn("browser.transfer.parent", "browser-parent-2026");
        driver.get("http://localhost:" + port + "/transfers/apply");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("apply-form")));
        assertThat(scrollsSideways()).as("the form fits a 390 px phone").isFalse();
        type("childIin", child.value());
        type("childLastName", "Браузерова");
        type("parentPhone", "+7 701 555 44 33");
        type("registeredAddress", "Абай даңғылы, 1");
        type("schoolBin", receivingBin);
        new Select(driver.findElement(By.id("exceptionGround"))).selectByValue("MOVE");
        type("supportingDocument", "Тұрғын үй шарты № 5");
        driver.findElement(By.id("consent")).click();
        Browser.screenshot(driver, "transfer-apply-390");
        driver.findElement(By.id("apply-submit")).click();
        var done = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("transfer-submitted")));
        assertThat(done.getText()).isNotBlank();
        assertThat(driver.findElement(By.id("transfer-state")).getText()).contains("Берілді");
        assertThat(scrollsSideways()).isFalse();
        String url = driver.getCurrentUrl();
        String id = url.replaceAll(".*/transfers/(\\d+).*", "$1");
        Browser.screenshot(driver, "transfer-submitted-390");

        signIn("browser.transfer.head", "browser-head-2026");
        driver.get("http://localhost:" + port + "/transfers/desk");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transfer-" + id)));
        Browser.screenshot(driver, "transfer-desk-390");
        driver.findElement(By.cssSelector("#transfer-" + id + " a")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("accept-form")));
        type("admissionOrder", "№ 3-қ");
        driver.findElement(By.id("accept-submit")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("doc-notice")));
        assertThat(driver.findElement(By.id("transfer-state")).getText()).contains("Қабылданды");

        signIn("browser.transfer.parent", "browser-parent-2026");
        driver.get("http://localhost:" + port + "/transfers/mine");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("transfer-" + id)));
        assertThat(driver.findElement(By.id("transfer-" + id)).getText()).contains("Қабылданды");
        driver.findElement(By.cssSelector("#transfer-" + id + " a")).click();
        var notice = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("doc-notice")));
        assertThat(notice.getAttribute("href")).endsWith("/transfers/" + id + "/notice.pdf");
        assertThat(scrollsSideways()).isFalse();
        Browser.screenshot(driver, "transfer-accepted-390");
    }
}
