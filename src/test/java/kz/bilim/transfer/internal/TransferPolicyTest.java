package kz.bilim.transfer.internal;

import kz.bilim.calendar.LocalizedName;
import kz.bilim.calendar.PublicHoliday;
import kz.bilim.calendar.SchoolHolidayPeriod;
import kz.bilim.calendar.WorkingCalendar;
import kz.bilim.kernel.Almaty;
import kz.bilim.kernel.Refusal;
import kz.bilim.transfer.ExceptionGround;
import kz.bilim.transfer.RefusalGround;
import kz.bilim.transfer.Route;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules of the transfer service on a calendar of fixed data (no database). */
class TransferPolicyTest {

    static final LocalizedName NAME = new LocalizedName("Демалыс", "Каникулы", "Holidays");
    static final WorkingCalendar CALENDAR = WorkingCalendar.of(
            List.of(PublicHoliday.of(LocalDate.of(2026, 7, 6), new LocalizedName("Астана күні", "День столицы", "Capital Day"), true)),
            List.of(),
            List.of(SchoolHolidayPeriod.of(2025, NAME, LocalDate.of(2026, 5, 26), LocalDate.of(2026, 8, 31), "ALL"),
                    SchoolHolidayPeriod.of(2026, NAME, LocalDate.of(2026, 10, 26), LocalDate.of(2026, 11, 1), "ALL"),
                    SchoolHolidayPeriod.of(2026, NAME, LocalDate.of(2027, 2, 8), LocalDate.of(2027, 2, 14), "1")));

    static Optional<Refusal> window(String date, int grade, ExceptionGround ground, String document) {
        return TransferPolicy.window(CALENDAR, LocalDate.parse(date), grade, ground, document);
    }

    @ParameterizedTest(name = "{0}, grade {1}")
    @CsvSource({"2026-05-26, 5", "2026-07-15, 2", "2026-08-31, 9", "2026-10-28, 7", "2027-02-10, 1"})
    @DisplayName("TR-1 documents are accepted during the school holidays of the child's grade without a ground")
    void holidaysOpenTheWindow(String date, int grade) {
        assertThat(window(date, grade, null, null)).isEmpty();
    }

