package kz.bilim.signature;

import java.util.List;

/**
 * Who gets a key when the application makes its test PKI on first start ({@code bilim.signature.test-pki.generate}):
 * a module with demo users provides them (the demo module does). None: the test CA alone.
 */
public interface TestPkiIdentities {

    List<PkiIdentity> testPkiIdentities();
}
