import { describe, expect, it } from 'vitest';
import { NoticeItemSchema } from './schema';
import { itemLeaders, leadUnit, unitsByRole } from './units';

describe('the lead unit of an item', () => {
  it('is the unit marked lead, else the first listed', () => {
    expect(leadUnit([{ name: '区发改局', lead: false }, { name: '区财政局', lead: true }])?.name).toBe('区财政局');
    expect(leadUnit([{ name: '区发改局', lead: false }, { name: '区财政局', lead: false }])?.name).toBe('区发改局');
    expect(leadUnit([])).toBeUndefined();
  });
});

describe('the units of an item by role', () => {
  it('splits lead units from co units, roles stated or not', () => {
    expect(unitsByRole([{ name: '区发改局', lead: true, role: 'lead' }, { name: '区财政局', lead: true, role: 'lead' }, { name: '各街道', lead: false, role: 'co' }]))
      .toEqual({ lead: ['区发改局', '区财政局'], co: ['各街道'] });
    expect(unitsByRole([{ name: '区发改局', lead: false }, { name: '区财政局', lead: false }])).toEqual({ lead: ['区发改局'], co: ['区财政局'] });
    expect(unitsByRole([])).toEqual({ lead: [], co: [] });
  });
  it('names no lead where the notice says none leads (roles stated, none lead: 分别负责, 按职责分工负责)', () => {
    const none = [{ name: '国务院各部门', lead: false, role: 'co' as const }, { name: '各地区', lead: false, role: 'co' as const }];
    expect(leadUnit(none)).toBeUndefined();
    expect(unitsByRole(none)).toEqual({ lead: [], co: ['国务院各部门', '各地区'] });
  });
});

describe('the lead officials of an item', () => {
  const section = { leader: '冯晶区长', heading: '一、冯晶区长牵头工作' };
  it('are its own when named, else its section’s', () => {
    expect(itemLeaders({ leaders: ['张三', '李四'] }, section)).toEqual(['张三', '李四']);
    expect(itemLeaders({ leaders: [] }, section)).toEqual(['冯晶区长']);
    expect(itemLeaders({}, undefined)).toEqual([]);
    expect(itemLeaders({}, { leader: '', heading: '一、综合' })).toEqual([]);
  });
  it('are none when the section names no one: a theme heading stands for its leader only as a group', () => {
    const theme = { leader: '一、坚持系统集成，推动审批全链条优化', heading: '一、坚持系统集成，推动审批全链条优化' };
    expect(itemLeaders({ leaders: [] }, theme)).toEqual([]);
  });
});

describe('an item from a content script', () => {
  const item = { key: '1', number: 1, text: '推进城市更新', section: 1, units: [{ name: '区建设局', lead: true }], fingerprint: 'f' };
  it('may carry roles, leaders and a deadline', () => {
    const full = { ...item, units: [{ name: '区建设局', lead: true, role: 'lead' }, { name: '各街道', lead: false, role: 'co' }], leaders: ['冯晶区长'], deadline: '2024年6月底前' };
    expect(NoticeItemSchema.parse(full)).toEqual(full);
  });
  it('is refused when a unit is marked lead against its role', () => {
    expect(NoticeItemSchema.safeParse({ ...item, units: [{ name: '区建设局', lead: true, role: 'co' }] }).success).toBe(false);
  });
});
