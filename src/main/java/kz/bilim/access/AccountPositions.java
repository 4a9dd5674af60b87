package kz.bilim.access;

import java.util.Optional;

/**
 * The position an account's holder occupies (e.g. "Директор" of a school), for documents that name the signed-in
 * representative (TR-18: the refusal receipt). Not personal data beyond what the document prints; empty when the
 * account has none recorded.
 */
public interface AccountPositions {

    Optional<String> of(long userId);
}
