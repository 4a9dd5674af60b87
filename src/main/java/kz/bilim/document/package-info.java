/**
 * Printable documents: PDF from XHTML (openhtmltopdf on PDFBox) with an embedded font that has every Kazakh letter
 * (DejaVu Sans: ә ғ қ ң ө ұ ү һ і), so that a notice, a coupon or a receipt in Kazakh and Russian prints the same
 * everywhere; from a Thymeleaf template in the reader's language, or from XHTML text. What a document says belongs to
 * the module that issues it; this module only lays it out.
 */
package kz.bilim.document;
