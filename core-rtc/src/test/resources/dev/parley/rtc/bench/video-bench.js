// Page helpers of the video benchmarks (VideoFirstFrameBenchmark, VideoCpuBenchmark,
// VideoRampBenchmark): the fake camera, and a one-way video call between two RTCPeerConnections
// in this page (a sends the camera, b receives), candidates trickled directly.
window.vbench = (() => {
  const v = {};
  const deadline = (promise, ms, what) => Promise.race([promise, new Promise((_, reject) =>
      setTimeout(() => reject(new Error('timed out after ' + ms + ' ms: ' + what)), ms))]);
  /** Opens the camera at width x height, 30 fps; the old stream is stopped first, or Chromium keeps its size. */
  v.camera = async (width, height) => {
    if (v.stream) v.stream.getTracks().forEach(t => t.stop());
    v.stream = await navigator.mediaDevices.getUserMedia({video: {width: {exact: width},
        height: {exact: height}, frameRate: {exact: 30}}});
    return v.stream.getVideoTracks()[0].getSettings();
  };
  /**
   * performance.now() when the first decoded frame reaches a sink of `track`: a
   * MediaStreamTrackProcessor's first read (the page's equivalent of a track sink), else a
   * <video>'s first requestVideoFrameCallback (which also waits for compositing).
   */
  v.firstFrameMethod = window.MediaStreamTrackProcessor ? 'MediaStreamTrackProcessor' : 'requestVideoFrameCallback';
  const firstFrame = track => {
    if (window.MediaStreamTrackProcessor) {
      const reader = new MediaStreamTrackProcessor({track}).readable.getReader();
      return reader.read().then(({value}) => { const at = performance.now(); value.close(); return at; });
    }
    const video = document.createElement('video');
    video.muted = true;
    video.srcObject = new MediaStream([track]);
    video.play();
    return new Promise(r => video.requestVideoFrameCallback(() => r(performance.now())));
  };
  /**
   * A new call: a offers the camera's track to b. Resolves once b is connected (and, with
   * watchFirstFrame, has its first frame) with ms from just before createOffer to b connected,
   * to b's track event, and to the first frame (null without watchFirstFrame).
   */
  v.call = async watchFirstFrame => {
    v.hangUp();
    const a = new RTCPeerConnection(), b = new RTCPeerConnection();
    v.a = a; v.b = b;
    a.onicecandidate = e => e.candidate && b.addIceCandidate(e.candidate);
    b.onicecandidate = e => e.candidate && a.addIceCandidate(e.candidate);
    const connected = new Promise(r => b.addEventListener('connectionstatechange',
        () => b.connectionState === 'connected' && r(performance.now())));
    let trackAt = null;
    const frame = new Promise(r => b.ontrack = e => {
      trackAt = performance.now();
      if (watchFirstFrame) firstFrame(e.track).then(r); else r(null);
    });
    a.addTrack(v.stream.getVideoTracks()[0], v.stream);
    const start = performance.now();
    const offer = await a.createOffer();
    await a.setLocalDescription(offer);
    await b.setRemoteDescription(offer);
    const answer = await b.createAnswer();
    await b.setLocalDescription(answer);
    await a.setRemoteDescription(answer);
    const connectedAt = await deadline(connected, 20000, 'b connected');
    const frameAt = await deadline(frame, 20000, 'the first frame');
    return {start, connected: connectedAt - start, track: trackAt - start,
        firstFrame: frameAt === null ? null : frameAt - start};
  };
  /** The members VideoSample reads, from a's outbound-rtp and candidate pair and b's inbound-rtp. */
  v.sample = async () => {
    const s = {at: performance.now()};
    const sent = await v.a.getStats();
    let pairId = null;
    sent.forEach(r => {
      if (r.type === 'outbound-rtp' && r.kind === 'video') {
        s.bytesSent = r.bytesSent; s.sentWidth = r.frameWidth; s.limitation = r.qualityLimitationReason;
      }
      if (r.type === 'transport') pairId = r.selectedCandidatePairId;
    });
    if (pairId && sent.get(pairId)) s.availableOutgoingBitrate = sent.get(pairId).availableOutgoingBitrate;
    (await v.b.getStats()).forEach(r => {
      if (r.type === 'inbound-rtp' && r.kind === 'video') {
        s.framesDecoded = r.framesDecoded; s.frameWidth = r.frameWidth; s.frameHeight = r.frameHeight;
        s.packetsLost = r.packetsLost; s.packetsReceived = r.packetsReceived; s.pliCount = r.pliCount;
      }
    });
    return s;
  };
  v.hangUp = () => { if (v.a) { v.a.close(); v.b.close(); v.a = v.b = null; } return true; };
  return v;
})(); true
