package kz.bilim.platform.web;

/**
 * A representation of a record that carries its version (the API's view of an organisation, say): its entity tag is
 * {@code "<version>"}, sent as ETag and expected back in If-Match.
 */
public interface Versioned {

    long version();
}
