// Keeps the device lists current: once at start, and on every `devicechange`.
import type { DeviceState } from './call-state.js';
import type { MediaService } from './media.js';

type DeviceLists = Pick<DeviceState, 'microphones' | 'cameras' | 'speakers'>;

/** Lists devices now and on every change; `refresh` again once permission is granted (labels appear). */
export function watchDevices(
  media: MediaService,
  onChange: (devices: DeviceLists) => void,
): { refresh(): void; stop(): void } {
  let stopped = false;
  const refresh = async () => {
    const all = await media.listDevices().catch(() => []);
    if (stopped) return;
    onChange({
      microphones: all.filter((d) => d.kind === 'audioinput'),
      cameras: all.filter((d) => d.kind === 'videoinput'),
      speakers: all.filter((d) => d.kind === 'audiooutput'),
    });
  };
  void refresh();
  const unsubscribe = media.onDeviceChange(() => void refresh());
  return {
    refresh: () => void refresh(),
    stop: () => {
      stopped = true;
      unsubscribe();
    },
  };
}
