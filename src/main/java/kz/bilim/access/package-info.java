/**
 * Users, their roles and territory scope, staff login and API tokens for machine clients (SC-2, SC-3). Every user but
 * the ministry and the statistics analysts is bound to a KATO subtree or to one organisation; the scope travels with
 * every database connection and PostgreSQL row-level security enforces it.
 */
package kz.bilim.access;
