import puppeteer from 'puppeteer-core';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { defaultReporter } from '@web/test-runner';
import { chromiumArgs, chromiumPath, firefoxPath, firefoxPrefs } from './scripts/browser-flags.mjs';
import { plainSummaryReporter } from './scripts/wtr-summary.mjs';
import { aspnetPlugin, onThrumeSite } from './scripts/wtr-aspnet.mjs';

// The aspnet leg's browser tests (test/aspnet/), against Microsoft's SignalR server, in the browser that
// THRUME_BROWSER names: chromium (the default) or firefox.
const browser = process.env.THRUME_BROWSER ?? 'chromium';
const launchOptions = {
  chromium: { executablePath: chromiumPath, headless: true, args: chromiumArgs },
  firefox: { browser: 'firefox', executablePath: firefoxPath, headless: true, extraPrefsFirefox: firefoxPrefs },
}[browser];
if (!launchOptions) throw new Error(`THRUME_BROWSER is "${browser}": it must be chromium or firefox`);

export default {
  files: ['test/aspnet/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production'] },
  concurrency: 1,
  reporters: [defaultReporter(), plainSummaryReporter(`aspnet ${browser}`)],
  testFramework: { config: { timeout: 20000 } },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' }), aspnetPlugin()],
  browsers: [onThrumeSite(chromeLauncher({ launchOptions, ...(browser === 'firefox' ? { puppeteer } : {}) }))],
};
