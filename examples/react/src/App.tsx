// Two people, each in their own conversation view, calling each other over an in-memory hub: the
// example runs without a server. A real page gives the provider a `hub-url` instead of `signaling`.
import { LoopbackHub } from '@thrume/calls/testing';
import type { PeerResolver } from '@thrume/calls';
import { ConversationView, type Person } from './ConversationView.js';

const hub = new LoopbackHub();
const synthetic = new URLSearchParams(location.search).has('synthetic');
const alice: Person = { id: 'a11ce000-0000-4000-8000-000000000001', userName: 'alice', name: 'Alice Moreau' };
const bob: Person = { id: 'b0b00000-0000-4000-8000-000000000002', userName: 'bob', name: 'Bob Okafor' };
// Ids are GUIDs, as the hub's are. The hub tells the callee only the caller's id and user name, as Thrume's does; the app knows their names.
const people = [alice, bob];
const peerResolver: PeerResolver = (id) => people.find((p) => p.id === id);

export function App() {
  return (
    <main className="panes">
      <ConversationView
        hub={hub}
        me={alice}
        other={bob}
        peerResolver={peerResolver}
        conversationId="c0000000-0000-4000-8000-0000000000ab"
        synthetic={synthetic}
      />
      <ConversationView
        hub={hub}
        me={bob}
        other={alice}
        peerResolver={peerResolver}
        conversationId="c0000000-0000-4000-8000-0000000000ab"
        synthetic={synthetic}
      />
    </main>
  );
}
