// The Parley calling page. Talks signaling protocol v1 (docs/signaling.md) to the server that
// served it, and media peer to peer: MDN's perfect negotiation, the callee being the polite side.
'use strict';

const $ = (id) => document.getElementById(id);
const wsUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/signal';

let socket = null;
let nextId = 1;
const pending = new Map();          // request id -> {resolve, reject}
let iceServers = [];
let online = new Set();
let me = null;
let call = null;                    // {id, peer, polite, pc, chat, makingOffer, ignoreOffer, accepted}
let localStream = null;
let reconnectDelay = 250;

function send(type, fields = {}) {
  return new Promise((resolve, reject) => {
    if (!socket || socket.readyState !== WebSocket.OPEN) {
      reject(new Error('not connected'));
      return;
    }
    const id = nextId++;
    pending.set(id, {resolve, reject});
    socket.send(JSON.stringify({v: 1, type, id, ...fields}));
    setTimeout(() => {
      if (pending.delete(id)) reject(new Error(type + ' unanswered'));
    }, 10000);
  });
}

// Descriptions and candidates go without an id: no ack comes back; a refusal arrives as an error event.
function relay(type, fields) {
  if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify({v: 1, type, ...fields}));
}

function status(text) { $('status').textContent = text; }

function connect() {
  socket = new WebSocket(wsUrl);
  socket.onopen = async () => {
    reconnectDelay = 250;
    const fields = {name: me.name};
    if (me.token) fields.token = me.token;
    if (call && call.accepted) fields.resume = {callId: call.id, peer: call.peer};
    try {
      const registered = await send('register', fields);
      iceServers = registered.iceServers || [];
      heartbeat(registered.heartbeatSeconds || 15);
      status('online as ' + registered.name);
      $('join').hidden = true;
      $('lobby').hidden = false;
    } catch (e) {
      status('could not join: ' + e.message);
      socket.close();
    }
  };
  socket.onmessage = (event) => {
    let m;
    try { m = JSON.parse(event.data); } catch (e) { return; }
    if (m.re && pending.has(m.re)) {
      const {resolve, reject} = pending.get(m.re);
      pending.delete(m.re);
      if (m.type === 'error') reject(new Error(m.code + ': ' + m.message)); else resolve(m);
      return;
    }
    onEvent(m);
  };
  socket.onclose = () => {
    for (const {reject} of pending.values()) reject(new Error('connection lost'));
    pending.clear();
    if (!me) return;
    status('reconnecting…');
    // Exponential backoff with jitter; the call, if accepted, goes on peer to peer meanwhile.
    const delay = reconnectDelay / 2 + Math.random() * reconnectDelay / 2;
    reconnectDelay = Math.min(reconnectDelay * 2, 30000);
    setTimeout(connect, delay);
  };
}

function onEvent(m) {
  switch (m.type) {
    case 'presence': online = new Set(m.online); showPeople(); break;
    case 'presence-update':
      m.joined.forEach((n) => online.add(n));
      m.left.forEach((n) => online.delete(n));
      showPeople();
      break;
    case 'incoming': incoming(m.callId, m.from); break;
    case 'ringing': if (isCall(m)) $('callStatus').textContent = 'ringing ' + call.peer + '…'; break;
    case 'accepted': if (isCall(m)) startMedia(); break;
    case 'declined': ended(m, 'declined' + (m.reason ? ': ' + m.reason : '')); break;
    case 'cancelled': ended(m, 'cancelled'); break;
    case 'busy': ended(m, call ? call.peer + ' is busy' : 'busy'); break;
    case 'missed': ended(m, 'no answer'); break;
    case 'hung-up': ended(m, m.reason === 'peer-gone' ? 'connection to ' + (call && call.peer) + ' lost' : 'hung up'); break;
    case 'description': if (isCall(m)) onDescription(m.sdpType, m.sdp); break;
    case 'candidate': if (isCall(m)) onCandidate(m); break;
    case 'resumed': if (isCall(m)) status('online as ' + me.name); break;
    case 'error': if (m.code === 'unknown-call' && isCall(m)) ended(m, 'call lost'); break;
  }
}

function isCall(m) { return call && call.id === m.callId; }

function showPeople() {
  const list = $('people');
  list.replaceChildren();
  [...online].sort().forEach((name) => {
    const item = document.createElement('li');
    item.textContent = name + ' ';
    const button = document.createElement('button');
    button.textContent = 'Call';
    button.onclick = () => invite(name);
    item.append(button);
    list.append(item);
  });
}

async function invite(peer) {
  if (call) return;
  call = {id: crypto.randomUUID(), peer, polite: false, accepted: false};
  showCall('calling ' + peer + '…');
  try {
    await send('invite', {callId: call.id, to: peer});
  } catch (e) {
    ended({callId: call.id}, e.message);
  }
}

function incoming(callId, from) {
  if (call) { send('busy', {callId}).catch(() => {}); return; }
  call = {id: callId, peer: from, polite: true, accepted: false};
  $('caller').textContent = from;
  $('incoming').hidden = false;
  send('ringing', {callId}).catch(() => {});
}

$('acceptButton').onclick = async () => {
  $('incoming').hidden = true;
  showCall('connecting to ' + call.peer + '…');
  try { await send('accept', {callId: call.id}); } catch (e) { ended({callId: call.id}, e.message); }
};

