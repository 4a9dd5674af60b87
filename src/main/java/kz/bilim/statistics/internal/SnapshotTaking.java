package kz.bilim.statistics.internal;

import kz.bilim.collection.CollectedValues;
import kz.bilim.collection.SchoolPassport;
import kz.bilim.enrolment.EnrolmentStatistics;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.organisation.OrganisationStatistics;
import kz.bilim.platform.database.BulkTable;
import kz.bilim.staff.StaffFigures;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.Types;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a snapshot (SC-4, SC-5): the owners' figures of the registries on a day — organisations with their marks,
 * pupils and staff counted per organisation and combination of marks — read as a system run (the whole country,
 * whoever asks), then written in one transaction as a new version of that day (or as the live snapshot, replacing
 * the previous live one). The digest over the ordered facts proves reproducibility: the same registries give the
 * same digest.
 */
@Service
class SnapshotTaking {

    record Taken(long id, LocalDate asOf, int version, boolean live, int organisations, long pupils, long staff,
                 String digest, long millis) {
    }

    private final OrganisationStatistics organisations;
    private final EnrolmentStatistics enrolments;
    private final StaffFigures staff;
    private final CollectedValues collected;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final kz.bilim.platform.database.OwnerDataSource owner;

    SnapshotTaking(OrganisationStatistics organisations, EnrolmentStatistics enrolments, StaffFigures staff,
                   CollectedValues collected, JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transaction,
                   Clock clock, kz.bilim.platform.database.OwnerDataSource owner) {
        this.owner = owner;
        this.organisations = organisations;
        this.enrolments = enrolments;
        this.staff = staff;
        this.collected = collected;
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The accepted school passport of an organisation (null fields: not reported). */
    static final class Passport {
        Integer computers, computersInternet, campPlaces, places, buildings, buildingsEmergency, deepStudy;
        Boolean camp;
    }

    static final List<String> PASSPORT_FIELDS = List.of(SchoolPassport.COMPUTERS, SchoolPassport.COMPUTERS_INTERNET,
            SchoolPassport.CAMP, SchoolPassport.CAMP_PLACES, SchoolPassport.PLACES, SchoolPassport.BUILDINGS,
            SchoolPassport.BUILDINGS_EMERGENCY, SchoolPassport.DEEP_STUDY);

    /** The school passports of the school year of {@code asOf}, accepted, per organisation (one set-based read). */
    private Map<Long, Passport> passports(LocalDate asOf) {
        var out = new HashMap<Long, Passport>();
        int year = AcademicYear.containing(asOf).startYear();
        for (var v : collected.accepted(SchoolPassport.CODE, year, PASSPORT_FIELDS, null)) {
            var p = out.computeIfAbsent(v.organisationId(), k -> new Passport());
            Integer n = v.number() == null ? null : v.number().intValue();
            switch (v.field()) {
                case SchoolPassport.COMPUTERS -> p.computers = n;
                case SchoolPassport.COMPUTERS_INTERNET -> p.computersInternet = n;
                case SchoolPassport.CAMP -> p.camp = "yes".equals(v.text());
                case SchoolPassport.CAMP_PLACES -> p.campPlaces = n;
                case SchoolPassport.PLACES -> p.places = n;
                case SchoolPassport.BUILDINGS -> p.buildings = n;
                case SchoolPassport.BUILDINGS_EMERGENCY -> p.buildingsEmergency = n;
                case SchoolPassport.DEEP_STUDY -> p.deepStudy = (p.deepStudy == null ? 0 : p.deepStudy) + (n == null ? 0 : n);
                default -> {
                }
            }
        }
        return out;
    }

    private static void integer(java.sql.PreparedStatement ps, int index, Integer value) throws java.sql.SQLException {
        if (value == null) ps.setNull(index, Types.INTEGER);
        else ps.setInt(index, value);
    }

    /** A fact row with the snapshot it belongs to (COPY writes both). */
    private record Row<F>(long snapshot, F fact) {
    }

    // the facts go in by binary COPY (a national snapshot holds about a million pupils' rows: row-by-row inserts took
    // most of the two minutes of taking it)
    private static final BulkTable<Row<EnrolmentStatistics.PupilFact>> PUPILS = BulkTable.of("stat_pupil",
            "snapshot_id, organisation_id, sex, grade, shift, language, age, nationality, pupils, study_form, "
                    + "special_needs, orphan, disability", "snapshot_id", (r, out) -> {
                var p = r.fact();
                out.int8(r.snapshot()).int8(p.organisationId()).text(p.sex()).int2(p.grade()).int2(p.shift())
                        .text(p.language()).int4(p.age()).text(p.nationality()).int8(p.pupils()).text(p.studyForm())
                        .bool(p.specialNeeds()).bool(p.orphan()).bool(p.disability());
            });

    private static final BulkTable<Row<EnrolmentStatistics.GraduationFact>> GRADUATES = BulkTable.of("stat_graduate",
            "snapshot_id, organisation_id, sex, grade, shift, language, age, nationality, study_form, certificate_kind, "
                    + "distinction, next_step, graduates", "snapshot_id", (r, out) -> {
                var g = r.fact();
                out.int8(r.snapshot()).int8(g.organisationId()).text(g.sex()).int2(g.grade()).int2(g.shift())
                        .text(g.language()).int4(g.age()).text(g.nationality()).text(g.studyForm())
                        .text(g.certificateKind()).text(g.distinction()).text(g.nextStep()).int8(g.graduates());
            });

    private static final BulkTable<Row<StaffFigures.Count>> STAFF = BulkTable.of("stat_staff",
            "snapshot_id, organisation_id, position, pedagogical, education_level, sex, age_band, staff", "snapshot_id",
            (r, out) -> {
                Map<StaffFigures.Dimension, String> k = r.fact().key();
                out.int8(r.snapshot()).int8(Long.parseLong(k.get(StaffFigures.Dimension.ORGANISATION)))
                        .text(k.get(StaffFigures.Dimension.POSITION))
                        .bool(Boolean.parseBoolean(k.get(StaffFigures.Dimension.PEDAGOGICAL)))
                        .text(k.get(StaffFigures.Dimension.EDUCATION_LEVEL)).text(k.get(StaffFigures.Dimension.SEX))
                        .text(k.get(StaffFigures.Dimension.AGE_BAND)).int8(r.fact().staff());
            });

    /** Writes the facts of a snapshot by COPY on the transaction's connection. */
    private <F> void copy(BulkTable<Row<F>> table, List<F> facts, long snapshot) {
        template.execute((org.springframework.jdbc.core.ConnectionCallback<Long>) connection -> {
            try (var writer = table.copyInto(connection, false)) {
                for (F fact : facts) writer.write(new Row<>(snapshot, fact));
                return writer.finish();
            } catch (java.sql.SQLException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("copy into " + table + " failed", e);
            }
        });
    }

    // the cells (V185): the facts summed per what the indicators read of an organisation, without the organisation
    private static final String PUPIL_CELLS = """
            insert into stat_pupil_cell (snapshot_id, kato, kind, ownership, urban, org_language, deep_study_classes, sex,
                                         grade, shift, language, age, nationality, study_form, special_needs, orphan,
                                         disability, pupils)
            select f.snapshot_id, o.kato, o.kind, o.ownership, o.urban, o.language, o.deep_study_classes, f.sex, f.grade,
                   f.shift, f.language, f.age, f.nationality, f.study_form, f.special_needs, f.orphan, f.disability,
                   sum(f.pupils)
              from stat_pupil f join stat_organisation o on o.snapshot_id = f.snapshot_id
                                                      and o.organisation_id = f.organisation_id
             where f.snapshot_id = :s
             group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17""";
    private static final String STAFF_CELLS = """
            insert into stat_staff_cell (snapshot_id, kato, kind, ownership, urban, org_language, position, pedagogical,
                                         education_level, sex, age_band, staff)
            select f.snapshot_id, o.kato, o.kind, o.ownership, o.urban, o.language, f.position, f.pedagogical,
                   f.education_level, f.sex, f.age_band, sum(f.staff)
              from stat_staff f join stat_organisation o on o.snapshot_id = f.snapshot_id
                                                      and o.organisation_id = f.organisation_id
             where f.snapshot_id = :s
             group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11""";
    private static final String GRADUATE_CELLS = """
            insert into stat_graduate_cell (snapshot_id, kato, kind, ownership, urban, org_language, sex, grade, shift,
                                            language, age, nationality, study_form, certificate_kind, distinction,
                                            next_step, graduates)
            select f.snapshot_id, o.kato, o.kind, o.ownership, o.urban, o.language, f.sex, f.grade, f.shift, f.language,
                   f.age, f.nationality, f.study_form, f.certificate_kind, f.distinction, f.next_step, sum(f.graduates)
              from stat_graduate f join stat_organisation o on o.snapshot_id = f.snapshot_id
                                                         and o.organisation_id = f.organisation_id
             where f.snapshot_id = :s
             group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16""";

    /** Takes the registries' state on {@code asOf}; must be called outside a transaction (a system run). */
    Taken take(LocalDate asOf, boolean live, String actor) {
        long started = System.nanoTime();
        var orgs = new ArrayList<OrganisationStatistics.OrganisationFact>();
        var pupils = new ArrayList<EnrolmentStatistics.PupilFact>();
        var graduates = new ArrayList<EnrolmentStatistics.GraduationFact>();
        // the graduations of the school year before the snapshot's (1 September … 31 August, not after the day)
        var schoolYear = AcademicYear.containing(asOf);
        LocalDate graduatedFrom = LocalDate.of(schoolYear.startYear() - 1, 9, 1);
        LocalDate graduatedTo = LocalDate.of(schoolYear.startYear(), 8, 31);
        if (graduatedTo.isAfter(asOf)) graduatedTo = asOf;
        LocalDate graduatedUpTo = graduatedTo;
        var counts = new ArrayList<StaffFigures.Count>();
        var passports = new HashMap<Long, Passport>();
        CurrentScope.asSystem(() -> {
            organisations.facts(orgs::add);
            passports.putAll(passports(asOf));
            enrolments.pupilFacts(asOf, pupils::add);
            enrolments.graduationFacts(graduatedFrom, graduatedUpTo, asOf, graduates::add);
            counts.addAll(staff.counts(new StaffFigures.Query("", asOf, EnumSet.of(StaffFigures.Dimension.ORGANISATION,
                    StaffFigures.Dimension.POSITION, StaffFigures.Dimension.PEDAGOGICAL,
                    StaffFigures.Dimension.EDUCATION_LEVEL, StaffFigures.Dimension.SEX,
                    StaffFigures.Dimension.AGE_BAND), 9)));
        });
        Taken taken = transaction.execute(status -> {
            Long id;
            int version;
            if (live) {
                for (String cells : List.of("stat_pupil_cell", "stat_staff_cell", "stat_graduate_cell"))
                    jdbc.sql("delete from " + cells + " where snapshot_id in (select id from stat_snapshot where live)")
                            .update();
                jdbc.sql("delete from stat_pupil where snapshot_id in (select id from stat_snapshot where live)").update();
                jdbc.sql("delete from stat_staff where snapshot_id in (select id from stat_snapshot where live)").update();
                jdbc.sql("delete from stat_graduate where snapshot_id in (select id from stat_snapshot where live)")
                        .update();
                jdbc.sql("delete from stat_organisation where snapshot_id in (select id from stat_snapshot where live)")
                        .update();
                jdbc.sql("delete from stat_snapshot where live").update();
                version = 1;
            } else {
                jdbc.sql("select pg_advisory_xact_lock(hashtext('stat_snapshot'))").query().singleValue();
                version = jdbc.sql("select coalesce(max(version), 0) + 1 from stat_snapshot where as_of = :d and not live")
                        .param("d", asOf).query(Integer.class).single();
            }
            id = jdbc.sql("""
                            insert into stat_snapshot (as_of, version, live, taken_by) values (:d, :v, :live, :actor)
                            returning id""")
                    .param("d", asOf).param("v", version).param("live", live).param("actor", actor)
                    .query(Long.class).single();
            long snapshot = id;
            template.batchUpdate("""
                            insert into stat_organisation (snapshot_id, organisation_id, kato, kind, ownership, urban, language,
                                computers, computers_internet, camp, camp_places, places, buildings, buildings_emergency,
                                deep_study_classes)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", orgs, 2000, (ps, o) -> {
                ps.setLong(1, snapshot);
                ps.setLong(2, o.id());
                ps.setString(3, o.kato());
                ps.setString(4, o.kind().name());
                ps.setString(5, o.ownership().name());
                ps.setBoolean(6, o.urban());
                ps.setString(7, o.languages().size() == 1 ? o.languages().get(0) : "MIXED");
                var p = passports.getOrDefault(o.id(), new Passport());
                integer(ps, 8, p.computers);
                integer(ps, 9, p.computersInternet);
                if (p.camp == null) ps.setNull(10, Types.BOOLEAN);
                else ps.setBoolean(10, p.camp);
                integer(ps, 11, p.campPlaces);
                integer(ps, 12, p.places);
                integer(ps, 13, p.buildings);
                integer(ps, 14, p.buildingsEmergency);
                integer(ps, 15, p.deepStudy);
            });
            copy(PUPILS, pupils, snapshot);
            copy(GRADUATES, graduates, snapshot);
            copy(STAFF, counts, snapshot);
            // the planner's statistics know only the earlier snapshots: it expects one fact row of the new snapshot and
            // joins by a nested loop whose inner side scans all the snapshot's organisations per fact row (a second
            // national snapshot ran for minutes); the owner's ANALYZE comes only after the commit, so here hash joins
            jdbc.sql("set local enable_nestloop = off").update();
            jdbc.sql(PUPIL_CELLS).param("s", snapshot).update();
            jdbc.sql(STAFF_CELLS).param("s", snapshot).update();
            jdbc.sql(GRADUATE_CELLS).param("s", snapshot).update();
            String digest = jdbc.sql("""
                            select md5(coalesce(string_agg(line, E'\\n' order by line), '')) from (
                                select 'o|' || organisation_id || '|' || kato || '|' || kind || '|' || ownership || '|'
                                       || urban || '|' || language || '|' || array_to_string(array[computers::text,
                                       computers_internet::text, camp::text, camp_places::text, places::text,
                                       buildings::text, buildings_emergency::text, deep_study_classes::text], ',', '-')
                                       as line
                                  from stat_organisation where snapshot_id = :s
                                union all
                                select 'p|' || organisation_id || '|' || sex || '|' || coalesce(grade::text, '') || '|'
                                       || shift || '|' || coalesce(language, '') || '|' || age || '|' || nationality
                                       || '|' || pupils || '|' || study_form || '|' || special_needs || '|' || orphan
                                       || '|' || disability
                                  from stat_pupil where snapshot_id = :s
                                union all
                                select 'g|' || organisation_id || '|' || sex || '|' || coalesce(grade::text, '') || '|'
                                       || shift || '|' || coalesce(language, '') || '|' || age || '|' || nationality
                                       || '|' || study_form || '|' || certificate_kind || '|' || distinction || '|'
                                       || next_step || '|' || graduates
                                  from stat_graduate where snapshot_id = :s
                                union all
                                select 's|' || organisation_id || '|' || position || '|' || pedagogical || '|'
                                       || education_level || '|' || sex || '|' || age_band || '|' || staff
                                  from stat_staff where snapshot_id = :s) facts""")
                    .param("s", snapshot).query(String.class).single();
            long pupilTotal = pupils.stream().mapToLong(EnrolmentStatistics.PupilFact::pupils).sum();
            long staffTotal = counts.stream().mapToLong(StaffFigures.Count::staff).sum();
            long millis = (System.nanoTime() - started) / 1_000_000;
            jdbc.sql("""
                            update stat_snapshot set organisations = :o, pupils = :p, staff = :st, digest = :dg,
                                   millis = :ms where id = :s""")
                    .param("o", orgs.size()).param("p", pupilTotal).param("st", staffTotal).param("dg", digest)
                    .param("ms", (int) Math.min(Integer.MAX_VALUE, millis)).param("s", snapshot).update();
            return new Taken(snapshot, asOf, version, live, orgs.size(), pupilTotal, staffTotal, digest, millis);
        });
        // the planner's statistics of the facts just written: without them it joins a new snapshot's facts by nested
        // loops (seconds instead of milliseconds); ANALYZE samples, so it stays cheap at national scale
        JdbcClient.create(owner).sql("analyze stat_organisation, stat_pupil, stat_staff, stat_graduate, stat_pupil_cell, "
                + "stat_staff_cell, stat_graduate_cell").update();
        return taken;
    }
}
