// What the hub has answered is durable: once EndCallAsync or RejectCallAsync has completed, the call's
// history row survives a SIGKILL of the hub's process, in embedded SQLite and in PostgreSQL alike.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HttpTransportType, HubConnectionBuilder, LogLevel, type HubConnection } from '@microsoft/signalr';
import { startHubProcess } from '../../scripts/hub-process.mjs';
import { startPostgres } from '../../scripts/postgres-process.mjs';
import { ids } from './support/call-harness.ts';
import { removeDir, tempDataDir } from './support/hub-server.ts';

interface HubProcess {
  url: string;
  stop(): Promise<void>;
  kill(): Promise<unknown>;
}
const startHub = startHubProcess as (
  env: Record<string, string>,
  options: { keepData: boolean },
) => Promise<HubProcess>;

let postgres: { url: string; stop(): Promise<void> };
before(async () => {
  postgres = await startPostgres();
});
after(() => postgres.stop());

async function token(hub: HubProcess, userId: string): Promise<string> {
  const response = await fetch(`${hub.url}/api/auth/dev-token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId }),
  });
  return ((await response.json()) as { accessToken: string }).accessToken;
}

async function connect(hub: HubProcess, userId: string): Promise<HubConnection> {
  const accessToken = await token(hub, userId);
  const connection = new HubConnectionBuilder()
    .withUrl(`${hub.url}/chathub`, { accessTokenFactory: () => accessToken, transport: HttpTransportType.WebSockets })
    .configureLogging(LogLevel.None)
    .build();
  await connection.start();
  return connection;
}

async function statusAfterRestart(env: Record<string, string>, hub: HubProcess, callId: string): Promise<unknown> {
  const port = new URL(hub.url).port;
  const again = await startHub({ ...env, THRUME_HUB_PORT: port }, { keepData: true });
  try {
    const response = await fetch(`${again.url}/api/call/${callId}`, {
      headers: { authorization: `Bearer ${await token(again, ids.alice)}` },
    });
    assert.equal(response.status, 200, `GET /api/call/${callId} after the restart`);
    return ((await response.json()) as { status: unknown }).status;
  } finally {
    await again.stop();
  }
}

const stores: Record<string, () => { env: Record<string, string>; cleanUp: () => void }> = {
  'embedded SQLite': () => {
    const dir = tempDataDir();
    return { env: { THRUME_DATA_DIR: dir }, cleanUp: () => removeDir(dir) };
  },
  PostgreSQL: () => ({ env: { THRUME_DATABASE_URL: postgres.url, THRUME_DATA_DIR: 'memory' }, cleanUp: () => {} }),
};

for (const [name, make] of Object.entries(stores)) {
  describe(`acknowledged history survives SIGKILL: ${name}`, () => {
    const secret = { THRUME_JWT_SECRET: 'durability-test-signing-key-of-32-bytes' }; // tokens valid after the restart

    for (const [end, method, expected] of [
      ['hung up', 'EndCallAsync', 'Ended'],
      ['declined', 'RejectCallAsync', 'Rejected'],
    ] as const) {
      it(`a call ${end}: the row is there after the kill`, async () => {
        const { env: storeEnv, cleanUp } = make();
        const env = { ...storeEnv, ...secret };
        const hub = await startHub(env, { keepData: true });
        try {
          const [alice, bob] = await Promise.all([connect(hub, ids.alice), connect(hub, ids.bob)]);
          const callId = await alice.invoke<string>('InitiateCallAsync', ids.bob, 'voice', '');
          if (method === 'EndCallAsync') {
            await bob.invoke('AcceptCallAsync', callId);
            await alice.invoke('EndCallAsync', callId);
          } else {
            await bob.invoke('RejectCallAsync', callId, 'Busy');
          }
          await hub.kill(); // at once: nothing after the answer may be needed for the row to last
          await Promise.all([alice.stop(), bob.stop()]);
          assert.equal(await statusAfterRestart(env, hub, callId), expected);
        } finally {
          await hub.stop();
          cleanUp();
        }
      });
    }
  });
}

describe('a hub whose database cannot be had', () => {
  it('exits non-zero at start, naming THRUME_DATABASE_URL', async () => {
    const error = (await startHub({ THRUME_DATABASE_URL: 'postgres://thrume@127.0.0.1:9/thrume' }, { keepData: false })
      .then(() => null)
      .catch((e: unknown) => e)) as Error;
    assert.match(error.message, /exited with code 1/);
    assert.match(
      error.message,
      /Cannot start the hub: THRUME_DATABASE_URL: cannot open the hub database postgres:\/\/thrume@127\.0\.0\.1:9\/thrume: connect ECONNREFUSED/,
    );
  });
});

describe('a hub whose Redis cannot be had', () => {
  it('exits non-zero at start, naming THRUME_REDIS_URL and hiding its password', async () => {
    const error = (await startHub(
      { THRUME_REDIS_URL: 'redis://:sesame@127.0.0.1:9', THRUME_JWT_SECRET: 'x'.repeat(32) },
      { keepData: false },
    )
      .then(() => null)
      .catch((e: unknown) => e)) as Error;
    assert.match(error.message, /exited with code 1/);
    assert.match(
      error.message,
      /Cannot start the hub: THRUME_REDIS_URL \(redis:\/\/:\*\*\*@127\.0\.0\.1:9\) cannot be reached/,
    );
    assert.doesNotMatch(error.message, /sesame/);
  });
});
