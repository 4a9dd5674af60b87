package kz.bilim.staff.internal;

import kz.bilim.identity.Sex;
import kz.bilim.kernel.ScopeCondition;
import kz.bilim.kernel.Text;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.staff.ContractId;
import kz.bilim.staff.CourtBanId;
import kz.bilim.staff.EducationLevel;
import kz.bilim.staff.EmploymentContract;
import kz.bilim.staff.FlaggedContract;
import kz.bilim.staff.GradesTaught;
import kz.bilim.staff.Position;
import kz.bilim.staff.QualificationCategory;
import kz.bilim.staff.StaffListing;
import kz.bilim.staff.StaffMember;
import kz.bilim.staff.StaffMemberId;
import kz.bilim.staff.VerdictReference;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The staff tables: employees, contracts, the positions classifier and the flags of HB-1. Every read carries the
 * caller's scope ({@code {scope: …}}); row-level security applies the same rule and requires the right to personal
 * data.
 */
@Repository
class StaffRepository {

    private static final String POSITIONS = """
            select code, name_kk, name_ru, name_en, pedagogical, works_with_minors from staff_position order by sort_order, code
            """;

    private static final String MEMBER_COLUMNS = """
            m.id, m.organisation_id, m.kato, m.iin, m.last_name, m.first_name, m.patronymic, m.birth_date, m.sex,
            m.education_level, m.speciality, m.category, m.experience_years
            """;

    private static final String FIND_MEMBER = "select " + MEMBER_COLUMNS + """
              from staff_member m
             where m.id = :id and {scope: kato=m.kato, organisation=m.organisation_id}
            """;

    private static final String MEMBER_BY_IIN = """
            select m.id from staff_member m
             where m.organisation_id = :organisation and m.iin = :iin and {scope: kato=m.kato, organisation=m.organisation_id}
            """;

    /** The contract's first flag, if any: the verdict that made it a task (HB-1). */
    private static final String CONTRACT_COLUMNS = """
            c.id, c.staff_member_id, c.organisation_id, c.kato, c.position, c.subject, c.weekly_hours, c.contract_number,
            c.contract_date, c.starts_on, c.ends_on, c.dismissed_on, c.dismissal_order, c.dismissal_reason,
            f.court_ban_id, f.court, f.in_force_on, f.case_number
            """;

    private static final String FIRST_FLAG = """
            left join lateral (select f.court_ban_id, f.court, f.in_force_on, f.case_number from staff_ban_flag f
                                where f.contract_id = c.id order by f.flagged_at, f.court_ban_id limit 1) f on true
            """;

    private static final String CONTRACTS_OF = "select " + CONTRACT_COLUMNS + " from employment_contract c " + FIRST_FLAG + """
             where c.staff_member_id = :member and {scope: kato=c.kato, organisation=c.organisation_id}
             order by c.starts_on desc, c.id desc
            """;

    private static final String FIND_CONTRACT = "select " + CONTRACT_COLUMNS + " from employment_contract c " + FIRST_FLAG + """
             where c.id = :id and {scope: kato=c.kato, organisation=c.organisation_id}
            """;

    private static final String INSERT_MEMBER = """
            insert into staff_member (organisation_id, kato, iin, last_name, first_name, patronymic, birth_date, sex,
                                      education_level, speciality, category, experience_years, nationality)
            values (:organisation, :kato, :iin, :lastName, :firstName, :patronymic, :birthDate, :sex, :educationLevel,
                    :speciality, :category, :experienceYears, :nationality)
            returning id
            """;

    /** Another undismissed contract of the same position whose period meets [from, to] (to null: open-ended). */
    private static final String OVERLAPPING = """
            select exists (select 1 from employment_contract c
                            where c.staff_member_id = :member and c.position = :position and c.dismissed_on is null
                              and (c.ends_on is null or c.ends_on >= :from)
                              and (cast(:to as date) is null or c.starts_on <= cast(:to as date)))
            """;

