package kz.bilim.statistics;

import java.util.Arrays;
import java.util.Optional;

/** The breakdowns of the appendix (SC-5), named as the API names them. */
public enum Dim {
    REGION("region"), DISTRICT("district"), SCHOOL_TYPE("schoolType"), STUDY_FORM("studyForm"), LOCALITY("locality"),
    OWNERSHIP("ownership"), SEX("sex"), GRADE("grade"), SHIFT("shift"), AGE("age"), NATIONALITY("nationality"),
    LANGUAGE("language"), ORGANISATION_TYPE("organisationType"), GROUP("group"), EDUCATION_LEVEL("educationLevel");

    private final String apiName;

    Dim(String apiName) {
        this.apiName = apiName;
    }

    public String apiName() {
        return apiName;
    }

    public static Optional<Dim> ofApiName(String name) {
        return Arrays.stream(values()).filter(d -> d.apiName.equals(name)).findFirst();
    }
}
