package kz.bilim.enrolment.internal;

import kz.bilim.kernel.Refusal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.bilim.enrolment.Admission;
import kz.bilim.enrolment.Enrolment;
import kz.bilim.enrolment.EnrolmentId;
import kz.bilim.enrolment.Enrolments;
import kz.bilim.enrolment.Expulsion;
import kz.bilim.enrolment.Person;
import kz.bilim.enrolment.PersonId;
import kz.bilim.enrolment.Persons;
import kz.bilim.enrolment.Pupil;
import kz.bilim.enrolment.PupilFilter;
import kz.bilim.organisation.OrganisationId;
import kz.bilim.organisation.Organisations;
import kz.bilim.kernel.Paged;
import kz.bilim.organisation.SchoolClassId;
import kz.bilim.platform.web.ErrorCode;
import kz.bilim.kernel.FieldError;
import kz.bilim.platform.web.Problems;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Pupils, persons, admission and expulsion over JSON. Personal data only for roles that may read them (statistics
 * analysts get 403); a rule's refusal is 422 problem+json with {@code code: RULE_REFUSED} and the clause ID.
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize(EnrolmentDesk.READERS)
@Tag(name = "enrolment", description = "Pupils of organisations, admission and expulsion by order, persons")
class EnrolmentApiController {

    record PersonRequest(String iin, String lastName, String firstName, String patronymic, String birthDate,
                         String sex, String nationality, String citizenship, String residenceKato) {
    }

    record AdmissionRequest(Long personId, PersonRequest person, Long organisationId, Long classId, String from,
                            String admissionOrder) {
    }

    record ExpulsionRequest(String date, String expulsionOrder) {
    }

    record EnrolmentView(long id, long personId, long organisationId, Long classId, Integer grade, LocalDate from,
                         LocalDate to, String admissionOrder, String expulsionOrder, boolean active) {
        static EnrolmentView of(Enrolment e) {
            return new EnrolmentView(e.id().value(), e.personId().value(), e.organisationId().value(),
                    e.classId() == null ? null : e.classId().value(), e.grade(), e.enrolledFrom(), e.enrolledTo(),
                    e.admissionOrder(), e.expulsionOrder(), e.active());
        }
    }

    record PupilView(long enrolmentId, long personId, String iin, String lastName, String firstName, String patronymic,
                     LocalDate birthDate, Long classId, Integer grade, LocalDate from, LocalDate to) {
        static PupilView of(Pupil p) {
            var e = p.enrolment();
            return new PupilView(e.id().value(), e.personId().value(), p.iin(), p.lastName(), p.firstName(),
                    p.patronymic(), p.birthDate(), e.classId() == null ? null : e.classId().value(), e.grade(),
                    e.enrolledFrom(), e.enrolledTo());
        }
    }

    record PersonView(long id, String iin, String lastName, String firstName, String patronymic, LocalDate birthDate,
                      String sex, String nationality, String citizenship, String residenceKato,
                      List<EnrolmentView> enrolments) {
        static PersonView of(Person p, List<Enrolment> enrolments) {
            return new PersonView(p.id().value(), p.iin() == null ? null : p.iin().value(), p.lastName(), p.firstName(), p.patronymic(), p.birthDate(),
                    p.sex().name().toLowerCase(), p.nationality(), p.citizenship(), p.residenceKato().value(),
                    enrolments.stream().map(EnrolmentView::of).toList());
        }
    }

    record PageView<T>(List<T> items, int page, int size, Long total, boolean hasNext) {
    }

    private final Enrolments enrolments;
    private final Persons persons;
    private final Organisations organisations;
    private final Problems problems;

    EnrolmentApiController(Enrolments enrolments, Persons persons, Organisations organisations, Problems problems) {
        this.enrolments = enrolments;
        this.persons = persons;
        this.organisations = organisations;
        this.problems = problems;
    }

    @GetMapping("/organisations/{id}/pupils")
    @Operation(summary = "Pupils of an organisation (active by default), optionally of one class, by IIN or surname")
    PageView<PupilView> pupils(@PathVariable long id, @RequestParam(required = false) Long classId,
                               @RequestParam(required = false) Integer grade, @RequestParam(required = false) String q,
                               @RequestParam(defaultValue = "true") boolean active,
                               @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        var organisation = organisations.find(new OrganisationId(id))
                .orElseThrow(() -> Refusal.notFound("organisation", id).exception());
        var filter = new PupilFilter(organisation.id(), classId == null ? null : new SchoolClassId(classId), grade, q,
                active);
        Paged<PupilView> paged = enrolments.pupils(filter, Paged.page(page), Paged.size(size)).map(PupilView::of);
        return new PageView<>(paged.items(), paged.page(), paged.size(), paged.total(), paged.hasNext());
    }

    @GetMapping("/persons/{id}")
    @Operation(summary = "A person's record with their enrolments; every read is audited with its purpose")
    PersonView person(@PathVariable long id, @RequestParam(required = false) String purpose) {
        var personId = new PersonId(id);
        var person = persons.read(personId, purpose == null ? "api" : purpose)
                .orElseThrow(() -> Refusal.notFound("person", id).exception());
        return PersonView.of(person, enrolments.history(personId));
    }

    @PostMapping("/enrolments")
    @Operation(summary = "Admit a pupil by order (TR-7); refused by TR-10 when a class of grades 2–9 is full")
    ResponseEntity<?> admit(@RequestBody AdmissionRequest request) {
        var errors = new ArrayList<FieldError>();
        var p = request.person();
        var person = p == null ? null : Requests.person("person.", p.iin(), p.lastName(), p.firstName(), p.patronymic(),
                p.birthDate(), p.sex(), p.nationality(), p.citizenship(), p.residenceKato(), errors);
        var from = Requests.date("from", request.from(), errors);
        if (!errors.isEmpty()) throw Refusal.invalid(errors).exception();
        var decision = enrolments.admit(new Admission(request.personId() == null ? null : new PersonId(request.personId()),
                person, request.organisationId() == null ? null : new OrganisationId(request.organisationId()),
                request.classId() == null ? null : new SchoolClassId(request.classId()), from, request.admissionOrder()));
        var enrolment = decision.orElseThrow();
        return ResponseEntity.created(URI.create("/api/v1/enrolments/" + enrolment.id().value()))
                .body(EnrolmentView.of(enrolment));
    }

    @PostMapping("/enrolments/{id}/expulsion")
    @Operation(summary = "Expel a pupil by order (TR-7): the last day and the order number")
    ResponseEntity<?> expel(@PathVariable long id, @RequestBody ExpulsionRequest request) {
        var errors = new ArrayList<FieldError>();
        var date = Requests.date("date", request.date(), errors);
        if (!errors.isEmpty()) throw Refusal.invalid(errors).exception();
        var decision = enrolments.expel(new EnrolmentId(id), new Expulsion(date, request.expulsionOrder()));
        return ResponseEntity.ok(EnrolmentView.of(decision.orElseThrow()));
    }

}
