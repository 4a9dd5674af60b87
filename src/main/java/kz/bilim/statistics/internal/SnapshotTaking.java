package kz.bilim.statistics.internal;

import kz.bilim.child.ChildStatistics;
import kz.bilim.collection.CollectedValues;
import kz.bilim.collection.PreschoolPassport;
import kz.bilim.collection.SchoolPassport;
import kz.bilim.enrolment.EnrolmentStatistics;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.organisation.OrganisationStatistics;
import kz.bilim.platform.database.BulkTable;
import kz.bilim.staff.StaffFigures;
import kz.bilim.territory.Territories;
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
    private final ChildStatistics children;
    private final Territories territories;

    SnapshotTaking(OrganisationStatistics organisations, EnrolmentStatistics enrolments, StaffFigures staff,
                   CollectedValues collected, JdbcClient jdbc, JdbcTemplate template, TransactionTemplate transaction,
                   Clock clock, kz.bilim.platform.database.OwnerDataSource owner, ChildStatistics children,
                   Territories territories) {
        this.owner = owner;
        this.children = children;
        this.territories = territories;
        this.organisations = organisations;
        this.enrolments = enrolments;
        this.staff = staff;
        this.collected = collected;
        this.jdbc = jdbc;
        this.template = template;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** The accepted school or preschool passport of an organisation (null fields: not reported). */
    static final class Passport {
        Integer computers, computersInternet, campPlaces, places, buildings, buildingsEmergency, deepStudy;
        Boolean camp, deepStudyProfile;
        String preschoolType;
    }

    static final List<String> PRESCHOOL_PASSPORT_FIELDS = List.of(PreschoolPassport.PLACES, PreschoolPassport.BUILDINGS,
            PreschoolPassport.BUILDINGS_EMERGENCY, PreschoolPassport.TYPE);
    /** Indicator 40: the children 0–7 (full years on 1 September of the snapshot's school year). */
    static final int CHILDREN_MAX_AGE = 7;

    /** The organisation of a child who attends none: its kind and ownership in stat_child. */
    static final String NONE = "NONE";

    static final List<String> PASSPORT_FIELDS = List.of(SchoolPassport.COMPUTERS, SchoolPassport.COMPUTERS_INTERNET,
            SchoolPassport.CAMP, SchoolPassport.CAMP_PLACES, SchoolPassport.PLACES, SchoolPassport.BUILDINGS,
            SchoolPassport.BUILDINGS_EMERGENCY, SchoolPassport.DEEP_STUDY, SchoolPassport.DEEP_STUDY_PROFILE);

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
                case SchoolPassport.DEEP_STUDY_PROFILE -> p.deepStudyProfile = "yes".equals(v.text());
                case SchoolPassport.CAMP_PLACES -> p.campPlaces = n;
                case SchoolPassport.PLACES -> p.places = n;
                case SchoolPassport.BUILDINGS -> p.buildings = n;
                case SchoolPassport.BUILDINGS_EMERGENCY -> p.buildingsEmergency = n;
                case SchoolPassport.DEEP_STUDY -> p.deepStudy = (p.deepStudy == null ? 0 : p.deepStudy) + (n == null ? 0 : n);
                default -> {
                }
            }
        }
        // preschools file the preschool passport (an organisation is a school or a preschool, never both)
        for (var v : collected.accepted(PreschoolPassport.CODE, year, PRESCHOOL_PASSPORT_FIELDS, null)) {
            var p = out.computeIfAbsent(v.organisationId(), k -> new Passport());
            Integer n = v.number() == null ? null : v.number().intValue();
            switch (v.field()) {
                case PreschoolPassport.PLACES -> p.places = n;
                case PreschoolPassport.BUILDINGS -> p.buildings = n;
                case PreschoolPassport.BUILDINGS_EMERGENCY -> p.buildingsEmergency = n;
                case PreschoolPassport.TYPE -> p.preschoolType = v.text();
                default -> {
                }
            }
        }
        return out;
    }

    /** Locality of the territories: urban or rural (the classifier's mark; a code it lacks counts as rural). */
    private Map<String, Boolean> urban(java.util.Collection<String> katos) {
        var out = new HashMap<String, Boolean>();
        for (var t : territories.findAll(katos).values()) out.put(t.kato(), t.urban());
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
                    + "special_needs, orphan, disability, preschool_group", "snapshot_id", (r, out) -> {
                var p = r.fact();
                out.int8(r.snapshot()).int8(p.organisationId()).text(p.sex()).int2(p.grade()).int2(p.shift())
                        .text(p.language()).int4(p.age()).text(p.nationality()).int8(p.pupils()).text(p.studyForm())
                        .bool(p.specialNeeds()).bool(p.orphan()).bool(p.disability()).text(p.preschoolGroup());
            });

    private static final BulkTable<Row<EnrolmentStatistics.GraduationFact>> GRADUATES = BulkTable.of("stat_graduate",
            "snapshot_id, organisation_id, sex, grade, shift, language, age, nationality, study_form, certificate_kind, "
                    + "distinction, next_step, graduates", "snapshot_id", (r, out) -> {
                var g = r.fact();
                out.int8(r.snapshot()).int8(g.organisationId()).text(g.sex()).int2(g.grade()).int2(g.shift())
                        .text(g.language()).int4(g.age()).text(g.nationality()).text(g.studyForm())
                        .text(g.certificateKind()).text(g.distinction()).text(g.nextStep()).int8(g.graduates());
            });

    private static final BulkTable<Row<EnrolmentStatistics.YearEndFact>> YEAR_ENDS = BulkTable.of("stat_year_end",
            "snapshot_id, organisation_id, sex, grade, age, outcome, pupils", "snapshot_id", (r, out) -> {
                var y = r.fact();
                out.int8(r.snapshot()).int8(y.organisationId()).text(y.sex()).int2(y.grade()).int4(y.age())
                        .text(y.outcome()).int8(y.pupils());
            });

    private static final BulkTable<Row<StaffFigures.Count>> STAFF = BulkTable.of("stat_staff",
            "snapshot_id, organisation_id, position, pedagogical, education_level, sex, age_band, staff, nationality, "
                    + "grades_taught", "snapshot_id",
            (r, out) -> {
                Map<StaffFigures.Dimension, String> k = r.fact().key();
                out.int8(r.snapshot()).int8(Long.parseLong(k.get(StaffFigures.Dimension.ORGANISATION)))
                        .text(k.get(StaffFigures.Dimension.POSITION))
                        .bool(Boolean.parseBoolean(k.get(StaffFigures.Dimension.PEDAGOGICAL)))
                        .text(k.get(StaffFigures.Dimension.EDUCATION_LEVEL)).text(k.get(StaffFigures.Dimension.SEX))
                        .text(k.get(StaffFigures.Dimension.AGE_BAND)).int8(r.fact().staff())
                        .text(k.get(StaffFigures.Dimension.NATIONALITY))
                        .text(k.get(StaffFigures.Dimension.GRADES_TAUGHT));
            });

    /** A child fact with what the snapshot adds: the residence's locality, the organisation attended and its type. */
    private record ChildRow(ChildStatistics.ChildFact fact, boolean urban,
                            OrganisationStatistics.OrganisationFact organisation, String preschoolType) {
    }

    /** A queue fact with the locality of the queue's territory. */
    private record QueueRow(ChildStatistics.QueueFact fact, boolean urban) {
    }

    private static final BulkTable<Row<ChildRow>> CHILDREN = BulkTable.of("stat_child",
            "snapshot_id, kato, urban, organisation_id, kind, preschool_type, ownership, sex, age, children",
            "snapshot_id", (r, out) -> {
                var c = r.fact();
                var o = c.organisation();
                out.int8(r.snapshot()).text(c.fact().kato()).bool(c.urban()).int8(o == null ? null : o.id())
                        .text(o == null ? NONE : o.kind().name()).text(c.preschoolType())
                        .text(o == null ? NONE : o.ownership().name()).text(c.fact().sex()).int4(c.fact().age())
                        .int8(c.fact().children());
            });

    private static final BulkTable<Row<QueueRow>> QUEUE = BulkTable.of("stat_queue",
            "snapshot_id, kato, urban, sex, age, entries", "snapshot_id", (r, out) -> {
                var q = r.fact();
                out.int8(r.snapshot()).text(q.fact().kato()).bool(q.urban()).text(q.fact().sex()).int4(q.fact().age())
                        .int8(q.fact().entries());
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
            insert into stat_pupil_cell (snapshot_id, kato, kind, ownership, urban, org_language, deep_study_classes,
                                         preschool_type, sex, grade, shift, language, age, nationality, study_form,
                                         special_needs, orphan, disability, preschool_group, pupils)
            select f.snapshot_id, o.kato, o.kind, o.ownership, o.urban, o.language, o.deep_study_classes,
                   o.preschool_type, f.sex, f.grade, f.shift, f.language, f.age, f.nationality, f.study_form,
                   f.special_needs, f.orphan, f.disability, f.preschool_group, sum(f.pupils)
              from stat_pupil f join stat_organisation o on o.snapshot_id = f.snapshot_id
                                                      and o.organisation_id = f.organisation_id
             where f.snapshot_id = :s
             group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19""";
    private static final String STAFF_CELLS = """
            insert into stat_staff_cell (snapshot_id, kato, kind, ownership, urban, org_language, preschool_type,
                                         position, pedagogical, education_level, sex, age_band, nationality,
                                         grades_taught, staff)
            select f.snapshot_id, o.kato, o.kind, o.ownership, o.urban, o.language, o.preschool_type, f.position,
                   f.pedagogical, f.education_level, f.sex, f.age_band, f.nationality, f.grades_taught, sum(f.staff)
              from stat_staff f join stat_organisation o on o.snapshot_id = f.snapshot_id
                                                      and o.organisation_id = f.organisation_id
             where f.snapshot_id = :s
             group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14""";
    private static final String GRADUATE_CELLS = """
            insert into stat_graduate_cell (snapshot_id, kato, kind, ownership, urban, org_language, preschool_type, sex,
                                            grade, shift, language, age, nationality, study_form, certificate_kind,
                                            distinction, next_step, graduates)
            select f.snapshot_id, o.kato, o.kind, o.ownership, o.urban, o.language, o.preschool_type, f.sex, f.grade,
                   f.shift, f.language, f.age, f.nationality, f.study_form, f.certificate_kind, f.distinction,
                   f.next_step, sum(f.graduates)
              from stat_graduate f join stat_organisation o on o.snapshot_id = f.snapshot_id
                                                         and o.organisation_id = f.organisation_id
             where f.snapshot_id = :s
             group by 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17""";

    /** Takes the registries' state on {@code asOf}; must be called outside a transaction (a system run). */
    Taken take(LocalDate asOf, boolean live, String actor) {
        long started = System.nanoTime();
        var orgs = new ArrayList<OrganisationStatistics.OrganisationFact>();
        var pupils = new ArrayList<EnrolmentStatistics.PupilFact>();
        var graduates = new ArrayList<EnrolmentStatistics.GraduationFact>();
        var yearEnds = new ArrayList<EnrolmentStatistics.YearEndFact>();
        // the graduations of the school year before the snapshot's (1 September … 31 August, not after the day)
        var schoolYear = AcademicYear.containing(asOf);
        LocalDate graduatedFrom = LocalDate.of(schoolYear.startYear() - 1, 9, 1);
        LocalDate graduatedTo = LocalDate.of(schoolYear.startYear(), 8, 31);
        if (graduatedTo.isAfter(asOf)) graduatedTo = asOf;
        LocalDate graduatedUpTo = graduatedTo;
        var counts = new ArrayList<StaffFigures.Count>();
        var passports = new HashMap<Long, Passport>();
        var childFacts = new ArrayList<ChildStatistics.ChildFact>();
        var queueFacts = new ArrayList<ChildStatistics.QueueFact>();
        var urban = new HashMap<String, Boolean>();
        LocalDate septemberFirst = LocalDate.of(schoolYear.startYear(), 9, 1);
        CurrentScope.asSystem(() -> {
            organisations.facts(orgs::add);
            passports.putAll(passports(asOf));
            children.childFacts(septemberFirst, CHILDREN_MAX_AGE, childFacts::add);
            children.queueFacts(asOf, queueFacts::add);
            var katos = new java.util.HashSet<String>();
            childFacts.forEach(c -> katos.add(c.kato()));
            queueFacts.forEach(q -> katos.add(q.kato()));
            urban.putAll(urban(katos));
            enrolments.pupilFacts(asOf, pupils::add);
            enrolments.graduationFacts(graduatedFrom, graduatedUpTo, asOf, graduates::add);
            enrolments.yearEndFacts(graduatedFrom, graduatedUpTo, asOf, yearEnds::add);
            counts.addAll(staff.counts(new StaffFigures.Query("", asOf, EnumSet.of(StaffFigures.Dimension.ORGANISATION,
                    StaffFigures.Dimension.POSITION, StaffFigures.Dimension.PEDAGOGICAL,
                    StaffFigures.Dimension.EDUCATION_LEVEL, StaffFigures.Dimension.SEX,
                    StaffFigures.Dimension.AGE_BAND, StaffFigures.Dimension.NATIONALITY,
                    StaffFigures.Dimension.GRADES_TAUGHT), 9)));
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
                jdbc.sql("delete from stat_year_end where snapshot_id in (select id from stat_snapshot where live)")
                        .update();
                jdbc.sql("delete from stat_child where snapshot_id in (select id from stat_snapshot where live)").update();
                jdbc.sql("delete from stat_queue where snapshot_id in (select id from stat_snapshot where live)").update();
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
                                deep_study_classes, preschool_type, deep_study_profile)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", orgs, 2000, (ps, o) -> {
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
                ps.setString(16, p.preschoolType);
                if (p.deepStudyProfile == null) ps.setNull(17, Types.BOOLEAN);
                else ps.setBoolean(17, p.deepStudyProfile);
            });
            copy(PUPILS, pupils, snapshot);
            copy(GRADUATES, graduates, snapshot);
            copy(YEAR_ENDS, yearEnds, snapshot);
            copy(STAFF, counts, snapshot);
            var byId = new HashMap<Long, OrganisationStatistics.OrganisationFact>();
            orgs.forEach(o -> byId.put(o.id(), o));
            var childRows = new ArrayList<ChildRow>(childFacts.size());
            for (var c : childFacts) {
                var o = c.organisationId() == null ? null : byId.get(c.organisationId());
                childRows.add(new ChildRow(c, urban.getOrDefault(c.kato(), false), o,
                        o == null ? null : passports.getOrDefault(o.id(), new Passport()).preschoolType));
            }
            copy(CHILDREN, childRows, snapshot);
            var queueRows = new ArrayList<QueueRow>(queueFacts.size());
            for (var q : queueFacts) queueRows.add(new QueueRow(q, urban.getOrDefault(q.kato(), false)));
            copy(QUEUE, queueRows, snapshot);
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
                                       buildings::text, buildings_emergency::text, deep_study_classes::text,
                                       preschool_type, deep_study_profile::text], ',', '-') as line
                                  from stat_organisation where snapshot_id = :s
                                union all
                                select 'p|' || organisation_id || '|' || sex || '|' || coalesce(grade::text, '') || '|'
                                       || shift || '|' || coalesce(language, '') || '|' || age || '|' || nationality
                                       || '|' || pupils || '|' || study_form || '|' || special_needs || '|' || orphan
                                       || '|' || disability || '|' || preschool_group
                                  from stat_pupil where snapshot_id = :s
                                union all
                                select 'g|' || organisation_id || '|' || sex || '|' || coalesce(grade::text, '') || '|'
                                       || shift || '|' || coalesce(language, '') || '|' || age || '|' || nationality
                                       || '|' || study_form || '|' || certificate_kind || '|' || distinction || '|'
                                       || next_step || '|' || graduates
                                  from stat_graduate where snapshot_id = :s
                                union all
                                select 'y|' || organisation_id || '|' || sex || '|' || grade || '|' || age || '|'
                                       || outcome || '|' || pupils
                                  from stat_year_end where snapshot_id = :s
                                union all
                                select 's|' || organisation_id || '|' || position || '|' || pedagogical || '|'
                                       || education_level || '|' || sex || '|' || age_band || '|' || staff || '|'
                                       || nationality || '|' || grades_taught
                                  from stat_staff where snapshot_id = :s
                                union all
                                select 'c|' || kato || '|' || urban || '|' || coalesce(organisation_id::text, '') || '|'
                                       || kind || '|' || coalesce(preschool_type, '') || '|' || ownership || '|' || sex
                                       || '|' || age || '|' || children
                                  from stat_child where snapshot_id = :s
                                union all
                                select 'q|' || kato || '|' || urban || '|' || sex || '|' || age || '|' || entries
                                  from stat_queue where snapshot_id = :s) facts""")
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
        JdbcClient.create(owner).sql("analyze stat_organisation, stat_pupil, stat_staff, stat_graduate, stat_child, "
                + "stat_queue, stat_year_end, stat_pupil_cell, stat_staff_cell, stat_graduate_cell").update();
        return taken;
    }
}
