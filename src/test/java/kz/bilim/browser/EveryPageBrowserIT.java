package kz.bilim.browser;

import kz.bilim.demo.DemoData;
import kz.bilim.demo.DemoScale;
import kz.bilim.platform.database.OwnerDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page every demo role can reach, on a phone: each demo user (docs/demo-users.md, the tiny demo data) signs in
 * and follows every link of the application from the home page, one page per kind of address (numbers in the path
 * and query values do not make a new kind). Each page is loaded at 390 px (a common phone) and must not scroll
 * sideways, must show no untranslated message key and no error page, and must pass axe-core's WCAG 2.1 A/AA rules.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryPageBrowserIT {

    static final int PHONE = 390;
    static final int MAX_PAGES_PER_ROLE = 60;
    private static final Pattern USER_ROW = Pattern.compile("^\\| `([^`]+)` \\| `([^`]+)` \\| ([A-Z_]+) \\|");
    /** Addresses not to follow: signing out, other languages (they would change the session's language), the API. */
    private static final Pattern SKIP = Pattern.compile(
            "^/(logout|swagger-ui|v3/|api/|webjars/|css/|js/|actuator).*|.*[?&]lang=.*");

    @LocalServerPort
    int port;

    @Autowired
    OwnerDataSource owner;

    @Autowired
    DemoData demo;

    ChromeDriver driver;
    String axe;

    @BeforeAll
    void loadDemoAndStart() throws IOException {
        boolean loaded = JdbcClient.create(owner).sql("select exists (select 1 from app_user where username = 'ministry')")
                .query(Boolean.class).single();
        if (!loaded) demo.load(DemoScale.TINY, 20261123L);
        try (var script = getClass().getResourceAsStream("/axe.min.js")) {
            assertThat(script).as("axe-core (com.deque.html.axe-core:selenium) on the test class path").isNotNull();
            axe = new String(script.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        driver = Browser.start();
    }

    @AfterAll
    void stop() {
        if (driver != null) driver.quit();
    }

    static Stream<DemoUser> demoUsers() throws IOException {
        return Files.readAllLines(Path.of("docs", "demo-users.md")).stream()
                .map(USER_ROW::matcher).filter(java.util.regex.Matcher::find)
                .map(m -> new DemoUser(m.group(1), m.group(2), m.group(3)));
    }

    record DemoUser(String username, String password, String role) {
        @Override
        public String toString() {
            return username + " (" + role + ")";
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("demoUsers")
    @DisplayName("every page of a demo role fits a 390 px phone and passes axe-core")
    void everyPageFitsAPhoneAndPassesAxe(DemoUser user) {
        signIn(user);
        Browser.phone(driver, PHONE);
        List<String> problems = new ArrayList<>();
        Map<String, String> visited = new LinkedHashMap<>();
        var queue = new ArrayDeque<String>(List.of("/"));
        Set<String> kinds = new LinkedHashSet<>();
        kinds.add(kind("/"));
        while (!queue.isEmpty() && visited.size() < MAX_PAGES_PER_ROLE) {
            String path = queue.poll();
            driver.get(base() + path);
            visited.put(kind(path), path);
            problems.addAll(check(path));
            for (String link : links()) {
                if (kinds.add(kind(link))) queue.add(link);
            }
        }
        // a parent has their home only (until the transfer service lands); staff reach many pages
        assertThat(visited).as("pages reached by %s", user).hasSizeGreaterThan(user.role().equals("APPLICANT") ? 0 : 2);
        System.out.printf("%s: %d pages checked%n", user, visited.size());
        assertThat(problems).as("pages of %s at %d px", user, PHONE).isEmpty();
    }

    private List<String> check(String path) {
        List<String> problems = new ArrayList<>();
        long overflow = ((Number) driver.executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
        if (overflow > 0) problems.add(path + ": the page scrolls sideways by " + overflow + " px" + widest());
        String text = driver.findElement(By.tagName("body")).getText();
        if (text.contains("??")) problems.add(path + ": an untranslated message key");
        if (!driver.findElements(By.id("error-page")).isEmpty())
            problems.add(path + ": the error page (" + driver.findElement(By.tagName("h1")).getText() + ")");
        problems.addAll(axe(path));
        return problems;
    }

    /** What sticks out furthest to the right, to say where the overflow comes from. */
    private String widest() {
        Object found = driver.executeScript("""
                let worst = null, right = document.documentElement.clientWidth;
                for (const e of document.body.querySelectorAll('*')) {
                  const r = e.getBoundingClientRect();
                  if (r.right > right + 0.5) { right = r.right; worst = e; }
                }
                return worst ? worst.tagName.toLowerCase() + (worst.id ? '#' + worst.id : '')
                    + (worst.className ? '.' + String(worst.className).replace(/ /g, '.') : '') : null;""");
        return found == null ? "" : " (widest: " + found + ")";
    }

    @SuppressWarnings("unchecked")
    private List<String> axe(String path) {
        driver.executeScript(axe);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        var violations = (List<Map<String, Object>>) driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
                   .then(r => done(r.violations.map(v => ({id: v.id, help: v.help,
                        targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))))
                   .catch(e => done([{id: 'axe-error', help: String(e), targets: []}]));""");
        return violations.stream().map(v -> path + ": axe " + v.get("id") + " — " + v.get("help") + " " + v.get("targets"))
                .toList();
    }

    private void signIn(DemoUser user) {
        Browser.desktop(driver);
        Browser.signIn(driver, base(), user.username(), user.password());
    }

    /** Same-site links of the page (path and query), without the ones not to follow. */
    private List<String> links() {
        List<String> found = new ArrayList<>();
        for (WebElement a : driver.findElements(By.cssSelector("a[href]"))) {
            String href = a.getDomAttribute("href");
            if (href == null || href.startsWith("#") || href.startsWith("mailto:") || href.startsWith("tel:")) continue;
            URI uri = URI.create(base() + "/").resolve(href.replace(" ", "%20"));
            if (!uri.getAuthority().equals("localhost:" + port)) continue;
            String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            if (!SKIP.matcher(path).matches()) found.add(path);
        }
        return found;
    }

    /** The kind of a page: its path with numbers replaced, and the names of its query parameters. */
    static String kind(String path) {
        int q = path.indexOf('?');
        String p = (q < 0 ? path : path.substring(0, q)).replaceAll("/[0-9]+(?=/|$)", "/{n}");
        if (q < 0) return p;
        var names = new java.util.TreeSet<String>();
        for (String pair : path.substring(q + 1).split("&")) names.add(pair.split("=", 2)[0]);
        return p + "?" + String.join("&", names);
    }

    private String base() {
        return "http://localhost:" + port;
    }
}
