/** The incoming-call and outgoing-call (ringback) screens. */
package dev.parley.ui.ringing;
