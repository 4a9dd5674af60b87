/**
 * Electronic signatures (TR-4, TR-17, EIS-5): detached CMS (PKCS#7) signatures made and verified with BouncyCastle,
 * against the trusted certification authorities of the configuration; the signer read from the certificate as the
 * national certification authority (NCA RK) writes it - the IIN in the subject's serialNumber ({@code IIN} and 12
 * digits), an organisation's BIN in an OU ({@code BIN} and 12 digits). A signature that does not verify is a
 * {@link kz.bilim.kernel.Refusal}, never an exception. The module also holds the provider's signing keys
 * ({@link kz.bilim.signature.SigningKeys}) and makes the test PKI of the demo and the tests
 * ({@link kz.bilim.signature.TestPki}). The rules and the folder layout are in docs/signature.md.
 */
package kz.bilim.signature;
