/**
 * The KATO classifier: region → district → rural district → settlement, names in Kazakh and Russian, urban or
 * rural (CA-2, SC-5). Every territorial scope of the system is a subtree of this tree.
 */
package kz.bilim.territory;
