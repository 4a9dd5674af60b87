package kz.bilim.statistics.internal;

import kz.bilim.child.ChildStatistics;
import kz.bilim.collection.CollectedValues;
import kz.bilim.collection.PreschoolPassport;
import kz.bilim.collection.SchoolPassport;
import kz.bilim.enrolment.EnrolmentStatistics;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.organisation.OrganisationStatistics;
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
                    StaffFigures.Dimension.AGE_BAND), 9)));
        });
        Taken taken = transaction.execute(status -> {
            Long id;
            int version;
            if (live) {
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
            template.batchUpdate("""
                            insert into stat_pupil (snapshot_id, organisation_id, sex, grade, shift, language, age,
                                                    nationality, pupils, study_form, special_needs, orphan, disability,
                                                    preschool_group)
                            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    pupils, 5000, (ps, p) -> {
                        ps.setLong(1, snapshot);
                        ps.setLong(2, p.organisationId());
                        ps.setString(3, p.sex());
                        if (p.grade() == null) ps.setNull(4, Types.SMALLINT);
                        else ps.setInt(4, p.grade());
                        ps.setInt(5, p.shift());
                        ps.setString(6, p.language());
                        ps.setInt(7, p.age());
                        ps.setString(8, p.nationality());
                        ps.setLong(9, p.pupils());
                        ps.setString(10, p.studyForm());
                        ps.setBoolean(11, p.specialNeeds());
                        ps.setBoolean(12, p.orphan());
                        ps.setBoolean(13, p.disability());
                        ps.setString(14, p.preschoolGroup());
                    });
            template.batchUpdate("""
                            insert into stat_graduate (snapshot_id, organisation_id, sex, grade, shift, language, age,
                                                       nationality, study_form, certificate_kind, distinction, next_step,
                                                       graduates) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    graduates, 5000, (ps, g) -> {
                        ps.setLong(1, snapshot);
                        ps.setLong(2, g.organisationId());
                        ps.setString(3, g.sex());
                        if (g.grade() == null) ps.setNull(4, Types.SMALLINT);
                        else ps.setInt(4, g.grade());
                        ps.setInt(5, g.shift());
                        ps.setString(6, g.language());
                        ps.setInt(7, g.age());
                        ps.setString(8, g.nationality());
                        ps.setString(9, g.studyForm());
                        ps.setString(10, g.certificateKind());
                        ps.setString(11, g.distinction());
                        ps.setString(12, g.nextStep());
                        ps.setLong(13, g.graduates());
                    });
            template.batchUpdate("""
                            insert into stat_year_end (snapshot_id, organisation_id, sex, grade, age, outcome, pupils)
                            values (?, ?, ?, ?, ?, ?, ?)""", yearEnds, 5000, (ps, y) -> {
                ps.setLong(1, snapshot);
                ps.setLong(2, y.organisationId());
                ps.setString(3, y.sex());
                ps.setInt(4, y.grade());
                ps.setInt(5, y.age());
                ps.setString(6, y.outcome());
                ps.setLong(7, y.pupils());
            });
            template.batchUpdate("""
                            insert into stat_staff (snapshot_id, organisation_id, position, pedagogical, education_level,
                                                    sex, age_band, staff) values (?, ?, ?, ?, ?, ?, ?, ?)""",
                    counts, 5000, (ps, c) -> {
                        Map<StaffFigures.Dimension, String> k = c.key();
                        ps.setLong(1, snapshot);
                        ps.setLong(2, Long.parseLong(k.get(StaffFigures.Dimension.ORGANISATION)));
                        ps.setString(3, k.get(StaffFigures.Dimension.POSITION));
                        ps.setBoolean(4, Boolean.parseBoolean(k.get(StaffFigures.Dimension.PEDAGOGICAL)));
                        ps.setString(5, k.get(StaffFigures.Dimension.EDUCATION_LEVEL));
                        ps.setString(6, k.get(StaffFigures.Dimension.SEX));
                        ps.setString(7, k.get(StaffFigures.Dimension.AGE_BAND));
                        ps.setLong(8, c.staff());
                    });
            var byId = new HashMap<Long, OrganisationStatistics.OrganisationFact>();
            orgs.forEach(o -> byId.put(o.id(), o));
            template.batchUpdate("""
                            insert into stat_child (snapshot_id, kato, urban, organisation_id, kind, preschool_type,
                                                    ownership, sex, age, children) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    childFacts, 5000, (ps, c) -> {
                        var o = c.organisationId() == null ? null : byId.get(c.organisationId());
                        ps.setLong(1, snapshot);
                        ps.setString(2, c.kato());
                        ps.setBoolean(3, urban.getOrDefault(c.kato(), false));
                        if (o == null) ps.setNull(4, Types.BIGINT);
                        else ps.setLong(4, o.id());
                        ps.setString(5, o == null ? NONE : o.kind().name());
                        ps.setString(6, o == null ? null : passports.getOrDefault(o.id(), new Passport()).preschoolType);
                        ps.setString(7, o == null ? NONE : o.ownership().name());
                        ps.setString(8, c.sex());
                        ps.setInt(9, c.age());
                        ps.setLong(10, c.children());
                    });
            template.batchUpdate("""
                            insert into stat_queue (snapshot_id, kato, urban, sex, age, entries)
                            values (?, ?, ?, ?, ?, ?)""", queueFacts, 5000, (ps, q) -> {
                ps.setLong(1, snapshot);
                ps.setString(2, q.kato());
                ps.setBoolean(3, urban.getOrDefault(q.kato(), false));
                ps.setString(4, q.sex());
                ps.setInt(5, q.age());
                ps.setLong(6, q.entries());
            });
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
                                       || education_level || '|' || sex || '|' || age_band || '|' || staff
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
                + "stat_queue, stat_year_end").update();
        return taken;
    }
}
