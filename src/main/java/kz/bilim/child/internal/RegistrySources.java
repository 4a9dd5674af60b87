package kz.bilim.child.internal;

import kz.bilim.audit.AuditAction;
import kz.bilim.audit.AuditEntry;
import kz.bilim.audit.AuditTrail;
import kz.bilim.child.ChildSource;
import kz.bilim.enrolment.EnrolledPupils;
import kz.bilim.enrolment.PersonId;
import kz.bilim.enrolment.PupilAdmitted;
import kz.bilim.enrolment.PupilExpelled;
import kz.bilim.kernel.CurrentScope;
import kz.bilim.kernel.KatoRange;
import kz.bilim.organisation.Organisation;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import kz.bilim.platform.database.OwnerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Service;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CA-1 sources 1–4 from this system's own enrolments, never re-entered: the active pupils of a territory's
 * organisations, each under the EMIS source of the organisation's kind and ownership ({@link ChildSource#of}), merged
 * as a full snapshot of that territory with origin REGISTRY — a pupil expelled and admitted nowhere loses the source.
 * Set-based: the enrolment module stages the pupils into a temporary table, the merge goes from there — nothing held
 * in memory but the organisations' sources. After each admission and expulsion only that person is refreshed; any
 * territory on demand (and the whole country: the national reconciliation).
 */
