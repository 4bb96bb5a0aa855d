// The differential check: one scripted session against the reference hub in baseline mode and against
// the ASP.NET Core reproduction of Thrume's ChatHub (interop/aspnet), both through Microsoft's own
// SignalR client. Every difference in what a connection receives (events, arguments, error texts,
// order) must be a row of the table below, with its reason; a row that no longer occurs fails too.
// docs/hub-contract.md ("Known differences…") lists the same rows.
//
//   node interop/differential.mjs [--verbose]     last line: "differential: N passed, N failed"
import { runDifferential } from './differential/run.mjs';

/** IncomingCall as both hubs send it for a call from alice, in the transcript's normalised spelling. */
const incomingCall = (callType, conversation = 'alice-bob') =>
  `event IncomingCall({"callerId":"<alice>","callerUsername":"alice","callId":"<call#1>","callType":"${callType}",` +
  `"conversationId":"<conversation ${conversation}>","offer":null,"timestamp":"<timestamp>"})`;
const ended = 'event CallEnded("<call#1>")';
const endCall = 'invoke EndCallAsync("<call#1>")';
const endCallDone = 'completion EndCallAsync → null';
/** The completion of an invocation ASP.NET cannot bind; with detailed errors it names the fault. */
const bindingFailure = (method, detail = '') =>
  `completion ${method} → error "Failed to invoke '${method}' due to an error on the server.${detail}"`;
const argumentCount = (given, expected) =>
  ` InvalidDataException: Invocation provides ${given} argument(s) but target expects ${expected}.`;

// Why the hubs differ: one wording, and the Thrume bugs (docs/hub-contract.md §5) the reference hub fixes.
// The rows below say what each looks like on each connection.
const why = {
  detailedErrors:
    'The reference hub always words a binding failure as ASP.NET does with EnableDetailedErrors, naming the fault ' +
    '(it leaks nothing); Thrume enables detailed errors only in Development, so its deployed hub gives the bare ' +
    'text. Both fail the invocation, which is all a client can rely on.',
  B4accept:
    'Fixes B4: Thrume has no status check on AcceptCallAsync, so a second device of the callee takes the call over ' +
    '(the caller is told again, the first device is no longer told of the end). The reference hub keeps the first ' +
    'accepting connection and refuses the second with CallError "Call already accepted", a text Thrume never sends.',
  B4end:
    'Fixes B4: Thrume authorises by user, so any device of a participant ends the call (and, not being a stored ' +
    'connection, is not told). Only the two bound connections may end a call on the reference hub.',
  C3:
    'Fixes C3: Thrume ends nothing on a disconnect; the call stays and both users stay busy until someone ends it. ' +
    'The reference hub ends the call when a bound connection closes and tells the other side at once.',
  B5:
    'Fixes B5: Thrume sets any status silently, so "Ended" frees both users and tells nobody. The reference hub ' +
    'ends the call as EndCallAsync does, CallEnded to both bound connections.',
  B9:
    'Fixes B9: Thrume relays payloads unchecked. The reference hub relays an offer only if it is the JSON of an ' +
    'offer (within size), and drops others silently, as the baseline drops refused signaling.',
  B6:
    'Fixes B6: Thrume takes any integer string as a call type (and echoes "1" in IncomingCall). The reference hub ' +
    'takes only "voice" and "video", in any case.',
  B2:
    'Fixes B2: Thrume checks no relationship and echoes any conversation id. The reference hub rings only users ' +
    'who share the conversation (docs/hub-contract.md §4), refusing with the baseline text.',
  C8:
    'Fixes C8: Thrume looks presence up by the raw callee string, so a GUID in upper case reads as offline. The ' +
    'reference hub compares normalised GUIDs.',
};

/**
 * The known differences, matched exactly: for the scene and the connection, the runs of lines that
 * only the reference hub (`reference`) and only the ASP.NET hub (`aspnet`) have, in order.
 */
