// Page helpers for DataChannelChromiumInteropIT, evaluated once in Chromium's page.
// lib.reset() makes a fresh `pc`; every channel (created here or announced by the peer) is watched
// by label, keeping its events and a queue of its messages. Waits reject after a deadline.
window.lib = (() => {
  const lib = {};
  lib.deadline = (promise, ms, what) => Promise.race([promise, new Promise((_, reject) =>
      setTimeout(() => reject(new Error('timed out after ' + ms + ' ms: ' + what)), ms))]);
  lib.reset = () => {
    if (window.pc) pc.close();
    window.pc = new RTCPeerConnection();
    lib.channels = {};
    lib.channelWaiters = {};
    lib.announced = [];
    pc.ondatachannel = e => { lib.announced.push(e.channel.label); lib.watch(e.channel); };
    return true;
  };
  lib.watch = dc => {
    dc.binaryType = 'arraybuffer';
    const w = {dc, events: [], messages: [], waiters: []};
    // Recorded first: a promise resolved by a later listener must find the event recorded.
    for (const t of ['open', 'closing', 'close']) dc.addEventListener(t, () => w.events.push(t));
    w.opened = new Promise(r => { if (dc.readyState === 'open') r(); dc.addEventListener('open', () => r()); });
    w.closed = new Promise(r => dc.addEventListener('close', () => r()));
    dc.addEventListener('error', e => w.events.push('error: ' + (e.error ? e.error.message : '?')));
    dc.addEventListener('message', e => {
      const waiter = w.waiters.shift();
      if (waiter) waiter(e.data); else w.messages.push(e.data);
    });
    lib.channels[dc.label] = w;
    (lib.channelWaiters[dc.label] || []).forEach(r => r(w));
    delete lib.channelWaiters[dc.label];
    return w;
  };
  lib.create = (label, init) => { lib.watch(pc.createDataChannel(label, init || {})); return true; };
  /** The channel with this label once it exists (created here or announced by the peer). */
  lib.channel = (label, ms) => lib.channels[label] ? Promise.resolve(lib.channels[label])
      : lib.deadline(new Promise(r => (lib.channelWaiters[label] = lib.channelWaiters[label] || []).push(r)),
          ms, 'channel ' + label);
  lib.opened = async (label, ms) => { const w = await lib.channel(label, ms);
      await lib.deadline(w.opened, ms, 'open of ' + label); return lib.props(w.dc); };
  lib.closed = async (label, ms) => { const w = lib.channels[label];
      await lib.deadline(w.closed, ms, 'close of ' + label); return w.events; };
  lib.props = dc => ({label: dc.label, id: dc.id, ordered: dc.ordered, maxRetransmits: dc.maxRetransmits,
      maxPacketLifeTime: dc.maxPacketLifeTime, protocol: dc.protocol, negotiated: dc.negotiated,
      readyState: dc.readyState});
  lib.next = (label, ms) => { const w = lib.channels[label];
      if (w.messages.length) return Promise.resolve(w.messages.shift());
      return lib.deadline(new Promise(r => w.waiters.push(r)), ms, 'message on ' + label); };
  lib.hex = buf => Array.from(new Uint8Array(buf), b => b.toString(16).padStart(2, '0')).join('');
  lib.utf8 = s => new TextEncoder().encode(s);
  lib.sha256 = async m => lib.hex(await crypto.subtle.digest('SHA-256', typeof m === 'string' ? lib.utf8(m) : m));
  /** What arrived: its kind, size in bytes, hash, and small contents as they are. */
  lib.describe = async m => ({binary: typeof m !== 'string',
      size: typeof m === 'string' ? lib.utf8(m).length : m.byteLength, sha256: await lib.sha256(m),
      text: typeof m === 'string' && m.length <= 64 ? m : null,
      bytes: typeof m !== 'string' && m.byteLength <= 64 ? Array.from(new Uint8Array(m)) : null});
  lib.nextDescribed = async (label, ms) => lib.describe(await lib.next(label, ms));
  lib.randomBytes = n => { const b = new Uint8Array(n);
      for (let i = 0; i < n; i += 65536) crypto.getRandomValues(b.subarray(i, Math.min(n, i + 65536)));
      return b; };
  /** Random text of exactly n UTF-8 bytes: two-byte letters first, then ASCII. */
  lib.randomText = n => { const r = lib.randomBytes(n); let s = '';
      const twoByte = Math.floor(n / 8);
      for (let i = 0; i < twoByte; i++) s += String.fromCharCode(0xE0 + r[i] % 32);
      const ascii = []; for (let i = 2 * twoByte; i < n; i++) ascii.push(32 + r[i] % 95);
      for (let i = 0; i < ascii.length; i += 8192) s += String.fromCharCode(...ascii.slice(i, i + 8192));
      return s; };
  /** Sends random content of n bytes (text or binary) and says what was sent. */
  lib.sendRandom = async (label, n, text) => { const m = text ? lib.randomText(n) : lib.randomBytes(n).buffer;
      lib.channels[label].dc.send(m); return lib.describe(m); };
  lib.gathered = () => lib.deadline(new Promise(r => {
      if (pc.iceGatheringState === 'complete') return r();
      pc.addEventListener('icegatheringstatechange', () => { if (pc.iceGatheringState === 'complete') r(); });
    }), 10000, 'ICE gathering');
  lib.connected = () => lib.deadline(new Promise((r, reject) => {
      const check = () => { if (pc.connectionState === 'connected') r(pc.connectionState);
        else if (pc.connectionState === 'failed') reject(new Error('connectionState failed')); };
      pc.addEventListener('connectionstatechange', check); check();
    }), 15000, 'connectionState connected (now ' + pc.connectionState + ')');
  return lib;
})(); true
