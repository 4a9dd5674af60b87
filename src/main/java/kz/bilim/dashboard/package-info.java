/**
 * The home dashboard: counts of organisations, classes and pupils per territory within the viewer's scope, and a chart.
 */
package kz.bilim.dashboard;
