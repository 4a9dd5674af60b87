package kz.bilim.standard.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.enrolment.EnrolmentId;
import kz.bilim.enrolment.Enrolments;
import kz.bilim.enrolment.PupilRecords;
import kz.bilim.kernel.FieldError;
import kz.bilim.kernel.Outcome;
import kz.bilim.kernel.Refusal;
import kz.bilim.kernel.ScopeCondition;
import kz.bilim.kernel.SignedIn;
import kz.bilim.kernel.Text;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.organisation.Organisations;
import kz.bilim.standard.SupportFigures;
import kz.bilim.standard.SupportKind;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The support register of MS-3, MS-7 and MS-8: a school (or its district) records that a pupil of the current school
 * year gets free meals or a camp voucher, naming the MS-3 category, or studies at home or in hospital on the medical
 * consultative commission's conclusion. What the registry knows is not asked again: an orphan or a child left without
 * parental care is one by the pupil's mark in the registry (no document typed; refused when the registry has no such
 * mark). Once per pupil, kind and school year; audited; scoped like the pupil.
 */
@Service
class SupportRegister implements SupportFigures {

    static final String WRITERS = "hasAnyRole('MINISTRY_ADMIN','REGION_OFFICER','DISTRICT_OFFICER','ORGANISATION_ADMIN')";

    /** What a school types: the kind, then the category or the place, and the basis (document number and date). */
    record Draft(String kind, String category, String place, String basis, String basisDate, String distanceKm,
                 String barrier) {
    }

    /** MS-4: "more than 3 km" from the settlement to the school. */
    static final java.math.BigDecimal TRANSPORT_DISTANCE_KM = java.math.BigDecimal.valueOf(3);

