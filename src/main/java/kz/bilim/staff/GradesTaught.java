package kz.bilim.staff;

/**
 * The band of grades a teacher's contract teaches (SC-5, indicators 16 and 17 "by grade"): one band per contract so
 * that a teacher is counted once — primary 1–4, basic secondary 5–9, senior 10–11, or mixed (more than one band).
 */
public enum GradesTaught { PRIMARY, BASIC, SENIOR, MIXED }
