// WTR's own summary is a progress bar; this reporter prints a plain "<label>: N passed, N failed" last.
export function plainSummaryReporter(label) {
  return {
    onTestRunFinished({ sessions }) {
      let passed = 0;
      let failed = 0;
      let skipped = 0;
      const walk = (suite) => {
        for (const t of suite.tests ?? []) t.skipped ? skipped++ : t.passed ? passed++ : failed++;
        for (const child of suite.suites ?? []) walk(child);
      };
      for (const s of sessions) {
        if (s.testResults) walk(s.testResults);
        const empty = !s.testResults?.tests?.length && !s.testResults?.suites?.length;
        if (!s.passed && empty) failed++; // a file that failed to load counts as a failure
      }
      setTimeout(() => console.log(`${label}: ${passed} passed, ${failed} failed, ${skipped} skipped`), 0);
    },
  };
}
