package kz.bilim.staff.internal;

import kz.bilim.identity.Bin;
import kz.bilim.identity.Iin;
import kz.bilim.identity.InvalidIdentityNumber;
import kz.bilim.identity.Sex;
import kz.bilim.kernel.FieldError;
import kz.bilim.staff.EducationLevel;
import kz.bilim.staff.GradesTaught;
import kz.bilim.staff.ImportReport.RowRejection;
import kz.bilim.staff.QualificationCategory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rows of a staff file (docs/staff.md) — a region's existing employees and their contracts — checked one by one
 * with the same rules of form as a hire: the organisation's BIN, a valid IIN with birth date and sex agreeing, a
 * position of the classifier, a contract number, its date (not after today), first day and last day (not before the
 * first). One contract (BIN, IIN, position) appears once per file.
 */
final class StaffFile {

    static final List<String> REQUIRED = List.of("bin", "iin", "last_name", "first_name", "position",
            "contract_number", "contract_date", "starts_on");
    static final List<String> OPTIONAL = List.of("patronymic", "birth_date", "sex", "subject", "weekly_hours",
            "ends_on", "education_level", "speciality", "category", "experience_years", "nationality", "grades_taught");

    record Contract(int row, String bin, Iin iin, String lastName, String firstName, String patronymic,
                    EducationLevel educationLevel, String speciality, QualificationCategory category,
                    Integer experienceYears, String position, String subject, BigDecimal weeklyHours,
                    String contractNumber, LocalDate contractDate, LocalDate startsOn, LocalDate endsOn,
                    String nationality, GradesTaught gradesTaught) {
    }

    record Checked(List<Contract> contracts, List<RowRejection> rejections) {
    }

    private StaffFile() {
    }

    static Checked check(List<CsvFile.Row> rows, Set<String> positions, LocalDate today) {
        var contracts = new ArrayList<Contract>();
        var rejections = new ArrayList<RowRejection>();
        Map<String, Integer> seen = new HashMap<>();
        for (var row : rows) {
            var errors = new ArrayList<FieldError>();
            var contract = contract(row, positions, today, errors);
            if (contract != null) {
                Integer first = seen.putIfAbsent(contract.bin() + '|' + contract.iin().value() + '|' + contract.position(),
                        row.number());
                if (first != null) errors.add(new FieldError("position", "staff.import.duplicate", first));
            }
            if (errors.isEmpty()) contracts.add(contract);
            else errors.forEach(e -> rejections.add(new RowRejection(row.number(), e.field(), e.reasonKey(), List.of(e.args()))));
        }
        return new Checked(contracts, rejections);
    }

    private static Contract contract(CsvFile.Row row, Set<String> positions, LocalDate today, List<FieldError> errors) {
        String bin = null;
        try {
            bin = Bin.parse(row.get("bin")).value();
        } catch (InvalidIdentityNumber e) {
            errors.add(new FieldError("bin", row.get("bin").isEmpty() ? "error.field.required" : e.reason().messageKey()));
        }
        Iin iin = StaffValidation.iin("iin", row.get("iin"), errors);
        String lastName = StaffValidation.name("last_name", row.get("last_name"), true, errors);
        String firstName = StaffValidation.name("first_name", row.get("first_name"), true, errors);
        String patronymic = StaffValidation.name("patronymic", row.get("patronymic"), false, errors);
        LocalDate birthDate = StaffValidation.date("birth_date", row.get("birth_date"), errors);
        Sex sex = StaffValidation.choice(Sex.class, "sex", row.get("sex"), errors);
        StaffValidation.agreesWithIin(iin, birthDate, sex, "", errors);
        errors.replaceAll(e -> e.field().equals("birthDate") ? new FieldError("birth_date", e.reasonKey(), e.args()) : e);
        String position = row.get("position").trim();
        if (position.isEmpty()) errors.add(new FieldError("position", "error.field.required"));
        else if (!positions.contains(position)) errors.add(new FieldError("position", "staff.position.unknown", position));
        String subject = StaffValidation.text("subject", row.get("subject"), false, StaffValidation.TEXT_MAX, errors);
        BigDecimal hours = StaffValidation.hours("weekly_hours", row.get("weekly_hours"), errors);
        if (hours != null && (hours.signum() <= 0 || hours.intValue() > 60))
            errors.add(new FieldError("weekly_hours", "staff.field.out-of-range", 0, 60));
        String number = StaffValidation.text("contract_number", row.get("contract_number"), true, StaffValidation.NUMBER_MAX, errors);
        LocalDate contractDate = StaffValidation.date("contract_date", row.get("contract_date"), errors);
        LocalDate startsOn = StaffValidation.date("starts_on", row.get("starts_on"), errors);
        LocalDate endsOn = StaffValidation.date("ends_on", row.get("ends_on"), errors);
        if (row.get("contract_date").isEmpty()) errors.add(new FieldError("contract_date", "error.field.required"));
        if (row.get("starts_on").isEmpty()) errors.add(new FieldError("starts_on", "error.field.required"));
        HiringBanPolicy.contractDates(contractDate, startsOn, endsOn, today).ifPresent(e -> errors.add(
                new FieldError(e.field().equals("endsOn") ? "ends_on" : "contract_date", e.reasonKey(), e.args())));
        var education = StaffValidation.choice(EducationLevel.class, "education_level", row.get("education_level"), errors);
        var category = StaffValidation.choice(QualificationCategory.class, "category", row.get("category"), errors);
        Integer experience = StaffValidation.integer("experience_years", row.get("experience_years"), errors);
        if (experience != null && (experience < 0 || experience > 70))
            errors.add(new FieldError("experience_years", "staff.field.out-of-range", 0, 70));
        String nationality = StaffValidation.name("nationality", row.get("nationality"), false, errors);
        var grades = StaffValidation.choice(GradesTaught.class, "grades_taught", row.get("grades_taught"), errors);
        // SC-5: the band of grades is a teacher's (indicators 16, 17 by grade)
        if (grades != null && !"TEACHER".equals(position))
            errors.add(new FieldError("grades_taught", "staff.grades-taught.teacher-only"));
        if (!errors.isEmpty()) return null;
        return new Contract(row.number(), bin, iin, lastName, firstName, patronymic, education,
                StaffValidation.text("speciality", row.get("speciality"), false, StaffValidation.TEXT_MAX, errors),
                category, experience, position, subject, hours, number, contractDate, startsOn, endsOn, nationality,
                grades);
    }
}
