import { OTHER_GROUP } from '../lib/summary/digests';
import type { ProgressGroup } from '../lib/summary/summary';
import { t } from '../utils/i18n';
import { StatusStackBar } from './StatusStackBar';

/** Items with no lead official or unit are counted under OTHER_GROUP, a name the UI words. */
const groupName = (g: ProgressGroup) => (g.name === OTHER_GROUP ? t('summary.otherGroup') : g.name);

/** Progress by lead official or by lead unit (popup): name, bar, done / total. */
export function ProgressGroups({ groups, caption }: { groups: ProgressGroup[]; caption: string }) {
  return (
    <table class="groups">
      <caption class="sr-only">{caption}</caption>
      <tbody>
        {groups.map((g) => (
          <tr key={g.name}>
            <th scope="row">{groupName(g)}</th>
            <td class="bar-cell">
              <StatusStackBar counts={g.counts} total={g.total} label={groupName(g)} />
            </td>
            <td class="num">
              {g.counts.done}/{g.total}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
