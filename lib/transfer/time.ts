import { TIME_ZONE } from '../annotation/schedule';

const timeFormat = new Intl.DateTimeFormat('sv-SE', {
  timeZone: TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** 2026-11-25 16:30, Shanghai time: how exports and imports show an instant. */
export const shanghaiTime = (ms: number) => timeFormat.format(new Date(ms));
