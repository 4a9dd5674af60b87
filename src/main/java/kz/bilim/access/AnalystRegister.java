package kz.bilim.access;

/**
 * SC-1, SC-3: who may hold the role STATISTICS_ANALYST — only a person of the Statistics Committee's register of
 * responsible persons (kept by the statistics module, which implements this). Without an implementation nobody may.
 */
public interface AnalystRegister {

    /** Whether {@code username} is in the register and not removed from it. */
    boolean registered(String username);
}
