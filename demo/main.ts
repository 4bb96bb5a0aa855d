// The demo: sign in as a demo user, pick a conversation, call the other participant.
// Open two windows (?user=alice and ?user=bob) to call yourself.
import { html, render, nothing } from 'lit';
import '../src/elements.js';
import directory from '../hub/fixtures/demo-directory.json';
import { hubUrl, signIn } from './sign-in.js';

type User = (typeof directory.users)[number];
const params = new URLSearchParams(location.search);
const me = directory.users.find((u) => u.userName === params.get('user'));
const app = document.getElementById('app')!;

const person = (id: string) => directory.users.find((u) => u.id === id);
const nameOf = (id: string) => person(id)?.displayName ?? 'Unknown';
/** The hub may say only the caller's user name (Thrume's does): the page knows their name. */
const peerResolver = (id: string) => {
  const known = person(id);
  return known && { name: known.displayName };
};
const conversationsOf = (user: User) =>
  directory.conversations
    .filter((c) => c.participantIds.includes(user.id))
    .map((c) => ({ id: c.id, otherId: c.participantIds.find((p) => p !== user.id)! }));

function signInPage() {
  return html`<header><h1>Thrume Calls demo</h1></header>
    <div class="people">
      <p>Sign in as a demo user. Open a second window as someone else to call between them.</p>
      ${directory.users.map((u) => html`<a href="?user=${u.userName}">${u.displayName}</a>`)}
    </div>`;
}

function conversationPage(user: User, accessTokenFactory: (() => string) | undefined) {
  const conversations = conversationsOf(user);
  const current = conversations.find((c) => c.id === params.get('conversation')) ?? conversations[0];
  const link = (c: { id: string; otherId: string }) => `?user=${user.userName}&conversation=${c.id}`;
  return html`<header>
      <h1>Thrume Calls demo</h1>
      <span>Signed in as <strong>${user.displayName}</strong></span>
      <a href="./">Switch user</a>
    </header>
    <thrume-call-provider hub-url="${hubUrl}/chathub" .accessTokenFactory=${accessTokenFactory} .peerResolver=${peerResolver}>
      <div class="layout">
        <nav aria-label="Conversations">
          <ul>
            ${conversations.map(
              (c) =>
                html`<li><a href=${link(c)} aria-current=${c === current ? 'page' : nothing}>${nameOf(c.otherId)}</a></li>`,
            )}
          </ul>
          ${conversations.length === 0 ? html`<p>No conversations: nobody to call.</p>` : nothing}
        </nav>
        <main>
          ${
            current
              ? html`<div class="conversation-header">
                <h2>${nameOf(current.otherId)}</h2>
                <thrume-call-button callee-id=${current.otherId} callee-name=${nameOf(current.otherId)} conversation-id=${current.id}></thrume-call-button>
              </div>`
              : nothing
          }
          <thrume-active-call></thrume-active-call>
          ${current ? html`<div class="messages">Messages with ${nameOf(current.otherId)} would be here.</div>` : nothing}
        </main>
      </div>
      <thrume-incoming-call></thrume-incoming-call>
    </thrume-call-provider>`;
}

if (!me) {
  render(signInPage(), app);
} else {
  signIn(me).then(
    (accessTokenFactory) => render(conversationPage(me, accessTokenFactory), app),
    (error: Error) => render(html`<p class="error" role="alert">${error.message}</p>`, app),
  );
}
