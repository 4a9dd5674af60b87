package kz.bilim.enrolment.internal;

import kz.bilim.organisation.ClassOccupancy;
import kz.bilim.organisation.SchoolClassId;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.Collection;
import java.util.Map;

/** Fills the registry's port: active pupils per class, counted in one query (TR-10 "enrolled / capacity"). */
@Component
class ClassOccupancyFromEnrolments implements ClassOccupancy {

    private final EnrolmentRepository enrolments;

    ClassOccupancyFromEnrolments(EnrolmentRepository enrolments) {
        this.enrolments = enrolments;
    }

    @Override
    @Transactional(readOnly = true)
    public Map<SchoolClassId, Integer> enrolled(Collection<SchoolClassId> classes) {
        return classes.isEmpty() ? Map.of() : enrolments.activeByClass(classes);
    }
}