const knownDifferences = [
  {
    scene: 'wrong argument counts: InitiateCallAsync with 2, RejectCallAsync with 1',
    connection: 'alice',
    what: 'the error text of InitiateCallAsync with 2 arguments',
    why: why.detailedErrors,
    hunks: [
      {
        reference: [bindingFailure('InitiateCallAsync', argumentCount(2, 3))],
        aspnet: [bindingFailure('InitiateCallAsync')],
      },
    ],
  },
  {
    scene: 'wrong argument counts: InitiateCallAsync with 2, RejectCallAsync with 1',
    connection: 'bob',
    what: 'the error text of RejectCallAsync with 1 argument',
    why: why.detailedErrors,
    hunks: [
      {
        reference: [bindingFailure('RejectCallAsync', argumentCount(1, 2))],
        aspnet: [bindingFailure('RejectCallAsync')],
      },
    ],
  },
  {
    scene: "fix B4: the callee's second device accepts a connected call again",
    connection: 'alice',
    what: 'ASP.NET tells the caller CallAccepted a second time',
    why: why.B4accept,
    hunks: [{ reference: [], aspnet: ['event CallAccepted("<call#1>")'] }],
  },
  {
    scene: "fix B4: the callee's second device accepts a connected call again",
    connection: 'bob',
    what: 'the device that accepted first is told of the end on the reference hub only',
    why: why.B4accept,
    hunks: [{ reference: [ended], aspnet: [] }],
  },
  {
    scene: "fix B4: the callee's second device accepts a connected call again",
    connection: 'bob#2',
    what: 'the second accept: refused on the reference hub; on ASP.NET it connects, and is told of the end',
    why: why.B4accept,
    hunks: [
      { reference: ['event CallError("Call already accepted")'], aspnet: ['event CallConnected("<call#1>")'] },
      { reference: [], aspnet: [ended] },
    ],
  },
  {
    scene: 'fix B4: a device of the callee that did not accept ends the call',
    connection: 'alice',
    what: 'ASP.NET ends the call on the other device’s EndCallAsync, so the caller’s own end finds no call',
    why: why.B4end,
    hunks: [
      { reference: [endCall], aspnet: [] },
      { reference: [], aspnet: [endCall, 'event CallError("Call not found")'] },
    ],
  },
  {
    scene: 'fix B4: a device of the callee that did not accept ends the call',
    connection: 'bob#2',
    what: 'the reference hub refuses the other device’s EndCallAsync',
    why: why.B4end,
    hunks: [{ reference: ['event CallError("Not authorized to end this call")'], aspnet: [] }],
  },
  {
    scene: "fix C3: the callee's connection goes away mid-call",
    connection: 'alice',
    what: 'the reference hub ends the call on the disconnect; ASP.NET only on the caller’s EndCallAsync',
    why: why.C3,
    hunks: [
      { reference: [ended], aspnet: [] },
      { reference: ['event CallError("Call not found")'], aspnet: [ended] },
    ],
  },
  {
    scene: 'fix B5: UpdateCallStatusAsync("Ended") mid-call',
    connection: 'alice',
    what: 'CallEnded to the connection that set the status, on the reference hub only',
    why: why.B5,
    hunks: [{ reference: [ended], aspnet: [] }],
  },
  {
    scene: 'fix B5: UpdateCallStatusAsync("Ended") mid-call',
    connection: 'bob',
    what: 'CallEnded to the other side, on the reference hub only',
    why: why.B5,
    hunks: [{ reference: [ended], aspnet: [] }],
  },
  {
    scene: 'fix B9: an offer whose payload is not a session description',
    connection: 'bob',
    what: 'ASP.NET relays "not json" and an answer sent as an offer',
    why: why.B9,
    hunks: [
      {
        reference: [],
        aspnet: ['event ReceiveOffer("<call#1>", "not json")', 'event ReceiveOffer("<call#1>", "<answer SDP>")'],
      },
    ],
  },
  {
    scene: 'fix B6: a numeric call type',
    connection: 'alice',
    what: 'the reference hub refuses "1"; ASP.NET rings (and the script ends that call)',
    why: why.B6,
    hunks: [
      { reference: ['event CallError("Invalid call type")'], aspnet: ['event CallRinging("<call#1>")'] },
      { reference: [], aspnet: [endCall, ended, endCallDone] },
    ],
  },
  {
    scene: 'fix B6: a numeric call type',
    connection: 'bob',
    what: 'ASP.NET rings the callee with callType "1"',
    why: why.B6,
    hunks: [{ reference: [], aspnet: [incomingCall('1')] }],
  },
  {
    scene: 'fix B2: a call in a conversation the two do not share',
    connection: 'alice',
    what: 'the reference hub refuses the call; ASP.NET rings (and the script ends that call)',
    why: why.B2,
    hunks: [
      { reference: ['event CallError("User is not available for calls")'], aspnet: ['event CallRinging("<call#1>")'] },
      { reference: [], aspnet: [endCall, ended, endCallDone] },
    ],
  },
  {
    scene: 'fix B2: a call in a conversation the two do not share',
    connection: 'bob',
    what: 'ASP.NET rings the callee, naming the conversation of bob and carol',
    why: why.B2,
    hunks: [{ reference: [], aspnet: [incomingCall('voice', 'bob-carol')] }],
  },
  {
    scene: 'fix C8: the callee id in upper case',
    connection: 'alice',
    what: 'the reference hub rings (and the script ends that call); ASP.NET says "User is not online"',
    why: why.C8,
    hunks: [
      { reference: ['event CallRinging("<call#1>")'], aspnet: ['event CallError("User is not online")'] },
      { reference: [endCall, ended, endCallDone], aspnet: [] },
    ],
  },
  {
    scene: 'fix C8: the callee id in upper case',
    connection: 'bob',
    what: 'the reference hub rings the callee',
    why: why.C8,
    hunks: [{ reference: [incomingCall('voice')], aspnet: [] }],
  },
];

process.exitCode = await runDifferential(knownDifferences, { verbose: process.argv.includes('--verbose') });
