package kz.bilim.enrolment;

import java.util.List;

/** The outcome of an admission or expulsion: carried out, or refused by a rule (with its clause ID), never an error. */
public sealed interface Decision permits Decision.Accepted, Decision.Refused {

    record Accepted(Enrolment enrolment) implements Decision {
    }

    /** A rule said no: {@code clause} is the requirement's ID (e.g. TR-10), {@code reasonKey} a message key. */
    record Refused(String clause, String reasonKey, List<Object> args) implements Decision {

        public Refused {
            args = List.copyOf(args);
        }

        public static Refused by(String clause, String reasonKey, Object... args) {
            return new Refused(clause, reasonKey, List.of(args));
        }
    }
}