    private static final String INSERT_CONTRACT = """
            insert into employment_contract (staff_member_id, organisation_id, kato, position, subject, weekly_hours,
                                             contract_number, contract_date, starts_on, ends_on, grades_taught)
            values (:member, :organisation, :kato, :position, :subject, :weeklyHours, :number, :date, :startsOn, :endsOn,
                    :gradesTaught)
            returning id
            """;

    /** One person's hires in one organisation are serialised, so two cannot both pass the overlap check. */
    private static final String LOCK = "select pg_advisory_xact_lock(hashtextextended('staff:' || :organisation || ':' || :iin, 0))";

    private static final String HIRING_BAN = """
            select ban_id, court, in_force_on, case_number from bilim_hiring_ban(:iin, :position, :from, cast(:to as date))
            """;

    private static final String LIST_WHERE = """
             where c.organisation_id = :organisation and {scope: kato=c.kato, organisation=c.organisation_id}
               and (not :current or (c.dismissed_on is null and (c.ends_on is null or c.ends_on >= :today)))
               and (cast(:iin as text) is null or m.iin = cast(:iin as text))
               and (cast(:surname as text) is null or lower(m.last_name) like cast(:surname as text) escape '\\')
            """;

    private static final String LIST = """
            select m.id as member_id, c.id as contract_id, c.organisation_id, m.iin, m.last_name, m.first_name,
                   m.patronymic, c.position, c.starts_on, c.ends_on, c.dismissed_on,
                   exists (select 1 from staff_ban_flag f where f.contract_id = c.id) as flagged
              from employment_contract c join staff_member m on m.id = c.staff_member_id
            """ + LIST_WHERE + """
             order by lower(m.last_name), lower(m.first_name), m.id, c.id
             limit :limit offset :offset
            """;

    private static final String COUNT = """
            select count(*) from employment_contract c join staff_member m on m.id = c.staff_member_id
            """ + LIST_WHERE;

    private static final String DISMISS = """
            update employment_contract c
               set dismissed_on = :date, dismissal_order = :order, dismissal_reason = :reason
             where c.id = :id and c.dismissed_on is null and {scope: kato=c.kato, organisation=c.organisation_id}
            """;

    private static final String FLAGGED_WHERE = """
              from staff_ban_flag f
              join employment_contract c on c.id = f.contract_id
              join staff_member m on m.id = c.staff_member_id
             where {scope: kato=f.kato, organisation=f.organisation_id} and c.dismissed_on is null
            """;

    private static final String FLAGGED = """
            select c.id as contract_id, m.id as member_id, c.organisation_id, c.kato, m.iin, m.last_name, m.first_name,
                   m.patronymic, c.position, c.starts_on, f.court_ban_id, f.court, f.in_force_on, f.case_number,
                   f.flagged_at
            """ + FLAGGED_WHERE + """
             order by f.flagged_at desc, c.id, f.court_ban_id
             limit :limit offset :offset
            """;

    private static final String FLAGGED_COUNT = "select count(*) " + FLAGGED_WHERE;

    private static final String FLAG_CONTRACTS = "select bilim_flag_contracts(cast(string_to_array(:contracts, ',') as bigint[]), :today)";

    private final JdbcClient jdbc;

    StaffRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Position> positions() {
        return jdbc.sql(POSITIONS).query((rs, n) -> new Position(rs.getString("code"), rs.getString("name_kk"),
                rs.getString("name_ru"), rs.getString("name_en"), rs.getBoolean("pedagogical"),
                rs.getBoolean("works_with_minors"))).list();
    }

    Optional<StaffMember> find(StaffMemberId id) {
        var member = scoped(FIND_MEMBER).param("id", id.value()).query(StaffRepository::member).optional();
        return member.map(m -> new StaffMember(m.id(), m.organisationId(), m.kato(), m.iin(), m.lastName(),
                m.firstName(), m.patronymic(), m.birthDate(), m.sex(), m.educationLevel(), m.speciality(),
                m.category(), m.experienceYears(), contractsOf(m.id())));
    }

