/**
 * The audit trail: who read or changed what, when and why. Every change and every read of a person's record is
 * appended here; the trail is read through the same territory scope as the records it describes and never edited.
 */
package kz.bilim.audit;