$('declineButton').onclick = () => {
  $('incoming').hidden = true;
  const callId = call.id;
  call = null;
  send('decline', {callId, reason: 'declined'}).catch(() => {});
};

$('hangupButton').onclick = () => {
  if (!call) return;
  const type = call.accepted ? 'hangup' : 'cancel';
  const callId = call.id;
  ended({callId}, 'you hung up');
  send(type, {callId}).catch(() => {});
};

function showCall(text) {
  $('call').hidden = false;
  $('callStatus').textContent = text;
}

async function startMedia() {
  call.accepted = true;
  showCall('in a call with ' + call.peer);
  const pc = new RTCPeerConnection({iceServers});
  call.pc = pc;
  call.makingOffer = false;
  call.ignoreOffer = false;
  const mine = call;
  pc.onicecandidate = ({candidate}) => {
    const c = candidate ? candidate.toJSON() : {candidate: ''};
    relay('candidate', {callId: mine.id, candidate: c.candidate || '', sdpMid: c.sdpMid ?? undefined,
      sdpMLineIndex: c.sdpMLineIndex ?? undefined, usernameFragment: c.usernameFragment ?? undefined});
  };
  pc.onnegotiationneeded = async () => {
    try {
      mine.makingOffer = true;
      await pc.setLocalDescription();
      relay('description', {callId: mine.id, sdpType: pc.localDescription.type, sdp: pc.localDescription.sdp});
    } catch (e) {
      console.warn('offer failed', e);
    } finally {
      mine.makingOffer = false;
    }
  };
  pc.ontrack = ({streams}) => { $('remoteVideo').srcObject = streams[0]; };
  // the chat; a Parley app also opens a channel for its mute state, which this page does not show
  pc.ondatachannel = ({channel}) => { if (channel.label === 'chat') useChat(channel); };
  if (!mine.polite) useChat(pc.createDataChannel('chat'));
  try {
    localStream = localStream || await navigator.mediaDevices.getUserMedia({audio: true, video: true});
    $('localVideo').srcObject = localStream;
    localStream.getTracks().forEach((track) => pc.addTrack(track, localStream));
  } catch (e) {
    $('callStatus').textContent = 'in a call with ' + mine.peer + ' (no camera or microphone: ' + e.name + ')';
  }
}

// MDN's perfect negotiation: https://developer.mozilla.org/en-US/docs/Web/API/WebRTC_API/Perfect_negotiation
async function onDescription(sdpType, sdp) {
  const c = call;
  if (!c.pc) return;
  const pc = c.pc;
  try {
    const offerCollision = sdpType === 'offer' && (c.makingOffer || pc.signalingState !== 'stable');
    c.ignoreOffer = !c.polite && offerCollision;
    if (c.ignoreOffer) return;
    await pc.setRemoteDescription({type: sdpType, sdp});
    if (sdpType === 'offer') {
      await pc.setLocalDescription();
      relay('description', {callId: c.id, sdpType: pc.localDescription.type, sdp: pc.localDescription.sdp});
    }
  } catch (e) {
    console.warn('description failed', e);
  }
}

async function onCandidate(m) {
  const c = call;
  if (!c.pc) return;
  try {
    await c.pc.addIceCandidate({candidate: m.candidate, sdpMid: m.sdpMid, sdpMLineIndex: m.sdpMLineIndex,
      usernameFragment: m.usernameFragment});
  } catch (e) {
    if (!c.ignoreOffer) console.warn('candidate refused', e);
  }
}

function useChat(channel) {
  call.chat = channel;
  const enable = () => { $('chatInput').disabled = false; };
  channel.onopen = enable;
  if (channel.readyState === 'open') enable();
  channel.onmessage = ({data}) => addMessage(call ? call.peer : 'peer', String(data));
  channel.onclose = () => { $('chatInput').disabled = true; };
}

$('chatForm').onsubmit = (event) => {
  event.preventDefault();
  const text = $('chatInput').value;
  if (!text || !call || !call.chat || call.chat.readyState !== 'open') return;
  call.chat.send(text);
  addMessage('you', text);
  $('chatInput').value = '';
};

function addMessage(who, text) {
  const item = document.createElement('li');
  item.textContent = who + ': ' + text;   // text, never HTML: messages come from the other party
  $('messages').append(item);
  $('messages').scrollTop = $('messages').scrollHeight;
}

function ended(m, why) {
  if (!call || (m.callId && call.id !== m.callId)) return;
  if (call.pc) call.pc.close();
  call = null;
  $('incoming').hidden = true;
  $('callStatus').textContent = why;
  $('remoteVideo').srcObject = null;
  $('chatInput').disabled = true;
  setTimeout(() => { if (!call) $('call').hidden = true; }, 3000);
}

$('joinButton').onclick = () => {
  const name = $('name').value.trim();
  if (!name) return;
  me = {name, token: $('token').value || null};
  status('connecting…');
  connect();
};

// Application-level heartbeat at the server's pace: it drops connections silent for three heartbeats,
// and an unanswered ping means the connection is dead even if the browser has not noticed.
let heartbeatTimer = null;
function heartbeat(seconds) {
  clearInterval(heartbeatTimer);
  heartbeatTimer = setInterval(() => {
    if (socket && socket.readyState === WebSocket.OPEN) send('ping').catch(() => socket.close());
  }, seconds * 1000);
}
