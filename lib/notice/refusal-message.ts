/**
 * What a user who asked about a page that holds no notice is told (popup 识别本页, the keyboard
 * command's notification): a report on the tasks' progress, numbered points with no unit named for
 * any of them (measures, the report itself, a 解读), or just no notice.
 */
import { message, type Message } from '../message';

export function refusalMessage(refusal: { report?: boolean; numbered?: number }): Message {
  if (refusal.report) return message('recognise.report');
  if (refusal.numbered) return message('recognise.unassigned', undefined, refusal.numbered);
  return message('recognise.notNotice');
}
