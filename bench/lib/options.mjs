// The benchmarks' command-line options, all numbers: `--name value`.
const argv = process.argv.slice(2);

/** The number after `--<name>` on the command line, or `fallback` when it is not given. */
export function numberOption(name, fallback) {
  const i = argv.indexOf(`--${name}`);
  return i === -1 ? fallback : Number(argv[i + 1]);
}
