// Runs the session on both hubs, compares the transcripts scene by scene against the known
// differences, and prints one line per scene and the summary line.
import { fileURLToPath } from 'node:url';
import { bobInUpperCase, fixScenes } from './fix-scenes.mjs';
import { answer, candidate, offer, scenes as baselineScenes, unknownCallId } from './scenes.mjs';
import { Session } from './session.mjs';
import { aspnetLabel, conversationIds, referenceLabel, startAspnet, startReferenceHub, userIds } from './targets.mjs';
import { differences, transcriptOf } from './transcript.mjs';

export const scenes = [...baselineScenes, ...fixScenes];

/** Placeholders for the values the script itself knows: a relayed payload shows as what was sent. */
const names = new Map([
  ...Object.entries(userIds).map(([name, id]) => [id, `<${name}>`]),
  ...Object.entries(conversationIds).map(([pair, id]) => [id, `<conversation ${pair}>`]),
  [unknownCallId, '<unknown call id>'],
  [bobInUpperCase, '<bob in upper case>'],
  [offer, '<offer SDP>'],
  [answer, '<answer SDP>'],
  [candidate(50000), '<candidate :50000>'],
  [candidate(50001), '<candidate :50001>'],
]);

/**
 * Runs every scene on both hubs and prints the outcome; resolves with the process exit code.
 * @param {{ scene: string, connection: string, hunks: { reference: string[], aspnet: string[] }[] }[]} known
 */
export async function runDifferential(known, { verbose = false } = {}) {
  process.chdir(fileURLToPath(new URL('../..', import.meta.url))); // the hub's start script runs from the root
  const started = [];
  // Whatever happens, the hubs this run started are stopped, by their PIDs.
  process.once('exit', () => started.forEach((hub) => killQuietly(hub.pid)));
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(1));
  let outcome;
  try {
    const [reference, aspnet] = await startBoth(started);
    outcome = await compareAll(reference, aspnet, known, verbose);
  } catch (error) {
    console.log(`✗ the session could not run: ${error.message}`);
    outcome = { passed: 0, failed: scenes.length };
  } finally {
    await Promise.allSettled(started.map((hub) => hub.stop()));
    started.length = 0;
  }
  console.log(`differential: ${outcome.passed} passed, ${outcome.failed} failed`);
  return outcome.failed === 0 ? 0 : 1;
}

/** Starts both hubs at once; one that cannot start fails the run with its own error message. */
async function startBoth(started) {
  const results = await Promise.allSettled([startReferenceHub(), startAspnet()]);
  for (const result of results) if (result.status === 'fulfilled') started.push(result.value);
  const failures = results.filter((result) => result.status === 'rejected').map((result) => result.reason.message);
  if (failures.length > 0) throw new Error(failures.join('\n'));
  return started;
}

async function compareAll(reference, aspnet, known, verbose) {
  let passed = 0;
  let failed = 0;
  const seen = new Set();
  for (const scene of scenes) {
    // One hub after the other: the two share two cores, and each scene's timing stays its own.
    const ours = await transcriptOfScene(reference, scene);
    const theirs = await transcriptOfScene(aspnet, scene);
    const left = unexpected(scene.name, differences(ours, theirs), known, seen);
    if (left.length === 0) {
      passed++;
      console.log(`✓ ${scene.name}`);
    } else {
      failed++;
      console.log(`✗ ${scene.name}: unexpected differences\n${left.map(describe).join('\n')}`);
    }
    if (verbose) {
      printTranscript(referenceLabel, ours);
      printTranscript(aspnetLabel, theirs);
    }
  }
  for (const row of known.filter((row) => !seen.has(row))) {
    failed++;
    console.log(`✗ known difference no longer seen: ${row.scene} / ${row.connection}: ${row.what}`);
  }
  return { passed, failed };
}

/** Runs one scene on one hub; a step that fails (an awaited event that never came) ends the scene, noted. */
async function transcriptOfScene(target, scene) {
  const session = new Session(target);
  try {
    await scene.run(session);
    await session.settle();
  } catch (error) {
    session.note(`scene stopped: ${error.message}`);
    await session.endCallsLeft();
  } finally {
    await session.close();
  }
  return transcriptOf(session.entries, names);
}

/**
 * The scene's differences, per connection, that no known row accounts for exactly (same scene,
 * connection and hunks); marks the rows that matched as seen.
 */
function unexpected(sceneName, found, known, seen) {
  const byConnection = new Map();
  for (const { connection, ...hunk } of found)
    byConnection.set(connection, [...(byConnection.get(connection) ?? []), hunk]);
  return [...byConnection].flatMap(([connection, hunks]) => {
    const row = known.find(
      (row) => row.scene === sceneName && row.connection === connection && sameHunks(row.hunks, hunks),
    );
    if (row === undefined) return [{ connection, hunks }];
    seen.add(row);
    return [];
  });
}

const sameLines = (a, b) => a.length === b.length && a.every((line, i) => line === b[i]);
const sameHunks = (a, b) =>
  a.length === b.length &&
  a.every((hunk, i) => sameLines(hunk.reference, b[i].reference) && sameLines(hunk.aspnet, b[i].aspnet));

/** A connection's differences, both sides, as the known-differences table would spell them. */
function describe({ connection, hunks }) {
  const width = Math.max(referenceLabel.length, aspnetLabel.length) + 1;
  const side = (label, lines) =>
    (lines.length === 0 ? ['(nothing)'] : lines).map(
      (line, i) => `${(i === 0 ? `${label}:` : '').padEnd(width)} ${line}`,
    );
  const blocks = hunks.map((hunk) => [...side(referenceLabel, hunk.reference), ...side(aspnetLabel, hunk.aspnet)]);
  const body = blocks.flatMap((block, i) => (i === 0 ? block : ['---', ...block]));
  return [`    ${connection}:`, ...body.map((line) => `      ${line}`)].join('\n');
}

function printTranscript(label, transcript) {
  console.log(`  ${label}:`);
  for (const [connection, lines] of transcript) for (const line of lines) console.log(`    ${connection}: ${line}`);
}

function killQuietly(pid) {
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // already gone
  }
}
