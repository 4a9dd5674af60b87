package kz.bilim.audit;

/**
 * Where the caller may read the trail. The access module, which knows who is signed in, provides it; the trail
 * itself depends on no one, so that every module can write to it.
 */
public interface AuditReaderScope {

    AuditScope current();
}
