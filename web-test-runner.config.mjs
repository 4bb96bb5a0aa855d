import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { chromiumArgs, chromiumPath } from './scripts/browser-flags.mjs';
import { plainSummaryReporter } from './scripts/wtr-summary.mjs';
import { hubsPlugin } from './scripts/wtr-hubs.mjs';
import { turnPlugin } from './scripts/wtr-turn.mjs';

/** Shared by the Chromium (this file) and Firefox configs. */
export function baseConfig(label) {
  const turn = turnPlugin(); // before the hubs: they sign credentials for it
  return {
    files: ['test/**/*.test.ts', '!test/aspnet/**'], // test/aspnet: the aspnet leg's own config
    nodeResolve: { exportConditions: ['production'] },
    concurrency: 1,
    reporters: [defaultReporter(), plainSummaryReporter(label)],
    testFramework: { config: { timeout: 20000 } },
    plugins: [
      esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }),
      turn,
      hubsPlugin(turn.hubEnv),
    ],
  };
}

export default {
  ...baseConfig('chromium'),
  browsers: [chromeLauncher({ launchOptions: { executablePath: chromiumPath, headless: true, args: chromiumArgs } })],
};
