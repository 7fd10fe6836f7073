// The server's notion of "today": the calendar date in Việt Nam (UTC+7), from an injectable clock.
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

const VIETNAM_OFFSET_MS = 7 * 3_600_000;

export function todayInVietnam(clock: Clock): string {
  return new Date(clock().getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);
}
