// For the scripts that drive a call in Chromium through Playwright: waits for `count` video frames
// rendered by the <video> that `locator` finds, and resolves with their width (rejects after 10 s).
export function renderedFrames(locator, count = 5) {
  return locator.evaluate(
    (video, wanted) =>
      new Promise((resolve, reject) => {
        let seen = 0;
        setTimeout(() => reject(new Error(`only ${seen} of ${wanted} frames in 10 s`)), 10_000);
        const next = () =>
          video.requestVideoFrameCallback((_t, meta) => (++seen >= wanted ? resolve(meta.width) : next()));
        next();
      }),
    count,
  );
}
