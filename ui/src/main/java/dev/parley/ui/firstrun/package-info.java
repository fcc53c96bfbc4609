/** The first-run screen: display name, server and devices, with preview, level meter and speaker test. */
package dev.parley.ui.firstrun;
