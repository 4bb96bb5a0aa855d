// Turning a scene's recorded entries into comparable lines, and comparing two hubs' lines.
// Volatile values are normalised: call ids the server minted become <call#1>, <call#2>... in order of
// first appearance, timestamps become <timestamp> (after checking their format), demo ids become names.

const guid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const iso8601 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** .NET's round-trip ("O") format of a UTC DateTime, which Thrume's IncomingCall carries. */
const roundTrip = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}Z$/;

/**
 * Lines per connection label, in arrival order. `names` maps the values the script knows (demo users
 * and conversations, the unknown call id, the payloads it sends) to the placeholders that stand for them.
 */
export function transcriptOf(entries, names) {
  const minted = new Map();
  const normalise = (value) => {
    if (typeof value === 'string') return normaliseString(value, names, minted);
    if (Array.isArray(value)) return value.map(normalise);
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, normalise(v)]));
    }
    return value;
  };
  const lines = new Map();
  for (const entry of [...entries].sort((a, b) => a.seq - b.seq)) {
    if (!lines.has(entry.label)) lines.set(entry.label, []);
    lines.get(entry.label).push(render(entry, normalise));
  }
  return lines;
}

function normaliseString(text, names, minted) {
  if (names.has(text)) return names.get(text);
  if (guid.test(text)) {
    const key = text.toLowerCase();
    if (names.has(key)) return names.get(key);
    if (!minted.has(key)) minted.set(key, `<call#${minted.size + 1}>`);
    return minted.get(key);
  }
  if (iso8601.test(text) && !Number.isNaN(Date.parse(text))) {
    return roundTrip.test(text) ? '<timestamp>' : `<timestamp, not round-trip format: ${text}>`;
  }
  return text;
}

/** One entry as one line. Object keys are sorted: their order means nothing in JSON. */
function render(entry, normalise) {
  const args = (values) => normalise(values).map(json).join(', ');
  switch (entry.kind) {
    case 'event':
      return `event ${entry.name}(${args(entry.args)})`;
    case 'invoke':
      return `invoke ${entry.method}(${args(entry.args)})`;
    case 'completion': {
      if (entry.missing) return `completion ${entry.method}: none before the connection closed`;
      return `completion ${entry.method} → ${'error' in entry ? `error ${JSON.stringify(entry.error)}` : json(normalise(entry.result))}`;
    }
    case 'close-message':
      return `Close message ${JSON.stringify(entry.error)}`;
    case 'closed':
      return `connection closed${entry.error === null ? '' : `: ${entry.error}`}`;
    case 'log':
      return `client log ${entry.level}: ${entry.text}`;
    default:
      return `script: ${entry.text}`;
  }
}

function json(value) {
  return JSON.stringify(value, (_key, v) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}

/**
 * The differences between two transcripts, connection by connection: runs of lines that only one
 * side has, where the other side has other lines (or none), after the longest common subsequence.
 * @returns {{ connection: string, reference: string[], aspnet: string[] }[]}
 */
export function differences(reference, aspnet) {
  const labels = [...new Set([...reference.keys(), ...aspnet.keys()])];
  return labels.flatMap((connection) =>
    hunks(reference.get(connection) ?? [], aspnet.get(connection) ?? []).map((hunk) => ({ connection, ...hunk })),
  );
}

function hunks(a, b) {
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..]
  const lcs = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const result = [];
  let current = null;
  const flush = () => {
    if (current !== null) result.push(current);
    current = null;
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      flush();
      i++;
      j++;
      continue;
    }
    current ??= { reference: [], aspnet: [] };
    if (j >= b.length || (i < a.length && lcs[i + 1][j] >= lcs[i][j + 1])) current.reference.push(a[i++]);
    else current.aspnet.push(b[j++]);
  }
  flush();
  return result;
}
