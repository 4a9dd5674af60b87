package kz.bilim.identity;

public enum Sex {
    MALE, FEMALE
}
