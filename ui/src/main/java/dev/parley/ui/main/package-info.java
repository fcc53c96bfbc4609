/** The main window: people online with search, calling, connection status and call history. */
package dev.parley.ui.main;
