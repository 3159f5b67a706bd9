import { describe, expect, it } from 'vitest';
import { refusalMessage } from './refusal-message';

describe('refusalMessage: what a user who asked about a page holding no notice is told', () => {
  it('says a report on the tasks is one, whatever it numbers', () => {
    expect(refusalMessage({ report: true, numbered: 6 })).toEqual({ code: 'recognise.report' });
  });

  it('says how many numbered points name no unit', () => {
    expect(refusalMessage({ numbered: 10 })).toEqual({ code: 'recognise.unassigned', count: 10 });
  });

  it('says no notice when the page lists nothing', () => {
    expect(refusalMessage({})).toEqual({ code: 'recognise.notNotice' });
    expect(refusalMessage({ report: false, numbered: 0 })).toEqual({ code: 'recognise.notNotice' });
  });
});
