package kz.bilim.identity;

import java.time.YearMonth;

/**
 * Business identification number (БСН / БИН) of a legal entity: {@code YYMM} of registration, a type digit
 * (4 resident, 5 non-resident, 6 joint individual entrepreneurship), an attribute digit (0 head office, 1 branch,
 * 2 representative office, 3 other structural unit or peasant farm — sources disagree), five serial digits and the
 * check digit.
 */
public record Bin(String value) {

    public enum EntityType { RESIDENT, NON_RESIDENT, JOINT_ENTREPRENEURSHIP }

    public enum Attribute { HEAD_OFFICE, BRANCH, REPRESENTATIVE_OFFICE, OTHER_UNIT }

    public Bin {
        CheckDigit.verify(value);
        int month = Integer.parseInt(value.substring(2, 4));
        if (month < 1 || month > 12) throw new InvalidIdentityNumber(InvalidIdentityNumber.Reason.IMPOSSIBLE_DATE);
        int type = value.charAt(4) - '0';
        if (type < 4 || type > 6) throw new InvalidIdentityNumber(InvalidIdentityNumber.Reason.BAD_TYPE_DIGIT);
        if (value.charAt(5) - '0' > 3) throw new InvalidIdentityNumber(InvalidIdentityNumber.Reason.BAD_ATTRIBUTE_DIGIT);
        CheckDigit.verifyCheckDigit(value);
    }

    public static Bin parse(String text) {
        return new Bin(text == null ? null : text.trim());
    }

    /**
     * The month of registration. Two digits of year: a BIN starting 99 is from 1999, 05 from 2005 — BINs were issued
     * from the late 1990s, so years above the current year's two digits belong to the 1900s.
     */
    public YearMonth registered(java.time.Year current) {
        int yy = Integer.parseInt(value.substring(0, 2));
        int currentYy = current.getValue() % 100;
        return YearMonth.of((yy > currentYy ? 1900 : 2000) + yy, Integer.parseInt(value.substring(2, 4)));
    }

    public EntityType type() {
        return EntityType.values()[value.charAt(4) - '4'];
    }

    public Attribute attribute() {
        return Attribute.values()[value.charAt(5) - '0'];
    }

    /** A valid BIN for synthetic data, or null when the serial admits no check digit. */
    public static Bin compose(YearMonth registered, EntityType type, Attribute attribute, int serial) {
        String first11 = String.format("%02d%02d%d%d%05d", registered.getYear() % 100, registered.getMonthValue(),
                type.ordinal() + 4, attribute.ordinal(), serial % 100000);
        int check = CheckDigit.of(first11);
        return check < 0 ? null : new Bin(first11 + check);
    }

    @Override
    public String toString() {
        return value;
    }
}
