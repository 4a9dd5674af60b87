package kz.bilim.staff;

import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;
import kz.bilim.organisation.RegistryFixture;
import kz.bilim.platform.database.OwnerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Fixtures for staff tests: territories and organisations through {@link RegistryFixture}, adult IINs from the test
 * class's own serial block, verdict-file rows and hire requests as the API takes them.
 */
final class StaffFixture {

    static final String HEADER = "iin, last_name, first_name, birth_date, court, case_number, in_force_on, article, banned, until";

    final RegistryFixture registry;
    final JdbcClient owner;

    StaffFixture(OwnerDataSource ownerDataSource, YearMonth binMonth, int iinSerialBlock) {
        this.registry = new RegistryFixture(ownerDataSource, binMonth, iinSerialBlock);
        this.owner = registry.owner();
    }

    Iin adult(int year, Sex sex) {
        return registry.nextIin(LocalDate.of(year, 3, 14), sex);
    }

    /** One verdict-file line for this person (names fixed), with the columns of the documented header. */
    static String verdict(Iin iin, String court, String caseNumber, LocalDate inForceOn, String banned, String until) {
        return String.join(",", iin.value(), "Тестов", "Берік", iin.birthDate().toString(), quoted(court), caseNumber,
                inForceOn.toString(), "ст. 122 УК", banned, until);
    }

    static String file(String... lines) {
        return HEADER + "\n" + Arrays.stream(lines).collect(Collectors.joining("\n")) + "\n";
    }

    static String hire(Iin iin, String position, LocalDate contractDate, LocalDate startsOn, LocalDate endsOn) {
        return """
                {"iin": "%s", "lastName": "Сапарова", "firstName": "Айгүл", "patronymic": "Маратқызы",
                 "birthDate": "%s", "sex": "%s", "position": "%s", "contractNumber": "ЕШ-%s",
                 "contractDate": "%s", "startsOn": "%s"%s}
                """.formatted(iin.value(), iin.birthDate(), iin.sex(), position, iin.value().substring(6), contractDate,
                startsOn, endsOn == null ? "" : ", \"endsOn\": \"" + endsOn + "\"");
    }

    long count(String sql, Object... params) {
        var spec = owner.sql(sql);
        for (int i = 0; i < params.length; i++) spec = spec.param(i + 1, params[i]);
        return spec.query(Long.class).single();
    }

    private static String quoted(String text) {
        return text.contains(",") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
