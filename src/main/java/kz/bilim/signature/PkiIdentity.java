package kz.bilim.signature;

import kz.bilim.identity.Bin;
import kz.bilim.identity.Iin;

import java.util.Objects;

/**
 * Whom a test certificate is issued to, written into its subject as NCA RK does: {@code CN=SURNAME NAME},
 * {@code SURNAME}, {@code GIVENNAME} (the patronymic), {@code SERIALNUMBER=IIN…}, {@code C=KZ}, and for an
 * organisation's employee {@code O=…} and {@code OU=BIN…}. {@code alias} names its files and its key (a demo username).
 */
public record PkiIdentity(String alias, String surname, String name, String patronymic, Iin iin, Bin bin,
                          String organisation) {

    public PkiIdentity {
        Objects.requireNonNull(alias);
        Objects.requireNonNull(surname);
        Objects.requireNonNull(name);
        Objects.requireNonNull(iin);
        if (!alias.matches("[a-z0-9][a-z0-9._-]{0,63}")) throw new IllegalArgumentException("bad alias: " + alias);
        if ((bin == null) != (organisation == null))
            throw new IllegalArgumentException("an organisation's certificate carries both its name and its BIN");
    }

    public static PkiIdentity person(String alias, String surname, String name, String patronymic, Iin iin) {
        return new PkiIdentity(alias, surname, name, patronymic, iin, null, null);
    }

    public static PkiIdentity employee(String alias, String surname, String name, String patronymic, Iin iin, Bin bin,
                                       String organisation) {
        return new PkiIdentity(alias, surname, name, patronymic, iin, bin, organisation);
    }

    /**
     * From a full name in the Kazakh order "Name Patronymic Surname" (as the demo users are written), e.g.
     * "Жанар Мұратқызы Тоқтарова".
     */
    public static PkiIdentity fromFullName(String alias, String fullName, Iin iin, Bin bin, String organisation) {
        String[] parts = fullName.strip().split("\\s+");
        if (parts.length < 2) throw new IllegalArgumentException("a full name has a name and a surname: " + fullName);
        String name = parts[0];
        String surname = parts[parts.length - 1];
        String patronymic = parts.length > 2 ? parts[1] : null;
        return new PkiIdentity(alias, surname, name, patronymic, iin, bin, organisation);
    }

    /** The common name as NCA RK writes it: surname and name, upper case. */
    public String commonName() {
        return (surname + " " + name).toUpperCase(java.util.Locale.ROOT);
    }
}
