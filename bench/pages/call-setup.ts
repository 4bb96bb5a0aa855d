// Runs in Chromium for bench/call-setup.mjs: one call through the hub with two real controllers, and
// the in-page floor (two bare RTCPeerConnections wired directly), both timed from "accept" to the
// first decoded remote frame on both sides.
import { CallController, SignalRSignaling, type CallState } from '../../src/index.js';

const until = (c: CallController, test: (s: CallState) => boolean) =>
  new Promise<void>((resolve) => {
    const check = () => test(c.state) && (c.removeEventListener('change', check), resolve(), true);
    if (!check()) c.addEventListener('change', check);
  });

/** Resolves with the time of the first video frame the stream presents. */
function firstFrame(stream: MediaStream): Promise<number> {
  const video = document.createElement('video');
  video.muted = true;
  video.srcObject = stream;
  document.body.append(video);
  void video.play();
  return new Promise((resolve) => video.requestVideoFrameCallback(() => (resolve(performance.now()), video.remove())));
}

async function party(hubUrl: string, token: string): Promise<CallController> {
  const controller = new CallController({
    signaling: new SignalRSignaling({ url: `${hubUrl}/chathub`, accessTokenFactory: () => token }),
    iceServers: [],
  });
  await controller.connect();
  return controller;
}

async function kitCall(
  hubUrl: string,
  tokens: [string, string],
  calleeId: string,
  conversationId: string,
): Promise<number> {
  const [alice, bob] = await Promise.all([party(hubUrl, tokens[0]), party(hubUrl, tokens[1])]);
  await alice.initiateCall(calleeId, 'video', { conversationId });
  await until(bob, (s) => s.status === 'incoming');
  const start = performance.now();
  const remoteOf = async (c: CallController) => {
    await until(c, (s) => !!s.remoteStream?.getVideoTracks().length);
    return firstFrame(c.state.remoteStream!);
  };
  const frames = Promise.all([remoteOf(alice), remoteOf(bob)]);
  await bob.acceptCall();
  const end = Math.max(...(await frames));
  await alice.endCall();
  await Promise.all([alice.dispose(), bob.dispose()]);
  return end - start;
}

async function floorCall(): Promise<number> {
  const constraints = { audio: true, video: { width: { ideal: 1280 }, height: { ideal: 720 } } };
  const callerMedia = await navigator.mediaDevices.getUserMedia(constraints);
  const start = performance.now();
  const a = new RTCPeerConnection();
  const b = new RTCPeerConnection();
  a.onicecandidate = (e) => e.candidate && void b.addIceCandidate(e.candidate);
  b.onicecandidate = (e) => e.candidate && void a.addIceCandidate(e.candidate);
  const frameAt = (pc: RTCPeerConnection) =>
    new Promise<number>(
      (resolve) =>
        (pc.ontrack = (e) => e.track.kind === 'video' && void firstFrame(new MediaStream([e.track])).then(resolve)),
    );
  const frames = Promise.all([frameAt(a), frameAt(b)]);
  const calleeMedia = await navigator.mediaDevices.getUserMedia(constraints);
  for (const t of callerMedia.getTracks()) a.addTrack(t, callerMedia);
  await a.setLocalDescription();
  await b.setRemoteDescription(a.localDescription!);
  for (const t of calleeMedia.getTracks()) b.addTrack(t, calleeMedia);
  await b.setLocalDescription();
  await a.setRemoteDescription(b.localDescription!);
  const end = Math.max(...(await frames));
  for (const t of [...callerMedia.getTracks(), ...calleeMedia.getTracks()]) t.stop();
  a.close();
  b.close();
  return end - start;
}

Object.assign(window, { kitCall, floorCall });