    List<EmploymentContract> contractsOf(StaffMemberId member) {
        return scoped(CONTRACTS_OF).param("member", member.value()).query(StaffRepository::contract).list();
    }

    Optional<EmploymentContract> findContract(ContractId id) {
        return scoped(FIND_CONTRACT).param("id", id.value()).query(StaffRepository::contract).optional();
    }

    Optional<StaffMemberId> memberByIin(OrganisationId organisation, String iin) {
        return scoped(MEMBER_BY_IIN).param("organisation", organisation.value()).param("iin", iin)
                .query(Long.class).optional().map(StaffMemberId::new);
    }

    void lock(OrganisationId organisation, String iin) {
        jdbc.sql(LOCK).param("organisation", String.valueOf(organisation.value())).param("iin", iin)
                .query((rs, n) -> 1).list();
    }

    Optional<VerdictReference> hiringBan(String iin, String position, LocalDate from, LocalDate to) {
        return jdbc.sql(HIRING_BAN).param("iin", iin).param("position", position).param("from", from).param("to", to)
                .query((rs, n) -> new VerdictReference(new CourtBanId(rs.getLong("ban_id")), rs.getString("court"),
                        rs.getObject("in_force_on", LocalDate.class), rs.getString("case_number")))
                .optional();
    }

    record NewMember(OrganisationId organisation, String kato, String iin, String lastName, String firstName,
                     String patronymic, LocalDate birthDate, Sex sex, EducationLevel educationLevel, String speciality,
                     QualificationCategory category, Integer experienceYears, String nationality) {
    }

    StaffMemberId insertMember(NewMember m) {
        return new StaffMemberId(jdbc.sql(INSERT_MEMBER).param("organisation", m.organisation().value())
                .param("kato", m.kato()).param("iin", m.iin()).param("lastName", m.lastName())
                .param("firstName", m.firstName()).param("patronymic", m.patronymic()).param("birthDate", m.birthDate())
                .param("sex", m.sex().name()).param("educationLevel", m.educationLevel() == null ? null : m.educationLevel().name())
                .param("speciality", m.speciality()).param("category", m.category() == null ? null : m.category().name())
                .param("experienceYears", m.experienceYears()).param("nationality", m.nationality())
                .query(Long.class).single());
    }

    boolean overlapping(StaffMemberId member, String position, LocalDate from, LocalDate to) {
        return jdbc.sql(OVERLAPPING).param("member", member.value()).param("position", position).param("from", from)
                .param("to", to).query(Boolean.class).single();
    }

    record NewContract(StaffMemberId member, OrganisationId organisation, String kato, String position, String subject,
                       BigDecimal weeklyHours, String number, LocalDate date, LocalDate startsOn, LocalDate endsOn,
                       GradesTaught gradesTaught) {
    }

    ContractId insertContract(NewContract c) {
        return new ContractId(jdbc.sql(INSERT_CONTRACT).param("member", c.member().value())
                .param("organisation", c.organisation().value()).param("kato", c.kato()).param("position", c.position())
                .param("subject", c.subject()).param("weeklyHours", c.weeklyHours()).param("number", c.number())
                .param("date", c.date()).param("startsOn", c.startsOn()).param("endsOn", c.endsOn())
                .param("gradesTaught", c.gradesTaught() == null ? null : c.gradesTaught().name())
                .query(Long.class).single());
    }

