import { webdriverLauncher } from '@web/test-runner-webdriver';
import { baseConfig } from './web-test-runner.config.mjs';
import { startWebKitDriver } from './scripts/webkit-driver.mjs';

// WebKitGTK's MiniBrowser, Safari's engine, under its own Xvfb, driven over WebDriver classic. Debian's
// build has no RTCPeerConnection: the tests that need one skip here, saying so (test/support/needs.ts),
// and every file runs, none left out: the elements, devices with mock capture, Safari-style autoplay and
// the "no WebRTC" error path are covered. Not available over WebDriver classic: emulateMedia and
// setViewport (skip with needs('mediaEmulation') or needs('viewport')); and sendKeys({ type }) drops
// a repeated key ('hello' types 'helo'), so type text with one sendKeys({ press }) per character.
const driver = await startWebKitDriver();

export default {
  ...baseConfig('webkit'),
  browsers: [
    webdriverLauncher({
      hostname: '127.0.0.1',
      port: driver.port,
      path: '/',
      logLevel: 'warn',
      capabilities: {
        browserName: 'MiniBrowser',
        // Without it webdriverio asks for WebDriver BiDi, which WebKitWebDriver refuses.
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': {
          binary: driver.miniBrowser,
          args: ['--automation', '--enable-mock-capture-devices=true'],
        },
      },
    }),
  ],
};
