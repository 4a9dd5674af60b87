package kz.bilim.staff.internal;

import kz.bilim.BenchmarkRunner;
import kz.bilim.access.BilimUser;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.Role;
import kz.bilim.kernel.Scope;
import kz.bilim.platform.database.OwnerDataSource;
import kz.bilim.staff.CourtBans;
import kz.bilim.staff.EducationLevel;
import kz.bilim.staff.ImportReport;
import kz.bilim.staff.QualificationCategory;
import kz.bilim.staff.StaffBulkWriter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;

/**
 * {@code --bilim.staff.benchmark=450000}: the HB-1 benchmark of issue 10 on a fresh temporary database. Loads 20,000
 * organisations and that many staff with one contract each through {@link StaffBulkWriter}, imports a national verdict
 * file of {@code bilim.staff.benchmark-bans} (50,000) bans through the register (read, check, COPY, merge, and the one
 * statement that checks every current contract), times that statement alone, then the hiring check over HTTP
 * (refused and successful hires with an API token, one at a time), prints the numbers — and, with
 * {@code bilim.staff.benchmark-yardstick=<path of pg-yardstick.sh>}, the yardstick on the same database — and exits.
 */
@Component
@Order(2)
class StaffBenchmark extends BenchmarkRunner {

    private static final int ORGANISATIONS = 20_000;
    private static final String[] PEDAGOGICAL = {"TEACHER", "TEACHER", "TEACHER", "EDUCATOR", "DEPUTY_DIRECTOR", "PSYCHOLOGIST"};
    private static final String[] SUPPORT = {"COOK", "DRIVER", "WATCHMAN", "CLEANER", "ACCOUNTANT", "LIBRARIAN", "NURSE"};

    private final int bans;
    private final StaffBulkWriter writer;
    private final CourtBans register;
    private final OwnerDataSource ownerDataSource;
    private final Clock clock;

    StaffBenchmark(@Value("${bilim.staff.benchmark:}") String setting, @Value("${bilim.staff.benchmark-bans:50000}") int bans,
                   @Value("${bilim.staff.benchmark-yardstick:}") String yardstick, StaffBulkWriter writer,
                   CourtBans register, OwnerDataSource ownerDataSource, ConfigurableApplicationContext context,
                   Clock clock) {
        super(setting, yardstick, context);
        this.bans = bans;
        this.writer = writer;
        this.register = register;
        this.ownerDataSource = ownerDataSource;
        this.clock = clock;
    }

    @Override
    protected void measure(int staff) throws Exception {
        var owner = JdbcClient.create(ownerDataSource);
        LocalDate today = LocalDate.now(clock);
        machine("Bilim staff benchmark (HB-1)", null);

        long t0 = System.nanoTime();
        List<long[]> orgs = new ArrayList<>();
        List<String> katos = new ArrayList<>();
        owner.sql("""
                insert into organisation (bin, name_kk, name_ru, kind, ownership, kato, urban, languages)
                select b.bin, 'Мектеп ' || b.g, 'Школа ' || b.g,
                       case when b.g % 5 < 2 then 'PRESCHOOL' else 'GENERAL_SECONDARY_SCHOOL' end, 'STATE', t.kato, false, '{kk}'
                  from unnest(string_to_array(:bins, ',')) with ordinality as b (bin, g)
                  join (select kato, (row_number() over (order by kato) - 1)::int as i from territory where level = 1) t
                    on t.i = b.g % (select count(*) from territory where level = 1)
                returning id, kato, kind
                """).param("bins", bins()).query((rs, n) -> {
            orgs.add(new long[]{rs.getLong("id"), rs.getString("kind").equals("PRESCHOOL") ? 1 : 0});
            katos.add(rs.getString("kato"));
            return null;
        }).list();
        out("organisations: %,d in %.1f s", orgs.size(), seconds(t0));

        var written = writer.write(employees(staff, orgs, katos, today));
        out("staff bulk load: %,d employees, %,d contracts in %.1f s (COPY + set-based insert, indexes kept)",
                written.employees(), written.contracts(), written.millis() / 1000.0);

        var file = verdictFile(staff, today);
        SecurityContextHolder.getContext().setAuthentication(ministry());
        long t1 = System.nanoTime();
        ImportReport report = register.importCsv(file.getBytes(StandardCharsets.UTF_8), false).orElseThrow();
        double importSeconds = seconds(t1);
        SecurityContextHolder.clearContext();
        out("verdict file import: %,d rows, %,d accepted, %,d rejected, %,d contracts flagged in %.2f s "
                        + "(read, check rows, COPY, merge, check against every contract, audit)",
                report.rows(), report.accepted(), report.rejected(), report.flagged(), importSeconds);

        double[] check = new double[3];
        for (int i = 0; i < check.length; i++) {
            owner.sql("delete from staff_ban_flag").update();
            long t = System.nanoTime();
            int flagged = owner.sql("select bilim_flag_contracts_of_ban_import(:id, :today)")
                    .param("id", report.importId()).param("today", today).query(Integer.class).single();
            check[i] = seconds(t);
            if (flagged != report.flagged()) throw new IllegalStateException("the check flagged " + flagged);
        }
        long current = owner.sql("select count(*) from employment_contract where dismissed_on is null").query(Long.class).single();
        Arrays.sort(check);
        out("set-based check, one statement: %,d bans against %,d current contracts: %.2f s (median of 3; %.2f–%.2f)",
                report.accepted(), current, check[1], check[0], check[2]);

        http(owner, orgs, today);

        yardstick(owner);
    }