    private final Enrolments enrolments;
    private final kz.bilim.enrolment.Persons persons;
    private final kz.bilim.territory.Territories territories;
    private final PupilRecords records;
    private final Organisations organisations;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    SupportRegister(Enrolments enrolments, kz.bilim.enrolment.Persons persons, kz.bilim.territory.Territories territories,
                    PupilRecords records, Organisations organisations, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.enrolments = enrolments;
        this.persons = persons;
        this.territories = territories;
        this.records = records;
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @PreAuthorize(WRITERS)
    public Outcome<PupilSupport> record(long enrolmentId, Draft draft) {
        var enrolment = enrolments.find(new EnrolmentId(enrolmentId)).orElse(null);
        if (enrolment == null) return Refusal.notFound("enrolment", enrolmentId).outcome();
        LocalDate today = LocalDate.now(clock);
        if (!enrolment.active()) return Refusal.invalid("enrolment", "standard.support.not-enrolled").outcome();
        var school = organisations.find(enrolment.organisationId()).orElse(null);
        if (school == null || !school.kind().isSchool())
            return Refusal.invalid("enrolment", "standard.support.not-a-school").outcome();

        var errors = new ArrayList<FieldError>();
        SupportKind kind = parse(SupportKind.class, draft.kind(), "kind", errors);
        SupportCategory category = null;
        String place = null;
        String basis = Text.blankToNull(draft.basis());
        LocalDate basisDate = null;
        boolean byMark = false;
        java.math.BigDecimal distance = null;
        String barrier = null;
        if (kind == SupportKind.TRANSPORT) {
            if (SignedIn.role().orElse(null) == kz.bilim.kernel.Role.ORGANISATION_ADMIN)
                return Refusal.forbidden("MS-4", "standard.support.transport-office").outcome();
            var refused = transportRefusal(enrolment);
            if (refused != null) return refused.outcome();
            String km = Text.blankToNull(draft.distanceKm());
            if (km == null) errors.add(new FieldError("distanceKm", "error.field.required"));
            else {
                try {
                    distance = new java.math.BigDecimal(km.trim().replace(',', '.'));
                    if (distance.signum() <= 0 || distance.compareTo(java.math.BigDecimal.valueOf(9999, 1)) > 0)
                        errors.add(new FieldError("distanceKm", "standard.support.distance"));
                } catch (NumberFormatException e) {
                    errors.add(new FieldError("distanceKm", "standard.support.distance"));
                }
            }
            String asked = Text.blankToNull(draft.barrier());
            if (asked != null) {
                if (!asked.trim().equals("RIVER") && !asked.trim().equals("LAKE"))
                    errors.add(new FieldError("barrier", "standard.support.barrier"));
                else barrier = asked.trim();
            }
            if (basis == null) errors.add(new FieldError("basis", "standard.support.route-required"));
            if (errors.isEmpty() && barrier == null && distance.compareTo(TRANSPORT_DISTANCE_KM) <= 0)
                return Refusal.byRule("MS-4", "standard.support.transport-near", TRANSPORT_DISTANCE_KM).outcome();
        } else if (kind == SupportKind.HOME_SCHOOLING) {
            String asked = Text.blankToNull(draft.place());
            if (asked == null) errors.add(new FieldError("place", "error.field.required"));
            else if (!asked.trim().equals("HOME") && !asked.trim().equals("HOSPITAL"))
                errors.add(new FieldError("place", "standard.support.place"));
            else place = asked.trim();
            if (basis == null) errors.add(new FieldError("basis", "standard.support.commission-required"));
        } else if (kind != null) {
            category = parse(SupportCategory.class, draft.category(), "category", errors);
            if (category != null && category.registryMark() != null) {
                if (!records.marks(enrolment.id(), today).contains(category.registryMark()))
                    errors.add(new FieldError("category", "standard.support.mark-missing"));
                byMark = true;
            } else if (category != null && basis == null)
                errors.add(new FieldError("basis", "standard.support.basis-required"));
        }
        if (!byMark) {
            String date = Text.blankToNull(draft.basisDate());
            if (date == null) {
                if (kind != null) errors.add(new FieldError("basisDate", "error.field.required"));
            } else {
                try {
                    basisDate = LocalDate.parse(date.trim());
                    if (basisDate.isAfter(today)) errors.add(new FieldError("basisDate", "standard.support.future"));
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError("basisDate", "standard.support.date"));
                }
            }
        } else {
            basis = "pupil mark " + category.registryMark().name(); // the registry's own record is the basis
            basisDate = today;
        }
        if (basis != null && basis.length() > 300) errors.add(new FieldError("basis", "standard.support.basis-long", 300));
        if (!errors.isEmpty()) return Refusal.invalid(errors).outcome();

        int schoolYear = AcademicYear.current(clock).startYear();
        PupilSupport saved;
        try {
            saved = jdbc.sql("""
                            insert into standard_support (kind, enrolment_id, organisation_id, kato, school_year,
                                                          category, place, basis, basis_date, recorded_by, recorded_at,
                                                          distance_km, barrier)
                            values (:kind, :enrolment, :organisation, :kato, :year, :category, :place, :basis,
                                    :basisDate, :by, :at, :distance, :barrier)
                            returning *""")
                    .param("kind", kind.name()).param("enrolment", enrolmentId)
                    .param("organisation", enrolment.organisationId().value()).param("kato", enrolment.kato())
                    .param("year", schoolYear).param("category", category == null ? null : category.name())
                    .param("place", place).param("basis", basis.trim()).param("basisDate", basisDate)
                    .param("by", SignedIn.required().username())
                    .param("at", clock.instant().atOffset(java.time.ZoneOffset.UTC))
                    .param("distance", distance).param("barrier", barrier)
                    .query(SupportRegister::map).single();
        } catch (DuplicateKeyException e) {
            return Refusal.conflict("standard.support.exists", schoolYear).outcome();
        }
        audit.record(AuditEntry.of(AuditAction.CREATE, "standard-support", saved.id(), enrolment.kato(),
                enrolment.organisationId().value()).with(Map.of("kind", kind.name(), "enrolment", enrolmentId)));
        return Outcome.done(saved);
    }

