package kz.bilim.collection.internal;

import kz.bilim.collection.Form;
import kz.bilim.collection.FormDefinition;
import kz.bilim.collection.Level;
import kz.bilim.collection.Submission;
import kz.bilim.enrolment.EnrolmentStatistics;
import kz.bilim.kernel.Refusal;
import kz.bilim.organisation.AcademicYear;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import kz.bilim.staff.StaffFigures;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * EIS-4, "enter once": what the registries already know about an organisation (pupils, classes, staff) pre-fills and
 * checks its form; the stored values are checked again before they are submitted.
 */
@Component
class EnterOnce {

    private final CollectionRepository repository;
    private final Organisations organisations;
    private final EnrolmentStatistics pupils;
    private final StaffFigures staff;
    private final Clock clock;

    EnterOnce(CollectionRepository repository, Organisations organisations, EnrolmentStatistics pupils, StaffFigures staff,
              Clock clock) {
        this.repository = repository;
        this.organisations = organisations;
        this.pupils = pupils;
        this.staff = staff;
        this.clock = clock;
    }

    /**
     * EIS-4, "enter once": what the registries hold about the organisation — only the registries the form names, so
     * that a form no registry answers (most additional requests) costs no registry reads on each submission.
     */
    Map<FormDefinition.Registry, Long> registry(CollectionRepository.SubmissionRow row, Form form) {
        var known = new EnumMap<FormDefinition.Registry, Long>(FormDefinition.Registry.class);
        if (row.level() != Level.ORGANISATION) return known;
        Set<FormDefinition.Registry> named = named(form.definition());
        long org = row.organisationId();
        if (named.contains(FormDefinition.Registry.PUPILS))
            known.put(FormDefinition.Registry.PUPILS, pupils.activePupils(List.of(org)).getOrDefault(org, 0L));
        if (named.contains(FormDefinition.Registry.CLASSES))
            known.put(FormDefinition.Registry.CLASSES,
                    (long) organisations.classes(OrganisationId.of(org), AcademicYear.current(clock).startYear()).size());
        if (!named.contains(FormDefinition.Registry.STAFF) && !named.contains(FormDefinition.Registry.PEDAGOGUES))
            return known;
        long all = 0, pedagogues = 0;
        for (var count : staff.counts(new StaffFigures.Query(row.kato(), LocalDate.now(clock),
                Set.of(StaffFigures.Dimension.ORGANISATION, StaffFigures.Dimension.PEDAGOGICAL), 9))) {
            if (!String.valueOf(org).equals(count.key().get(StaffFigures.Dimension.ORGANISATION))) continue;
            all += count.staff();
            if ("true".equals(count.key().get(StaffFigures.Dimension.PEDAGOGICAL))) pedagogues += count.staff();
        }
        known.put(FormDefinition.Registry.STAFF, all);
        known.put(FormDefinition.Registry.PEDAGOGUES, pedagogues);
        return known;
    }

    private static Set<FormDefinition.Registry> named(FormDefinition definition) {
        var named = EnumSet.noneOf(FormDefinition.Registry.class);
        for (var section : definition.sections())
            for (var field : section.fields())
                if (field.registry() != null) named.add(field.registry());
        return named;
    }

    static Map<String, Object> raw(List<Submission.Value> values) {
        var raw = new LinkedHashMap<String, Object>();
        for (var v : values) {
            Object value = v.number() != null ? v.number() : v.text();
            if (v.row().isEmpty()) {
                if (!v.prefilled()) raw.put(v.field(), value);
            } else {
                @SuppressWarnings("unchecked")
                var table = (Map<String, Object>) raw.computeIfAbsent(v.field(), k -> new LinkedHashMap<String, Object>());
                table.put(v.row(), value);
            }
        }
        return raw;
    }

    static Map<String, String> explanations(List<Submission.Value> values) {
        var explained = new LinkedHashMap<String, String>();
        values.stream().filter(v -> v.explanation() != null).forEach(v -> explained.put(v.field(), v.explanation()));
        return explained;
    }

    /**
     * What a submission carries: the values its signature covers (as checked now) and the values as stored (their
     * enter-once marks as filled), which the answer shows.
     */
    record Submitted(List<Submission.Value> checked, List<Submission.Value> stored) {
    }

    /** The stored values (or what the registries pre-fill), checked: errors and unexplained queries refuse. */
    Submitted checkedValues(CollectionRepository.SubmissionRow row, Form form) {
        var stored = repository.values(row.id());
        var checked = FormValidation.check(form.definition(), raw(stored), registry(row, form), explanations(stored));
        var errors = new ArrayList<>(checked.errors());
        errors.addAll(FormValidation.unexplained(checked.queries()));
        if (!errors.isEmpty())
            throw new Refusal(Refusal.Code.INVALID_INPUT, FormValidation.EIS_4, "error.invalid-input.detail",
                    List.of(), errors).exception();
        if (!stored.isEmpty()) return new Submitted(checked.values(), stored);
        repository.replaceValues(row, checked.values());
        return new Submitted(checked.values(), checked.values());
    }

    List<Submission.Value> currentValues(CollectionRepository.SubmissionRow row, Form form) {
        var stored = repository.values(row.id());
        if (!stored.isEmpty() || row.level() != Level.ORGANISATION) return stored;
        return FormValidation.check(form.definition(), Map.of(), registry(row, form), Map.of()).values();
    }
}