    /** Valid BINs (check digit and all) for the benchmark's organisations, registered in 2008–2010. */
    private static String bins() {
        var bins = new ArrayList<String>(ORGANISATIONS);
        for (int serial = 1; bins.size() < ORGANISATIONS; serial++) {
            var bin = kz.bilim.identity.Bin.compose(java.time.YearMonth.of(2008 + serial / 90_000, 1 + serial % 12),
                    kz.bilim.identity.Bin.EntityType.RESIDENT, kz.bilim.identity.Bin.Attribute.HEAD_OFFICE, serial % 90_000);
            if (bin != null) bins.add(bin.value());
        }
        return String.join(",", bins);
    }

    /** The staff: 60% pedagogues, IINs valid and unique (birth day × sex × serial), births 1960–1999. */
    private static Iterator<StaffBulkWriter.Employee> employees(int count, List<long[]> orgs, List<String> katos,
                                                                 LocalDate today) {
        return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < count;
            }

            @Override
            public StaffBulkWriter.Employee next() {
                int n = i++;
                int o = n % orgs.size();
                Iin iin = staffIin(n);
                boolean pedagogue = n % 10 < 6;
                boolean preschool = orgs.get(o)[1] == 1;
                String position = pedagogue ? (preschool ? "EDUCATOR" : PEDAGOGICAL[n % PEDAGOGICAL.length])
                        : SUPPORT[n % SUPPORT.length];
                return new StaffBulkWriter.Employee(orgs.get(o)[0], katos.get(o), iin.value(), "Қызметкер",
                        "Аты" + (n % 700), null, iin.birthDate(), iin.sex(),
                        pedagogue ? EducationLevel.HIGHER : EducationLevel.TECHNICAL_VOCATIONAL, null,
                        pedagogue ? QualificationCategory.values()[1 + n % 5] : null, n % 35, position, null,
                        pedagogue ? BigDecimal.valueOf(18) : BigDecimal.valueOf(40), "ЕШ-" + n,
                        today.minusYears(1 + n % 10).withDayOfMonth(20), today.minusYears(1 + n % 10).withDayOfMonth(25),
                        null, null);
            }
        };
    }

    static Iin staffIin(int n) {
        LocalDate birth = LocalDate.of(1960, 1, 1).plusDays(n % 14_600);
        Sex sex = (n / 14_600) % 2 == 0 ? Sex.MALE : Sex.FEMALE;
        int serial = n / 29_200;
        Iin iin = null;
        for (int k = 0; iin == null; k++) iin = Iin.compose(birth, sex, serial + 100 * k);
        return iin;
    }

    /** Born 1940–1959: never staff of the benchmark. */
    static Iin outsiderIin(int n) {
        LocalDate birth = LocalDate.of(1940, 1, 1).plusDays(n % 7_300);
        Sex sex = (n / 7_300) % 2 == 0 ? Sex.MALE : Sex.FEMALE;
        Iin iin = null;
        for (int k = 0; iin == null; k++) iin = Iin.compose(birth, sex, n / 14_600 + 100 * k);
        return iin;
    }

    /** One ban in ten for a current employee (every 90th), the rest for people outside the registry. */
    private String verdictFile(int staff, LocalDate today) {
        var csv = new StringBuilder(bans * 120);
        csv.append("iin,last_name,first_name,birth_date,court,case_number,in_force_on,article,banned,until\n");
        String[] kinds = {"PEDAGOGICAL", "WORK_WITH_MINORS", "POSITION:DRIVER"};
        int onStaff = Math.min(bans / 10, staff / 90);
        for (int i = 0; i < bans; i++) {
            Iin iin = i < onStaff ? staffIin(i * 90) : outsiderIin(i);
            String until = i % 3 == 0 ? "LIFE" : today.plusYears(1 + i % 9).toString();
            csv.append(iin.value()).append(",Сотталған,Адам,").append(iin.birthDate()).append(",Аудандық сот ")
                    .append(i % 230).append(",1-").append(i).append("/2025,").append(today.minusDays(1 + i % 3000))
                    .append(",ст. 122,").append(kinds[i % kinds.length]).append(',').append(until).append('\n');
        }
        return csv.toString();
    }

    private void http(JdbcClient owner, List<long[]> orgs, LocalDate today) throws Exception {
        int port = httpPort();
        long school = orgs.stream().filter(o -> o[1] == 0).findFirst().orElseThrow()[0];
        String kato = owner.sql("select kato from organisation where id = :id").param("id", school).query(String.class).single();
        long user = owner.sql("""
                insert into app_user (username, password_hash, full_name, role, organisation_id, kato, locale)
                values ('benchmark.head', '{noop}-', 'Benchmark Head', 'ORGANISATION_ADMIN', :org, :kato, 'en') returning id
                """).param("org", school).param("kato", kato).query(Long.class).single();
        String secret = token(owner, user, kato, school);
        var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://localhost:" + port + "/api/v1/organisations/" + school + "/staff");
        // refused hires: people outside the registry with a lifetime PEDAGOGICAL ban (rows i ≥ bans/10, i % 3 == 0)
        var refused = new ArrayList<Double>();
        int warmup = 200;
        int measured = 1000;
        for (int k = 0, row = firstOutsiderPedagogical(); k < warmup + measured; k++, row += 3) {
            double ms = post(client, uri, secret, body(outsiderIin(row), "TEACHER", today), 422);
            if (k >= warmup) refused.add(ms);
        }
        var hired = new ArrayList<Double>();
        for (int k = 0; k < 100 + 500; k++) {
            Iin iin = outsiderIin(bans + 10_000 + k);
            double ms = post(client, uri, secret, body(iin, "TEACHER", today), 201);
            if (k >= 100) hired.add(ms);
        }
        out("hiring check over HTTP, refused (422 HIRING_BANNED, audited): %s", percentiles(refused));
        out("hiring over HTTP, accepted (201: check, employee, contract, audit): %s", percentiles(hired));
    }

    private int firstOutsiderPedagogical() {
        int first = bans / 10;
        while (first % 3 != 0) first++;
        return first;
    }

    private static String body(Iin iin, String position, LocalDate today) {
        return """
                {"iin": "%s", "lastName": "Тексерілуші", "firstName": "Адам", "position": "%s",
                 "contractNumber": "Б-%s", "contractDate": "%s", "startsOn": "%s"}
                """.formatted(iin.value(), position, iin.value(), today, today);
    }

    private static double post(HttpClient client, URI uri, String token, String body, int expected) throws Exception {
        var request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").header("Accept-Language", "en")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        long t = System.nanoTime();
        var response = client.send(request, HttpResponse.BodyHandlers.ofString());
        double ms = (System.nanoTime() - t) / 1e6;
        if (response.statusCode() != expected)
            throw new IllegalStateException("expected " + expected + ", got " + response.statusCode() + ": " + response.body());
        return ms;
    }

    private static UsernamePasswordAuthenticationToken ministry() {
        var user = new BilimUser(0, "benchmark.ministry", "", "Benchmark", Role.MINISTRY_ADMIN, Scope.all(true), "",
                null, "en", true, 0);
        return new UsernamePasswordAuthenticationToken(user, null, user.getAuthorities());
    }
}
