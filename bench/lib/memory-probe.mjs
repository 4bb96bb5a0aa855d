// For processes started with --expose-gc and an IPC channel: on 'memory', three full GCs, then
// process.memoryUsage() is sent back.
export function answerMemoryRequests() {
  if (typeof process.send !== 'function' || typeof globalThis.gc !== 'function') return;
  process.on('message', async (message) => {
    if (message !== 'memory') return;
    for (let i = 0; i < 3; i++) {
      globalThis.gc();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    process.send(process.memoryUsage());
  });
  process.channel?.unref(); // the server's own handles keep the process alive, not the channel
}