    /** The entries of a school's pupils in a school year (read audited: it tells a pupil's family situation). */
    @Transactional
    @PreAuthorize(WRITERS)
    public List<PupilSupport> ofOrganisation(long organisationId, int schoolYear) {
        var found = ScopeCondition.current().sql(jdbc, """
                        select * from standard_support s
                         where s.organisation_id = :o and s.school_year = :y
                           and {scope: kato=s.kato, organisation=s.organisation_id}
                         order by s.kind, s.enrolment_id""")
                .param("o", organisationId).param("y", schoolYear).query(SupportRegister::map).list();
        if (!found.isEmpty())
            audit.record(AuditEntry.of(AuditAction.READ, "standard-support", organisationId + "/" + schoolYear,
                    found.get(0).kato(), organisationId).because("support-register"));
        return found;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<String, Long> pupilsByRegion(SupportKind kind, int schoolYear) {
        var counts = new TreeMap<String, Long>();
        ScopeCondition.current().sql(jdbc, """
                        select substr(s.kato, 1, 2) as region, count(distinct s.enrolment_id) as pupils
                          from standard_support s
                         where s.kind = :kind and s.school_year = :y and {scope: kato=s.kato, organisation=s.organisation_id}
                         group by 1""")
                .param("kind", kind.name()).param("y", schoolYear)
                .query(rs -> {
                    counts.put(rs.getString("region"), rs.getLong("pupils"));
                });
        return counts;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String field, List<FieldError> errors) {
        String text = Text.blankToNull(value);
        if (text == null) {
            errors.add(new FieldError(field, "error.field.required"));
            return null;
        }
        try {
            return Enum.valueOf(type, text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "standard.support.unknown", text.trim()));
            return null;
        }
    }

    private static PupilSupport map(ResultSet rs, int n) throws SQLException {
        String category = rs.getString("category");
        return new PupilSupport(rs.getLong("id"), SupportKind.valueOf(rs.getString("kind")), rs.getLong("enrolment_id"),
                rs.getLong("organisation_id"), rs.getString("kato"), rs.getInt("school_year"),
                category == null ? null : SupportCategory.valueOf(category), rs.getString("place"),
                rs.getString("basis"), rs.getObject("basis_date", LocalDate.class), rs.getString("recorded_by"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(), rs.getBigDecimal("distance_km"),
                rs.getString("barrier"));
    }

    /**
     * MS-4: why transport is not the standard's for this pupil — not a rural pupil, or a school of the pupil's level
     * stands in their own settlement (both from the registries: the residence, the grade, the schools there); null
     * when it may be.
     */
    private Refusal transportRefusal(kz.bilim.enrolment.Enrolment enrolment) {
        Integer grade = enrolment.grade();
        if (grade == null || grade < 1) return Refusal.invalid("enrolment", "standard.support.no-grade");
        var person = persons.read(enrolment.personId(), "transport-check").orElse(null);
        if (person == null) return Refusal.notFound("enrolment", enrolment.id().value());
        String residence = person.residenceKato().value();
        var settlement = territories.find(residence).orElse(null);
        if (settlement == null || settlement.urban())
            return Refusal.byRule("MS-4", "standard.support.transport-rural");
        SchoolLevel needed = grade <= 4 ? SchoolLevel.PRIMARY : grade <= 9 ? SchoolLevel.BASIC : SchoolLevel.GENERAL_SECONDARY;
        var there = organisations.list(new kz.bilim.organisation.OrganisationFilter(residence, null, null, null, null,
                null), 0, 500).items();
        boolean served = there.stream().filter(o -> o.kato().value().equals(residence))
                .anyMatch(o -> !SchoolLevel.of(o.kind()).below(needed));
        return served ? Refusal.byRule("MS-4", "standard.support.transport-school-there") : null;
    }
}