    @ParameterizedTest(name = "{0}, grade {1}")
    @CsvSource({"2026-05-25, 5", "2026-09-01, 3", "2026-12-03, 8", "2027-02-10, 2"})
    @DisplayName("TR-1 outside the holidays (the first grade's February week is not the second grade's) without a ground: refused citing TR-1 on exceptionGround")
    void outsideHolidaysRefused(String date, int grade) {
        var refusal = window(date, grade, null, null);
        assertThat(refusal).get().extracting(Refusal::clause).isEqualTo("TR-1");
        assertThat(refusal.get().errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("exceptionGround");
            assertThat(e.reasonKey()).isEqualTo("transfer.refused.not-holidays");
        });
    }

    @ParameterizedTest
    @EnumSource(ExceptionGround.class)
    @DisplayName("TR-1 each of the four exception grounds opens the window with its supporting document, and only with it")
    void exceptionGroundsNeedTheirDocument(ExceptionGround ground) {
        assertThat(window("2026-12-03", 5, ground, "Document No. 17")).isEmpty();
        var missing = window("2026-12-03", 5, ground, " ");
        assertThat(missing).get().extracting(Refusal::clause).isEqualTo("TR-1");
        assertThat(missing.get().errors()).singleElement().extracting(e -> e.field()).isEqualTo("supportingDocument");
    }

    @ParameterizedTest(name = "grade {1} on {0}")
    @CsvSource({"2026-08-01, 10", "2026-08-15, 11", "2026-08-31, 10", "2026-08-31, 12"})
    @DisplayName("TR-12 grades 10–11 take applications from 1 to 31 August inclusive")
    void seniorGradesInAugust(String date, int grade) {
        assertThat(window(date, grade, null, null)).isEmpty();
    }

    @ParameterizedTest(name = "grade {1} on {0}")
    @CsvSource({"2026-07-31, 10", "2026-09-01, 11", "2026-06-15, 10", "2026-10-28, 10"})
    @DisplayName("TR-12 grades 10–11 outside August are refused citing TR-12, even in the holidays and with a TR-1 ground")
    void seniorGradesOutsideAugust(String date, int grade) {
        for (var ground : Arrays.asList(null, ExceptionGround.MOVE)) {
            var refusal = window(date, grade, ground, "Housing certificate");
            assertThat(refusal).get().extracting(Refusal::clause).isEqualTo("TR-12");
            assertThat(refusal.get().errors()).singleElement().extracting(e -> e.reasonKey())
                    .isEqualTo("transfer.refused.senior-window");
        }
    }

    @Test
    @DisplayName("TR-13 TR-14 the term is 1 working day on the portal and 3 on paper, counted on the calendar from the next opening")
    void termsByRoute() {
        assertThat(Route.PORTAL.workingDays()).isEqualTo(1);
        assertThat(Route.PAPER.workingDays()).isEqualTo(3);
        var friday = ZonedDateTime.of(2026, 7, 3, 19, 5, 0, 0, Almaty.ZONE).toInstant();
        // TR-14: after hours on Friday: registered on Tuesday 7 July (Monday 6 July is Capital Day), term from Wednesday
        var portal = CALENDAR.term(friday, Route.PORTAL.workingDays());
        assertThat(portal.registered()).isEqualTo(ZonedDateTime.of(2026, 7, 7, 9, 0, 0, 0, Almaty.ZONE));
        assertThat(portal.due()).isEqualTo(ZonedDateTime.of(2026, 7, 8, 18, 30, 0, 0, Almaty.ZONE));
        assertThat(CALENDAR.term(friday, Route.PAPER.workingDays()).due())
                .isEqualTo(ZonedDateTime.of(2026, 7, 10, 18, 30, 0, 0, Almaty.ZONE));
    }

    @Test
    @DisplayName("TR-5 the arrival coupon is valid 3 working days: issued Friday 3 July 2026, valid to Thursday 9 July 18:30")
    void couponValidity() {
        assertThat(TransferPolicy.couponValidTo(CALENDAR, LocalDate.of(2026, 7, 3)))
                .isEqualTo(ZonedDateTime.of(2026, 7, 9, 18, 30, 0, 0, Almaty.ZONE));
    }

    @Test
    @DisplayName("TR-8 a coupon presented after its validity is refused citing TR-8; at the due moment it is in time")
    void couponLate() {
        var validTo = ZonedDateTime.of(2026, 7, 9, 18, 30, 0, 0, Almaty.ZONE);
        assertThat(TransferPolicy.couponInTime(validTo, validTo.toInstant())).isEmpty();
        var late = TransferPolicy.couponInTime(validTo, validTo.plusMinutes(1).toInstant());
        assertThat(late).get().extracting(Refusal::clause).isEqualTo("TR-8");
        assertThat(late.get().reasonKey()).isEqualTo("transfer.refused.coupon-late");
    }

    @Test
    @DisplayName("TR-16 seven numbered grounds, parsed by number or name; TR-8's missed term is its own ground")
    void sevenGrounds() {
        var numbered = Arrays.stream(RefusalGround.values()).filter(g -> g.number() > 0).map(RefusalGround::number).toList();
        assertThat(numbered).containsExactly(1, 2, 3, 4, 5, 6, 7);
        assertThat(RefusalGround.parse("7")).isEqualTo(RefusalGround.CLASS_FULL);
        assertThat(RefusalGround.parse("no_consent")).isEqualTo(RefusalGround.NO_CONSENT);
        assertThat(RefusalGround.parse("8")).isNull();
        assertThat(RefusalGround.CLASS_FULL.clause()).isEqualTo("TR-16");
        assertThat(RefusalGround.TERM_MISSED.clause()).isEqualTo("TR-8");
    }

    @Test
    @DisplayName("TR-16 (6) without consent to the use of protected data the application is refused citing TR-16 on consent")
    void consent() {
        assertThat(TransferPolicy.consent(true)).isEmpty();
        for (Boolean no : Arrays.asList(false, null)) {
            var refusal = TransferPolicy.consent(no);
            assertThat(refusal).get().extracting(Refusal::clause).isEqualTo("TR-16");
            assertThat(refusal.get().errors()).singleElement().extracting(e -> e.field()).isEqualTo("consent");
        }
    }

    @Test
    @DisplayName("TR-11 a child without Kazakh citizenship (foreign or stateless) is marked for order No. 468")
    void foreigners() {
        assertThat(TransferPolicy.foreign("KZ")).isFalse();
        assertThat(TransferPolicy.foreign("UZ")).isTrue();
        assertThat(TransferPolicy.foreign(null)).isTrue();
    }

    @Test
    @DisplayName("TR-11 order No. 468: a foreign child needs the residence permit, a stateless child the certificate, a citizen nothing")
    void foreignersDocuments() {
        assertThat(TransferPolicy.foreignerDocuments("KZ", null)).isEmpty();
        assertThat(TransferPolicy.foreignerDocuments("UZ", "Ықтиярхат № 0012345, 01.02.2024")).isEmpty();
        var foreigner = TransferPolicy.foreignerDocuments("UZ", " ").orElseThrow();
        assertThat(foreigner.clause()).isEqualTo("TR-11");
        assertThat(foreigner.errors().get(0).field()).isEqualTo("residenceDocument");
        assertThat(foreigner.errors().get(0).reasonKey()).isEqualTo("transfer.foreign.residence-permit-missing");
        assertThat(TransferPolicy.foreignerDocuments("XX", null).orElseThrow().errors().get(0).reasonKey())
                .isEqualTo("transfer.foreign.stateless-certificate-missing");
    }
}
