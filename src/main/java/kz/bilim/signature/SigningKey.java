package kz.bilim.signature;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;

/** A private key with its certificate chain, signer's certificate first (the trusted root may be left out). */
public record SigningKey(String alias, PrivateKey privateKey, List<X509Certificate> chain) {

    public SigningKey {
        Objects.requireNonNull(alias);
        Objects.requireNonNull(privateKey);
        chain = List.copyOf(chain);
        if (chain.isEmpty()) throw new IllegalArgumentException("a signing key needs its certificate");
    }

    public X509Certificate certificate() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "SigningKey[" + alias + ", " + certificate().getSerialNumber().toString(16) + "]";
    }
}
