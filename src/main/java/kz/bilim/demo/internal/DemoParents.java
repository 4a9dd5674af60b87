package kz.bilim.demo.internal;

import org.springframework.jdbc.core.simple.JdbcClient;

import javax.sql.DataSource;
import java.util.List;
import java.util.Map;

/**
 * The demo parent's children (TR-2, TR-17): a pupil of grade 3 and one of grade 6 of a general school other than the
 * demo desk's ({@code school.taraz}), nearest first (the Taraz city administration, then Zhambyl region), so that she
 * can apply to transfer them there and the demo desk can accept — linked to her IIN in the registry (V105). The lowest
 * person ids: the same seed gives the same children. Removed with the persons (the link cascades).
 */
public final class DemoParents {

    /** The grades of the two children: both between 2 and 9, where the class norm applies (TR-10). */
    static final List<Integer> GRADES = List.of(3, 6);

    private DemoParents() {
    }

    public static DemoLoader.Dependents dependents() {
        return new DemoLoader.Dependents() {
            @Override
            public Map<String, Long> write(DataSource owner, long seed, List<DemoStaff.Org> organisations) {
                String district = DemoUsers.DISTRICT.substring(0, 4), region = DemoUsers.DISTRICT.substring(0, 2);
                var general = organisations.stream().filter(o -> o.kind().equals("GENERAL_SECONDARY_SCHOOL")).toList();
                // the demo desk sits in the district's first general school (DemoUsers); the children in another,
                // of the same district if it has one, else of the same region, else anywhere
                var desk = general.stream().filter(o -> o.kato().startsWith(district)).findFirst().orElse(null);
                Long[] schools = general.stream().filter(o -> o != desk)
                        .sorted(java.util.Comparator.comparing((DemoStaff.Org o) -> !o.kato().startsWith(district))
                                .thenComparing(o -> !o.kato().startsWith(region)))
                        .map(DemoStaff.Org::id).toArray(Long[]::new);
                long linked = 0;
                var jdbc = JdbcClient.create(owner);
                for (int grade : GRADES) {
                    linked += jdbc.sql("""
                            insert into person_parent (person_id, parent_iin)
                            select e.person_id, :parent from enrolment e
                             where e.organisation_id = any(:schools) and e.grade = :grade and e.enrolled_to is null
                             order by array_position(:schools, e.organisation_id), e.person_id limit 1
                            """).param("parent", DemoUsers.applicantIin().value()).param("schools", schools)
                            .param("grade", grade).update();
                }
                return Map.of("parent links", linked);
            }

            @Override
            public void remove(DataSource owner, long organisationIdAfter, long organisationIdUpTo) {
                // the links cascade with the persons, which the loader removes itself
            }
        };
    }
}
