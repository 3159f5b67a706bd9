// Exports and imports show instants as the rest of duban does.
export { formatInstant as shanghaiTime } from '../annotation/schedule';
