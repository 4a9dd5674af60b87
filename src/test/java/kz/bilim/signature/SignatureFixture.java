package kz.bilim.signature;

import kz.bilim.identity.Bin;
import kz.bilim.identity.Iin;
import kz.bilim.identity.Sex;

import java.time.LocalDate;

/** Test identities shaped like NCA RK certificates' subjects, and one test CA for a test class. */
final class SignatureFixture {

    static final Iin APPLICANT_IIN = iin(LocalDate.of(1988, 4, 12), Sex.FEMALE);
    static final Iin OTHER_IIN = new Iin("900101300017");
    static final Iin HEAD_IIN = iin(LocalDate.of(1975, 3, 15), Sex.FEMALE);
    static final Bin SCHOOL_BIN = new Bin("150240021267");
    static final Bin OTHER_BIN = new Bin("130140023721");

    static final PkiIdentity APPLICANT = PkiIdentity.person("applicant", "Тоқтарова", "Жанар", "Мұратқызы", APPLICANT_IIN);
    static final PkiIdentity OTHER_PERSON = PkiIdentity.person("other", "Петров", "Дмитрий", "Сергеевич", OTHER_IIN);
    static final PkiIdentity HEAD = PkiIdentity.employee("school.head", "Есенова", "Гүлнұр", "Берікқызы", HEAD_IIN,
            SCHOOL_BIN, "«№ 1 жалпы білім беретін орта мектеп» КММ");

    private SignatureFixture() {
    }

    static Iin iin(LocalDate born, Sex sex) {
        for (int serial = 4100; ; serial++) {
            Iin iin = Iin.compose(born, sex, serial);
            if (iin != null) return iin;
        }
    }
}
