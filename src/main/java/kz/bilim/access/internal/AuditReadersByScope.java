package kz.bilim.access.internal;

import kz.bilim.kernel.CurrentScope;
import kz.bilim.audit.AuditReaderScope;
import kz.bilim.audit.AuditScope;
import org.springframework.stereotype.Component;

/** Tells the audit trail how much of it the caller may read: the caller's own scope. */
@Component
class AuditReadersByScope implements AuditReaderScope {

    @Override
    public AuditScope current() {
        var scope = CurrentScope.get();
        return switch (scope.kind()) {
            case ALL -> AuditScope.everything();
            case KATO -> AuditScope.territory(scope.katoPrefix());
            case ORG -> AuditScope.organisation(scope.organisationId());
            case NONE -> AuditScope.nothing();
        };
    }
}
