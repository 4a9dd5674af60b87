package kz.bilim.demo.internal;

/** The tables the demo data go into (V2–V5), with the columns each stream writes, in order. */
enum Table {
    TERRITORY("territory", "kato, parent_kato, level, name_kk, name_ru, urban"),
    ORGANISATION("organisation", "id, bin, name_kk, name_ru, kind, ownership, kato, urban, languages, shifts, phone, "
            + "postal_address, email, website, occupancy_norm, created_at, updated_at"),
    SCHOOL_CLASS("school_class", "id, organisation_id, kato, academic_year, grade, letter, language, shift, capacity"),
    PERSON("person", "id, iin, last_name, first_name, patronymic, birth_date, sex, nationality, citizenship, "
            + "residence_kato"),
    ENROLMENT("enrolment", "id, person_id, organisation_id, class_id, kato, grade, enrolled_from, admission_order"),
    APP_USER("app_user", "username, password_hash, full_name, role, scope_kato, organisation_id, kato, locale");

    final String table;
    final String columns;

    Table(String table, String columns) {
        this.table = table;
        this.columns = columns;
    }

    /** A fixed statement per table: no value is ever part of the SQL text. */
    String copySql() {
        return "copy " + table + " (" + columns + ") from stdin (format binary)";
    }

    /** Columns as a SQL list, for the checksum queries of tests. */
    String columnList() {
        return columns;
    }
}