    List<StaffListing> list(OrganisationId organisation, String query, boolean current, LocalDate today, int limit,
                            long offset) {
        return listParams(scoped(LIST), organisation, query, current, today).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new StaffListing(new StaffMemberId(rs.getLong("member_id")),
                        new ContractId(rs.getLong("contract_id")), new OrganisationId(rs.getLong("organisation_id")),
                        rs.getString("iin"), rs.getString("last_name"), rs.getString("first_name"),
                        rs.getString("patronymic"), rs.getString("position"), date(rs, "starts_on"),
                        date(rs, "ends_on"), date(rs, "dismissed_on"), rs.getBoolean("flagged")))
                .list();
    }

    long count(OrganisationId organisation, String query, boolean current, LocalDate today) {
        return listParams(scoped(COUNT), organisation, query, current, today).query(Long.class).single();
    }

    private static JdbcClient.StatementSpec listParams(JdbcClient.StatementSpec spec, OrganisationId organisation,
                                                       String query, boolean current, LocalDate today) {
        String q = Text.blankToNull(query);
        boolean byIin = q != null && q.matches("[0-9]{12}");
        return spec.param("organisation", organisation.value()).param("current", current).param("today", today)
                .param("iin", byIin ? q : null)
                .param("surname", q == null || byIin ? null : Text.escapeLike(q.toLowerCase(java.util.Locale.ROOT)) + "%");
    }

    boolean dismiss(ContractId id, LocalDate date, String order, String reason) {
        return scoped(DISMISS).param("id", id.value()).param("date", date).param("order", order)
                .param("reason", reason).update() == 1;
    }

    List<FlaggedContract> flagged(int limit, long offset) {
        return scoped(FLAGGED).param("limit", limit).param("offset", offset)
                .query((rs, n) -> new FlaggedContract(new ContractId(rs.getLong("contract_id")),
                        new StaffMemberId(rs.getLong("member_id")), new OrganisationId(rs.getLong("organisation_id")),
                        rs.getString("kato"), rs.getString("iin"), rs.getString("last_name"), rs.getString("first_name"),
                        rs.getString("patronymic"), rs.getString("position"), date(rs, "starts_on"),
                        new VerdictReference(new CourtBanId(rs.getLong("court_ban_id")), rs.getString("court"),
                                date(rs, "in_force_on"), rs.getString("case_number")),
                        rs.getObject("flagged_at", OffsetDateTime.class).toInstant()))
                .list();
    }

    long flaggedCount() {
        return scoped(FLAGGED_COUNT).query(Long.class).single();
    }

    /** HB-1 for contracts just written by an import: flags those a verdict in force covers (set-based). */
    int flagContracts(List<ContractId> contracts, LocalDate today) {
        if (contracts.isEmpty()) return 0;
        String ids = String.join(",", contracts.stream().map(c -> String.valueOf(c.value())).toList());
        return jdbc.sql(FLAG_CONTRACTS).param("contracts", ids).param("today", today).query(Integer.class).single();
    }

    private JdbcClient.StatementSpec scoped(String sql) {
        return ScopeCondition.current().sql(jdbc, sql);
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, LocalDate.class);
    }

    private static StaffMember member(ResultSet rs, int row) throws SQLException {
        String education = rs.getString("education_level");
        String category = rs.getString("category");
        return new StaffMember(new StaffMemberId(rs.getLong("id")), new OrganisationId(rs.getLong("organisation_id")),
                rs.getString("kato"), rs.getString("iin"), rs.getString("last_name"), rs.getString("first_name"),
                rs.getString("patronymic"), date(rs, "birth_date"), Sex.valueOf(rs.getString("sex")),
                education == null ? null : EducationLevel.valueOf(education), rs.getString("speciality"),
                category == null ? null : QualificationCategory.valueOf(category),
                rs.getObject("experience_years", Integer.class), List.of());
    }

    private static EmploymentContract contract(ResultSet rs, int row) throws SQLException {
        long ban = rs.getLong("court_ban_id");
        VerdictReference verdict = rs.wasNull() ? null : new VerdictReference(new CourtBanId(ban),
                rs.getString("court"), date(rs, "in_force_on"), rs.getString("case_number"));
        return new EmploymentContract(new ContractId(rs.getLong("id")), new StaffMemberId(rs.getLong("staff_member_id")),
                new OrganisationId(rs.getLong("organisation_id")), rs.getString("kato"), rs.getString("position"),
                rs.getString("subject"), rs.getBigDecimal("weekly_hours"), rs.getString("contract_number"),
                date(rs, "contract_date"), date(rs, "starts_on"), date(rs, "ends_on"), date(rs, "dismissed_on"),
                rs.getString("dismissal_order"), rs.getString("dismissal_reason"), verdict);
    }
}
