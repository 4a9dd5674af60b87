package kz.bilim.audit;

public enum AuditAction {
    READ, CREATE, UPDATE, DELETE, LOGIN, LOGIN_FAILED, EXPORT, IMPORT
}
