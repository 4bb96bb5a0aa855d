import { expect } from '@open-wc/testing';
import {
  parseCandidate,
  parseDescription,
  parseEndReason,
  parseIncomingCall,
} from '../../src/services/signaling/signaling.js';
import { hubError, mediaError } from '../../src/services/errors.js';

describe('signaling payloads', () => {
  it('reads the baseline IncomingCall object, whatever the case of the call type', () => {
    const call = parseIncomingCall({
      callId: 'c1',
      callerId: 'u1',
      callerUsername: 'alice',
      callType: 'Video',
      conversationId: 'conv',
      timestamp: '2026-11-25T10:00:00.0000000Z',
      offer: null,
    });
    expect(call).to.deep.include({ callId: 'c1', callerName: 'alice', callType: 'video', conversationId: 'conv' });
    expect(call!.timestamp.toISOString()).to.equal('2026-11-25T10:00:00.000Z');
  });

  it("reads the extended IncomingCall's display name and picture, and falls back to the user name past junk", () => {
    const base = {
      callId: 'c1',
      callerId: 'u1',
      callerUsername: 'alice',
      callType: 'voice',
      conversationId: '',
      timestamp: null,
      offer: null,
    };
    const extended = parseIncomingCall({
      ...base,
      callerDisplayName: 'Alice Moreau',
      callerAvatarUrl: 'https://pictures.example/a.png',
    });
    expect(extended).to.deep.include({ callerName: 'Alice Moreau', callerAvatarUrl: 'https://pictures.example/a.png' });
    for (const junk of [42, '', '   ', null, { name: 'x' }]) {
      const call = parseIncomingCall({ ...base, callerDisplayName: junk, callerAvatarUrl: junk });
      expect([call!.callerName, call!.callerAvatarUrl], JSON.stringify(junk)).to.deep.equal(['alice', undefined]);
    }
    expect(parseIncomingCall({ ...base, callerUsername: 7 })!.callerName).to.equal('');
  });

  it('drops malformed IncomingCall payloads', () => {
    for (const bad of [
      null,
      'c1',
      ['c1', 'u1'],
      { callId: 1, callerId: 'u', callType: 'video' },
      { callId: 'c', callerId: 'u', callType: 'fax' },
    ]) {
      expect(parseIncomingCall(bad), JSON.stringify(bad)).to.equal(null);
    }
  });

  it('reads SDP and candidate strings, and refuses what is not one', () => {
    expect(parseDescription(JSON.stringify({ type: 'offer', sdp: 'v=0' }))).to.deep.equal({
      type: 'offer',
      sdp: 'v=0',
    });
    expect(parseDescription('{"type":"rollback"}')).to.equal(null);
    expect(parseDescription('not json')).to.equal(null);
    expect(parseDescription({ type: 'offer', sdp: 'v=0' })).to.equal(null); // the wire carries strings
    expect(parseCandidate(JSON.stringify({ candidate: 'candidate:1', sdpMid: '0', sdpMLineIndex: 0 }))).to.deep.include(
      { candidate: 'candidate:1', sdpMid: '0' },
    );
    expect(parseCandidate('{"candidate":5}')).to.equal(null);
  });

  it('treats a missing or unknown end reason as a hang-up', () => {
    expect(parseEndReason(undefined)).to.equal('hangup');
    expect(parseEndReason('exploded')).to.equal('hangup');
    expect(parseEndReason('missed')).to.equal('missed');
  });

  it("maps the hub's and the browser's errors to codes", () => {
    expect(hubError('User is not online').code).to.equal('USER_OFFLINE');
    expect(hubError('User is not available for calls').code).to.equal('USER_UNAVAILABLE');
    expect(hubError('Call not found').code).to.equal('CALL_NOT_FOUND');
    expect(hubError('Not authorized to end this call').code).to.equal('SIGNALING_ERROR');
    expect(mediaError(new DOMException('x', 'NotAllowedError'), 'camera').code).to.equal('PERMISSION_DENIED');
    expect(mediaError(new DOMException('x', 'NotReadableError'), 'camera').message).to.equal(
      'The camera is in use by another program.',
    );
    expect(mediaError(new DOMException('x', 'NotFoundError'), 'microphone').code).to.equal('DEVICE_NOT_FOUND');
  });
});
