import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

/**
 * Pictures of the main pages of each demo role at 1366 px (desktop) and 390 px (phone), taken with Debian's headless
 * Chromium from a running application with the demo data: {@code scripts/screenshots.sh [base URL] [folder]}.
 * Each page is captured whole (up to 2,400 px tall), named {@code <user>-<page>-<width>.png}. A third argument, a
 * regular expression, keeps only the pictures whose name matches it (e.g. {@code 'district.*-(children|collection)'}).
 */
public class Screenshots {

    record Shot(String name, String path) {
    }

    record Role(String user, String password, String language, List<Shot> shots) {
    }

    static final List<Role> ROLES = List.of(
            new Role(null, null, "kk", List.of(new Shot("login", "/login"), new Shot("calendar", "/calendar?year=2025"),
                    new Shot("open-data", "/open-data"))),
            new Role("ministry", "demo-ministry-2026", "kk", List.of(new Shot("home", "/"),
                    new Shot("calendar-data", "/admin/calendar"), new Shot("audit", "/audit"),
                    new Shot("collection-forms", "/collection/forms"), new Shot("children", "/children"),
                    new Shot("open-data-dataset", "/open-data/6"))),
            new Role("district.taraz", "demo-district-2026", "ru", List.of(new Shot("home", "/"),
                    new Shot("organisations", "/organisations"), new Shot("pupils", "/enrolments"),
                    new Shot("new-user", "/admin/users/new"))),
            new Role("school.taraz", "demo-school-2026", "kk", List.of(new Shot("home", "/"),
                    new Shot("organisation", "#own-organisation"), new Shot("pupils", "#organisation-pupils"),
                    new Shot("year-end", "#pupil-year-end"))),
            new Role("statistics", "demo-statistics-2026", "ru", List.of(new Shot("home", "/"),
                    new Shot("pivot", "/statistics?indicator=1&rows=region&cols=sex"),
                    new Shot("open-data-late", "/open-data?state=LATE"))),
            new Role("police.zhambyl2", "demo-police-2026", "ru", List.of(new Shot("pupils", "/enrolments"),
                    new Shot("truancy", "/truancy"))),
            new Role("district.zhambyl2", "demo-district2-2026", "kk", List.of(new Shot("children", "/children"),
                    new Shot("school-network", "/standard/network"),
                    new Shot("collection", "/collection"), new Shot("staff-flagged", "/staff/flagged"),
                    new Shot("children-lost", "/children/lost"), new Shot("children-reviews", "/children/reviews"),
                    // ids of the region demo (seed 20261123: the same seed, the same ids): an open review case, and a
                    // child whose sources disagree on the birth date
                    new Shot("children-review", "/children/reviews/2"), new Shot("children-record", "/children/101272"))),
            new Role("school.zhambyl2", "demo-school2-2026", "ru", List.of(new Shot("attendance", "/attendance"),
                    new Shot("collection", "/collection"), new Shot("home", "/"), new Shot("organisation", "#own-organisation"),
                    new Shot("pupils", "#organisation-pupils"), new Shot("year-end", "#pupil-year-end"))),
            new Role("applicant", "demo-applicant-2026", "kk", List.of(new Shot("home", "/"))));

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        Path folder = Path.of(args.length > 1 ? args[1] : "docs/screenshots");
        Files.createDirectories(folder);
        java.util.regex.Pattern only = java.util.regex.Pattern.compile(args.length > 2 ? args[2] : ".*");
        for (int width : new int[]{1366, 390}) {
            for (Role role : ROLES) {
                String who = role.user() == null ? "public" : role.user();
                if (role.shots().stream().noneMatch(shot -> only.matcher(who + "-" + shot.name()).find())) continue;
                var driver = start(width);
                try {
                    if (role.user() != null) {
                        driver.get(base + "/login?lang=" + role.language());
                        driver.findElement(By.id("username")).sendKeys(role.user());
                        driver.findElement(By.id("password")).sendKeys(role.password());
                        driver.findElement(By.id("login-submit")).click();
                    }
                    for (Shot shot : role.shots()) {
                        boolean wanted = only.matcher(who + "-" + shot.name()).find();
                        if (!wanted && !shot.path().startsWith("#")) continue;
                        if (shot.path().startsWith("#")) driver.findElement(By.cssSelector(shot.path())).click();
                        else driver.get(base + shot.path() + (shot.path().contains("?") ? "&" : "?") + "lang=" + role.language());
                        Thread.sleep(700);
                        if (!wanted) continue;
                        long height = ((Number) driver.executeScript("return document.documentElement.scrollHeight")).longValue();
                        driver.manage().window().setSize(new Dimension(width, (int) Math.min(height, 2400)));
                        Thread.sleep(300);
                        String name = who + "-" + shot.name() + "-" + width + ".png";
                        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), folder.resolve(name),
                                StandardCopyOption.REPLACE_EXISTING);
                        driver.manage().window().setSize(new Dimension(width, 900));
                        System.out.println(folder.resolve(name));
                    }
                } finally {
                    driver.quit();
                }
            }
        }
    }

    static ChromeDriver start(int width) throws Exception {
        var options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=" + width + ",900",
                "--user-data-dir=" + Files.createTempDirectory("bilim-screenshots"));
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "kk,ru"));
        var service = new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver")).build();
        return new ChromeDriver(service, options);
    }
}
