import type { ProgressGroup } from '../lib/summary/summary';
import { StatusStackBar } from './StatusStackBar';

/** Progress by lead official or by lead unit (popup): name, bar, done / total. */
export function ProgressGroups({ groups, caption }: { groups: ProgressGroup[]; caption: string }) {
  return (
    <table class="groups">
      <caption class="sr-only">{caption}</caption>
      <tbody>
        {groups.map((g) => (
          <tr key={g.name}>
            <th scope="row">{g.name}</th>
            <td class="bar-cell">
              <StatusStackBar counts={g.counts} total={g.total} label={g.name} />
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
