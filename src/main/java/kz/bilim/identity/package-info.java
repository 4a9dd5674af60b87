/**
 * Identity numbers of Kazakhstan: the IIN of a person and the BIN of a legal entity, both 12 digits with the same
 * check digit (domain-facts.md). Value objects only; every other module parses numbers through here.
 */
package kz.bilim.identity;
