// The hub as `npm run hub` starts it (same config loading, same startHub), in a process started with
// --expose-gc and an IPC channel, so that bench/memory.mjs can ask for process.memoryUsage() after a
// full GC. Only for that measurement; no hub code is changed and no endpoint is added.
import { loadConfig } from '../../hub/src/config.ts';
import { startHub } from '../../hub/src/server.ts';
import { answerMemoryRequests } from './memory-probe.mjs';

const hub = await startHub(loadConfig());
console.log(`hub listening on ${hub.url}`);
answerMemoryRequests();
process.on('SIGTERM', () => hub.close().then(() => process.exit(0)));
