package kz.bilim.child;

import com.jayway.jsonpath.JsonPath;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.Almaty;
import kz.bilim.organisation.RegistryFixture;
import kz.bilim.platform.database.OwnerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/** Children, files and imports for the child module's tests; each test class its own districts and IIN serials. */
public final class ChildFixture {

    public static final String HEADER = "iin,last_name,first_name,patronymic,birth_date,sex,citizenship,residence_kato";
    public static final LocalDate TODAY = LocalDate.now(Almaty.ZONE);

    public final RegistryFixture registry;
    public final JdbcClient owner;
    private final MockMvc mvc;

    public ChildFixture(OwnerDataSource ownerDataSource, MockMvc mvc, YearMonth binMonth, int iinSerials) {
        this.registry = new RegistryFixture(ownerDataSource, binMonth, iinSerials);
        this.owner = registry.owner();
        this.mvc = mvc;
    }

    public Iin child(int age, Sex sex) {
        return registry.nextIin(TODAY.minusYears(age).minusDays(40), sex);
    }

    public static String row(Iin iin, String last, String first, String residence) {
        return String.join(",", iin.value(), last, first, "", iin.birthDate().toString(),
                iin.sex() == Sex.MALE ? "M" : "F", "KZ", residence);
    }

    public static String file(String header, String... rows) {
        return header + "\r\n" + String.join("\r\n", rows) + "\r\n";
    }

    /** Posts a file and waits for the import to finish; answers the import's JSON. */
    public String imported(RequestPostProcessor user, String source, String kato, byte[] content) throws Exception {
        MvcResult posted = mvc.perform(post("/api/v1/children/imports?source=" + source + (kato == null ? "" : "&kato=" + kato))
                .with(user).header("Accept-Language", "en").contentType("text/csv").content(content)).andReturn();
        if (posted.getResponse().getStatus() != 202)
            throw new AssertionError("import answered " + posted.getResponse().getStatus() + ": "
                    + posted.getResponse().getContentAsString());
        String location = posted.getResponse().getHeader("Location");
        for (int i = 0; i < 200; i++) {
            String body = mvc.perform(get(location).with(user).header("Accept-Language", "en")).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
            String state = JsonPath.read(body, "$.state");
            if (state.equals("DONE") || state.equals("FAILED")) return body;
            Thread.sleep(50);
        }
        throw new AssertionError("the import did not finish");
    }

    public String imported(RequestPostProcessor user, String source, String kato, String csv) throws Exception {
        return imported(user, source, kato, csv.getBytes(StandardCharsets.UTF_8));
    }

    public long count(String sql, Object... params) {
        var spec = owner.sql(sql);
        for (Object p : params) spec = spec.param(p);
        return spec.query(Long.class).single();
    }
}
