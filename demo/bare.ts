// Signs the bare page's provider in as ?user= and points its call button at the other person in
// ?conversation= (the demo page's own parameters).
import '../src/elements.js';
import directory from '../hub/fixtures/demo-directory.json';
import { hubUrl, signIn } from './sign-in.js';

const params = new URLSearchParams(location.search);
const me = directory.users.find((u) => u.userName === params.get('user'));
const conversation = directory.conversations.find((c) => c.id === params.get('conversation'));
const callee = directory.users.find((u) => u.id !== me?.id && conversation?.participantIds.includes(u.id));
const provider = document.querySelector('thrume-call-provider')!;
const button = document.querySelector('thrume-call-button')!;

if (me) {
  void signIn(me).then((accessTokenFactory) => {
    provider.accessTokenFactory = accessTokenFactory;
    provider.hubUrl = `${hubUrl}/chathub`;
  });
}
if (callee) {
  button.calleeId = callee.id;
  button.calleeName = callee.displayName;
  button.conversationId = conversation!.id;
}