@Service
class RegistrySources {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RegistrySources.class);
    /** One refresh at a time, off the admitting request's thread (which is still inside its transaction's end). */
    private final java.util.concurrent.ExecutorService worker = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "child-registry");
        thread.setDaemon(true);
        return thread;
    });

    private final EnrolledPupils pupils;
    private final Organisations organisations;
    private final ChildMerge merge;
    private final AuditTrail audit;
    private final TransactionTemplate ownerTransaction;
    private final OwnerDataSource owner;
    private final JdbcClient jdbc;

    RegistrySources(EnrolledPupils pupils, Organisations organisations, ChildMerge merge, AuditTrail audit,
                    OwnerDataSource owner) {
        this.owner = owner;
        this.jdbc = JdbcClient.create(owner);
        this.pupils = pupils;
        this.organisations = organisations;
        this.merge = merge;
        this.audit = audit;
        this.ownerTransaction = new TransactionTemplate(new DataSourceTransactionManager(owner));
    }

    /** The registry's pupils of the territory's organisations, within the caller's scope; answers the rows read. */
    int refresh(String katoPrefix) {
        var counts = new LinkedHashMap<String, Object>();
        long rows = ownerTransaction.execute(status -> {
            long t0 = System.nanoTime();
            long staged = pupils.stageActive(owner, katoPrefix, null, PUPILS);
            log.debug("registry: pupils staged {} in {} ms", staged, (System.nanoTime() - t0) / 1_000_000);
            stageOrganisations();
            stageNameFolds();
            var range = KatoRange.under(katoPrefix);
            return merge.bulk(staged, () -> {
                for (var source : SOURCES) {
                    long t1 = System.nanoTime();
                    stage(source);
                    log.debug("registry: {} staged in {} ms", source, (System.nanoTime() - t1) / 1_000_000);
                    var merged = merge.merge(source, ChildMerge.REGISTRY, range, null);
                    counts.put(source.name(), merged.inserted() + merged.updated() + merged.withdrawn());
                }
                return staged;
            });
        });
        counts.put("rows", rows);
        audited(katoPrefix, counts);
        return (int) rows;
    }

    /** The refresh's audit event: the rows read and each source's rows written, never a child. */
    void audited(String katoPrefix, Map<String, Object> counts) {
        audit.record(AuditEntry.of(AuditAction.IMPORT, "child-registry", katoPrefix, katoPrefix.length() == 9
                ? katoPrefix : (katoPrefix + "000000000").substring(0, 9), null).because("child-registry").with(counts));
    }

    /**
     * The whole country's pupils staged for the national reconciliation ({@link ChildReconciliation}), in the
     * caller's owner transaction: {@code pg_temp.child_registry_pupils}, {@code …_organisations}, {@code …_folds}.
     */
    long stageAll() {
        long staged = pupils.stageActive(owner, "", null, PUPILS);
        stageOrganisations();
        stageNameFolds();
        return staged;
    }

    static final List<ChildSource> EMIS = List.of(ChildSource.EMIS_PRESCHOOL, ChildSource.EMIS_SCHOOL,
            ChildSource.EMIS_TVET, ChildSource.EMIS_NON_STATE);

    /**
     * After an enrolment change, only the persons concerned: their active enrolments wherever they are, merged as the
     * snapshot of those persons (a pupil expelled and admitted nowhere loses the source) — no settlement re-read.
     */
    void refreshPersons(Collection<PersonId> persons) {
        ownerTransaction.executeWithoutResult(status -> {
            pupils.stageActive(owner, "", persons, PUPILS);
            jdbc.sql("drop table if exists pg_temp.child_registry_persons").update();
            jdbc.sql("create temp table child_registry_persons (person_id bigint primary key) on commit drop").update();
            jdbc.sql("insert into child_registry_persons select distinct unnest(cast(:ids as bigint[]))")
                    .param("ids", persons.stream().map(PersonId::value).toArray(Long[]::new)).update();
            stageOrganisations();
            stageNameFolds();
            for (var source : SOURCES) {
                stage(source);
                merge.mergePersons(source, ChildMerge.REGISTRY);
            }
        });
    }

    /** The organisations of the staged pupils with the EMIS source each belongs to (some thousand rows at most). */
    private void stageOrganisations() {
        jdbc.sql("drop table if exists pg_temp.child_registry_organisations").update();
        jdbc.sql("""
                create temp table child_registry_organisations (organisation_id bigint primary key,
                    source text collate "C" not null, bin text collate "C" not null) on commit drop""").update();
        var ids = jdbc.sql("select distinct organisation_id from pg_temp." + PUPILS).query(Long.class).list();
        Map<OrganisationId, Organisation> found = organisations.findAll(
                ids.stream().map(OrganisationId::new).collect(java.util.stream.Collectors.toSet()));
        var batch = new ArrayList<Object[]>();
        for (var o : found.values())
            batch.add(new Object[]{o.id().value(), ChildSource.of(o.kind(), o.ownership()).name(), o.bin().value()});
        for (int i = 0; i < batch.size(); i += 1000) {
            var part = batch.subList(i, Math.min(batch.size(), i + 1000));
            jdbc.sql("insert into child_registry_organisations select * from unnest(cast(:ids as bigint[]), "
                            + "cast(:sources as text[]), cast(:bins as text[]))")
                    .param("ids", part.stream().map(r -> (Long) r[0]).toArray(Long[]::new))
                    .param("sources", part.stream().map(r -> (String) r[1]).toArray(String[]::new))
                    .param("bins", part.stream().map(r -> (String) r[2]).toArray(String[]::new)).update();
        }
    }

    /**
     * Each distinct surname and first name of the staged pupils folded once ({@code child_name_fold}, V170: a chain of
     * translations and regular expressions), so the staging of millions of pupils joins a few hundred thousand folds
     * instead of folding every row twice.
     */
    private void stageNameFolds() {
        jdbc.sql("drop table if exists pg_temp.child_registry_folds").update();
        jdbc.sql("""
                create temp table child_registry_folds on commit drop as
                select name, child_name_fold(name) as folded
                  from (select coalesce(last_name, '') as name from pg_temp.child_registry_pupils
                        union select coalesce(first_name, '') from pg_temp.child_registry_pupils) n""").update();
        jdbc.sql("analyze pg_temp.child_registry_folds").update();
    }

    /** A fresh staging table holding the staged pupils of one source, set-based. */
    private void stage(ChildSource source) {
        merge.createStaging();
        jdbc.sql(STAGE).param("source", source.name()).update();
    }

    private static final String PUPILS = "child_registry_pupils";
    private static final List<ChildSource> SOURCES = EMIS;

    private static final String STAGE = """
            insert into child_staging (row_no, iin, last_name, first_name, patronymic, birth_date, sex, citizenship,
                                       residence_kato, name_key, organisation_bin, organisation_id, grade, territory,
                                       person_id)
            select row_number() over (order by p.person_id, p.organisation_id), p.iin, p.last_name, p.first_name,
                   p.patronymic, p.birth_date, p.sex, coalesce(p.citizenship, 'KZ'), p.residence_kato,
                   fl.folded || ' ' || ff.folded, o.bin, p.organisation_id, p.grade, p.kato, p.person_id
              from pg_temp.child_registry_pupils p
              join pg_temp.child_registry_organisations o on o.organisation_id = p.organisation_id
              join pg_temp.child_registry_folds fl on fl.name = coalesce(p.last_name, '')
              join pg_temp.child_registry_folds ff on ff.name = coalesce(p.first_name, '')
             where o.source = :source
            """;

    /** After an admission is committed, the organisation's settlement again (a system run: the pupil's data). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PupilAdmitted event) {
        refreshPerson(event.personId());
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(PupilExpelled event) {
        refreshPerson(event.personId());
    }

    /** Waits for the refreshes queued so far (tests). */
    void settle() {
        try {
            worker.submit(() -> { }).get();
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
    }

    private void refreshPerson(PersonId person) {
        worker.execute(() -> {
            try {
                CurrentScope.asSystem(() -> refreshPersons(List.of(person)));
            } catch (RuntimeException e) {
                log.warn("Child registry refresh after an enrolment change failed: {}", e.getClass().getSimpleName());
            }
        });
    }
}
