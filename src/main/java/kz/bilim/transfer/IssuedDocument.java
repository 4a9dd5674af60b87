package kz.bilim.transfer;

import java.time.Instant;

/** A document as issued: the PDF and the provider's detached CMS signature over exactly those bytes (DER). */
public record IssuedDocument(TransferId application, DocumentKind kind, byte[] pdf, byte[] signature,
                             Instant createdAt) {
}
