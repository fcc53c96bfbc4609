/**
 * The call screen and what it shows: video, controls, chat, network quality, the security code,
 * the call timer and the end-of-call summary.
 */
package dev.parley.ui.call;
