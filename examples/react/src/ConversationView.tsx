// A conversation view: a header with the call buttons, the messages, and the incoming-call dialog and
// active call, all custom elements under one provider, typed by @thrume/calls/react.
import type {} from '@thrume/calls/react';
import { useMemo, useState } from 'react';
import type { LoopbackHub } from '@thrume/calls/testing';
import { SyntheticMedia } from '@thrume/calls/testing';
import type { PeerResolver } from '@thrume/calls';
import '../../shared/conversation-view.css';

export interface Person {
  readonly id: string;
  readonly userName: string;
  readonly name: string;
}

interface Props {
  readonly hub: LoopbackHub;
  readonly me: Person;
  readonly other: Person;
  readonly peerResolver: PeerResolver;
  readonly conversationId: string;
  readonly synthetic?: boolean;
}

const noIceServers: RTCIceServer[] = [];

export function ConversationView({ hub, me, other, peerResolver, conversationId, synthetic }: Props) {
  // One connection and one media service for the view's lifetime (the hub knows only user names).
  const signaling = useMemo(() => hub.connect({ id: me.id, name: me.userName }), [hub, me.id, me.userName]);
  const media = useMemo(() => (synthetic ? new SyntheticMedia(me.name) : undefined), [synthetic, me.name]);
  const [log, setLog] = useState([`${other.name}: Shall we talk?`]);

  return (
    <thrume-call-provider
      signaling={signaling}
      media={media}
      iceServers={noIceServers}
      peerResolver={peerResolver}
      data-party={me.userName}
    >
      <section className="conversation-view">
        <header className="header">
          <button className="back-button" type="button" aria-label="Back to messages">
            ←
          </button>
          <div className="conversation-info">
            <h1>{other.name}</h1>
            <thrume-call-button
              calleeId={other.id}
              calleeName={other.name}
              conversationId={conversationId}
              onthrume-call={(event) => setLog((lines) => [...lines, `${me.name} started a ${event.callType} call`])}
            />
          </div>
        </header>
        <ol className="messages">
          {log.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ol>
        <thrume-incoming-call />
        <thrume-active-call />
      </section>
    </thrume-call-provider>
  );
}
