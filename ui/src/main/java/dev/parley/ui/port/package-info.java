/**
 * The small interfaces the screens talk through, which {@code app} implements on top of its
 * signalling client, peer connections, device layer and stores. ui never opens a socket and
 * knows none of app's classes: app depends on ui, not the reverse. Listeners are typed with
 * default no-op methods and may be called on any thread; the view-models hop to the FX thread.
 * Data crossing the boundary are records.
 */
package dev.parley.ui.port;
