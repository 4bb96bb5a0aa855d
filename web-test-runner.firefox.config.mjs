import puppeteer from 'puppeteer-core';
import { chromeLauncher } from '@web/test-runner-chrome';
import { baseConfig } from './web-test-runner.config.mjs';
import { firefoxPath, firefoxPrefs } from './scripts/browser-flags.mjs';

// Firefox ESR driven by puppeteer-core over WebDriver BiDi (Debian ships no geckodriver).
export default {
  ...baseConfig('firefox'),
  browsers: [
    chromeLauncher({
      puppeteer,
      launchOptions: {
        browser: 'firefox',
        executablePath: firefoxPath,
        headless: true,
        extraPrefsFirefox: firefoxPrefs,
      },
    }),
  ],
};
