// One scene's connections, recorded. Every party is a real @microsoft/signalr client (JSON protocol,
// WebSockets). What it sends and receives is recorded in the protocol layer, so the transcript keeps
// the wire order of events and completions, and events with no handler keep their exact name and
// arguments (the client itself would only log a lower-cased name).
import { HubConnectionBuilder, JsonHubProtocol, LogLevel, MessageType } from '@microsoft/signalr';
import { clientEvents } from '@thrume/calls-contract';

/** Not a hub method on either hub: its completion proves the server ran OnConnectedAsync (presence) first. */
const readyProbe = 'DifferentialReadyProbe';
const expectTimeoutMs = 5_000;

export class Session {
  /** @param {{ connectionOptions(user: string): Promise<object> }} target */
  constructor(target, { quietMs = 150, maxSettleMs = 5_000 } = {}) {
    this.target = target;
    this.quietMs = quietMs;
    this.maxSettleMs = maxSettleMs;
    /** Every recorded entry of the scene: `{ seq, label, kind, ... }`, in arrival order. */
    this.entries = [];
    this.parties = [];
    this.lastActivity = performance.now();
  }

  /** Opens one connection per user, labelled by user name, and waits until the hub knows each is online. */
  async connect(...users) {
    const parties = [];
    for (const user of users) parties.push(await Party.open(this, user));
    return parties;
  }

  record(label, entry) {
    this.entries.push({ seq: this.entries.length, label, ...entry });
  }

  /** Notes what the script itself saw go wrong (a timeout, say): part of the transcript, under "(script)". */
  note(text) {
    this.record('(script)', { kind: 'note', text });
  }

  /** Resolves once no connection has received anything for `quietMs` (at most `maxSettleMs`). */
  async settle() {
    const deadline = performance.now() + this.maxSettleMs;
    for (;;) {
      const quietFor = performance.now() - this.lastActivity;
      if (quietFor >= this.quietMs || performance.now() >= deadline) return;
      await sleep(this.quietMs - quietFor);
    }
  }

  /** Stops every connection; whatever they receive while closing is no longer recorded. */
  async close() {
    for (const party of this.parties) party.closing = true;
    await Promise.allSettled(this.parties.map((party) => party.connection.stop()));
  }

  /**
   * After a scene that stopped half-way: each caller ends the calls it was told ring, unrecorded, so
   * that Thrume's hub (which ends nothing on a disconnect) does not leave the next scene's users busy.
   */
  async endCallsLeft() {
    for (const party of this.parties) party.closing = true;
    for (const entry of this.entries.filter((e) => e.kind === 'event' && e.name === 'CallRinging')) {
      const caller = this.parties.find((party) => party.label === entry.label);
      await caller.connection.invoke('EndCallAsync', entry.args[0]).catch(() => {});
    }
  }
}

class Party {
  static async open(session, user) {
    const others = session.parties.filter((p) => p.user === user).length;
    const label = others === 0 ? user : `${user}#${others + 1}`;
    const party = new Party(session, user, label);
    const options = await session.target.connectionOptions(user);
    party.connection = new HubConnectionBuilder()
      .withUrl(`${session.target.url}/chathub`, options)
      .withHubProtocol(party.recordingProtocol())
      .configureLogging(party.logger())
      .build();
    // Handlers for the baseline's events, so that the client does not warn about them; the protocol records them.
    for (const name of Object.values(clientEvents)) party.connection.on(name, () => {});
    party.connection.onclose((error) => {
      if (party.closing) return;
      for (const method of party.pending.values()) party.record({ kind: 'completion', method, missing: true });
      party.pending.clear();
      party.record({ kind: 'closed', error: error?.message ?? null });
    });
    session.parties.push(party);
    await party.connection.start();
    await party.connection.invoke(readyProbe).catch(() => {});
    return party;
  }

  constructor(session, user, label) {
    this.session = session;
    this.user = user;
    this.label = label;
    this.closing = false;
    /** Invocations sent and not yet completed, by invocation id. */
    this.pending = new Map();
    /** Events `expect` has handed out already. */
    this.consumed = new Set();
  }

  record(entry) {
    this.session.record(this.label, entry);
  }

  /** Invokes `method` and settles: every connection's reaction is in the transcript when this resolves. */
  async invoke(method, ...args) {
    try {
      await this.connection.invoke(method, ...args);
    } catch {
      // The protocol records the invocation and its completion (or, at close, that none came).
    }
    await this.session.settle();
  }

  /** The arguments of the next `name` event not yet handed out; waits for it up to 5 s. */
  async expect(name) {
    const deadline = performance.now() + expectTimeoutMs;
    for (;;) {
      const args = this.take(name);
      if (args !== null) return args;
      if (performance.now() >= deadline) throw new Error(`${this.label} received no ${name} within 5 s`);
      await sleep(20);
    }
  }

  /** The arguments of the next `name` event not yet handed out, or null when there is none (yet). */
  take(name) {
    const entry = this.session.entries.find(
      (e) => e.label === this.label && e.kind === 'event' && e.name === name && !this.consumed.has(e.seq),
    );
    if (entry === undefined) return null;
    this.consumed.add(entry.seq);
    return entry.args;
  }

  /** Closes this connection mid-scene, as a tab that goes away, and settles. */
  async leave() {
    this.closing = true;
    await this.connection.stop();
    this.session.lastActivity = performance.now(); // the hub reacts to the close from now on
    await this.session.settle();
  }

  /** JSON hub protocol that records the invocations this party sends and every message it receives. */
  recordingProtocol() {
    const protocol = new JsonHubProtocol();
    const write = protocol.writeMessage.bind(protocol);
    const parse = protocol.parseMessages.bind(protocol);
    protocol.writeMessage = (message) => {
      if (message.type === MessageType.Invocation && message.target !== readyProbe && message.invocationId) {
        this.pending.set(message.invocationId, message.target);
        if (!this.closing) this.record({ kind: 'invoke', method: message.target, args: message.arguments });
      }
      return write(message);
    };
    protocol.parseMessages = (input, logger) => {
      const messages = parse(input, logger);
      this.session.lastActivity = performance.now();
      if (!this.closing) for (const message of messages) this.received(message);
      return messages;
    };
    return protocol;
  }

  received(message) {
    if (message.type === MessageType.Invocation) {
      this.record({ kind: 'event', name: message.target, args: message.arguments });
    } else if (message.type === MessageType.Completion) {
      const method = this.pending.get(message.invocationId);
      if (method === undefined) return; // the ready probe
      this.pending.delete(message.invocationId);
      const outcome = message.error !== undefined ? { error: message.error } : { result: message.result ?? null };
      this.record({ kind: 'completion', method, ...outcome });
    } else if (message.type === MessageType.Close) {
      this.record({ kind: 'close-message', error: message.error ?? null });
    }
  }

  /** The client's own warnings and errors go into the transcript, except the one for an event with no handler. */
  logger() {
    return {
      log: (level, text) => {
        if (level < LogLevel.Warning || this.closing) return;
        if (/^No client method with the name '.*' found\.$/.test(text)) return; // recorded as the event itself
        this.record({ kind: 'log', level: LogLevel[level], text });
      },
    };
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
