// Page helpers of the data-channel benchmarks (DataChannelThroughputBenchmark,
// DataChannelConnectBenchmark), evaluated once in Chromium's page next to datachannel-page.js.
// The sender and the receiver here do what Parley's do in Java: 64 KiB binary messages kept
// between a low threshold and a high-water mark of bufferedAmount; the receiver counts bytes.
window.bench = (() => {
  const bench = {counters: {}, pumps: []};
  const opened = dc => new Promise(r => dc.readyState === 'open' ? r(performance.now())
      : dc.addEventListener('open', () => r(performance.now()), {once: true}));
  /** Refills dc to `high` whenever bufferedAmount falls to `low`, as a browser application does. */
  bench.pump = (dc, size, low, high) => {
    const message = new Uint8Array(size);
    for (let i = 0; i < size; i += 65536) crypto.getRandomValues(message.subarray(i, Math.min(size, i + 65536)));
    const pump = {on: true, messages: 0};
    const fill = () => {
      while (pump.on && dc.readyState === 'open' && dc.bufferedAmount < high) { dc.send(message); pump.messages++; }
    };
    dc.bufferedAmountLowThreshold = low;
    dc.onbufferedamountlow = fill;
    bench.pumps.push(pump);
    fill();
    return true;
  };
  bench.stop = () => { bench.pumps.forEach(p => p.on = false); bench.pumps = []; return true; };
  /** Counts what arrives on dc under `name`; bench.sample(name) reads it. */
  bench.count = (name, dc) => {
    dc.binaryType = 'arraybuffer';
    const c = bench.counters[name] = {bytes: 0, messages: 0};
    dc.onmessage = e => { c.bytes += e.data.byteLength; c.messages++; };
    return true;
  };
  /** [bytes received so far, the page's clock in ms]. */
  bench.sample = name => [bench.counters[name] ? bench.counters[name].bytes : 0, performance.now()];
  /**
   * Two RTCPeerConnections in this page with a data channel 'bench' from a to b, candidates
   * trickled directly. Resolves with {start, aOpen, bOpen} (performance.now() values) once the
   * channel is open on both sides; start is taken just before createOffer (after createDataChannel).
   */
  bench.pair = async () => {
    const a = new RTCPeerConnection(), b = new RTCPeerConnection();
    a.onicecandidate = e => e.candidate && b.addIceCandidate(e.candidate);
    b.onicecandidate = e => e.candidate && a.addIceCandidate(e.candidate);
    const announced = new Promise(r => b.ondatachannel = e => r(e.channel));
    const dcA = a.createDataChannel('bench');
    const aOpen = opened(dcA);
    const start = performance.now();
    const offer = await a.createOffer();
    await a.setLocalDescription(offer);
    await b.setRemoteDescription(offer);
    const answer = await b.createAnswer();
    await b.setLocalDescription(answer);
    await a.setRemoteDescription(answer);
    const dcB = await announced;
    const bOpen = await opened(dcB);
    bench.a = a; bench.b = b; bench.dcA = dcA; bench.dcB = dcB;
    return {start, aOpen: await aOpen, bOpen};
  };
  bench.closePair = () => { if (bench.a) { bench.a.close(); bench.b.close(); bench.a = bench.b = null; } return true; };
  /** Data-channel-only connect-to-open times in ms: `runs` measured after `warmup` unmeasured. */
  bench.connectTimes = async (warmup, runs) => {
    const times = [];
    for (let i = 0; i < warmup + runs; i++) {
      const t = await bench.pair();
      if (i >= warmup) times.push(Math.max(t.aOpen, t.bOpen) - t.start);
      bench.closePair();
    }
    return times;
  };
  return bench;
})(); true
